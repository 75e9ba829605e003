// The same histories seen by PouchDB 9, an independent implementation of the protocol: random schedules of
// edits, deletes and syncs on two Dexie browsers and one PouchDB peer (which edits too) must leave every replica
// with PouchDB's revision leaves, winner and conflict sets. With resolution on, every replica converges.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type Dexie from 'dexie';
import { createSync, type Sync } from '../../src/sync/index.js';
import { fastRetry, makeDb, remoteUrl, uniqueName } from './helpers/env.js';
import { memoryPouch } from './helpers/pouch.js';

type Op = { dev: number; kind: 'put' | 'del' | 'sync'; key: string; v: number };

const opArb: fc.Arbitrary<Op> = fc.record({
  dev: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom('put', 'put', 'del', 'sync', 'sync'),
  key: fc.constantFrom('k0', 'k1', 'k2'),
  v: fc.integer({ min: 0, max: 3 }),
}) as fc.Arbitrary<Op>;

interface TreeView {
  winner: string;
  deleted: boolean;
  leaves: string[];
  conflicts: string[];
  deletedConflicts: string[];
}

function ourView(rec: { w: string; leaves: Record<string, unknown>; revs: Record<string, { d?: 1 }> }): TreeView {
  const leaves = Object.keys(rec.leaves).sort();
  const losers = leaves.filter((r) => r !== rec.w);
  return {
    winner: rec.w, deleted: rec.revs[rec.w]?.d === 1, leaves,
    conflicts: losers.filter((r) => rec.revs[r]?.d !== 1), deletedConflicts: losers.filter((r) => rec.revs[r]?.d === 1),
  };
}

async function pouchView(p: PouchDB.Database, id: string): Promise<TreeView | undefined> {
  const row = (await p.allDocs({ keys: [id] })).rows[0];
  if (!row?.value) return undefined;
  const all = (await p.get(id, { open_revs: 'all' })) as unknown as Array<{ ok?: { _rev: string; _deleted?: boolean } }>;
  const leaves = all.map((x) => x.ok!._rev).sort();
  const losers = all.filter((x) => x.ok!._rev !== row.value.rev);
  return {
    winner: row.value.rev, deleted: row.value.deleted === true, leaves,
    conflicts: losers.filter((x) => !x.ok!._deleted).map((x) => x.ok!._rev).sort(),
    deletedConflicts: losers.filter((x) => x.ok!._deleted).map((x) => x.ok!._rev).sort(),
  };
}

/** PouchDB as a device: edits documents in the library's wire format (format version 1). */
async function pouchEdit(p: PouchDB.Database, op: Op): Promise<void> {
  const id = `notes:${op.key}`;
  const cur = await p.get(id).catch(() => undefined);
  if (op.kind === 'del') {
    if (cur) await p.remove(cur);
    return;
  }
  const body = { _id: id, v: 1, data: { id: op.key, v: op.v, by: 'pouch' }, ft: {} };
  await p.put(cur ? { ...body, _rev: cur._rev } : body);
}

async function run(ops: Op[], resolve: boolean): Promise<{ dbs: Dexie[]; syncs: Sync[]; pouch: PouchDB.Database; remote: string }> {
  const remote = remoteUrl();
  const dbs = [makeDb(), makeDb()];
  const syncs = dbs.map((db) => createSync(db, { remote, tables: ['notes'], retry: fastRetry, ...(resolve ? {} : { resolve: false as const }) }));
  const pouch = memoryPouch(uniqueName('pouch'));
  const syncDev = async (dev: number) => {
    if (dev < 2) expect((await syncs[dev]!.syncOnce()).ok).toBe(true);
    else {
      await pouch.replicate.to(remote);
      await pouch.replicate.from(remote);
    }
  };
  for (const op of ops) {
    if (op.kind === 'sync') await syncDev(op.dev);
    else if (op.dev === 2) await pouchEdit(pouch, op);
    else if (op.kind === 'put') await dbs[op.dev]!.table('notes').put({ id: op.key, v: op.v });
    else await dbs[op.dev]!.table('notes').delete(op.key);
  }
  for (let round = 0; round < 3; round++) for (let d = 0; d < 3; d++) await syncDev(d);
  return { dbs, syncs, pouch, remote };
}

describe('PouchDB as an independent peer', () => {
  test('property: same leaves, winner and conflict sets as PouchDB, on every replica', async () => {
    let conflicted = 0;
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 14 }), async (ops) => {
      const { dbs, pouch } = await run(ops, false);
      for (const key of ['k0', 'k1', 'k2']) {
        const theirs = await pouchView(pouch, `notes:${key}`);
        if (theirs && theirs.leaves.length > 1) conflicted++;
        for (const db of dbs) {
          const rec = await db.table('_sync_docs').get(`notes:${key}`);
          expect(rec ? ourView(rec) : undefined).toEqual(theirs);
          // and the app sees exactly the winner's body
          const row = await db.table('notes').get(key);
          if (!theirs || theirs.deleted) expect(row).toBeUndefined();
          else expect(row).toEqual((await pouch.get(`notes:${key}`)).data);
        }
      }
      await pouch.destroy();
    }), { numRuns: 10 });
    expect(conflicted).toBeGreaterThan(0); // the schedules did make conflicts
  }, 60_000);

  test('property: with the default resolution every replica converges, and no conflict stays open', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb.filter((o) => o.dev < 2 || o.kind === 'sync'), { minLength: 3, maxLength: 14 }), async (ops) => {
      const { dbs, pouch } = await run(ops, true);
      const rows = await Promise.all(dbs.map((db) => db.table('notes').orderBy('id').toArray()));
      expect(rows[1]).toEqual(rows[0]);
      for (const db of dbs) expect(await db.table('_sync_docs').where('cf').equals(1).count()).toBe(0);
      const theirs = (await pouch.allDocs({ include_docs: true })).rows.filter((r) => r.id.startsWith('notes:') && r.doc).map((r) => r.doc!.data);
      expect(theirs).toEqual(rows[0]);
      await pouch.destroy();
    }), { numRuns: 8 });
  }, 60_000);

  test('a three-way conflict made by PouchDB replicas is read with PouchDB\'s winner', async () => {
    const remote = remoteUrl();
    const ps = [memoryPouch(uniqueName('p')), memoryPouch(uniqueName('p')), memoryPouch(uniqueName('p'))];
    await ps[0]!.put({ _id: 'notes:x', v: 1, data: { id: 'x', n: 0 }, ft: {} });
    await ps[0]!.replicate.to(remote);
    for (const p of ps) await p.replicate.from(remote);
    for (const [i, p] of ps.entries()) {
      const d = await p.get('notes:x');
      await p.put({ ...d, data: { id: 'x', n: i + 1 } });
      await p.replicate.to(remote);
    }
    const db = makeDb();
    const s = createSync(db, { remote, tables: ['notes'], resolve: false, retry: fastRetry });
    await s.syncOnce();
    const rec = await db.table('_sync_docs').get('notes:x');
    const view = ourView(rec);
    expect(view.conflicts).toHaveLength(2);
    const fresh = memoryPouch(uniqueName('p'));
    await fresh.replicate.from(remote);
    expect(view).toEqual(await pouchView(fresh, 'notes:x'));
    expect(await db.table('notes').get('x')).toEqual((await fresh.get('notes:x')).data);
  });
});
