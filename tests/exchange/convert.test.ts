import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { toCsl, type CslItem } from '../../src/exchange/csl.js';
import { convertArticles, exportArticles } from '../../src/exchange/convert.js';
import { readArchive } from '../../src/exchange/read.js';
import { writeArchive } from '../../src/exchange/write.js';
import { SECTIONS, type Section, type SectionRecords } from '../../src/exchange/format.js';
import type { Clipping } from '../../src/model/records.js';
import { parsePage } from '../../src/parse/index.js';
import { deriveRecords } from '../../src/store/derive.js';
import { newspaperOf } from '../../src/exchange/page-facts.js';

// An English page of our own, with a masthead, a date line and a bylined story that jumps.
const EN_PAGE = [
  'The Riverside Courier', 'A1 | Tuesday, March 3, 2020', '',
  'Council Approves Budget', 'Spending plan passes after a long night of debate', 'By JANE DOE and JOHN ROE',
  'The city council approved the budget on Tuesday after a debate that',
  'lasted until well past midnight, ending months of negotiation.',
  'The plan cuts spending on roads and raises it for schools, the',
  'mayor said in a statement after the vote. Continued on Page A4',
].join('\n');
const ZH_PAGE = readFileSync(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url), 'utf8');

function clip(text: string, id: string): { clipping: Clipping; records: SectionRecords['articles'][] } {
  const page = parsePage(text);
  const clipping: Clipping = {
    id, text, source: { via: 'page', url: `http://127.0.0.1/${id}` }, hints: {}, structured: null, capturedAt: Date.UTC(2026, 10, 28),
    parserVersion: '1', parseError: null, items: page.items, warnings: [], newspaper: newspaperOf(page), boundaryEdits: [], updatedAt: 0,
  };
  return { clipping, records: deriveRecords(clipping, page.articles, [], 0).records.map(({ sortKey: _s, ...r }) => r) };
}

async function archiveText(): Promise<string> {
  const en = clip(EN_PAGE, 'cen'), zh = clip(ZH_PAGE, 'czh');
  zh.records[1]!.deletedAt = 5;
  const lists: { [S in Section]: SectionRecords[S][] } = {
    clippings: [en.clipping, zh.clipping], articles: [...en.records, ...zh.records],
    collections: [{ id: 'k', name: 'Budget watch', order: 0, createdAt: 0, updatedAt: 0 }],
    memberships: [{ id: `k|${en.records[0]!.id}`, collectionId: 'k', articleId: en.records[0]!.id, addedAt: 0 }],
    annotations: [{ articleId: en.records[0]!.id, tags: ['city hall'], note: 'follow up in April', updatedAt: 0 }],
    links: [],
  };
  const counts = Object.fromEntries(SECTIONS.map((s) => [s, lists[s].length])) as Record<Section, number>;
  let out = '';
  for await (const c of writeArchive({ counts, async *records<S extends Section>(s: S) { for (const r of lists[s] as SectionRecords[S][]) yield r; } }, { generator: 't' })) out += c;
  return out;
}

async function convert(to: 'csl-json' | 'markdown' | 'ndjson'): Promise<string> {
  let out = '';
  for await (const c of convertArticles(exportArticles(readArchive([await archiveText()])), to, 'test')) out += c;
  return out;
}

const CSL_TYPES = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'book', 'chapter', 'webpage']);
/** The rules of the CSL-JSON schema (csl-data.json) for the fields Presscut writes. */
function cslProblems(item: CslItem): string[] {
  const p: string[] = [];
  if (typeof item.id !== 'string' || !item.id) p.push('id');
  if (!CSL_TYPES.has(item.type)) p.push('type');
  for (const k of ['title', 'container-title', 'page', 'URL', 'language', 'note'] as const) if (k in item && typeof item[k] !== 'string') p.push(k);
  for (const k of ['issued', 'accessed'] as const) {
    const d = item[k]?.['date-parts'];
    if (k in item && !(Array.isArray(d) && d.length === 1 && d[0]!.every((n) => Number.isInteger(n)))) p.push(k);
  }
  for (const a of item.author ?? []) if (!('literal' in a) && !(typeof a.family === 'string' && typeof a.given === 'string')) p.push('author');
  return p;
}

describe('CSL-JSON', () => {
  it('describes each live article as an article-newspaper citation managers accept', async () => {
    const items = JSON.parse(await convert('csl-json')) as CslItem[];
    expect(items).toHaveLength(1 + 6); // the deleted Jilin article is not exported
    for (const it of items) expect(cslProblems(it), JSON.stringify(it)).toEqual([]);
    const en = items.find((i) => i.title.startsWith('Council Approves Budget'))!;
    expect(en).toMatchObject({
      type: 'article-newspaper', title: 'Council Approves Budget: Spending plan passes after a long night of debate',
      'container-title': 'The Riverside Courier', issued: { 'date-parts': [[2020, 3, 3]] }, page: 'A1, A4',
      author: [{ family: 'Doe', given: 'Jane' }, { family: 'Roe', given: 'John' }], URL: 'http://127.0.0.1/cen',
    });
    const zh = items.find((i) => i.title.startsWith('强化举措'))!;
    expect(zh).toMatchObject({ author: [{ literal: '于小博' }], language: 'zh', note: '本报讯（记者于小博）' });
    expect(zh.page).toBeUndefined(); // the Jilin text prints no page number
  });

  it('renders as a bibliography entry in citeproc (citation.js)', { timeout: 30_000 }, async () => {
    const items = JSON.parse(await convert('csl-json')) as CslItem[];
    const html = new Cite(items.filter((i) => i.language === 'en')).format('bibliography', { format: 'text', template: 'apa' }) as string;
    expect(html).toMatch(/Doe, J\., & Roe, J\. \(2020, March 3\)\. Council Approves Budget: Spending plan passes after a long night of debate\. The Riverside Courier, A1, A4\./);
  });

  it('gives a title to an article the page prints without one', () => {
    const { records } = clip(ZH_PAGE, 'czh');
    const first = toCsl({ ...records[0]!.parsed, id: 'x', newspaper: null, url: null, sourceTitle: null, date: null, page: null, capturedAt: 0, tags: [], note: '', collections: [], storyPrevious: null, storyNext: null });
    expect(first.title).toMatch(/^中共中央政治局常务委员会11月10日召开会议/);
  });
});

describe('Markdown and NDJSON', () => {
  it('writes one Markdown document with every live article, its metadata, tags and note', async () => {
    const md = await convert('markdown');
    expect(md).toMatch(/^# test\n\n7 articles\n/);
    expect(md).toContain('## Council Approves Budget');
    expect(md).toContain('The Riverside Courier · 2020-03-03 · p. A1 · By JANE DOE and JOHN ROE');
    expect(md).toContain('Tags: city hall');
    expect(md).toContain('> follow up in April');
    expect(md).toContain('*(continued on page A4)*');
  });

  it('writes one JSON line per live article, with its collections by name and no spans', async () => {
    const lines = (await convert('ndjson')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ headline: 'Council Approves Budget', collections: ['Budget watch'], tags: ['city hall'], date: '2020-03-03' });
    expect(lines.every((l) => !('spans' in l))).toBe(true);
  });
});
