import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine, IngestResult } from '../../src/engine/types.js';
import { PresscutDB } from '../../src/store/db.js';
import { RECORDS_VERSION } from '../../src/model/records.js';

const JILIN = readFileSync(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url), 'utf8');
const TWO = '国务院召开常务会议\n本报讯（记者王五）今天，国务院召开常务会议，研究部署\n下一步工作。\n会议指出，要抓好落实。\n会议还研究了其他事项。\n';

let n = 0;
function fresh(clock = { t: 1_700_000_000_000 }): { db: PresscutDB; engine: Engine; clock: { t: number } } {
  const db = new PresscutDB(`test-${process.pid}-${++n}`);
  return { db, engine: createEngine(db, () => clock.t++), clock };
}

/** Makes puts into `table` fail as a full disk does while `full` is set. */
function fullDisk(db: PresscutDB, table: string, full: boolean): { full: boolean } {
  const state = { full };
  db.use({ stack: 'dbcore', name: 'quota', create: (down) => ({ ...down, table: (name) => {
    const t = down.table(name);
    return name !== table ? t : { ...t, mutate: (req) => (state.full && req.type === 'put'
      ? Promise.reject(Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' })) : t.mutate(req)) };
  } }) });
  return state;
}

async function snapshot(db: PresscutDB) {
  return { clippings: await db.clippings.toArray(), articles: await db.articles.toArray(), undo: await db.undo.toArray() };
}

describe('ingest', () => {
  it('stores the raw text untouched and the 7 articles of the Jilin page', async () => {
    const { db, engine } = fresh();
    const r = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    expect(r.created).toBe(true);
    expect(r.articleIds).toHaveLength(7);
    expect((await db.clippings.get(r.clippingId))!.text).toBe(JILIN);
    const rows = await engine.listArticles(0, 50);
    expect(rows.map((x) => x.headline?.replace(/\s/g, ''))).toContain('我省4件作品获第32届中国新闻奖');
    expect(await engine.countArticles()).toBe(7);
  });

  it('adds nothing when the same text is clipped twice, even with other line endings', async () => {
    const { engine } = fresh();
    const a = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const b = await engine.ingest({ text: JILIN.replace(/\n/g, '\r\n'), source: { via: 'page', url: 'http://x/' } });
    expect(b.created).toBe(false);
    expect(b.clippingId).toBe(a.clippingId);
    expect(b.articleIds).toEqual(a.articleIds);
    expect(await engine.countArticles()).toBe(7);
  });

  it('refuses empty and binary input with a message that says what is wrong, storing nothing', async () => {
    const { db, engine } = fresh();
    await expect(engine.ingest({ text: '  \n\t', source: { via: 'paste' } })).rejects.toThrow(/empty/);
    await expect(engine.ingest({ text: 'PK\u0003\u0004\u0000\u0000', source: { via: 'file' } })).rejects.toThrow(/binary.*position 4/);
    expect(await db.clippings.count()).toBe(0);
  });

  it('keeps the raw text when storing the articles fails, and leaves no half-written articles', async () => {
    const { db, engine } = fresh();
    const quota = fullDisk(db, 'articles', true);
    await expect(engine.ingest({ text: JILIN, source: { via: 'paste' } })).rejects.toThrow(/quota/);
    const [c] = await db.clippings.toArray();
    expect(c!.text).toBe(JILIN);
    expect(c!.parserVersion).toBeNull();
    expect(await db.articles.count()).toBe(0);
    quota.full = false;
    expect((await engine.reparse(c!.id)).articles).toBe(7);
  });

  it('lets structured fields from the page markup win over the segmenter', async () => {
    const { engine } = fresh();
    const r = await engine.ingest({
      text: '退役军人规划印发\n新华社北京9月14日电 近日，有关部门印发规划。', source: { via: 'epaper' }, hints: { channel: 'web' },
      structured: { kicker: '引题', headline: '主题', subtitle: '副题', newspaper: '人民日报' },
    });
    const a = (await engine.getArticle(r.articleIds[0]!))!;
    expect([a.kicker, a.headline, a.subtitle, a.newspaper]).toEqual(['引题', '主题', '副题', '人民日报']);
  });
});

describe('ingestMany', () => {
  const RIVERSIDE = readFileSync(new URL('../fixtures/riverside-courier-en.txt', import.meta.url), 'utf8');
  const pages = [JILIN, TWO, RIVERSIDE];
  const inputs = (texts: string[]) => texts.map((text) => ({ text, source: { via: 'file' as const } }));
  const ids = (out: Awaited<ReturnType<Engine['ingestMany']>>) => out.map((r) => ('refused' in r ? r.refused.code : r.articleIds));

  it('stores a batch as ingesting its pages one by one would: the same articles, list order and search hits', async () => {
    const one = fresh(), many = fresh();
    const singly = [];
    for (const text of pages) singly.push((await one.engine.ingest({ text, source: { via: 'file' } })).articleIds);
    const out = await many.engine.ingestMany(inputs(pages));
    expect(ids(out)).toEqual(singly);
    expect(out.every((r) => 'created' in r && r.created)).toBe(true);
    const list = async (e: Engine) => (await e.listArticles(0, 100)).map((r) => r.id);
    expect(await list(many.engine)).toEqual(await list(one.engine));
    for (const q of ['汽车产业集群', '国务院', 'bus fares']) {
      const hits = async (e: Engine) => (await e.search(q)).hits.map((h) => h.articleId);
      expect(await hits(many.engine)).toEqual(await hits(one.engine));
      expect((await hits(many.engine)).length).toBeGreaterThan(0);
    }
  });

  it('refuses only the bad texts, in their places, and stores a text given twice once', async () => {
    const { db, engine } = fresh();
    await engine.ingest({ text: TWO, source: { via: 'paste' } });
    const out = await engine.ingestMany(inputs([JILIN, ' \n ', TWO, 'PK\u0003\u0004\u0000', JILIN.replace(/\n/g, '\r\n')]));
    expect(out.map((r) => ('refused' in r ? r.refused.message : r.created))).toEqual([
      true, expect.stringMatching(/empty/), false, expect.stringMatching(/binary.*position 4/), false,
    ]);
    const [jilin, , two, , again] = out as IngestResult[];
    expect(again!.articleIds).toEqual(jilin!.articleIds);
    expect(two!.articleIds).toHaveLength(1);
    expect(await db.clippings.count()).toBe(2);
    expect(await engine.countArticles()).toBe(8);
  });

  // More pages than one transaction takes (32): each batch is parsed while the one before it is written.
  const notices = Array.from({ length: 40 }, (_, i) => `第${i + 1}号公告发布\n本报讯（记者王五）今天，第${i + 1}号公告发布，研究部署\n下一步工作。\n会议指出，要抓好落实。\n`);

  it('stores more pages than one transaction takes in their order, as one by one', async () => {
    const one = fresh(), many = fresh();
    const singly = [];
    for (const text of notices) singly.push((await one.engine.ingest({ text, source: { via: 'file' } })).articleIds);
    expect(ids(await many.engine.ingestMany(inputs(notices)))).toEqual(singly);
    const list = async (e: Engine) => (await e.listArticles(0, 100)).map((r) => r.headline);
    expect(await list(many.engine)).toEqual(await list(one.engine));
    expect((await many.engine.search('第40号公告')).hits).toHaveLength(1);
  });

  it('keeps the batches written before a later one fails, and every raw text', async () => {
    const { db, engine } = fresh();
    let puts = 0;
    db.use({ stack: 'dbcore', name: 'second-put-fails', create: (down) => ({ ...down, table: (name) => {
      const t = down.table(name);
      return name !== 'articles' ? t : { ...t, mutate: (req) => (req.type === 'put' && ++puts === 2
        ? Promise.reject(Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' })) : t.mutate(req)) };
    } }) });
    await expect(engine.ingestMany(inputs(notices))).rejects.toThrow(/quota/);
    expect(await db.clippings.count()).toBe(40);
    expect(await engine.countArticles()).toBe(32);
    expect((await engine.search('第32号公告')).hits).toHaveLength(1);
    expect((await engine.search('第33号公告')).hits).toHaveLength(0);
  });

  it('re-parses the batches before a clipping that is gone, then says which one is missing', async () => {
    const { db, engine } = fresh();
    let gone: string | null = null;
    // A sync pull deletes the 36th between the listing of the outdated pages and its batch's read.
    db.use({ stack: 'dbcore', name: 'gone', create: (down) => ({ ...down, table: (name) => {
      const t = down.table(name);
      return name !== 'clippings' ? t : { ...t, getMany: async (req) => {
        const rows = await t.getMany(req);
        return (req.trans as IDBTransaction).mode === 'readonly' ? rows.map((r, i) => (req.keys[i] === gone ? undefined : r)) : rows;
      } };
    } }) });
    await engine.ingestMany(inputs(notices));
    await db.clippings.toCollection().modify((c) => { c.parserVersion = 'old'; });
    gone = (await db.clippings.toCollection().primaryKeys())[35]!;
    await expect(engine.reparseOutdated()).rejects.toThrow(`no clipping ${gone}`);
    expect(await db.clippings.filter((c) => c.parserVersion !== 'old').count()).toBe(32);
  });

  it('parses in a boundary edit made while the batch before was being written', async () => {
    const { db, engine } = fresh();
    let armed = false, target = '', at = 0;
    db.use({ stack: 'dbcore', name: 'edit-meanwhile', create: (down) => ({ ...down, table: (name) => {
      const t = down.table(name);
      return name !== 'articles' ? t : { ...t, mutate: (req) => {
        if (armed && req.type === 'put') {
          armed = false;
          // The reader splits the 36th page's article while the first 32 pages are written: the edit commits
          // before the second batch's transaction begins, after that batch was parsed.
          void Dexie.ignoreTransaction(() => db.clippings.where('id').equals(target).modify((c) => {
            c.boundaryEdits.push({ kind: 'split', at, editedAt: 1 });
          }));
        }
        return t.mutate(req);
      } };
    } }) });
    await engine.ingestMany(inputs(notices.map((n) => `${n}\n会议还研究了其他事项。\n`)));
    target = (await db.clippings.toCollection().primaryKeys())[35]!;
    const [article] = await db.articles.where('clippingId').equals(target).toArray();
    at = article!.parsed.spans.paragraphs[1]![0]!.start;
    armed = true;
    await engine.reparse();
    expect(armed).toBe(false);
    expect(await db.articles.where('clippingId').equals(target).count()).toBe(2);
  });

  it('keeps every raw text of the batch when storing the articles fails, and writes no article of it', async () => {
    const { db, engine } = fresh();
    const quota = fullDisk(db, 'searchIdSets', true);
    await expect(engine.ingestMany(inputs(pages))).rejects.toThrow(/quota/);
    expect((await db.clippings.toArray()).map((c) => c.text).sort()).toEqual([...pages].sort());
    expect(await db.articles.count()).toBe(0);
    expect((await engine.search('国务院')).hits).toHaveLength(0);
    quota.full = false;
    const elsewhere = await fresh().engine.ingestMany(inputs(pages));
    expect((await engine.reparse()).articles).toBe(elsewhere.flatMap((r) => ('refused' in r ? [] : r.articleIds)).length);
    expect((await engine.search('国务院')).hits.length).toBeGreaterThan(0);
  });
});

describe('a new parser', () => {
  it('re-parses only the pages another parser cut, or none did, keeping the corrections', async () => {
    const { db, engine } = fresh();
    const quota = fullDisk(db, 'articles', false);
    const jilin = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    await engine.updateArticle(jilin.articleIds[0]!, { headline: '改过的标题' });
    quota.full = true; // TWO's text is kept, its articles never written
    await expect(engine.ingest({ text: TWO, source: { via: 'paste' } })).rejects.toThrow(/quota/);
    quota.full = false;
    expect(await engine.reparseOutdated()).toEqual({ clippings: 1, articles: 1, orphanedCorrections: 0 });
    await db.clippings.update(jilin.clippingId, { parserVersion: '0.0.1-older' });
    expect(await engine.reparseOutdated()).toEqual({ clippings: 1, articles: 7, orphanedCorrections: 0 });
    expect((await engine.getArticle(jilin.articleIds[0]!))!.headline).toBe('改过的标题');
    expect(await engine.reparseOutdated()).toEqual({ clippings: 0, articles: 0, orphanedCorrections: 0 });
    expect(await engine.countArticles()).toBe(8);
    expect((await engine.search('国务院召开常务会议')).total).toBe(1);
  });
});

describe('listing', () => {
  it('lists the newest clipping first and each page in page order', async () => {
    const { engine } = fresh();
    await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    await engine.ingest({ text: TWO, source: { via: 'paste' } });
    const rows = await engine.listArticles(0, 100);
    expect(rows[0]!.headline).toBe('国务院召开常务会议');
    expect(rows.slice(1).map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect((await engine.listArticles(3, 2)).map((r) => r.id)).toEqual(rows.slice(3, 5).map((r) => r.id));
    const clips = await engine.listClippings(0, 10);
    expect(clips.map((c) => c.articleCount)).toEqual([1, 7]);
  });
});

describe('corrections', () => {
  it('keeps an edited headline across re-parsing', async () => {
    const { engine } = fresh();
    const { articleIds, clippingId } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const v = await engine.updateArticle(articleIds[0]!, { headline: '新华社：中共中央政治局常委会召开会议' });
    expect(v.corrected).toEqual(['headline']);
    await engine.reparse(clippingId);
    const rows = await engine.listArticles(0, 10);
    expect(rows[0]!.headline).toBe('新华社：中共中央政治局常委会召开会议');
  });

  it('refuses a bad correction and changes nothing', async () => {
    const { db, engine } = fresh();
    const { articleIds } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const before = await snapshot(db);
    await expect(engine.updateArticle(articleIds[0]!, { paragraphs: [] })).rejects.toThrow(/at least one paragraph/);
    await expect(engine.updateArticle(articleIds[0]!, { headline: 5 as never })).rejects.toThrow(/"headline" must be text/);
    await expect(engine.updateArticle(articleIds[0]!, { id: 'x' } as never)).rejects.toThrow(/"id" is not a field/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('merges an article with the next one, and the merge survives re-parsing', async () => {
    const { engine } = fresh();
    const { articleIds, clippingId } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const [a, b] = await Promise.all([engine.getArticle(articleIds[2]!), engine.getArticle(articleIds[3]!)]);
    const merged = await engine.mergeWithNext(articleIds[2]!);
    const m = (await engine.getArticle(merged))!;
    expect(m.headline).toBe(a!.headline);
    expect(m.paragraphs).toEqual([...a!.paragraphs, ...b!.paragraphs]);
    expect(await engine.countArticles()).toBe(6);
    await engine.reparse(clippingId);
    expect(await engine.countArticles()).toBe(6);
    await expect(engine.mergeWithNext((await engine.listArticles(5, 1))[0]!.id)).rejects.toThrow(/last article/);
  });

  it('splits an article at a paragraph, and the split survives re-parsing', async () => {
    const { engine } = fresh();
    const { articleIds, clippingId } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const a = (await engine.getArticle(articleIds[0]!))!;
    const [x, y] = await engine.splitAt(articleIds[0]!, 2);
    const [ax, ay] = [(await engine.getArticle(x))!, (await engine.getArticle(y))!];
    expect(ax.paragraphs).toEqual(a.paragraphs.slice(0, 2));
    expect(ay.paragraphs).toEqual(a.paragraphs.slice(2));
    expect(ay.headline).toBeNull();
    await engine.reparse(clippingId);
    expect(await engine.countArticles()).toBe(8);
    await expect(engine.splitAt(x, 0)).rejects.toThrow(/split before paragraph 2/);
  });

  it('deletes with undo; a deletion survives re-parsing and can still be undone', async () => {
    const { engine } = fresh();
    const { articleIds, clippingId } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const token = await engine.deleteArticle(articleIds[1]!);
    expect(await engine.countArticles()).toBe(6);
    expect(await engine.getArticle(articleIds[1]!)).toBeNull();
    await engine.reparse(clippingId);
    expect(await engine.countArticles()).toBe(6);
    await engine.undo(token.id);
    expect(await engine.countArticles()).toBe(7);
    await expect(engine.undo(token.id)).rejects.toThrow(/nothing left to undo/);
  });
});

describe('stored records', () => {
  it('round-trip through IndexedDB unchanged and carry their schema versions', async () => {
    const { db, engine } = fresh();
    const { clippingId, articleIds } = await engine.ingest({ text: JILIN, source: { via: 'page', url: 'http://127.0.0.1/x', title: 'x' } });
    const clip = await db.clippings.get(clippingId);
    const art = await db.articles.get(articleIds[0]!);
    expect(art!.parsed.spans.paragraphs.length).toBe(art!.parsed.paragraphs.length);
    expect(structuredClone(clip)).toEqual(clip);
    expect(db.verno).toBe(RECORDS_VERSION);
    const again = new PresscutDB(db.name);
    expect(await again.articles.get(articleIds[0]!)).toEqual(art);
    again.close();
  });
});
