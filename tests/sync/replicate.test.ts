import { describe, expect, test } from 'vitest';
import { createSync } from '../../src/sync/index.js';
import { fastRetry, makeDb, remoteUrl } from './helpers/env.js';

describe('two browsers through pouchdb-server', () => {
  test('offline edits on both converge, nothing lost', async () => {
    const remote = remoteUrl();
    const a = makeDb();
    const b = makeDb();
    const sa = createSync(a, { remote, tables: ['notes'], retry: fastRetry });
    const sb = createSync(b, { remote, tables: ['notes'], retry: fastRetry });
    await a.table('notes').bulkPut([{ id: 'n1', title: 'one', body: 'x' }, { id: 'n2', title: 'two' }]);
    expect((await sa.syncOnce()).ok).toBe(true);
    expect(await sb.syncOnce()).toMatchObject({ ok: true, pulled: 2 });
    expect(await b.table('notes').get('n1')).toEqual({ id: 'n1', title: 'one', body: 'x' });
    // offline on both: different fields of n1, a new note each
    await a.table('notes').update('n1', { title: 'ONE' });
    await new Promise((r) => setTimeout(r, 5));
    await b.table('notes').update('n1', { body: 'y' });
    await a.table('notes').put({ id: 'a1', title: 'from a' });
    await b.table('notes').put({ id: 'b1', title: 'from b' });
    await sa.syncOnce();
    const rb = await sb.syncOnce();
    expect(rb.ok).toBe(true);
    expect(rb.conflictsResolved).toBe(1);
    await sa.syncOnce();
    const docsA = await a.table('notes').orderBy('id').toArray();
    const docsB = await b.table('notes').orderBy('id').toArray();
    expect(docsA).toEqual(docsB);
    expect(docsA.find((d) => d.id === 'n1')).toEqual({ id: 'n1', title: 'ONE', body: 'y' });
    expect(docsA.map((d) => d.id)).toEqual(['a1', 'b1', 'n1', 'n2']);
    // and nothing left to do: another round moves nothing
    expect(await sa.syncOnce()).toMatchObject({ ok: true, pulled: 0, pushed: 0 });
    expect(await sb.syncOnce()).toMatchObject({ ok: true, pulled: 0, pushed: 0 });
  });
});
