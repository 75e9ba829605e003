import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { fresh, JILIN } from './helpers.js';

/** Clips one article: a headline line and one paragraph (the segmenter keeps such a text whole). */
async function clip(engine: Engine, headline: string, body: string, extra: { newspaper?: string; published?: string } = {}): Promise<string> {
  const r = await engine.ingest({
    text: `${headline}\n${body}\n`, source: { via: 'paste' }, hints: { channel: 'web' },
    structured: { headline, ...extra },
  });
  expect(r.articleIds).toHaveLength(1);
  return r.articleIds[0]!;
}

const ids = async (engine: Engine, q: string) => {
  const r = await engine.search(q, { limit: 200 });
  expect(r.error).toBeNull();
  expect(r.total).toBe(r.hits.length);
  return r.hits.map((h) => h.articleId).sort();
};

describe('exactness traps', () => {
  it('默想 never finds 默认, and each finds its own', async () => {
    const { engine } = fresh();
    const a = await clip(engine, '设置说明', '我默认了这个设置，想了一想。');
    const b = await clip(engine, '夜读', '他默想了很久，没有说话。');
    expect(await ids(engine, '默想')).toEqual([b]);
    expect(await ids(engine, '默认')).toEqual([a]);
    expect(await ids(engine, '想')).toEqual([a, b].sort());
  });

  it('finds strings that cross word boundaries, and not bigrams that are present but apart', async () => {
    const { engine } = fresh();
    const a = await clip(engine, '长春', '长春市汽车产业集群上榜国家先进制造业集群。');
    const b = await clip(engine, '两地', '北京人，京上海的朋友来了。');
    expect(await ids(engine, '市汽车产')).toEqual([a]);
    expect(await ids(engine, '车产业集')).toEqual([a]);
    expect(await ids(engine, '汽车集群')).toEqual([]);
    expect(await ids(engine, '北京上')).toEqual([]); // 北京 and 京上 are both in b, not adjacent
    expect(await ids(engine, '京上海')).toEqual([b]);
  });

  it('handles mixed script: 铁路12306 is not 铁路、12306; a lone character glued to digits is checked on the text', async () => {
    const { engine } = fresh();
    const a = await clip(engine, '购票', '购票请登录铁路12306网站。');
    // (The segmenter closes up a space between CJK and digits, as PDF extraction puts one there; a comma stays.)
    const b = await clip(engine, '客服', '铁路、12306客服热线。');
    expect(await ids(engine, '铁路12306')).toEqual([a]);
    expect(await ids(engine, '12306')).toEqual([a, b].sort());
    expect(await ids(engine, '路12306')).toEqual([a]);
    expect(await ids(engine, '1230')).toEqual([]); // words are whole words
  });

  it('folds full-width letters and digits both ways', async () => {
    const { engine } = fresh();
    const a = await clip(engine, '经济', 'ＧＤＰ增长５％。');
    const b = await clip(engine, '经济二', 'GDP growth is 5%.');
    expect(await ids(engine, 'gdp')).toEqual([a, b].sort());
    expect(await ids(engine, 'ＧＤＰ增长')).toEqual([a]);
    expect(await ids(engine, '5')).toEqual([a, b].sort());
  });

  it('finds Traditional with Simplified and Simplified with Traditional', async () => {
    const { engine } = fresh();
    const t = await clip(engine, '長春', '長春市汽車產業集群發展迅速。');
    const s = await clip(engine, '长春', '长春市汽车产业集群发展迅速。');
    expect(await ids(engine, '汽车产业')).toEqual([t, s].sort());
    expect(await ids(engine, '汽車產業')).toEqual([t, s].sort());
    const r = await engine.search('汽车产业', { limit: 5 });
    const hit = r.hits.find((h) => h.articleId === t)!;
    expect(hit.snippet.text.slice(hit.snippet.highlights[0]!.start, hit.snippet.highlights[0]!.end)).toBe('汽車產業');
  });

  it('matches English words whole, phrases in order, diacritics folded', async () => {
    const { engine } = fresh();
    const a = await clip(engine, 'Talks', 'Climate change talks resumed at the Café.');
    const b = await clip(engine, 'Other', 'The change in climate was slow.');
    expect(await ids(engine, '"climate change"')).toEqual([a]);
    expect(await ids(engine, 'climate change')).toEqual([a, b].sort());
    expect(await ids(engine, 'cafe')).toEqual([a]);
    expect(await ids(engine, 'CLIMATE')).toEqual([a, b].sort());
    expect(await ids(engine, 'clim')).toEqual([]);
  });
});

describe('results', () => {
  it('puts the 长春市汽车产业集群 article first with the phrase highlighted', async () => {
    const { engine } = fresh();
    await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const r = await engine.search('汽车产业集群');
    expect(r.total).toBeGreaterThan(0);
    const top = r.hits[0]!;
    expect(top.headline).toContain('长春市汽车产业集群');
    expect(top.headlineHighlights.map((h) => top.headline!.slice(h.start, h.end))).toEqual(['汽车产业集群']);
    expect(top.snippet.highlights.length).toBeGreaterThan(0);
    for (const h of top.snippet.highlights) expect(top.snippet.text.slice(h.start, h.end)).toBe('汽车产业集群');
    expect(top.snippet.text.length).toBeLessThanOrEqual(162);
  });

  it('names each result\'s source, also for documents indexed before the index held source labels', async () => {
    const { db, engine } = fresh();
    await clip(engine, '长春新闻', '长春市汽车产业集群上榜。', { newspaper: '吉林日报' });
    await engine.ingest({ text: '夜读\n他默想了很久，长春的冬天。\n', source: { via: 'article-page', url: 'https://news.example.org/a', title: '晚报网' }, hints: { channel: 'web' } });
    const sources = async () => (await engine.search('长春')).hits.map((h) => h.source).sort();
    expect(await sources()).toEqual(['吉林日报', '晚报网']);
    // Norms rows as schema version 9 wrote them, without labels: results read the clippings instead.
    await db.table('searchNorms').toCollection().modify((row: { sources?: unknown }) => { delete row.sources; });
    await db.table('searchMeta').toCollection().modify((m: { generation: number }) => { m.generation++; });
    expect(await sources()).toEqual(['吉林日报', '晚报网']);
  });

  it('a filter kept across queries finds what was written since', async () => {
    const { engine } = fresh();
    const a = await clip(engine, '长春新闻', '长春市汽车产业集群上榜。', { newspaper: '吉林日报' });
    expect(await ids(engine, 'source:吉林日报 汽车')).toEqual([a]);
    expect(await ids(engine, 'source:吉林日报 长春')).toEqual([a]); // the source clause's documents are remembered …
    const b = await clip(engine, '长春冬天', '长春的冬天来了。', { newspaper: '吉林日报' });
    expect(await ids(engine, 'source:吉林日报 长春')).toEqual([a, b].sort()); // … until the next write
    await engine.deleteArticle(a);
    expect(await ids(engine, 'source:吉林日报 长春')).toEqual([b]);
  });

  it('says when nothing matches', async () => {
    const { engine } = fresh();
    await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const r = await engine.search('量子计算机');
    expect(r).toMatchObject({ total: 0, hits: [], error: null });
    expect(await engine.search('   ')).toMatchObject({ total: 0, hits: [], error: null });
  });

  it('boosts the headline: the article about it comes before one that mentions it', async () => {
    const { engine } = fresh();
    const body = await clip(engine, '其他新闻', '今天天气很好。会上也提到了新能源汽车的发展情况。大家都很高兴。');
    const head = await clip(engine, '新能源汽车销量大增', '今天天气很好。会上说明了今年的发展情况。大家都很高兴。');
    expect((await engine.search('新能源汽车')).hits.map((h) => h.articleId)).toEqual([head, body]);
  });

  it('pages through results and sorts by date', async () => {
    const { engine } = fresh();
    const old = await clip(engine, '旧闻', '汽车产业的旧闻。', { published: '2019-05-01' });
    const recent = await clip(engine, '新闻', '汽车产业的新闻，汽车产业。', { published: '2023-05-01' });
    const r = await engine.search('汽车产业 sort:date');
    expect(r.hits.map((h) => [h.articleId, h.date])).toEqual([[recent, '2023-05-01'], [old, '2019-05-01']]);
    const p2 = await engine.search('汽车产业', { sort: 'date', offset: 1, limit: 1 });
    expect(p2.total).toBe(2);
    expect(p2.hits.map((h) => h.articleId)).toEqual([old]);
  });
});
