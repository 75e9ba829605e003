// The tracking middleware records writes from every Dexie API, in the app's own transaction.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import Dexie from 'dexie';
import { syncStores, trackChanges } from '../../src/sync/index.js';
import { makeDb, uniqueName } from './helpers/env.js';

type Rec = { id: string; w: string; seq: number; revs: Record<string, { p?: string; d?: 1 }> };

async function trees(db: Dexie): Promise<Map<string, Rec>> {
  const rows = (await db.table('_sync_docs').toArray()) as Rec[];
  return new Map(rows.map((r) => [r.id, r]));
}
const gen = (r: Rec | undefined) => Number(r?.w.split('-')[0] ?? 0);
const deleted = (r: Rec | undefined) => r?.revs[r.w]?.d === 1;

describe('change tracking', () => {
  test('every Dexie write API makes revisions', async () => {
    const db = makeDb();
    trackChanges(db, { tables: ['notes'] });
    const notes = db.table('notes');
    await notes.add({ id: 'add', title: 'a' });
    await notes.put({ id: 'put', title: 'p' });
    await notes.bulkAdd([{ id: 'ba1' }, { id: 'ba2' }]);
    await notes.bulkPut([{ id: 'bp1' }, { id: 'bp2' }]);
    await notes.update('add', { title: 'a2' });
    await notes.upsert('ups', { title: 'u' });
    await notes.bulkUpdate([{ key: 'bp1', changes: { title: 'x' } }, { key: 'bp2', changes: { title: 'y' } }]);
    await notes.where('id').startsWith('ba').modify({ touched: true });
    await notes.toCollection().filter((n) => n.id === 'put').modify((n) => { n.title = 'p2'; });
    await notes.delete('put');
    await notes.bulkDelete(['bp1']);
    await notes.where('id').equals('ups').delete();
    await db.transaction('rw', notes, async () => {
      await notes.put({ id: 'tx', title: 't' });
      await notes.update('tx', { title: 't2' });
    });
    let t = await trees(db);
    expect(gen(t.get('notes:add'))).toBe(2);
    expect(gen(t.get('notes:ba1'))).toBe(2);
    expect(gen(t.get('notes:bp2'))).toBe(2);
    expect(gen(t.get('notes:ups'))).toBe(2);
    expect(deleted(t.get('notes:ups'))).toBe(true);
    expect(gen(t.get('notes:put'))).toBe(3);
    expect(deleted(t.get('notes:put'))).toBe(true);
    expect(deleted(t.get('notes:bp1'))).toBe(true);
    expect(gen(t.get('notes:tx'))).toBe(2);
    // clear() names no keys: every live record gets its delete
    await notes.clear();
    t = await trees(db);
    expect([...t.values()].every((r) => deleted(r))).toBe(true);
    // sequences are unique and increase
    const seqs = [...t.values()].map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  test('writes issued together in one transaction get sequence numbers of their own', async () => {
    // A push sends the records past its checkpoint's sequence: two records given one number, or a counter left
    // behind the numbers handed out, and a later edit can be numbered at or below a checkpoint and never pushed.
    const db = makeDb();
    trackChanges(db, { tables: ['notes', 'collections'] });
    await db.table('notes').put({ id: 'first' });
    await db.transaction('rw', db.table('notes'), db.table('collections'), () => Promise.all([
      db.table('notes').bulkPut([{ id: 'a' }, { id: 'b' }]),
      db.table('notes').put({ id: 'c' }),
      db.table('collections').bulkPut([{ id: 'x' }, { id: 'y' }, { id: 'z' }]),
      db.table('notes').delete('first'),
    ]));
    await db.table('notes').put({ id: 'after' });
    const seqs = [...(await trees(db)).values()].map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await trees(db)).get('notes:after')!.seq).toBe(9);
  });

  test('writing the same value again makes no revision; untracked tables are left alone', async () => {
    const db = makeDb();
    trackChanges(db, { tables: ['notes'] });
    await db.table('notes').put({ id: 'a', title: 'x' });
    await db.table('notes').put({ id: 'a', title: 'x' });
    await db.table('collections').put({ id: 'c1' });
    const t = await trees(db);
    expect(gen(t.get('notes:a'))).toBe(1);
    expect(t.has('collections:c1')).toBe(false);
  });

  test('an aborted transaction leaves no revision behind', async () => {
    const db = makeDb();
    trackChanges(db, { tables: ['notes'] });
    await expect(db.transaction('rw', db.table('notes'), async () => {
      await db.table('notes').put({ id: 'a' });
      throw new Error('app failure');
    })).rejects.toThrow('app failure');
    expect(await db.table('_sync_docs').count()).toBe(0);
    expect(await db.table('notes').count()).toBe(0);
  });

  test('values changed by creating/updating hooks are the ones recorded', async () => {
    const db = makeDb();
    trackChanges(db, { tables: ['notes'] });
    db.table('notes').hook('creating', (_k, obj) => { obj.stamp = 'hooked'; });
    await db.table('notes').put({ id: 'h' });
    const rec = (await trees(db)).get('notes:h')!;
    const ft = (await db.table('_sync_docs').get('notes:h')).leaves[rec.w].ft;
    expect(Object.keys(ft).sort()).toEqual(['id', 'stamp']);
  });

  test('schema problems are reported when the database opens', async () => {
    const db = new Dexie(uniqueName('bad'));
    db.version(1).stores({ notes: '++id' , ...syncStores() });
    trackChanges(db, { tables: ['notes'] });
    await expect(db.open()).rejects.toThrow(/plain primary key/);
    const db2 = new Dexie(uniqueName('bad'));
    db2.version(1).stores({ notes: 'id' });
    trackChanges(db2, { tables: ['notes'] });
    await expect(db2.open()).rejects.toThrow(/syncStores/);
    const db3 = makeDb();
    await db3.open();
    expect(() => trackChanges(db3, { tables: ['notes'] })).toThrow(/before the database opens/);
  });
});
