// Live mode: a write on one browser reaches the other through the longpoll, until stop().
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import type Dexie from 'dexie';
import { createSync } from '../../src/sync/index.js';
import { fastRetry, makeDb, remoteUrl } from './helpers/env.js';

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('live: changes flow both ways within moments, then stop() ends it', async () => {
  const remote = remoteUrl();
  const a = makeDb();
  const b = makeDb();
  const opts = { remote, tables: ['notes'], retry: fastRetry, longpollMs: 1500 };
  const sa = createSync(a, { ...opts, live: true });
  const sb = createSync(b, opts);
  sb.start();
  const get = (db: Dexie, id: string) => () => db.table('notes').get(id);
  await a.table('notes').put({ id: 'n1', title: 'from a' });
  expect(await eventually(get(b, 'n1'), Boolean)).toEqual({ id: 'n1', title: 'from a' });
  await b.table('notes').update('n1', { title: 'edited on b' });
  expect(await eventually(get(a, 'n1'), (v) => v?.title === 'edited on b')).toEqual({ id: 'n1', title: 'edited on b' });
  await Promise.all([sa.stop(), sb.stop()]);
  expect(sa.status.state).toBe('idle');
  expect(sa.status.lastSyncAt).toBeGreaterThan(0);
  // stopped: a write stays local
  await a.table('notes').put({ id: 'n2' });
  await new Promise((r) => setTimeout(r, 300));
  expect(await b.table('notes').get('n2')).toBeUndefined();
  expect(await sa.pending()).toBe(1);
}, 30_000);

test('live: a write made through another connection to the same database (another tab) is pushed too', async () => {
  const remote = remoteUrl();
  const name = `tab-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const tab1 = makeDb(name);
  const s1 = createSync(tab1, { remote, tables: ['notes'], retry: fastRetry, longpollMs: 500, live: true });
  await eventually(async () => s1.status.lastSyncAt, Boolean);
  const tab2 = makeDb(name);
  createSync(tab2, { remote, tables: ['notes'], retry: fastRetry }); // tracks its writes; never syncs itself
  await tab2.table('notes').put({ id: 'from-tab-2' });
  const other = makeDb();
  const so = createSync(other, { remote, tables: ['notes'], retry: fastRetry });
  const got = await eventually(async () => (await so.syncOnce(), other.table('notes').get('from-tab-2')), Boolean);
  expect(got).toEqual({ id: 'from-tab-2' });
  await s1.stop();
}, 30_000);

test('live: a write through another connection wakes the live sync at once, not at the next longpoll', async () => {
  const remote = remoteUrl();
  const name = `tab-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const owner = makeDb(name);
  // A longpoll this long would hold the write back past the test's wait: only the other connection's word brings it.
  const live = createSync(owner, { remote, tables: ['notes'], retry: fastRetry, longpollMs: 120_000, live: true });
  await eventually(async () => live.status.lastSyncAt, Boolean);
  const worker = makeDb(name);
  createSync(worker, { remote, tables: ['notes'], retry: fastRetry }); // tracks its writes; never syncs itself
  await new Promise((r) => setTimeout(r, 300)); // the owner is now waiting in its longpoll
  await worker.table('notes').put({ id: 'from-the-worker' });
  const other = makeDb();
  const so = createSync(other, { remote, tables: ['notes'], retry: fastRetry });
  const got = await eventually(async () => (await so.syncOnce(), other.table('notes').get('from-the-worker')), Boolean, 10_000);
  expect(got).toEqual({ id: 'from-the-worker' });
  await live.stop();
}, 30_000);
