/**
 * The Jilin Daily front page of 2022-11-11 (tests/fixtures/jilin-2022-11-11-p1.txt, PDF text extraction) against its
 * hand-checked truth (tests/fixtures/jilin-2022-11-11-p1.truth.json, a copy of ../shared/corpus).
 *
 * Fields are compared the way ../shared/eval/score.mjs compares them: NFKC, white space next to a CJK character
 * dropped, then (for keys) all white space and a leading dash removed. Articles are compared in page order: the
 * truth lists them in the order their bodies appear.
 */
import { describe, expect, it } from 'vitest';
import type { Article, Page } from '../../src/model/page.js';
import { fixture, parsePage, summary } from './helpers.js';

interface TruthTitle { kicker?: string; headline?: string; subtitle?: string }
interface TruthArticle {
  titles: TruthTitle[];
  dateline: string | null;
  authors: string[];
  byline: string | null;
  paragraphs: string[];
  continuedTo: string | null;
  continuedFrom: string | null;
}
interface Truth { page: { banner?: string }; articles: TruthArticle[] }

// The scorer's normalisation (../shared/eval/score.mjs: norm, key, pageRef).
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026]/;
function norm(s: string | null | undefined): string {
  if (s == null) return '';
  const t = String(s).normalize('NFKC').replace(/\s+/g, ' ').trim();
  return t.replace(/ (?=.)/g, (m, off: number) => (CJK.test(t[off - 1] ?? '') || CJK.test(t[off + 1] ?? '') ? '' : ' '));
}
const key = (s: string | null | undefined) => norm(s).replace(/\s+/g, '').replace(/^[—\-–~]+/, '').toLowerCase();
const CN: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function pageRef(s: string | null | undefined): string | null {
  if (s == null || s === '') return null;
  let t = norm(s).replace(/^第/, '').replace(/[版页]$/, '').replace(/^(page|p\.?)\s*/i, '');
  if (/^[零〇一二两三四五六七八九十百]+$/.test(t)) {
    let n = 0, cur = 0;
    for (const c of t) {
      if (c === '十') { n += (cur || 1) * 10; cur = 0; } else if (c === '百') { n += (cur || 1) * 100; cur = 0; } else cur = CN[c] ?? 0;
    }
    t = String(n + cur);
  }
  return t.toUpperCase();
}
const skeleton = (paras: string[]) => paras.map(norm).join('').replace(/\s+/g, '');

const truth = JSON.parse(fixture('jilin-2022-11-11-p1.truth.json')) as Truth;
const page: Page = parsePage(fixture('jilin-2022-11-11-p1.txt'));
const pairs = truth.articles.map((t, i) => [t, page.articles[i]] as const);
const label = (t: TruthArticle) => skeleton(t.paragraphs).slice(0, 12);

describe('Jilin Daily, 2022-11-11, page 1', () => {
  it('gives the 7 articles of the page, in the order of their bodies', () => {
    expect(page.articles.map(summary)).toHaveLength(7);
    expect(page.articles.map((a) => skeleton(a.paragraphs).slice(0, 12))).toEqual(truth.articles.map(label));
  });

  it('reads the headlines block by block, the headline-after-body order, with the right roles', () => {
    expect(page.headlineOrder).toBe('after');
    for (const [t, a] of pairs) {
      const got = { kicker: key(a?.kicker), headline: key(a?.headline), subtitle: key(a?.subtitle) };
      const variants = t.titles.map((v) => ({ kicker: key(v.kicker), headline: key(v.headline), subtitle: key(v.subtitle) }));
      expect(variants, `titles of ${label(t)}…`).toContainEqual(got);
    }
  });

  it('reads every dateline, including the one glued to the previous subtitle (韩俊主持本报讯…)', () => {
    expect(page.articles.map((a) => key(a.dateline))).toEqual(truth.articles.map((t) => key(t.dateline)));
    expect(page.articles.map((a) => a.dateline)).toEqual([
      '新华社北京11月10日电', null, '本报11月10日讯（记者黄鹭）', '本报讯（记者于小博）', '本报11月10日讯（记者于小博）',
      '本报讯（记者华泰来）', '本报讯（记者刘帅）',
    ]);
  });

  it('takes the reporters as authors and 本报评论员 as the commentary byline', () => {
    for (const [t, a] of pairs) {
      expect([...(a?.authors ?? [])].map(key).sort(), `authors of ${label(t)}…`).toEqual(t.authors.map(key).sort());
      expect(key(a?.byline), `byline of ${label(t)}…`).toBe(key(t.byline));
    }
  });

  it('reads the two 下转 jumps (第三版 and 第二版) and no others', () => {
    expect(page.articles.map((a) => [pageRef(a.continuedTo), pageRef(a.continuedFrom)]))
      .toEqual(truth.articles.map((t) => [pageRef(t.continuedTo), pageRef(t.continuedFrom)]));
    expect(page.articles.map((a) => a.continuedTo)).toEqual([null, '3', null, '2', null, null, null]);
  });

  it('gives every article exactly the body text of the truth (white space aside), with no jump marker left in it', () => {
    for (const [t, a] of pairs) {
      expect(skeleton(a?.paragraphs ?? []), `body of ${label(t)}…`).toBe(skeleton(t.paragraphs));
    }
    expect(page.articles.flatMap((a) => a.paragraphs).join('\n')).not.toMatch(/下转|上接/);
  });

  it('leaves no layout spacing in the bodies (11 月 8, 突破 200 万 套 ，国 际)', () => {
    const body = page.articles.flatMap((a: Article) => a.paragraphs).join('\n');
    expect(body).toContain('11月8日—9日');
    expect(body).toContain('突破200万套，国际贸易收入同比增长14.11%');
    expect(body).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
  });

  it('breaks paragraphs only where the truth does', () => {
    for (const [t, a] of pairs) {
      const offsets = (paras: string[]) => {
        const out: number[] = [];
        let n = 0;
        for (const p of paras.slice(0, -1)) out.push((n += norm(p).replace(/\s+/g, '').length));
        return out;
      };
      const gold = new Set(offsets(t.paragraphs));
      for (const o of offsets(a?.paragraphs ?? [])) expect(gold.has(o), `a paragraph break at ${o} in ${label(t)}…`).toBe(true);
    }
  });

  // Three breaks follow a line at full column measure that ends a sentence (…攻坚战。 ⏎ 会议还研究了其他事项。),
  // where the layout gives no sign of a break: the truth's paragraphs, exactly.
  it('splits paragraphs exactly as the truth does', () => {
    for (const [t, a] of pairs) expect((a?.paragraphs ?? []).map(norm), `paragraphs of ${label(t)}…`).toEqual(t.paragraphs.map(norm));
  });

  it('keeps the banner 深入学习贯彻党的二十大精神 out of headlines and bodies: a banner item, or the first story\'s kicker', () => {
    const banner = truth.page.banner!;
    const asItem = page.items.some((i) => i.kind === 'banner' && i.text === banner);
    expect(asItem || page.articles[0]?.kicker === banner).toBe(true);
    for (const a of page.articles) {
      expect([a.headline, a.subtitle]).not.toContain(banner);
      expect(a.paragraphs[0]?.startsWith(banner)).toBeFalsy();
    }
  });
});
