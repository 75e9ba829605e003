// The network and the disk misbehaving: real proxies in front of pouchdb-server put the failures on the wire.
import 'fake-indexeddb/auto';
import { describe, expect, inject, test } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { createSync, type SyncStatus } from '../../src/sync/index.js';
import { fastRetry, makeDb, uniqueName } from './helpers/env.js';
import { startProxy, type Rule } from './helpers/proxy.js';

async function seeded(n = 3) {
  // a remote database with n records, written by another browser
  const name = uniqueName('db');
  const src = makeDb();
  const s = createSync(src, { remote: `${inject('pouchServer')}/${name}`, tables: ['notes'] });
  await src.table('notes').bulkPut(Array.from({ length: n }, (_, i) => ({ id: `n${i}`, title: `t${i}` })));
  expect(await s.syncOnce()).toMatchObject({ ok: true });
  return name;
}

async function through(rule: Rule, name: string) {
  const proxy = await startProxy(inject('pouchServer'), rule);
  return { proxy, remote: `${proxy.url}/${name}` };
}

describe('failures', () => {
  test('no _bulk_get (404): each document comes through open_revs instead', async () => {
    const name = await seeded(5);
    const { proxy, remote } = await through((req) => (req.url?.includes('/_bulk_get') ? { status: 404, body: '{"error":"not_found"}' } : 'pass'), name);
    try {
      const db = makeDb();
      const s = createSync(db, { remote, tables: ['notes'], retry: fastRetry });
      expect(await s.syncOnce()).toMatchObject({ ok: true, pulled: 5 });
      expect(await db.table('notes').count()).toBe(5);
      expect(proxy.seen.filter((r) => r.path.includes('open_revs')).length).toBe(5);
      expect(proxy.seen.filter((r) => r.path.includes('_bulk_get')).length).toBe(1); // asked once, then never again
    } finally {
      await proxy.close();
    }
  });

  test.each([
    [401, 'unauthorized', '{"error":"unauthorized","reason":"Name or password is incorrect."}'],
    [403, 'forbidden', '{"error":"forbidden","reason":"You are not allowed to access this db."}'],
  ])('%i: error status, no retry', async (status, code, body) => {
    const name = await seeded();
    const { proxy, remote } = await through(() => ({ status, body }), name);
    try {
      const db = makeDb();
      const s = createSync(db, { remote, tables: ['notes'], retry: fastRetry });
      const r = await s.syncOnce();
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ code, status });
      expect(s.status.state).toBe('error');
      expect(proxy.seen).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  test('5xx and garbage JSON: retried with backoff, then the sync succeeds', async () => {
    const name = await seeded(4);
    const { proxy, remote } = await through((req, n) => {
      if (n <= 2) return { status: 503, body: '{"error":"unavailable"}' };
      if (n === 3) return 'drop'; // connection reset
      if (req.url?.includes('_changes') && n <= 6) return { status: 200, body: '{"results": [tr' };
      return 'pass';
    }, name);
    try {
      const db = makeDb();
      const statuses: SyncStatus[] = [];
      const s = createSync(db, { remote, tables: ['notes'], retry: { retries: 5, baseDelayMs: 20, maxDelayMs: 200 } });
      s.on('status', (st) => statuses.push(st));
      const r = await s.syncOnce();
      expect(r).toMatchObject({ ok: true, pulled: 4 });
      const retries = statuses.filter((st) => st.retry).map((st) => st.retry!.attempt);
      expect(retries.slice(0, 3)).toEqual([1, 2, 3]);
      expect(statuses.at(-1)).toMatchObject({ state: 'idle' });
      expect(await db.table('notes').count()).toBe(4);
    } finally {
      await proxy.close();
    }
  });

  test('a server that never answers: the request times out and is retried', async () => {
    const name = await seeded(2);
    const { proxy, remote } = await through((_req, n) => (n === 2 ? 'hang' : 'pass'), name);
    try {
      const db = makeDb();
      const s = createSync(db, { remote, tables: ['notes'], retry: fastRetry, requestTimeoutMs: 300 });
      expect(await s.syncOnce()).toMatchObject({ ok: true, pulled: 2 });
    } finally {
      await proxy.close();
    }
  });

  test('server unreachable: offline after the retries, and the local data is untouched', async () => {
    const { proxy, remote } = await through(() => 'pass', uniqueName('db'));
    await proxy.close();
    const db = makeDb();
    const s = createSync(db, { remote, tables: ['notes'], retry: fastRetry });
    await db.table('notes').put({ id: 'local' });
    const r = await s.syncOnce();
    expect(r.error?.code).toBe('network');
    expect(s.status.state).toBe('offline');
    expect(await db.table('notes').toArray()).toEqual([{ id: 'local' }]);
    expect(await s.pending()).toBe(1);
  });

  test('quota exceeded while applying a batch: nothing of it is written, the next sync completes', async () => {
    const name = await seeded(20);
    const db = makeDb();
    let full = false;
    // The one fake allowed: IndexedDB's QuotaExceededError, thrown below everything by a test middleware.
    const quota: Middleware<DBCore> = {
      stack: 'dbcore', name: 'FakeQuota', level: -100,
      create: (down) => ({
        ...down,
        table: (t) => {
          const table = down.table(t);
          return { ...table, mutate: (req) => (full && t === 'notes' ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : table.mutate(req)) };
        },
      }),
    };
    db.use(quota);
    const s = createSync(db, { remote: `${inject('pouchServer')}/${name}`, tables: ['notes'], retry: fastRetry, batchSize: 7 });
    full = true;
    const r = await s.syncOnce();
    expect(r.error?.code).toBe('quota');
    expect(s.status).toMatchObject({ state: 'error', error: { code: 'quota' } });
    expect(await db.table('notes').count()).toBe(0);
    expect(await db.table('_sync_docs').count()).toBe(0);
    expect((await db.table('_sync_meta').toArray()).filter((m) => String(m.k).startsWith('checkpoint:'))).toEqual([]);
    full = false;
    expect(await s.syncOnce()).toMatchObject({ ok: true, pulled: 20 });
    expect(await db.table('notes').count()).toBe(20);
  });
});
