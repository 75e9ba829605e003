import 'fake-indexeddb/auto';
import { describe, expect, inject, test } from 'vitest';
import { createSync, trackChanges } from '../../src/sync/index.js';
import { fastRetry, makeDb, remoteUrl, uniqueName } from './helpers/env.js';
import { startProxy } from './helpers/proxy.js';

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

describe('checkpoints and idempotence', () => {
  test('a second sync transfers nothing; a restart resumes from the checkpoints', async () => {
    const proxy = await startProxy(inject('pouchServer'), () => 'pass');
    try {
      const remote = `${proxy.url}/${uniqueName('db')}`;
      const a = makeDb();
      const sa = createSync(a, { remote, tables: ['notes'], retry: fastRetry });
      await a.table('notes').bulkPut(Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, title: `t${i}` })));
      expect(await sa.syncOnce()).toMatchObject({ ok: true, pushed: 30 });
      // a second Sync object (a restarted extension) on the same database
      const sa2 = createSync(a, { remote, tables: ['notes'], retry: fastRetry });
      const before = proxy.seen.length;
      expect(await sa2.syncOnce()).toMatchObject({ ok: true, pulled: 0, pushed: 0 });
      const paths = proxy.seen.slice(before).map((r) => r.path);
      expect(paths.some((p) => p.includes('_bulk_get') || p.includes('_bulk_docs') || p.includes('_revs_diff'))).toBe(false);
      // one edited record after that: the cycle needs _changes, _revs_diff, _bulk_docs and the checkpoint
      await a.table('notes').update('n3', { title: 'edited' });
      const mark = proxy.seen.length;
      expect(await sa2.syncOnce()).toMatchObject({ ok: true, pushed: 1 });
      expect(proxy.seen.slice(mark).map((r) => `${r.method} ${r.path.replace(/\?.*/, '').split('/').slice(2).join('/')}`)).toEqual([
        'GET _changes', 'POST _revs_diff', 'POST _bulk_docs', 'PUT _local/' + proxy.seen.at(-1)!.path.split('/_local/')[1],
      ]);
    } finally {
      await proxy.close();
    }
  });

  test('changes delivered twice (a feed that always restarts, documents repeated in a batch) change nothing', async () => {
    const remote = remoteUrl();
    const a = makeDb();
    const sa = createSync(a, { remote, tables: ['notes'], retry: fastRetry });
    await a.table('notes').bulkPut([{ id: 'x', v: 1 }, { id: 'y', v: 1 }]);
    await sa.syncOnce();
    await a.table('notes').update('x', { v: 2 });
    await sa.syncOnce();
    const target = new URL(remote);
    const proxy = await startProxy(target.origin, (req) => 'pass', (path, body) => {
      const b = body as { results?: unknown[] };
      if (path.includes('_changes') || path.includes('_bulk_get')) return { ...b, results: [...(b.results ?? []), ...(b.results ?? [])] };
      return body;
    });
    try {
      const b = makeDb();
      const sb = createSync(b, { remote: `${proxy.url}${target.pathname}`, tables: ['notes'], retry: fastRetry });
      expect(await sb.syncOnce()).toMatchObject({ ok: true });
      const recs = await b.table('_sync_docs').toArray();
      expect(await b.table('notes').orderBy('id').toArray()).toEqual([{ id: 'x', v: 2 }, { id: 'y', v: 1 }]);
      // delivered again from the start: nothing new
      await b.table('_sync_meta').where('k').startsWith('checkpoint:').delete();
      expect(await sb.syncOnce()).toMatchObject({ ok: true, pulled: 0, pushed: 0 });
      expect(await b.table('_sync_docs').toArray()).toEqual(recs);
    } finally {
      await proxy.close();
    }
  });

  test('a first sync of 10,000 records goes up and comes down in batches of 500, with progress both ways', async () => {
    const N = 10_000;
    const remote = remoteUrl();
    const a = makeDb();
    const b = makeDb();
    const sa = createSync(a, { remote, tables: ['notes'], retry: fastRetry });
    const sb = createSync(b, { remote, tables: ['notes'], retry: fastRetry });
    const docs = Array.from({ length: N }, (_, i) => ({ id: `d${String(i).padStart(5, '0')}`, title: `title ${i}`, body: '长春市汽车产业集群'.repeat(8) }));
    await a.table('notes').bulkPut(docs);
    const pushed: number[] = [], pulled: number[] = [];
    sa.on('progress', (p) => pushed.push(p.pushed.docs));
    sb.on('progress', (p) => pulled.push(p.pulled.docs));
    expect(await sa.syncOnce()).toMatchObject({ ok: true, pushed: N });
    expect(await sb.syncOnce()).toMatchObject({ ok: true, pulled: N });
    const steps = (seen: number[]) => seen.filter((n, i) => n > 0 && n !== seen[i - 1]);
    const batches = Array.from({ length: N / 500 }, (_, i) => (i + 1) * 500);
    expect(steps(pushed)).toEqual(batches);
    expect(steps(pulled)).toEqual(batches);
    expect(await b.table('notes').orderBy('id').toArray()).toEqual(docs);
    // Bytes count what went over the wire: at least the text of every record, in UTF-8.
    const text = N * new TextEncoder().encode('长春市汽车产业集群'.repeat(8)).length;
    expect(sa.progress.pushed.bytes).toBeGreaterThan(text);
    expect(sb.progress.pulled.bytes).toBeGreaterThan(text);
  }, 120_000);
});

describe('conflicts', () => {
  async function pair(options: Partial<Parameters<typeof createSync>[1]> = {}) {
    const remote = remoteUrl();
    const a = makeDb();
    const b = makeDb();
    const sa = createSync(a, { remote, tables: ['notes', 'collections'], retry: fastRetry, ...options });
    const sb = createSync(b, { remote, tables: ['notes', 'collections'], retry: fastRetry, ...options });
    return { a, b, sa, sb };
  }
  const tick = () => new Promise((r) => setTimeout(r, 3));

  test('concurrent adds to one collection both survive (a set field)', async () => {
    const { a, b, sa, sb } = await pair({ sets: { collections: ['articles'] } });
    await a.table('collections').put({ id: 'c', name: 'Reading', articles: ['x'] });
    await sa.syncOnce();
    await sb.syncOnce();
    await a.table('collections').update('c', { articles: ['x', 'from-a'] });
    await tick();
    await b.table('collections').update('c', { articles: ['x', 'from-b'], name: 'Reading list' });
    await sa.syncOnce();
    const reports: unknown[] = [];
    sb.on('conflict', (r) => reports.push(r));
    await sb.syncOnce();
    await sa.syncOnce();
    const ca = await a.table('collections').get('c');
    expect(ca).toEqual(await b.table('collections').get('c'));
    expect([...ca.articles].sort()).toEqual(['from-a', 'from-b', 'x']);
    expect(ca.name).toBe('Reading list');
    // the merge says what it overrode: a's older name; a's articles are all in the union, so not reported
    expect(reports).toEqual([expect.objectContaining({ table: 'collections', key: 'c', deleted: false,
      overridden: [{ field: 'name', rev: expect.stringMatching(/^2-/), value: 'Reading' }] })]);
    expect(await sa.syncOnce()).toMatchObject({ ok: true, pulled: 0, pushed: 0, conflictsResolved: 0 });
  });

  test('delete on one device, a later edit on the other: the edit wins everywhere', async () => {
    const { a, b, sa, sb } = await pair();
    await a.table('notes').put({ id: 'n', title: 'v1' });
    await sa.syncOnce();
    await sb.syncOnce();
    await a.table('notes').delete('n');
    await tick();
    await b.table('notes').update('n', { title: 'v2' });
    await sa.syncOnce();
    await sb.syncOnce();
    await sa.syncOnce();
    expect(await a.table('notes').get('n')).toEqual({ id: 'n', title: 'v2' });
    expect(await b.table('notes').get('n')).toEqual({ id: 'n', title: 'v2' });
  });

  test('an edit, then a later delete on the other device: the delete wins everywhere', async () => {
    const { a, b, sa, sb } = await pair();
    await a.table('notes').put({ id: 'n', title: 'v1' });
    await sa.syncOnce();
    await sb.syncOnce();
    await b.table('notes').update('n', { title: 'v2' });
    await tick();
    await a.table('notes').delete('n');
    await sb.syncOnce();
    const ra = await sa.syncOnce();
    expect(ra.conflictsResolved).toBe(1);
    await sb.syncOnce();
    expect(await a.table('notes').get('n')).toBeUndefined();
    expect(await b.table('notes').get('n')).toBeUndefined();
  });

  test('three devices edit the same record: one merge, no field lost, everyone converges', async () => {
    const remote = remoteUrl();
    const dbs = [makeDb(), makeDb(), makeDb()];
    const syncs = dbs.map((db) => createSync(db, { remote, tables: ['notes'], retry: fastRetry }));
    await dbs[0]!.table('notes').put({ id: 'n', a: 0, b: 0, c: 0 });
    for (const s of syncs) await s.syncOnce();
    await dbs[0]!.table('notes').update('n', { a: 1 });
    await tick();
    await dbs[1]!.table('notes').update('n', { b: 2 });
    await tick();
    await dbs[2]!.table('notes').update('n', { c: 3 });
    for (let round = 0; round < 2; round++) for (const s of syncs) await s.syncOnce();
    for (const db of dbs) expect(await db.table('notes').get('n')).toEqual({ id: 'n', a: 1, b: 2, c: 3 });
    const trees = await Promise.all(dbs.map((db) => db.table('_sync_docs').get('notes:n')));
    expect(new Set(trees.map((t) => JSON.stringify(Object.keys(t.revs).sort()))).size).toBe(1);
  });

  test('resolve: false keeps conflicts open and shows CouchDB\'s winner; a custom resolver decides', async () => {
    const { a, b, sa, sb } = await pair({ resolve: false });
    await a.table('notes').put({ id: 'n', title: 'A' });
    await b.table('notes').put({ id: 'n', title: 'B' });
    await sa.syncOnce();
    await sb.syncOnce();
    await sa.syncOnce();
    const winner = await a.table('notes').get('n');
    expect(await b.table('notes').get('n')).toEqual(winner);
    const tracker = trackChanges(a, { tables: ['notes'] });
    expect(await sa.conflicts('notes', 'n')).toEqual(await tracker.conflicts('notes', 'n'));
    const open = await tracker.conflicts('notes', 'n');
    expect(open).toHaveLength(1);
    expect(open[0]!.data!.title).toBe(winner.title === 'A' ? 'B' : 'A');
    expect(await tracker.listConflicts()).toEqual([{ table: 'notes', key: 'n' }]);
    const custom = createSync(a, {
      remote: (sa as unknown as { target: { url: string } }).target.url, tables: ['notes'], retry: fastRetry,
      resolve: ({ winner: w, others }) => ({ data: { id: 'n', title: [w, ...others].map((l) => l.data!.title).sort().join('+') } }),
    });
    expect(await custom.syncOnce()).toMatchObject({ ok: true, conflictsResolved: 1 });
    expect(await a.table('notes').get('n')).toEqual({ id: 'n', title: 'A+B' });
    expect(await tracker.listConflicts()).toEqual([]);
    await sb.syncOnce();
    expect(await b.table('notes').get('n')).toEqual({ id: 'n', title: 'A+B' });
  });
});

describe('rows written before tracking', () => {
  test('are adopted and pushed on the first sync', async () => {
    const name = uniqueName('legacy');
    const plain = makeDb(name);
    await plain.table('notes').bulkPut([{ id: 'old1' }, { id: 'old2' }]);
    plain.close();
    const db = makeDb(name);
    const s = createSync(db, { remote: remoteUrl(), tables: ['notes'], retry: fastRetry });
    expect(await s.syncOnce()).toMatchObject({ ok: true, pushed: 2 });
    expect(await s.pending()).toBe(0);
    await db.table('notes').put({ id: 'new' });
    expect(await s.pending()).toBe(1);
  });
});

describe('a remote database that was deleted and created again', () => {
  test('gets everything again from a device that only ever pulled', async () => {
    const remote = remoteUrl();
    const a = makeDb();
    const b = makeDb();
    const sa = createSync(a, { remote, tables: ['notes'], retry: fastRetry });
    const sb = createSync(b, { remote, tables: ['notes'], retry: fastRetry });
    await a.table('notes').bulkPut([{ id: 'x' }, { id: 'y' }, { id: 'z' }]);
    await sa.syncOnce();
    expect(await sb.syncOnce()).toMatchObject({ ok: true, pulled: 3, pushed: 0 });
    expect(await sb.syncOnce()).toMatchObject({ ok: true, pulled: 0, pushed: 0 });
    expect((await fetch(remote, { method: 'DELETE' })).ok).toBe(true);
    const fresh = createSync(b, { remote, tables: ['notes'], retry: fastRetry });
    expect(await fresh.syncOnce()).toMatchObject({ ok: true, pushed: 3 });
    const all = (await (await fetch(`${remote}/_all_docs`)).json()) as { rows: unknown[] };
    expect(all.rows).toHaveLength(3);
  });
});
