import { isHan } from '../parse/chars.js';
import type { ExportArticle } from './views.js';

/** A CSL-JSON item, as Zotero and every citation manager import it. */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  issued?: { 'date-parts': [[number, number, number]] };
  accessed?: { 'date-parts': [[number, number, number]] };
  page?: string;
  author?: ({ family: string; given: string } | { literal: string })[];
  URL?: string;
  language?: string;
  note?: string;
}

/** CJK names are kept whole (splitting 欧阳修 needs a surname table); Latin ones split at the last word. */
function author(name: string): { family: string; given: string } | { literal: string } {
  const t = name.trim();
  if (isHan(t.charCodeAt(0)) || !t.includes(' ')) return { literal: t };
  const cased = t === t.toUpperCase() ? t.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : t;
  const k = cased.lastIndexOf(' ');
  return { family: cased.slice(k + 1), given: cased.slice(0, k) };
}

const parts = (ms: number): [number, number, number] => {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};

/**
 * One article as a CSL-JSON `article-newspaper` item: container-title the newspaper, issued the page's date,
 * page the page number (and the page it continues on), authors from the byline.
 */
export function toCsl(a: ExportArticle): CslItem {
  const title = [a.headline ?? a.kicker ?? a.paragraphs[0]?.slice(0, 40) ?? a.id, a.subtitle?.replace(/^——/, '')].filter(Boolean).join(': ');
  const item: CslItem = { id: a.id, type: 'article-newspaper', title };
  if (a.newspaper) item['container-title'] = a.newspaper;
  if (a.date) item.issued = { 'date-parts': [a.date] };
  item.accessed = { 'date-parts': [parts(a.capturedAt)] };
  // The jump page only means something next to the page the article starts on.
  if (a.page) item.page = [a.page, a.continuedTo].filter(Boolean).join(', ');
  if (a.authors.length) item.author = a.authors.map(author);
  if (a.url) item.URL = a.url;
  const han = (a.headline ?? a.paragraphs[0] ?? '').split('').some((c) => isHan(c.charCodeAt(0)));
  item.language = han ? 'zh' : 'en';
  if (a.dateline) item.note = a.dateline;
  return item;
}
