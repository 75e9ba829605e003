/** Shared helpers for the segmenter tests (not a test file itself: vitest only collects *.test.ts). */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Article, Page, Span } from '../../src/model/page.js';
import { parsePage } from '../../src/parse/index.js';

/** A page as the user pastes it: one string per physical line. */
export const lines = (...ls: string[]): string => ls.join('\n');

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

export { parsePage };

/** Parses `text` and checks that it gave exactly `n` articles (printing what it gave when not). */
export function parseN(text: string, n: number): Page {
  const page = parsePage(text);
  expect(page.articles.map(summary), 'article count').toHaveLength(n);
  return page;
}

/** Parses `text`, expects exactly one article and returns it. */
export function parseOne(text: string): Article {
  return parseN(text, 1).articles[0]!;
}

/** A compact view of an article for failure messages. */
export function summary(a: Article) {
  return { kicker: a.kicker, headline: a.headline, subtitle: a.subtitle, dateline: a.dateline, byline: a.byline,
    authors: a.authors, first: a.paragraphs[0]?.slice(0, 24) ?? null, paras: a.paragraphs.length,
    to: a.continuedTo, from: a.continuedFrom };
}

/** Every body paragraph of every article, one string. */
export const bodies = (page: Page): string => page.articles.flatMap((a) => a.paragraphs).join('\n');

/** White space for the coverage invariant: JS `\s` plus U+200B ZERO WIDTH SPACE, which the segmenter trims as a space. */
export const isWs = (c: string): boolean => /[\s\u200b]/.test(c);
export const stripWs = (s: string): string => s.replace(/[\s\u200b]+/g, '');

export interface FieldSpans {
  where: string;
  text: string | null;
  spans: Span[];
  kind: 'field' | 'byline' | 'jump' | 'item';
}

/** Every field of every article and every page item, with the spans it records. */
export function fieldsOf(page: Page): FieldSpans[] {
  const out: FieldSpans[] = [];
  page.articles.forEach((a, i) => {
    for (const f of ['kicker', 'headline', 'subtitle', 'dateline'] as const) out.push({ where: `a${i}.${f}`, text: a[f], spans: a.spans[f], kind: 'field' });
    out.push({ where: `a${i}.byline`, text: a.byline, spans: a.spans.byline, kind: 'byline' });
    out.push({ where: `a${i}.continuedTo`, text: a.continuedTo, spans: a.spans.continuedTo, kind: 'jump' });
    out.push({ where: `a${i}.continuedFrom`, text: a.continuedFrom, spans: a.spans.continuedFrom, kind: 'jump' });
    a.spans.paragraphs.forEach((sp, k) => out.push({ where: `a${i}.p${k}`, text: a.paragraphs[k] ?? null, spans: sp, kind: 'field' }));
    a.spans.captions.forEach((sp, k) => out.push({ where: `a${i}.c${k}`, text: a.captions[k] ?? null, spans: sp, kind: 'field' }));
  });
  page.items.forEach((it, i) => out.push({ where: `item${i}(${it.kind})`, text: it.text, spans: it.spans, kind: 'item' }));
  return out;
}

/**
 * Whether `field` can be made from `source` by deleting only '-' characters (line-end hyphens the renderer
 * dropped). Both are compared with white space removed.
 */
export function derivable(field: string, source: string): boolean {
  const F = stripWs(field), S = stripWs(source);
  let j = 0;
  for (let i = 0; i < F.length; i++) {
    while (j < S.length && S[j] !== F[i] && S[j] === '-') j++;
    if (S[j] !== F[i]) return false;
    j++;
  }
  while (j < S.length && S[j] === '-') j++;
  return j === S.length;
}

/**
 * The coverage invariant of `parsePage` (src/parse/segment.ts): spans are non-empty, inside the input and pairwise
 * disjoint; every non-white-space character of the input lies in one span; each field's text is its spans' text
 * (white space aside) with at most some '-' removed. Returns the problems found, empty when the page is sound.
 *
 * Two documented exceptions to the text check: a Chinese byline keeps only its role words (`本报记者`) as text and
 * moves the names to `authors` (the truth files' convention), so byline = spans minus those names; jump fields hold
 * a normalised page reference (`第二版` -> "2"), so they are only checked to be null exactly when they have no span.
 */
export function invariantProblems(text: string, page: Page): string[] {
  const problems: string[] = [];
  const fields = fieldsOf(page);
  const flat = fields.flatMap((f) => f.spans.map((s) => ({ ...s, where: f.where })));
  for (const s of flat) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length)) {
      problems.push(`${s.where}: bad span [${s.start}, ${s.end}) for input of length ${text.length}`);
    }
  }
  flat.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let k = 1; k < flat.length; k++) {
    const p = flat[k - 1]!, q = flat[k]!;
    if (q.start < p.end) problems.push(`${p.where} [${p.start}, ${p.end}) overlaps ${q.where} [${q.start}, ${q.end})`);
  }
  const covered = new Uint8Array(text.length);
  for (const s of flat) covered.fill(1, Math.max(0, s.start), Math.min(text.length, s.end));
  for (let i = 0; i < text.length; i++) {
    if (!covered[i] && !isWs(text[i]!)) {
      problems.push(`character ${i} ${JSON.stringify(text[i])} (…${JSON.stringify(text.slice(Math.max(0, i - 8), i + 8))}…) is in no span`);
      break;
    }
  }
  const article = (where: string) => page.articles[Number(/^a(\d+)/.exec(where)?.[1] ?? -1)];
  for (const f of fields) {
    if ((f.text === null) !== (f.spans.length === 0)) {
      problems.push(`${f.where}: text ${JSON.stringify(f.text)} but ${f.spans.length} span(s)`);
      continue;
    }
    if (f.text === null || f.kind === 'jump') continue;
    let source = f.spans.map((s) => text.slice(s.start, s.end)).join('\n');
    // Only a byline that left its names out of its text (the Chinese convention) has them removed from its source.
    if (f.kind === 'byline') for (const name of article(f.where)?.authors ?? []) if (!f.text.includes(name)) source = source.replace(name, '');
    if (!derivable(f.text, source)) problems.push(`${f.where}: text ${JSON.stringify(f.text)} is not derivable from its spans ${JSON.stringify(source)}`);
  }
  page.articles.forEach((a, i) => {
    if (a.paragraphs.length !== a.spans.paragraphs.length) problems.push(`a${i}: ${a.paragraphs.length} paragraphs but ${a.spans.paragraphs.length} paragraph span lists`);
    if (a.captions.length !== a.spans.captions.length) problems.push(`a${i}: ${a.captions.length} captions but ${a.spans.captions.length} caption span lists`);
  });
  return problems;
}
