/**
 * What of an article search looks at: four fields (title block, body, byline, source) and a date. Built from the
 * article as the user sees it (corrections applied) and its clipping, for indexing, verifying and snippets alike.
 */
import type { Article } from '../model/page.js';
import type { Clipping } from '../model/records.js';
import { contentHash } from '../store/hash.js';
import type { FieldName } from './codec.js';

export interface SearchDoc {
  articleId: string;
  /** Field texts in FIELDS order: title, body, byline, source. */
  fields: [string, string, string, string];
  /** Publication day, days since 1970-01-01 (UTC). */
  day: number;
  /** What results show as its source (sourceLabel, from the clipping fields `fields[3]` is made of). */
  source: string | null;
  /** Hash of the day and the fields: an unchanged article is not re-indexed. */
  hash: string;
}

const join = (parts: (string | null | undefined)[]) => parts.filter((p): p is string => !!p && !!p.trim()).join('\n');

/** The host of a URL, for `source:` (a site is its host name). */
function hostOf(url: string | undefined): string | null {
  if (!url || !/^https?:/i.test(url)) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * The four field texts of an article.
 * @example fieldTexts(article, clipping)[0] // kicker, headline and subtitle, one per line
 */
export function fieldTexts(a: Article, c: Clipping): SearchDoc['fields'] {
  return [
    join([a.kicker, a.headline, a.subtitle]),
    bodyText(a),
    join([a.dateline, a.byline, a.authors.join(' ')]),
    join([c.newspaper, c.source.title, hostOf(c.source.url)]),
  ];
}

/** The body field: paragraphs and captions, one per line (what snippets are cut from). */
export function bodyText(a: Article): string {
  return join([...a.paragraphs, ...a.captions]);
}

/** The name results show as the article's source: the newspaper, else the page title, else the site. */
export function sourceLabel(c: Clipping): string | null {
  return c.newspaper ?? c.source.title ?? hostOf(c.source.url);
}

const DAY = 86_400_000;
const CJK_DATE = /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const ISO_DATE = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_DATE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b/i;

/** Days since the epoch of a date written in text (2022年11月11日, 2022-11-11, November 11, 2022), or null. */
export function dayInText(s: string): number | null {
  let y: number, m: number, d: number;
  let x = CJK_DATE.exec(s);
  if (x) [y, m, d] = [+x[1]!, +x[2]!, +x[3]!];
  else if ((x = ISO_DATE.exec(s))) [y, m, d] = [+x[1]!, +x[2]!, +x[3]!];
  else if ((x = EN_DATE.exec(s))) [y, m, d] = [+x[3]!, MONTHS.indexOf(x[1]!.toLowerCase().slice(0, 3)) + 1, +x[2]!];
  else return null;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return Math.floor(Date.UTC(y, m - 1, d) / DAY);
}

/**
 * The day a clipping's articles were published: the date its markup states, else a date printed in the page's
 * furniture (the dateline under the masthead), else the day it was clipped.
 */
export function dayOf(c: Clipping): number {
  const stated = c.structured?.published ? dayInText(c.structured.published) : null;
  if (stated !== null) return stated;
  for (const item of c.items) {
    if (item.kind !== 'furniture' && item.kind !== 'banner') continue;
    const d = dayInText(item.text);
    if (d !== null) return d;
  }
  return Math.floor(c.capturedAt / DAY);
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Everything search needs of one article. */
export function searchDoc(articleId: string, a: Article, c: Clipping): SearchDoc {
  const fields = fieldTexts(a, c);
  const day = dayOf(c);
  return { articleId, fields, day, source: sourceLabel(c), hash: contentHash(`${day}\u0000${fields.join('\u0000')}`) };
}

export type { FieldName };
