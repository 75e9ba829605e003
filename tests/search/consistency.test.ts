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
import { searchTables, TAIL_MAX_DOCS } from '../../src/search/tables.js';
import { PresscutDB } from '../../src/store/db.js';
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

  it('rolls the index back with the articles when a write fails', async () => {
    const { db, engine } = fresh('rollback');
    let fail = true;
    db.use({ stack: 'dbcore', name: 'quota', create: (down) => ({ ...down, table: (name) => {
      const t = down.table(name);
      return name !== 'searchTail' ? t : { ...t, mutate: (req) => (fail && req.type === 'put'
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
});

/** Synthetic documents, to push the index through tail flushes quickly (no segmenter, no articles). */
function docs(n: number, seed: number): SearchDoc[] {
  const chars = '长春市汽车产业集群默想认的发展铁路北京上海中国人民日报';
  let s = seed;
  const r = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  return Array.from({ length: n }, (_, i) => {
    const body = Array.from({ length: 20 + Math.floor(r() * 30) }, () => chars[Math.floor(r() * chars.length)]).join('') + ` word${i % 7}`;
    return { articleId: `a${seed}-${i}`, fields: [`标题${i}`, body, '', '吉林日报'], day: 19000 + (i % 30), hash: `h${i}` };
  });
}

describe('index storage', () => {
  it('gives the same index whether documents come one write at a time (with flushes) or all at once', async () => {
    const all = docs(TAIL_MAX_DOCS + 37, 1);
    const a = new PresscutDB(`flush-a-${process.pid}`), b = new PresscutDB(`flush-b-${process.pid}`);
    for (let i = 0; i < all.length; i += 20) {
      await a.transaction('rw', Object.values(searchTables(a)), () => applyChanges(searchTables(a), [], all.slice(i, i + 20)));
    }
    await b.transaction('rw', Object.values(searchTables(b)), () => applyChanges(searchTables(b), [], all));
    expect(await searchTables(a).postings.count()).toBeGreaterThan(0);
    expect(await dumpIndex(a)).toEqual(await dumpIndex(b));
    // A removal leaves the postings stored but the document dead, and the same dump as never indexing it.
    const gone = all.filter((_, i) => i % 3 === 0).map((d) => d.articleId);
    await a.transaction('rw', Object.values(searchTables(a)), () => applyChanges(searchTables(a), gone, []));
    const c = new PresscutDB(`flush-c-${process.pid}`);
    await c.transaction('rw', Object.values(searchTables(c)), () => applyChanges(searchTables(c), [], all.filter((d) => !gone.includes(d.articleId))));
    expect(await dumpIndex(a)).toEqual(await dumpIndex(c));
  }, 30_000);

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
