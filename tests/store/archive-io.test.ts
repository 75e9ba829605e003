import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { PresscutDB } from '../../src/store/db.js';

const JILIN = readFileSync(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url), 'utf8');
const EN = 'The Riverside Courier\nA1 | Tuesday, March 3, 2020\nCouncil Approves Budget\nBy JANE DOE\nThe city council approved the budget on Tuesday.\n';
let n = 0;
function fresh(): { db: PresscutDB; engine: Engine } {
  const db = new PresscutDB(`archive-io-${process.pid}-${++n}`);
  let t = 1_700_000_000_000;
  return { db, engine: createEngine(db, () => t++) };
}

async function snapshot(db: PresscutDB) {
  const tables = ['clippings', 'articles', 'collections', 'memberships', 'annotations'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).toArray()])));
}

/** An archive with every kind of record: two pages, a correction, a merge, a deletion, collections, tags, notes. */
async function build(): Promise<{ db: PresscutDB; engine: Engine }> {
  const f = fresh();
  const { engine } = f;
  const { articleIds: ids } = await engine.ingest({ text: JILIN, source: { via: 'page', url: 'http://127.0.0.1/jilin' } });
  const { articleIds: en } = await engine.ingest({ text: EN, source: { via: 'paste' } });
  await engine.updateArticle(ids[0]!, { headline: '中共中央政治局常委会召开会议' });
  await engine.mergeWithNext(ids[5]!);
  await engine.deleteArticle(ids[1]!);
  const k = await engine.createCollection('研究');
  await engine.addToCollection(k.id, [ids[0]!, en[0]!]);
  await engine.setTags(ids[0]!, ['防疫', '会议']);
  await engine.setNote(en[0]!, 'follow up');
  return f;
}

const text = async (b: Blob) => b.text();

describe('export and import', () => {
  it('round-trips: export, wipe, import, export again gives the same file', async () => {
    const a = await build();
    const first = await a.engine.exportArchive({ kind: 'all' }, 'presscut');
    expect(first.filename).toMatch(/^presscut-archive-\d{4}-\d{2}-\d{2}\.json$/);
    const b = fresh();
    const result = await b.engine.importArchive(first.blob);
    expect(result.articles.added).toBe(await a.db.articles.count());
    expect(result.memberships.added).toBe(2);
    const second = await b.engine.exportArchive({ kind: 'all' }, 'presscut');
    const strip = (s: string) => s.replace(/"exportedAt":"[^"]*"/, '');
    expect(strip(await text(second.blob))).toBe(strip(await text(first.blob)));
    expect((await b.engine.listArticles(0, 1))[0]).toBeDefined();
    expect(await b.engine.countArticles()).toBe(await a.engine.countArticles());
    expect(await b.engine.listTags()).toEqual(await a.engine.listTags());
  });

  it('changes nothing when the same file is imported twice', async () => {
    const a = await build();
    const file = (await a.engine.exportArchive({ kind: 'all' }, 'presscut')).blob;
    const before = await snapshot(a.db);
    const r = await a.engine.importArchive(file);
    expect(r.articles).toEqual({ added: 0, updated: 0, unchanged: await a.db.articles.count() });
    expect(await snapshot(a.db)).toEqual(before);
  });

  it('never lets an older correction in a file overwrite a newer one here', async () => {
    const a = await build();
    const file = (await a.engine.exportArchive({ kind: 'all' }, 'presscut')).blob;
    const [row] = await a.engine.listArticles(0, 1);
    await a.engine.updateArticle(row!.id, { headline: 'newer, edited after the export' });
    await a.engine.importArchive(file);
    expect((await a.engine.getArticle(row!.id))!.headline).toBe('newer, edited after the export');
  });

  it('refuses a bad file with a message naming the problem and where, and changes nothing', async () => {
    const a = await build();
    const good = await text((await a.engine.exportArchive({ kind: 'all' }, 'presscut')).blob);
    const before = await snapshot(a.db);
    const bad: [string, RegExp][] = [
      [good.replace('"presscut.archive"', '"other.format"'), /cannot be imported: not a Presscut archive.*\$\.format/],
      [good.replace('"version":1', '"version":7'), /version 7 is not supported/],
      [good.slice(0, good.length - 200), /truncated|not valid JSON.*line \d+/],
      [good.replace(/"capturedAt":(\d+)/, '"capturedAt":"yesterday"'), /\$\.clippings\[0\]\.capturedAt must be a number.*line 3/],
    ];
    for (const [file, message] of bad) {
      await expect(a.engine.importArchive(new Blob([file]))).rejects.toThrow(message);
      expect(await snapshot(a.db)).toEqual(before);
    }
  });

  it('undoes everything it wrote when a write fails midway (the browser ran out of room)', async () => {
    const a = await build();
    const file = (await a.engine.exportArchive({ kind: 'all' }, 'presscut')).blob;
    const b = fresh();
    let full = false; // middleware must be in place before the database opens
    b.db.use({ stack: 'dbcore', name: 'full', create: (down) => ({ ...down, table: (name) => {
      const t = down.table(name);
      return name !== 'memberships' ? t : { ...t, mutate: (req) => (full && (req.type === 'add' || req.type === 'put')
        ? Promise.reject(Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' })) : t.mutate(req)) };
    } }) });
    await b.engine.ingest({ text: 'Local page\nBy JOHN ROE\nSomething kept locally before the import.\n', source: { via: 'paste' } });
    const before = await snapshot(b.db);
    full = true;
    await expect(b.engine.importArchive(file)).rejects.toThrow(/stopped and was undone.*no room left/);
    expect(await snapshot(b.db)).toEqual(before);
    expect(await b.db.importJournal.count()).toBe(0);
  });

  it('exports one collection with just its articles and their pages, in every format', async () => {
    const a = await build();
    const [k] = await a.engine.listCollections();
    const json = JSON.parse(await text((await a.engine.exportArchive({ kind: 'collection', id: k!.id }, 'presscut')).blob));
    expect(json.articles).toHaveLength(2);
    expect(json.clippings).toHaveLength(2);
    expect(json.collections.map((c: { name: string }) => c.name)).toEqual(['研究']);
    const csl = JSON.parse(await text((await a.engine.exportArchive({ kind: 'collection', id: k!.id }, 'csl-json')).blob));
    expect(csl.map((i: { title: string }) => i.title)).toEqual(expect.arrayContaining(['中共中央政治局常委会召开会议', 'Council Approves Budget']));
    const md = await text((await a.engine.exportArchive({ kind: 'collection', id: k!.id }, 'markdown')).blob);
    expect(md).toMatch(/^# 研究\n\n2 articles/);
    const nd = (await text((await a.engine.exportArchive({ kind: 'articles', ids: [(await a.engine.listArticles(0, 1))[0]!.id] }, 'ndjson')).blob)).trim().split('\n');
    expect(nd).toHaveLength(1);
  });

  it('reports progress while exporting and importing', async () => {
    const a = await build();
    const seen: number[][] = [];
    const { blob } = await a.engine.exportArchive({ kind: 'all' }, 'presscut', (d, t) => seen.push([d, t]));
    expect(seen.at(-1)?.[0]).toBe(seen.at(-1)?.[1]);
    const got: number[][] = [];
    await fresh().engine.importArchive(blob, (d, t) => got.push([d, t]));
    expect(got.at(-1)).toEqual([got.at(-1)![1], got.at(-1)![1]]);
  });
});

describe('import of a plain list of articles', () => {
  const headlines = async (e: Engine) => (await e.listArticles(0, 100)).map((r) => r.headline).sort();

  it('takes back an NDJSON export into a fresh archive with its tags, notes and collections, once', async () => {
    const a = await build();
    const nd = (await a.engine.exportArchive({ kind: 'all' }, 'ndjson')).blob;
    const b = fresh();
    const r = await b.engine.importArchive(nd);
    const live = await a.engine.countArticles();
    expect(r.articles.added).toBe(live);
    expect(await headlines(b.engine)).toEqual(await headlines(a.engine));
    expect(await b.engine.listTags()).toEqual(await a.engine.listTags());
    expect((await b.engine.listCollections()).map((c) => [c.name, c.articleCount])).toEqual([['研究', 2]]);
    const courier = (await b.engine.search('headline:"council approves budget"')).hits[0]!;
    expect((await b.engine.getAnnotation(courier.articleId))?.note).toBe('follow up');
    expect(courier.source).toBe('The Riverside Courier');
    expect((await b.engine.search('中共中央政治局常委会召开会议')).total).toBe(1); // the corrected headline came as a field

    const before = await snapshot(b.db);
    const again = await b.engine.importArchive(nd);
    expect(again.articles).toEqual({ added: 0, updated: 0, unchanged: live });
    expect(await snapshot(b.db)).toEqual(before);
    // Back into the archive it came from: every entry is an article already there.
    const home = await snapshot(a.db);
    expect((await a.engine.importArchive(nd)).articles).toEqual({ added: 0, updated: 0, unchanged: live });
    expect(await snapshot(a.db)).toEqual(home);
  });

  it('reads a JSON array from another tool (title, text, date), searchable by its words and its date', async () => {
    const { engine } = fresh();
    const list = [
      { title: 'Council backs new bridge', text: 'SPRINGFIELD — The city council voted 7-2 on Monday.\n\nWork starts in May.', url: 'https://example.com/bridge', date: '2020-03-03', newspaper: 'The Springfield Herald', tags: ['transport'] },
      { headline: '长春市汽车产业集群上榜', paragraphs: ['本报讯 长春市汽车产业集群入选国家先进制造业集群。'], date: [2022, 11, 11] },
    ];
    const r = await engine.importArchive(JSON.stringify(list, null, 2));
    expect(r.articles.added).toBe(2);
    expect(r.collections.added).toBe(0);
    const bridge = (await engine.search('bridge tag:transport')).hits[0]!;
    expect(bridge.headline).toBe('Council backs new bridge');
    expect(bridge.source).toBe('The Springfield Herald');
    expect(bridge.date).toBe('2020-03-03');
    const article = (await engine.getArticle(bridge.articleId))!;
    expect([article.dateline, ...article.paragraphs]).toEqual(['SPRINGFIELD —', 'The city council voted 7-2 on Monday.', 'Work starts in May.']);
    expect(article.source.url).toBe('https://example.com/bridge');
    expect((await engine.search('汽车产业集群 after:2022-11-11')).hits.map((h) => h.headline)).toEqual(['长春市汽车产业集群上榜']);
  });

  it('refuses a list with a bad entry, naming the entry, the field and the line, and changes nothing', async () => {
    const a = await build();
    const before = await snapshot(a.db);
    const nd = '{"headline":"One","paragraphs":["Text one."]}\n{"headline":"Two","tags":5}\n';
    await expect(a.engine.importArchive(nd)).rejects.toThrow(/\$\[1\]\.tags must be a list of text, not 5 \(at \$\[1\]\.tags, line 2\)/);
    const arr = '[\n  {"headline": "One"},\n  {"headline": "Two", "date": "2022-13-40"}\n]';
    await expect(a.engine.importArchive(arr)).rejects.toThrow(/\$\[1\]\.date must be a date as "YYYY-MM-DD".*line 3/);
    await expect(a.engine.importArchive('{"note":"only a note"}\n')).rejects.toThrow(/\$\[0\] has neither a headline nor any paragraphs/);
    expect(await snapshot(a.db)).toEqual(before);
  });
});
