import { describe, expect, it } from 'vitest';
import { parseQuery, QuerySyntaxError } from '../../src/search/query.js';
import { fresh, JILIN } from './helpers.js';

const err = (q: string) => {
  try {
    parseQuery(q);
  } catch (e) {
    expect(e).toBeInstanceOf(QuerySyntaxError);
    const { code, args, position } = e as QuerySyntaxError;
    return { message: (e as Error).message, code, args, position };
  }
  throw new Error(`no error for ${q}`);
};

describe('query language', () => {
  it('parses words, phrases, exclusions, OR and filters', () => {
    const q = parseQuery('长春 "climate change" -疫情 上海 OR 北京 OR headline:天津 source:吉林日报 byline:黄鹭 after:2022-11-01 before:2023-01-01 sort:date in:"Reading list" tag:transport');
    expect(q.groups.map((g) => g.map((c) => `${c.field}:${c.text}${c.phrase ? '(phrase)' : ''}`))).toEqual([
      ['any:长春'], ['any:climate change(phrase)'], ['any:上海', 'any:北京', 'headline:天津'], ['source:吉林日报'], ['byline:黄鹭'],
    ]);
    expect(q.exclude.map((c) => c.text)).toEqual(['疫情']);
    expect([q.after, q.before, q.sort]).toEqual([Date.UTC(2022, 10, 1) / 864e5, Date.UTC(2023, 0, 1) / 864e5, 'date']);
    expect(q.sets.map((c) => `${c.kind}:${c.name}`)).toEqual(['in:Reading list', 'tag:transport']);
  });

  it('treats unknown prefixes and a lone dash as text', () => {
    expect(parseQuery('http://x.org 10:30 a-b').groups.map((g) => g[0]!.text)).toEqual(['http://x.org', '10:30', 'a-b']);
    expect(parseQuery('or').groups[0]![0]!.text).toBe('or');
  });

  it('names the position of a syntax problem', () => {
    expect(err('长春 "汽车 产业')).toMatchObject({ position: 3, message: expect.stringMatching(/never closed.*position 4/) });
    expect(err('OR 长春')).toMatchObject({ position: 0, message: expect.stringMatching(/OR needs something.*left/) });
    expect(err('长春 OR')).toMatchObject({ position: 3, message: expect.stringMatching(/right/) });
    expect(err('长春 after:2022-13-01')).toMatchObject({ position: 9, message: expect.stringMatching(/"2022-13-01" is not a date.*YYYY-MM-DD/) });
    // The code and its details say the same for a UI to translate.
    expect(err('长春 after:2022-13-01')).toMatchObject({ code: 'notADate', args: ['2022-13-01', 'after'] });
    expect(err('长春 "汽车 产业')).toMatchObject({ code: 'unclosedQuote', args: [] });
    expect(err('Headline: 长春')).toMatchObject({ code: 'fieldNeedsValue', args: ['Headline'], message: expect.stringMatching(/^"Headline:" needs a value/) });
    expect(err('headline: 长春')).toMatchObject({ position: 8, message: expect.stringMatching(/needs a value/) });
    expect(err('长春 sort:size')).toMatchObject({ position: 8 });
    expect(err('-after:2022-01-01 长春')).toMatchObject({ position: 0 });
    expect(err('a OR -b')).toMatchObject({ position: 5 });
    expect(err('after:2023-01-01 before:2022-01-01')).toMatchObject({ message: expect.stringMatching(/earlier/) });
    expect(err('"" 长春')).toMatchObject({ position: 0, message: expect.stringMatching(/empty quotes/) });
  });
});

describe('query language through Engine.search', () => {
  it('returns a malformed query as an error with its position, never as a rejection', async () => {
    const { engine } = fresh('query');
    const r = await engine.search('长春 "汽车');
    expect(r.hits).toEqual([]);
    expect(r.error).toMatchObject({ position: 3, code: 'unclosedQuote', args: [] });
    expect((await engine.search('，，。')).error?.message).toMatch(/nothing|no letters/);
  });

  it('filters by field, source, date, exclusion and OR', async () => {
    const { engine } = fresh('query');
    await engine.ingest({ text: JILIN, source: { via: 'paste', title: '吉林日报 2022年11月11日' }, structured: { newspaper: '吉林日报', published: '2022-11-11' } });
    const all = (await engine.search('会议')).total;
    expect(all).toBeGreaterThan(1);
    expect((await engine.search('会议 source:吉林日报')).total).toBe(all);
    expect((await engine.search('会议 source:人民日报')).total).toBe(0);
    expect((await engine.search('会议 after:2022-11-11')).total).toBe(all);
    expect((await engine.search('会议 before:2022-11-11')).total).toBe(0);
    const ex = await engine.search('会议 -疫情');
    expect(ex.total).toBeLessThan(all);
    expect((await engine.search('汽车产业集群 OR 新闻奖')).total).toBe(2);
    const h = await engine.search('headline:汽车产业集群');
    expect(h.hits.map((x) => x.headline)).toEqual(['长春市汽车产业集群上榜']);
    expect((await engine.search('source:吉林日报')).total).toBe(await engine.countArticles());
    const col = await engine.search('会议 in:Reading');
    expect(col.error?.message).toMatch(/no collection named "Reading"/);
  });
});

describe('in: a collection', () => {
  it('finds only the articles of the named collection', async () => {
    const { engine } = fresh('members');
    const { articleIds } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const k = await engine.createCollection('Reading list');
    await engine.addToCollection(k.id, [articleIds[1]!]);
    const r = await engine.search('in:"reading list"');
    expect(r.hits.map((h) => h.articleId)).toEqual([articleIds[1]]);
    expect((await engine.search('in:Nothing')).error?.message).toMatch(/no collection named "Nothing"/);
  });
});

describe('tag: a tag', () => {
  it('finds only the articles with the tag, whatever its case, alone or with words; an unknown tag says so', async () => {
    const { engine } = fresh('tags');
    const { articleIds } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const car = (await engine.search('汽车产业集群')).hits[0]!.articleId;
    const other = articleIds.find((id) => id !== car)!;
    await engine.setTags(car, ['Autos', 'changchun']);
    await engine.setTags(other, ['autos']);
    const ids = async (q: string) => (await engine.search(q)).hits.map((h) => h.articleId).sort();
    expect(await ids('tag:autos')).toEqual([car, other].sort());
    expect(await ids('tag:AUTOS tag:changchun')).toEqual([car]);
    expect(await ids('汽车产业集群 tag:autos')).toEqual([car]);
    expect(await ids('tag:autos -汽车产业集群')).toEqual([other]);
    const none = await engine.search('tag:sport');
    expect(none.error).toMatchObject({ code: 'noSuchTag', position: 0, length: 9 });
    expect(none.error?.message).toMatch(/no article has the tag "sport"/);
  });
});
