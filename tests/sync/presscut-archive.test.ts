// Presscut's own archive through the sync session the extension runs (src/engine/sync-session.ts), between two
// databases ("browsers") and the embedded sync server: what arrives is listed, searchable and merged.
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEngine, openDatabase } from '../../src/engine/engine.js';
import { createSyncSession, type SyncEvent, type SyncSettings } from '../../src/engine/sync-session.js';
import type { Engine } from '../../src/engine/types.js';
import { embeddedServer, type EmbeddedServer } from './helpers/embedded-server.js';
import { uniqueName } from './helpers/env.js';
import { freePort } from './server.setup.js';

const JILIN = readFileSync(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url), 'utf8');
const auth = { username: 'reader', password: 'pw' };
let dataDir: string;
let server: EmbeddedServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'presscut-archive-sync-'));
  server = embeddedServer({ dataDir, port: await freePort(), origin: 'chrome-extension://x', user: auth.username, password: auth.password });
  await server.start();
}, 30_000);

afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Settings for a new, empty remote database. */
const fresh = (): SyncSettings => ({ remote: `${server.url}/${uniqueName('archive')}`, ...auth });

function browser() {
  const db = openDatabase(uniqueName('presscut'));
  const engine: Engine = createEngine(db);
  const session = createSyncSession(db);
  const events: SyncEvent[] = [];
  session.onSync((e) => events.push(e));
  return { db, engine, session, events };
}

async function searchIds(engine: Engine, query: string): Promise<string[]> {
  return (await engine.search(query, { limit: 50 })).hits.map((h) => h.articleId).sort();
}

describe('the Presscut archive through the sync session', () => {
  test('arrives whole in another browser: articles, search, collections, tags, notes, corrections', async () => {
    const settings = fresh();
    const a = browser(), b = browser();
    const { articleIds } = await a.engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const [first, second] = articleIds as [string, string];
    const shelf = await a.engine.createCollection('疫情防控');
    await a.engine.addToCollection(shelf.id, [first, second]);
    await a.engine.setTags(first, ['covid', '政策']);
    await a.engine.setNote(first, 'the twenty measures');
    await a.engine.updateArticle(second, { headline: 'A corrected headline about autumn grain' });
    expect((await a.session.syncState(settings)).pending).toBeGreaterThanOrEqual(articleIds.length + 5);

    const sentA = await a.session.syncRun(settings);
    expect(sentA).toMatchObject({ state: 'idle', pending: 0, last: { ok: true } });
    const gotB = await b.session.syncRun(settings);
    expect(gotB).toMatchObject({ state: 'idle', pending: 0, last: { ok: true } });

    expect(await b.engine.listArticles(0, 50)).toEqual(await a.engine.listArticles(0, 50));
    expect(await b.engine.countArticles()).toBe(articleIds.length);
    // The index was refreshed from what arrived, corrections included.
    expect(await searchIds(b.engine, '疫情防控')).toEqual(await searchIds(a.engine, '疫情防控'));
    expect(await searchIds(b.engine, 'autumn grain')).toEqual([second]);
    expect(await searchIds(b.engine, 'in:疫情防控')).toEqual([first, second].sort());
    expect((await b.engine.listCollections()).map((c) => [c.name, c.articleCount])).toEqual([['疫情防控', 2]]);
    expect(await b.engine.getAnnotation(first)).toEqual(await a.engine.getAnnotation(first));
    expect((await b.engine.getArticle(second))!.headline).toBe('A corrected headline about autumn grain');
    // The host was told which clipping changed, for the lists to refresh.
    const applied = b.events.filter((e) => e.type === 'applied').flatMap((e) => (e.type === 'applied' ? e.clippingIds : []));
    expect(new Set(applied)).toEqual(new Set([(await a.engine.listArticles(0, 1))[0]!.clippingId]));
  }, 60_000);

  test('concurrent edits of one article on two browsers all survive: corrections of different fields, tags', async () => {
    const settings = fresh();
    const a = browser(), b = browser();
    const { articleIds } = await a.engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const id = articleIds[1]!;
    await a.session.syncRun(settings);
    await b.session.syncRun(settings);

    await a.engine.updateArticle(id, { headline: 'Headline fixed on the laptop' });
    await a.engine.setTags(id, ['harvest']);
    await b.engine.updateArticle(id, { dateline: 'Changchun, 10 November' });
    await b.engine.setTags(id, ['Jilin']);
    for (const x of [a, b, a]) expect((await x.session.syncRun(settings)).last?.ok).toBe(true);

    for (const x of [a, b]) {
      const view = (await x.engine.getArticle(id))!;
      expect([view.headline, view.dateline]).toEqual(['Headline fixed on the laptop', 'Changchun, 10 November']);
      expect(view.corrected.sort()).toEqual(['dateline', 'headline']);
      expect((await x.engine.getAnnotation(id))!.tags.sort()).toEqual(['Jilin', 'harvest']);
      expect(await searchIds(x.engine, 'laptop')).toEqual([id]);
    }
  }, 60_000);

  test('with a passphrase the server holds ciphertext; a browser with another passphrase is told and changes nothing', async () => {
    const settings = { ...fresh(), passphrase: 'correct horse battery staple' };
    const a = browser(), b = browser();
    await a.engine.ingest({ text: JILIN, source: { via: 'paste' } });
    expect((await a.session.syncRun(settings)).last?.ok).toBe(true);
    const raw = await (await fetch(`${settings.remote}/_all_docs?include_docs=true`, {
      headers: { authorization: 'Basic ' + Buffer.from(`${auth.username}:${auth.password}`).toString('base64') },
    })).text();
    expect(raw).toContain('"ct"');
    expect(raw).not.toContain('新华社');

    await b.engine.createCollection('mine');
    const wrong = await b.session.syncRun({ ...settings, passphrase: 'another one' });
    expect(wrong).toMatchObject({ state: 'error', error: { code: 'wrong-passphrase' } });
    expect(await b.engine.countArticles()).toBe(0);
    expect((await a.session.syncRun(settings)).last?.ok).toBe(true);
    expect(await a.engine.listCollections()).toEqual([]);
    // The right passphrase then brings everything.
    expect((await b.session.syncRun(settings)).last?.ok).toBe(true);
    expect(await b.engine.listArticles(0, 50)).toEqual(await a.engine.listArticles(0, 50));
  }, 60_000);

  test('a re-parse that keeps an article id records one edit of it, not a deletion and a new record', async () => {
    const a = browser();
    const { articleIds } = await a.engine.ingest({ text: JILIN, source: { via: 'paste' } });
    expect((await a.engine.reparse()).articles).toBe(articleIds.length);
    const docs = (await a.db.table('_sync_docs').bulkGet(articleIds.map((id) => `articles:${id}`))) as
      { w: string; revs: Record<string, { d?: 1 }> }[];
    for (const d of docs) {
      expect(d.w.split('-')[0]).toBe('2');
      expect(Object.values(d.revs).some((r) => r.d === 1)).toBe(false);
    }
  });

  test('settings with an insecure remote are reported as an error of the session', async () => {
    const a = browser();
    await a.engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const insecure = await a.session.syncRun({ remote: 'http://sync.example.org/presscut', username: 'u', password: 'p' });
    expect(insecure).toMatchObject({ state: 'error', error: { code: 'insecure-remote' }, last: { ok: false } });
  });
});
