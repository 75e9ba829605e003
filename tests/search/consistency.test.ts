import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { dumpIndex } from '../../src/search/dump.js';
import { applyChanges } from '../../src/search/indexer.js';
import { IndexReader } from '../../src/search/reader.js';
import { matchingIds } from '../../src/search/search.js';
import type { SearchDoc } from '../../src/search/fields.js';
import { mergeStep } from '../../src/search/merge.js';
import { listRange } from '../../src/search/blocks.js';
import { decodePostings } from '../../src/search/codec.js';
import { CHUNK_BITS, CHUNK_SIZE, idEntriesOf, searchTables, termsOf, tuning } from '../../src/search/tables.js';
import { PresscutDB } from '../../src/store/db.js';
import { createEngine } from '../../src/engine/engine.js';
import { fresh, JILIN } from './helpers.js';

const TWO = '国务院召开常务会议\n本报讯（记者王五）今天，国务院召开常务会议，研究部署\n下一步工作。\n会议指出，要抓好落实。\n会议还研究了其他事项。\n';

/** The index as kept up to date by the edits must equal one rebuilt from the articles. */
async function expectConsistent(db: PresscutDB, engine: Engine): Promise<void> {
  const kept = await dumpIndex(db);
  const progress: number[] = [];
  await engine.rebuildIndex((done) => progress.push(done));
  const rebuilt = await dumpIndex(db);
  expect(kept).toEqual(rebuilt);
  expect(Object.keys(rebuilt.docs).length).toBe(await engine.countArticles());
  expect(progress.at(-1)).toBe(await engine.countArticles());
}

describe('index consistency after every kind of edit', () => {
  it('ingest, edit, merge, split, delete, undo, reparse', async () => {
    const { db, engine } = fresh('consistency');
    const { articleIds, clippingId } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    await engine.ingest({ text: TWO, source: { via: 'paste' } });
    await expectConsistent(db, engine);

    await engine.updateArticle(articleIds[0]!, { headline: '新华社：中共中央政治局常委会召开会议', authors: ['黄鹭'] });
    await expectConsistent(db, engine);
    expect((await engine.search('byline:黄鹭')).hits.map((h) => h.articleId)).toContain(articleIds[0]);
    expect((await engine.search('headline:政治局常委会')).total).toBe(1);

    const merged = await engine.mergeWithNext(articleIds[2]!);
    await expectConsistent(db, engine);
    const [x] = await engine.splitAt(merged, 1);
    await expectConsistent(db, engine);

    const token = await engine.deleteArticle(x);
    await expectConsistent(db, engine);
    expect((await matchingIds(db, new IndexReader(db), '汽车 OR 会议')).includes(x)).toBe(false);
    await engine.undo(token.id);
    await expectConsistent(db, engine);

    await engine.reparse(clippingId);
    await expectConsistent(db, engine);
    await engine.reparse();
    await expectConsistent(db, engine);
  }, 30_000);

  it('reuses, not doubles, the index entry of an article whose row went without the index (a sync pull does that until its refresh)', async () => {
    const { db, engine } = fresh('row-gone');
    const { articleIds, clippingId } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const hit = (await engine.search('汽车产业集群')).hits[0]!;
    expect(articleIds).toContain(hit.articleId);
    await db.articles.delete(hit.articleId);
    await engine.reparse(clippingId);
    expect(await db.articles.get(hit.articleId)).toBeDefined();
    expect((await engine.search('汽车产业集群')).total).toBe(1);
    await expectConsistent(db, engine);
  });

  it('rolls the index back with the articles when a write fails', async () => {
    const { db, engine } = fresh('rollback');
    let fail = true;
    db.use({ stack: 'dbcore', name: 'quota', create: (down) => ({ ...down, table: (name) => {
      const t = down.table(name);
      return name !== 'searchRecent' ? t : { ...t, mutate: (req) => (fail && req.type === 'put'
        ? Promise.reject(Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' })) : t.mutate(req)) };
    } }) });
    await expect(engine.ingest({ text: JILIN, source: { via: 'paste' } })).rejects.toThrow(/quota/);
    expect(await db.articles.count()).toBe(0);
    expect((await dumpIndex(db)).live).toBe(0);
    fail = false;
    const [c] = await db.clippings.toArray();
    await engine.reparse(c!.id);
    expect((await engine.search('汽车产业集群')).total).toBe(1);
  });

  it('builds the index for articles stored before the upgrade to schema version 2', async () => {
    const { db, engine } = fresh('upgrade');
    await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const rows = { clippings: await db.clippings.toArray(), articles: await db.articles.toArray() };
    const name = `v1-${process.pid}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ clippings: 'id, capturedAt', articles: 'id, clippingId, sortKey, deletedAt', collections: 'id, order', undo: 'id, createdAt' });
    await v1.table('clippings').bulkPut(rows.clippings);
    await v1.table('articles').bulkPut(rows.articles);
    v1.close();
    const upgraded = new PresscutDB(name);
    expect(await dumpIndex(upgraded)).toEqual(await dumpIndex(db));
    upgraded.close();
  });
  it('builds the index again when rows packed the schema version 9 way are found (version 10)', async () => {
    const { db, engine } = fresh('upgrade9');
    await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const name = `v9-${process.pid}`;
    const v9 = new Dexie(name);
    v9.version(9).stores(schemaBefore12(db));
    await v9.table('clippings').bulkPut(await db.clippings.toArray());
    await v9.table('articles').bulkPut(await db.articles.toArray());
    for (const n of ['searchMeta', 'searchNorms']) await v9.table(n).bulkPut(await db.table(n).toArray());
    await v9.table('searchIds').bulkPut(await idRowsBefore12(db));
    // A recent row in version 9's shape (offs and last, no dict): read as version 10 rows are, it would break.
    const meta = (await db.table('searchMeta').get('meta'))!;
    await v9.table('searchRecent').put({ seq: 0, lo: 0, hi: 0, terms: '长春', offs: new Uint32Array([0, 2]), last: new Int32Array([0]), data: new Uint8Array([0, 20]) });
    await v9.table('searchMeta').put({ ...meta, segments: [], recentDocs: 1, recentWrites: 1 });
    v9.close();
    const upgraded = new PresscutDB(name);
    expect(await dumpIndex(upgraded)).toEqual(await dumpIndex(db));
    const e = createEngine(upgraded);
    const r = await e.search('汽车产业集群');
    expect(r.total).toBe(1);
    expect(r.hits[0]!.headline).toContain('汽车产业集群');
    upgraded.close();
  });

  it('builds the index again when its level 1 is laid out in the schema version 10 way (version 13)', async () => {
    const saved = { ...tuning };
    const name = `v10-${process.pid}`;
    const { db, engine } = fresh('upgrade10');
    try {
      // Version 10's level 1 had 128 buckets: a flush then put a term's postings in a bucket row that version 11
      // never reads.
      Object.assign(tuning, { recentDocs: 1, recentWrites: 1, l1Buckets: 128 });
      await engine.ingest({ text: JILIN, source: { via: 'paste' } });
      expect((await searchTables(db).meta.get('meta'))!.segments.map((s) => s.level)).toEqual([1]);
      const v10 = new Dexie(name);
      v10.version(10).stores(schemaBefore12(db));
      for (const t of db.tables) if (t.name !== 'searchIdSets') await v10.table(t.name).bulkPut(await t.toArray());
      await v10.table('searchIds').bulkPut(await idRowsBefore12(db));
      v10.close();
    } finally {
      Object.assign(tuning, saved);
    }
    const upgraded = new PresscutDB(name);
    expect(await dumpIndex(upgraded)).toEqual(await dumpIndex(db));
    // Version 12 keeps article ids one row a write: the row an article of versions 6–11 is gone.
    expect(upgraded.tables.map((t) => t.name)).not.toContain('searchIds');
    expect(await searchTables(upgraded).ids.count()).toBe(1);
    const r = await createEngine(upgraded).search('汽车产业集群');
    expect(r.total).toBe(1);
    expect(r.hits[0]!.headline).toContain('汽车产业集群');
    upgraded.close();
  });

  it('builds the index again when its level 2 is laid out in the schema version 12 way (version 13)', async () => {
    const saved = { ...tuning };
    const name = `v12-${process.pid}`;
    const { db, engine } = fresh('upgrade12');
    const queries = ['汽车产业集群', '常务会议', '长春'];
    let want: { dump: unknown; totals: number[] };
    try {
      // Version 12's level 2 had 4,096 buckets: version 13 looks for half of its terms in buckets never written.
      Object.assign(tuning, { recentDocs: 1, recentWrites: 1, fanout: 2, l2Buckets: 4096 });
      await engine.ingest({ text: JILIN, source: { via: 'paste' } });
      await engine.ingest({ text: TWO, source: { via: 'paste' } });
      while (await mergeStep(db)) { /* until no merge is due */ }
      expect((await searchTables(db).meta.get('meta'))!.segments.map((s) => s.level)).toEqual([2]);
      want = { dump: await dumpIndex(db), totals: await Promise.all(queries.map(async (q) => (await engine.search(q)).total)) };
      expect(want.totals.every((n) => n > 0)).toBe(true);
      const v12 = new Dexie(name);
      v12.version(12).stores(Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((x) => x.src).join(', ')])));
      for (const t of db.tables) await v12.table(t.name).bulkPut(await t.toArray());
      v12.close();
    } finally {
      Object.assign(tuning, saved);
    }
    const upgraded = new PresscutDB(name);
    expect(await dumpIndex(upgraded)).toEqual(want.dump);
    const e = createEngine(upgraded);
    expect(await Promise.all(queries.map(async (q) => (await e.search(q)).total))).toEqual(want.totals);
    expect((await e.search('汽车产业集群')).hits[0]!.headline).toContain('汽车产业集群');
    upgraded.close();
  });

  it('replaces the first index layout (schema version 3) with the segments, built during the upgrade', async () => {
    const { db, engine } = fresh('upgrade3');
    await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const rows = { clippings: await db.clippings.toArray(), articles: await db.articles.toArray() };
    const name = `v3-${process.pid}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({
      clippings: 'id, capturedAt', articles: 'id, clippingId, sortKey, deletedAt', collections: 'id, order', undo: 'id, createdAt',
      searchMeta: 'id', searchIds: 'articleId, &docNo', searchNorms: 'chunk', searchTail: '[bucket+seq]', searchPostings: '[bucket+chunk]',
      memberships: 'id, collectionId, articleId', annotations: 'articleId, *tags', importJournal: '++seq',
    });
    await v3.table('clippings').bulkPut(rows.clippings);
    await v3.table('articles').bulkPut(rows.articles);
    // An old index, in the old shapes: it must go, not be read.
    await v3.table('searchMeta').put({ id: 'meta', nextDoc: 5, seq: 1, tailSeqs: 1, tailDocs: 5, chunk: 0, chunkDocs: 0, live: 5, dead: 0, lenSum: [1, 1, 1, 1], generation: 3 });
    await v3.table('searchIds').put({ articleId: rows.articles[0]!.id, docNo: 4, hash: 'old' });
    await v3.table('searchTail').put({ bucket: 1, seq: 0, terms: ['长春'], offs: new Uint32Array([0, 1]), data: new Uint8Array([0]), last: new Int32Array([0]) });
    v3.close();
    const upgraded = new PresscutDB(name);
    expect(await dumpIndex(upgraded)).toEqual(await dumpIndex(db));
    expect(upgraded.tables.map((t) => t.name)).not.toContain('searchTail');
    const e = createEngine(upgraded);
    expect((await e.search('汽车产业集群')).total).toBe(1);
    upgraded.close();
  });
});

/** The schema of versions 6–11: this one, with an id row an article (searchIds) where searchIdSets is. */
function schemaBefore12(db: Dexie): Record<string, string> {
  const schema = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((x) => x.src).join(', ')]));
  delete schema.searchIdSets;
  return { ...schema, searchIds: 'articleId' };
}

/** The index's article ids as versions 6–11 stored them. */
async function idRowsBefore12(db: Dexie): Promise<{ articleId: string; docNo: number; hash: string }[]> {
  const sets = await searchTables(db).ids.toArray();
  return sets.flatMap((set) => set.ids.map((articleId, k) => ({ articleId, docNo: set.docNos[k]!, hash: set.hashes[k]! })));
}

/** Synthetic documents, to push the index through tail flushes quickly (no segmenter, no articles). */
function docs(n: number, seed: number): SearchDoc[] {
  const chars = '长春市汽车产业集群默想认的发展铁路北京上海中国人民日报';
  let s = seed;
  const r = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  return Array.from({ length: n }, (_, i) => {
    const body = Array.from({ length: 20 + Math.floor(r() * 30) }, () => chars[Math.floor(r() * chars.length)]).join('') + ` word${i % 7}`;
    return { articleId: `a${seed}-${i}`, fields: [`标题${i}`, body, '', '吉林日报'], day: 19000 + (i % 30), source: '吉林日报', hash: `h${i}` };
  });
}

/** Small sizes, so that a few hundred documents go through flushes, several levels of merges and purges. */
function smallTree(): () => void {
  const saved = { ...tuning };
  Object.assign(tuning, { recentDocs: 16, recentWrites: 4, fanout: 3, l1Buckets: 4, l2Buckets: 32, maxBuckets: 32, mergeRows: 6, purgeMin: 4, purgeShare: 0.2 });
  return () => Object.assign(tuning, saved);
}

const write = (db: PresscutDB, removed: string[], ds: SearchDoc[]) =>
  db.transaction('rw', Object.values(searchTables(db)), () => applyChanges(searchTables(db), removed, ds));

/** Document numbers that still have postings stored, in any row. */
async function storedDocs(db: PresscutDB): Promise<Set<number>> {
  const t = searchTables(db), out = new Set<number>();
  for (const row of [...(await t.segments.toArray()), ...(await t.recent.toArray())]) {
    termsOf(row).forEach((_, k) => { for (const p of decodePostings(row.data.subarray(...listRange(row, k)), 0, false)) out.add(p.doc); });
  }
  return out;
}

const QUERIES = ['长春', '汽车产业', '默想', '铁路北京', 'word3', '标题1', 'headline:标题2 -word1', '上海 OR 中国人'];

/** What the queries find, as article ids in rank order (scores included, so ranking must agree too). */
async function answers(db: PresscutDB): Promise<string[][]> {
  const reader = new IndexReader(db);
  return Promise.all(QUERIES.map((q) => matchingIds(db, reader, q, async () => new Set())));
}

describe('index storage', () => {
  it('gives the same index whether documents come one write at a time (flushes, merges) or all at once', async () => {
    const restore = smallTree();
    try {
      const all = docs(300, 1);
      const a = new PresscutDB(`flush-a-${process.pid}`), b = new PresscutDB(`flush-b-${process.pid}`);
      for (let i = 0; i < all.length; i += 7) await write(a, [], all.slice(i, i + 7));
      await write(b, [], all);
      const expected = await dumpIndex(b);
      expect(await searchTables(a).segments.count()).toBeGreaterThan(0);
      expect(await dumpIndex(a)).toEqual(expected);
      // Every merge step leaves an index that holds each posting once (dumpIndex throws on a duplicate), and the same.
      let steps = 0;
      while (await mergeStep(a)) {
        if (++steps % 5 === 0) expect(await dumpIndex(a)).toEqual(expected);
      }
      expect(steps).toBeGreaterThan(10);
      const meta = (await searchTables(a).meta.get('meta'))!;
      expect(Math.max(...meta.segments.map((s) => s.level))).toBeGreaterThanOrEqual(3);
      expect(meta.segments.filter((s) => s.level === 1).length).toBeLessThan(tuning.fanout);
      expect(await dumpIndex(a)).toEqual(expected);
      expect(await answers(a)).toEqual(await answers(b));
    } finally {
      restore();
    }
  }, 60_000);

  it('drops dead documents\' postings when their segment is compacted, and finds the same', async () => {
    const restore = smallTree();
    try {
      const all = docs(200, 2);
      const a = new PresscutDB(`purge-a-${process.pid}`), c = new PresscutDB(`purge-c-${process.pid}`);
      for (let i = 0; i < all.length; i += 10) await write(a, [], all.slice(i, i + 10));
      while (await mergeStep(a));
      const before = await storedDocs(a);
      // Delete a third and edit a tenth (an edit is a new document; the old one dies).
      const gone = all.filter((_, i) => i % 3 === 0).map((d) => d.articleId);
      await write(a, gone, []);
      const edited = all.filter((_, i) => i % 10 === 1 && i % 3 !== 0).map((d): SearchDoc => ({ ...d, fields: [d.fields[0], d.fields[1] + '默想', d.fields[2], d.fields[3]], hash: d.hash + 'e' }));
      await write(a, [], edited);
      const kept = all.filter((d) => !gone.includes(d.articleId)).map((d) => edited.find((e) => e.articleId === d.articleId) ?? d);
      await write(c, [], kept);
      const found = await answers(a);
      // Ties rank by document number, which differs for the edited ones: compare as sets with the fresh index.
      const sets = (x: string[][]) => x.map((ids) => [...ids].sort());
      expect(sets(found)).toEqual(sets(await answers(c)));
      expect(await dumpIndex(a)).toEqual(await dumpIndex(c));
      // Compaction rewrites the segments that lost a share of their documents: their postings go, results stay.
      let steps = 0;
      while (await mergeStep(a)) steps++;
      expect(steps).toBeGreaterThan(0);
      const after = await storedDocs(a);
      expect(after.size).toBeLessThan(before.size);
      const norms = new Map((await searchTables(a).norms.toArray()).map((n) => [n.chunk, n]));
      const stillDead = [...after].filter((d) => !norms.get(d >> CHUNK_BITS)!.alive[d & (CHUNK_SIZE - 1)]).length;
      expect(stillDead).toBeLessThan(tuning.purgeMin * (await searchTables(a).meta.get('meta'))!.segments.length);
      expect(await answers(a)).toEqual(found);
      expect(await dumpIndex(a)).toEqual(await dumpIndex(c));
    } finally {
      restore();
    }
  }, 60_000);

  it('leaves out of a flush the postings of recent documents deleted before it', async () => {
    const restore = smallTree();
    try {
      const all = docs(20, 3);
      const a = new PresscutDB(`flush-dead-${process.pid}`), c = new PresscutDB(`flush-dead-c-${process.pid}`);
      await write(a, [], all.slice(0, 8));
      const gone = (await idEntriesOf(searchTables(a), [all[2]!.articleId])).get(all[2]!.articleId)!.docNo;
      await write(a, [all[2]!.articleId], []);
      await write(a, [], all.slice(8)); // past recentDocs: flushed into a level-1 segment
      expect(await searchTables(a).recent.count()).toBe(0);
      expect(await storedDocs(a)).not.toContain(gone);
      expect((await storedDocs(a)).size).toBe(19);
      // A second flush, with no document deleted since the first, drops nothing.
      await write(a, [], docs(16, 4));
      expect(await searchTables(a).recent.count()).toBe(0);
      expect((await storedDocs(a)).size).toBe(35);
      await write(c, [], [...all.filter((_, i) => i !== 2), ...docs(16, 4)]);
      expect(await dumpIndex(a)).toEqual(await dumpIndex(c));
    } finally {
      restore();
    }
  });

  it('indexes again a document removed and then written back unchanged', async () => {
    // Its entry must leave its write's id row with it: found there, the same text hash would skip the re-add.
    const all = docs(6, 5);
    const a = new PresscutDB(`readd-${process.pid}`), c = new PresscutDB(`readd-c-${process.pid}`);
    await write(a, [], all);
    await write(a, [all[1]!.articleId], []);
    await write(a, [], [all[1]!]);
    await write(c, [], all);
    expect((await dumpIndex(a)).docs).toEqual((await dumpIndex(c)).docs);
    expect((await idEntriesOf(searchTables(a), [all[1]!.articleId])).get(all[1]!.articleId)!.set.ids).toEqual([all[1]!.articleId]);
  });

  it('is empty again after adding and removing any documents', async () => {
    let k = 0;
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1000 }), async (n, seed) => {
      const db = new PresscutDB(`empty-${process.pid}-${++k}`);
      const t = searchTables(db);
      const ds = docs(n, seed);
      await db.transaction('rw', Object.values(t), () => applyChanges(t, [], ds));
      await db.transaction('rw', Object.values(t), () => applyChanges(t, ds.map((d) => d.articleId), []));
      const dump = await dumpIndex(db);
      expect(dump).toEqual({ live: 0, lenSum: [0, 0, 0, 0], docs: {} });
      expect(await t.ids.count()).toBe(0);
      db.close();
    }), { numRuns: 15 });
  });
});

describe('merging segments', () => {
  it('moves every posting once when a purged segment sits between the ones merged with it', async () => {
    const saved = { ...tuning };
    const { db, engine } = fresh('purged-between');
    try {
      // Three level-1 segments (ids 0, 1, 2) that nothing merges; a delete in the second has it rewritten as id 3,
      // with its place in document order. A merge of the two oldest by documents then takes ids 0 and 3: the
      // rows of id 2 lie between theirs in every bucket, and must stay.
      Object.assign(tuning, { recentDocs: 1, recentWrites: 1, fanout: 1000, l1Buckets: 8, l2Buckets: 64, maxBuckets: 64, purgeMin: 1, purgeShare: 0.01 });
      const pages = ['第一号公告', '第二号公告', '第三号公告'].map((h, i) => `${h}\n本报讯 长春市汽车产业集群第${i}次会议召开，研究部署铁路北京段工作。\n`);
      const ids: string[][] = [];
      for (const text of pages) ids.push((await engine.ingest({ text, source: { via: 'file' } })).articleIds);
      await engine.deleteArticle(ids[1]![0]!);
      while (await mergeStep(db)) { /* the purge */ }
      const layout = async () => (await searchTables(db).meta.get('meta'))!.segments.map((x) => [x.id, x.level]);
      expect(await layout()).toEqual([[0, 1], [2, 1], [3, 1]]);
      tuning.fanout = 2;
      while (await mergeStep(db)) { /* the merges */ }
      expect(await layout()).toEqual([[2, 1], [4, 2]]);
      for (const q of ['第一号公告', '第三号公告', '长春市汽车产业集群']) expect((await engine.search(q)).total, q).toBe(q === '长春市汽车产业集群' ? 2 : 1);
      await expectConsistent(db, engine);
    } finally {
      Object.assign(tuning, saved);
    }
  });

  it('merges a purged segment, whose id is newer than its documents, in document order', async () => {
    const saved = { ...tuning };
    const { db, engine } = fresh('purged-first');
    try {
      // Level-1 segments 0 and 1; a delete in the first has it rewritten as id 2. Merged, the rows of id 2 come
      // first by documents but last by key.
      Object.assign(tuning, { recentDocs: 1, recentWrites: 1, fanout: 1000, l1Buckets: 8, l2Buckets: 64, maxBuckets: 64, purgeMin: 1, purgeShare: 0.01 });
      const pages = ['第一号公告', '第二号公告'].map((h, i) => `${h}\n本报讯 长春市汽车产业集群第${i}次会议召开，研究部署铁路北京段工作。\n\n${h}续\n本报讯 吉林省第${i}次会议召开。\n`);
      const ids: string[][] = [];
      for (const text of pages) ids.push((await engine.ingest({ text, source: { via: 'file' } })).articleIds);
      expect(ids[0]!.length).toBeGreaterThan(1);
      await engine.deleteArticle(ids[0]![ids[0]!.length - 1]!);
      while (await mergeStep(db)) { /* the purge */ }
      const layout = async () => (await searchTables(db).meta.get('meta'))!.segments.map((x) => [x.id, x.level]);
      expect(await layout()).toEqual([[1, 1], [2, 1]]);
      tuning.fanout = 2;
      while (await mergeStep(db)) { /* the merge */ }
      expect(await layout()).toEqual([[3, 2]]);
      expect((await engine.search('长春市汽车产业集群')).total).toBe(2);
      await expectConsistent(db, engine);
    } finally {
      Object.assign(tuning, saved);
    }
  });
});

describe('merging when idle', () => {
  it('merges left after a write go on by themselves until none is due, and the results stay the same', async () => {
    const saved = { ...tuning };
    try {
      // Segments that no write merges (fanout huge), then a fanout that makes merges due, each a bucket a step.
      Object.assign(tuning, { recentDocs: 8, recentWrites: 2, fanout: 1000, l1Buckets: 64, l2Buckets: 64, maxBuckets: 64, mergeRows: 1 });
      const pages = Array.from({ length: 32 }, (_, i) => `第${i}号公告\n本报讯 长春市汽车产业集群第${i}次会议召开，研究部署铁路北京段工作。\n`);
      const engines = { idle: createEngine(new PresscutDB(`idle-${process.pid}`), Date.now, { idleMergeMs: 1 }), busy: createEngine(new PresscutDB(`busy-${process.pid}`)) };
      const meta = async (name: string) => (await searchTables(new PresscutDB(`${name}-${process.pid}`)).meta.get('meta'))!;
      const hits = async (e: Engine, q: string) => (await e.search(q, { limit: 100 })).hits.map((h) => h.headline).sort();
      for (const e of Object.values(engines)) for (const text of pages) await e.ingest({ text, source: { via: 'file' } });
      const before = await hits(engines.busy, '长春市汽车产业集群');
      expect(before).toHaveLength(32);
      tuning.fanout = 2;
      const { mergeDue } = await import('../../src/search/merge.js');
      for (const e of Object.values(engines)) await e.search('铁路北京'); // a search tidies for 40 ms, then leaves the rest
      await expect.poll(async () => mergeDue(await meta('idle')), { timeout: 20_000, interval: 20 }).toBe(false);
      expect(mergeDue(await meta('busy'))).toBe(true);
      expect((await meta('idle')).segments.length).toBeLessThan((await meta('busy')).segments.length);
      for (const q of ['长春市汽车产业集群', '铁路北京', '第7号公告']) expect(await hits(engines.idle, q)).toEqual(await hits(engines.busy, q));
    } finally {
      Object.assign(tuning, saved);
    }
  });

  it('leaves the merges alone while searches come, and does them once searches pause', async () => {
    const saved = { ...tuning };
    try {
      Object.assign(tuning, { recentDocs: 8, recentWrites: 2, fanout: 1000, l1Buckets: 64, l2Buckets: 64, maxBuckets: 64, mergeRows: 1 });
      const name = `quiet-${process.pid}`;
      const engine = createEngine(new PresscutDB(name), Date.now, { idleMergeMs: 1, searchQuietMs: 1000 });
      for (let i = 0; i < 24; i++) await engine.ingest({ text: `第${i}号公告\n本报讯 长春市汽车产业集群第${i}次会议召开。\n`, source: { via: 'file' } });
      tuning.fanout = 2;
      const layout = async () => {
        const m = (await searchTables(new PresscutDB(name)).meta.get('meta'))!;
        return JSON.stringify([m.segments, m.merge]);
      };
      const { mergeDue } = await import('../../src/search/merge.js');
      const before = await layout();
      // As a reader types: each search within the quiet time of the one before, and no merge step in between.
      for (const q of ['长', '长春', '长春市', '长春市汽车', '长春市汽车产业集群']) {
        expect((await engine.search(q)).total).toBe(24);
        expect(await layout()).toBe(before);
      }
      await expect.poll(async () => mergeDue((await searchTables(new PresscutDB(name)).meta.get('meta'))!), { timeout: 20_000, interval: 50 }).toBe(false);
      expect(await layout()).not.toBe(before);
      expect((await engine.search('长春市汽车产业集群')).total).toBe(24);
    } finally {
      Object.assign(tuning, saved);
    }
  });
});
