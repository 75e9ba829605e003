import type { ExportArticle } from './views.js';

/** One article as one line of JSON, flat, without spans: for jq, pandas and friends. */
export function toNdjsonLine(a: ExportArticle): string {
  const { spans: _spans, ...flat } = a;
  return JSON.stringify({ ...flat, date: a.date ? a.date.map((n, i) => (i ? String(n).padStart(2, '0') : n)).join('-') : null }) + '\n';
}
