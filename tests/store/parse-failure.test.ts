import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// Fault injection: the segmenter has no input it fails on today, but a future bug must not lose a clipping.
const failing = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/parse/index.js', async (original) => {
  const real = await original<typeof import('../../src/parse/index.js')>();
  return { ...real, parsePage: (...args: Parameters<typeof real.parsePage>) => {
    if (failing.on) throw new Error('unexpected layout at line 3');
    return real.parsePage(...args);
  } };
});
const { createEngine } = await import('../../src/engine/engine.js');
const { PresscutDB } = await import('../../src/store/db.js');

const JILIN = readFileSync(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url), 'utf8');

describe('a segmenter that fails', () => {
  it('keeps the text with the error, for ingest and for a batch, and a later parse recovers it', async () => {
    const db = new PresscutDB(`parse-failure-${process.pid}`);
    const engine = createEngine(db);
    failing.on = true;
    const r = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    expect(r).toMatchObject({ created: true, articleIds: [], parseError: 'the segmenter failed on this text: unexpected layout at line 3' });
    const [many] = await engine.ingestMany([{ text: 'Council backs bridge\n\nThe council voted.\n', source: { via: 'file' } }]);
    expect(many).toMatchObject({ created: true, parseError: expect.stringMatching(/segmenter failed/) });
    expect((await db.clippings.get(r.clippingId))!.text).toBe(JILIN);
    expect((await engine.listClippings(0, 10)).map((c) => c.parseError)).toEqual([expect.stringMatching(/failed/), expect.stringMatching(/failed/)]);
    failing.on = false;
    expect(await engine.reparseOutdated()).toMatchObject({ clippings: 2, articles: 8 });
    expect((await db.clippings.get(r.clippingId))!.parseError).toBeNull();
  });
});
