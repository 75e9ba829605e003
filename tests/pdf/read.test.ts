/**
 * The PDF reader on PDFs Chromium printed from newspaper-like pages (tests/pdf/pages.mjs, printed once by
 * tests/pdf/fixtures.setup.ts): multi-column stories, title blocks with kicker/headline/subtitle, a headline
 * block printed after its body in the content stream, side-by-side stories, captions, furniture, a two-page
 * issue with a 下转/上接 pair, an English page, a scan without text, and the dev page of ../shared when present.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// pdf.js spends about a second per page on the CJK fonts of these PDFs; CI machines are shared.
vi.setConfig({ testTimeout: 60_000 });
import type { Page } from '../../src/model/page.js';
import { isPdf, parsePdfPage, PdfError, readPdf, readPdfPages } from '../../src/pdf/index.js';
import { invariantProblems } from '../parse/helpers.js';
import { ASSETS, DEV_PDF, fixtureBytes, fixtureTruth, HAVE_SHARED, score } from './helpers.js';

const key = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '').replace(/^[—-]+/, '');

// Each fixture is read once per file: pdf.js spends about a second per page loading CJK fonts.
const read = new Map<string, Promise<{ text: string; page: Page }>>();
function readOne(name: string): Promise<{ text: string; page: Page }> {
  if (!read.has(name)) read.set(name, readPdf(fixtureBytes(name), ASSETS).then(([p]) => ({ text: p!.text, page: parsePdfPage(p!) })));
  return read.get(name)!;
}

describe('Chinese front page (corpus/zh-front.pdf)', () => {
  it('finds every story with its title block, dateline, byline and jump, in reading order', async () => {
    const { page } = await readOne('corpus/zh-front.pdf');
    const truth = fixtureTruth('corpus/zh-front.pdf');
    expect(page.articles.map((a) => [key(a.kicker), key(a.headline), key(a.subtitle)])).toEqual(
      truth.articles.map((t: { titles: { kicker?: string; headline?: string; subtitle?: string }[] }) => [key(t.titles[0]!.kicker), key(t.titles[0]!.headline), key(t.titles[0]!.subtitle)]));
    expect(page.articles.map((a) => key(a.dateline))).toEqual(truth.articles.map((t: { dateline: string | null }) => key(t.dateline)));
    expect(page.articles[0]!.continuedTo).toBe('2');
    expect(page.articles[3]!.byline).toBe('本报评论员');
    expect(page.headlineOrder).toBe('before');
  });

  it('keeps the body subhead as a paragraph, the caption and the furniture out of the articles', async () => {
    const { page } = await readOne('corpus/zh-front.pdf');
    expect(page.articles[0]!.paragraphs).toContain('压实责任确保收购平稳有序');
    expect(page.articles[4]!.paragraphs).toContain('加开夜间高铁');
    const items = page.items.map((i) => [i.kind, i.text.replace(/\s/g, '')]);
    expect(items).toContainEqual(['caption', '9月19日，江西省南昌县农民驾驶收割机抢收晚稻。本报记者刘洋摄']);
    expect(items).toContainEqual(['furniture', '晨光日报']);
    expect(items.filter(([k]) => k === 'furniture').map(([, t]) => t)).toContain('本版责编：张三李四');
  });

  it('reads the radicals Chromium maps some glyphs to as ideographs (粮食, 月, 工作)', async () => {
    const { text } = await readOne('corpus/zh-front.pdf');
    expect(text).toContain('分析当前粮食市场形势');
    expect(text).not.toMatch(/[\u2e80-\u2eff\u2f00-\u2fdf]/);
  });

  it('holds the coverage invariant: every character of the text in exactly one field or item', async () => {
    for (const name of ['corpus/zh-front.pdf', 'corpus/en-front.pdf', 'corpus/zh-issue-p2.pdf']) {
      const { text, page } = await readOne(name);
      expect(invariantProblems(text, page), name).toEqual([]);
    }
  });
});

describe('English front page (corpus/en-front.pdf)', () => {
  it('finds kicker, headline, deck, byline, dateline and the jump', async () => {
    const { page } = await readOne('corpus/en-front.pdf');
    const lead = page.articles[0]!;
    expect([lead.kicker, lead.headline, lead.subtitle]).toEqual(['BUDGET', 'Senate Passes Spending Bill After Late Night Deal', 'Compromise keeps the government open through December']);
    expect(lead.byline).toBe('By JANE DOE and RICHARD ROE');
    expect(lead.dateline).toBe('WASHINGTON —');
    expect(lead.continuedTo).toBe('A4');
    expect(page.articles.map((a) => a.headline)).toEqual([
      'Senate Passes Spending Bill After Late Night Deal', 'City Opens New Library for Old Newspapers',
      'Early Frost Threatens Apple Harvest', 'The Quiet Value of a Printed Page',
    ]);
  });
});

describe('a two-page issue (zh-issue.pdf)', () => {
  it('gives one result per page, in order, and finds the 下转/上接 pair', async () => {
    const pages = await readPdf(fixtureBytes('zh-issue.pdf'), ASSETS);
    expect(pages.map((p) => p.pageNumber)).toEqual([1, 2]);
    const [one, two] = pages.map(parsePdfPage);
    const jumped = one!.articles.find((a) => a.continuedTo !== null)!;
    const resumed = two!.articles.find((a) => a.continuedFrom !== null)!;
    expect(jumped.continuedTo).toBe('2');
    expect(resumed.continuedFrom).toBe('1');
    expect(key(resumed.headline)).toBe(key(jumped.headline));
    expect(resumed.paragraphs[0]).toMatch(/^会议要求，各级粮食和物资储备部门/);
  });

  it('reads the pages asked for, in the order asked, and refuses a page the PDF lacks', async () => {
    const got: number[] = [];
    for await (const p of readPdfPages(fixtureBytes('zh-issue.pdf'), { ...ASSETS, pages: [2, 1] })) got.push(p.pageNumber);
    expect(got).toEqual([2, 1]);
    await expect(readPdf(fixtureBytes('zh-issue.pdf'), { ...ASSETS, pages: [3] })).rejects.toMatchObject({ code: 'no-page', message: 'the PDF has 2 pages: there is no page 3' });
  });

  it('scores 1.0 article F1 and title attribution on every fixture page with the shared scorer', async () => {
    if (!HAVE_SHARED) return;
    const names = ['zh-front', 'en-front', 'zh-inside', 'en-inside', 'zh-issue-p1', 'zh-issue-p2'];
    const pairs = await Promise.all(names.map(async (n) => ({ truth: fixtureTruth(`corpus/${n}.pdf`), page: (await readOne(`corpus/${n}.pdf`)).page })));
    const s = await score(pairs);
    expect([s.articleF1, s.titleAttribution, s.jumps, s.dateline]).toEqual([1, 1, 1, 1]);
  });
});

describe('PDFs that give no text', () => {
  it('says a scan has no text layer instead of returning an empty page', async () => {
    const err = await readPdf(fixtureBytes('scan.pdf'), ASSETS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfError);
    expect(err).toMatchObject({ code: 'no-text' });
    expect((err as Error).message).toMatch(/no text layer .*only images.*scan; run OCR on it first/);
  });

  it('says a broken file is not a readable PDF, and tells PDF bytes by their magic', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF\n');
    expect(isPdf(broken)).toBe(true);
    expect(isPdf(new TextEncoder().encode('A page about %PDF-1.7 files'))).toBe(false);
    await expect(readPdf(broken, ASSETS)).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe.skipIf(!HAVE_SHARED)('the dev page (../shared/corpus/dev/rmrb-2026-09-15-p01.pdf)', () => {
  it('scores 1.0 article F1 and 1.0 title attribution from the PDF', async () => {
    const [p] = await readPdf(new Uint8Array(readFileSync(DEV_PDF)), ASSETS);
    const page = parsePdfPage(p!);
    const truth = JSON.parse(readFileSync(DEV_PDF.replace(/\.pdf$/, '.truth.json'), 'utf8'));
    const s = await score([{ truth, page }]);
    expect([s.articleF1, s.titleAttribution, s.titleRoles, s.jumps]).toEqual([1, 1, 1, 1]);
    expect(invariantProblems(p!.text, page)).toEqual([]);
  });
});
