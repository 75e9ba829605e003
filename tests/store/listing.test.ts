import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { PresscutDB, sortKey } from '../../src/store/db.js';
import { buildListing, Positions, STAMP } from '../../src/store/listing.js';

const JILIN = readFileSync(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url), 'utf8');
const EN = readFileSync(new URL('../fixtures/riverside-courier-en.txt', import.meta.url), 'utf8');

let n = 0;
function fresh(): { db: PresscutDB; engine: Engine } {
  const db = new PresscutDB(`listing-${process.pid}-${++n}`);
  let t = 1_700_000_000_000;
  return { db, engine: createEngine(db, () => (t += 1000)) };
}

/** What the list must show: the live rows in sortKey order, read the slow way. */
async function truth(db: PresscutDB): Promise<string[]> {
  return (await db.articles.toArray()).filter((r) => r.deletedAt === null).sort((a, b) => (a.sortKey! < b.sortKey! ? -1 : 1)).map((r) => r.id);
}

/** The listing table equals a count from scratch, and every window of the list matches the slow read. */
async function expectConsistent(db: PresscutDB, engine: Engine) {
  const ids = await truth(db);
  const live = (await db.articles.toArray()).filter((r) => r.deletedAt === null).map((r) => r.sortKey!);
  const byId = (rows: { clippingId: string }[]) => [...rows].sort((a, b) => (a.clippingId < b.clippingId ? -1 : 1));
  expect(byId((await db.listing.toArray()).filter((r) => r.clippingId !== STAMP))).toEqual(byId(buildListing(live)));
  expect(await engine.countArticles()).toBe(ids.length);
  for (const [offset, limit] of [[0, 3], [1, 5], [Math.floor(ids.length / 2), 4], [ids.length - 2, 10], [ids.length, 5]] as const) {
    expect((await engine.listArticles(offset, limit)).map((r) => r.id), `offset ${offset}`).toEqual(ids.slice(offset, offset + limit));
  }
}

/** A distinct copy of a page (its own content hash). */
const copy = (text: string, k: number) => `${text.trimEnd()}\n\n第${k}期\n`;

describe('the archive list position index', () => {
  it('lists any window of the archive in order after ingests, edits, deletes, undo, merges, splits and re-parses', async () => {
    const { db, engine } = fresh();
    const first = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    await engine.ingest({ text: EN, source: { via: 'paste' } });
    await engine.ingest({ text: copy(JILIN, 2), source: { via: 'paste' } });
    await expectConsistent(db, engine);

    const token = await engine.deleteArticle(first.articleIds[2]!);
    await expectConsistent(db, engine);
    await engine.undo(token.id);
    await expectConsistent(db, engine);

    const merged = await engine.mergeWithNext(first.articleIds[0]!);
    await expectConsistent(db, engine);
    const article = await engine.getArticle(merged);
    await engine.splitAt(merged, article!.paragraphs.length - 1);
    await expectConsistent(db, engine);

    await engine.reparse();
    await expectConsistent(db, engine);
  });

  it('stays right when a clipping loses every article and when the whole table is cleared', async () => {
    const { db, engine } = fresh();
    const r = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    await engine.ingest({ text: EN, source: { via: 'paste' } });
    for (const id of r.articleIds) await engine.deleteArticle(id);
    expect(await db.listing.get(r.clippingId)).toBeUndefined();
    await expectConsistent(db, engine);
    await db.articles.clear();
    expect(await db.listing.filter((r) => r.clippingId !== STAMP).count()).toBe(0);
    expect(await engine.listArticles(0, 10)).toEqual([]);
  });

  it('follows an import, and an import rolled back after a failed write', async () => {
    const a = fresh(), b = fresh();
    await a.engine.ingest({ text: JILIN, source: { via: 'paste' } });
    await a.engine.ingest({ text: EN, source: { via: 'paste' } });
    const file = (await a.engine.exportArchive({ kind: 'all' }, 'presscut')).blob;
    let failNext = false; // middleware must be in place before the database opens
    b.db.use({ stack: 'dbcore', name: 'full', create: (down) => ({ ...down, table: (name) => {
      const t = down.table(name);
      return name !== 'articles' ? t : { ...t, mutate: (req) => {
        if (!failNext || req.type !== 'put') return t.mutate(req);
        failNext = false;
        return Promise.reject(Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' }));
      } };
    } }) });
    await b.engine.ingest({ text: copy(JILIN, 3), source: { via: 'paste' } });
    const before = await b.db.listing.toArray();
    failNext = true;
    await expect(b.engine.importArchive(file)).rejects.toThrow(/undone/);
    expect(await b.db.listing.toArray()).toEqual(before);
    await expectConsistent(b.db, b.engine);
    await b.engine.importArchive(file);
    await expectConsistent(b.db, b.engine);
    expect(await b.engine.countArticles()).toBe(7 + (await a.engine.countArticles()));
  });

  it('sees writes made through another connection to the same database (another worker)', async () => {
    const { db, engine } = fresh();
    await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    expect(await engine.countArticles()).toBe(7);
    const other = new PresscutDB(db.name);
    await createEngine(other).ingest({ text: EN, source: { via: 'paste' } });
    const ids = await truth(db);
    expect(ids.length).toBeGreaterThan(7);
    expect(await engine.countArticles()).toBe(ids.length);
    expect((await engine.listArticles(0, 100)).map((r) => r.id)).toEqual(ids);
    other.close();
  });

  it('is built from the articles when a version 3 database is upgraded', async () => {
    const name = `listing-upgrade-${process.pid}`;
    const old = new Dexie(name);
    old.version(3).stores({ clippings: 'id, capturedAt', articles: 'id, clippingId, sortKey, deletedAt' });
    const rows = [0, 1, 2].map((i) => ({ id: `a${i}`, clippingId: 'c1', index: i, deletedAt: null, sortKey: sortKey(5, 'c1', i) }))
      .concat([{ id: 'b0', clippingId: 'c2', index: 0, deletedAt: null, sortKey: sortKey(9, 'c2', 0) }, { id: 'b1', clippingId: 'c2', index: 1, deletedAt: 7 as never, sortKey: undefined as never }]);
    await old.table('articles').bulkPut(rows);
    old.close();
    const db = new PresscutDB(name);
    const listing = await db.listing.toArray();
    expect(listing.map((r) => [r.clippingId, r.count]).sort()).toEqual([['c1', 3], ['c2', 1]]);
    db.close();
  });
});

describe('Positions', () => {
  it('locates every position of the flattened list', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 30 }), (counts) => {
      const rows = counts.map((count, i) => ({ clippingId: `c${i}`, base: `${String(i).padStart(4, '0')}|c${i}|`, count }));
      const flat = rows.flatMap((r) => Array.from({ length: r.count }, (_, k) => ({ base: r.base, skip: k })));
      const p = new Positions([...rows].reverse());
      expect(p.total).toBe(flat.length);
      flat.forEach((want, i) => expect(p.locate(i)).toEqual(want));
      expect(p.locate(flat.length)).toBeNull();
      expect(p.locate(-1)).toBeNull();
    }));
  });
});
