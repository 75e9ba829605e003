/**
 * Snippets: a window of the body around the place where the most distinct query clauses match, with the
 * matched text highlighted.
 */
import type { Highlight, Snippet } from './types.js';

/**
 * Cuts a snippet of about `width` characters out of `text`. `matches[i]` holds the ranges of clause i.
 * @example makeSnippet('…长春市汽车产业集群…', [[{ start: 4, end: 10 }]]).highlights // [{ start: 4, end: 10 }]
 */
export function makeSnippet(text: string, matches: Highlight[][], width = 160): Snippet {
  const all = matches.flatMap((rs, clause) => rs.map((r) => ({ ...r, clause }))).sort((a, b) => a.start - b.start);
  if (!all.length) return cut(text, 0, width, []);
  // The window that starts at a match and covers the most distinct clauses (then the earliest).
  let best = 0, bestCount = 0;
  for (let i = 0; i < all.length; i++) {
    const seen = new Set<number>();
    for (let j = i; j < all.length && all[j]!.end <= all[i]!.start + width; j++) seen.add(all[j]!.clause);
    if (seen.size > bestCount) { best = i; bestCount = seen.size; }
  }
  const anchor = all[best]!.start;
  // Some context before the match, but never so much that the match falls off the end.
  const start = Math.max(0, Math.min(anchor - Math.floor(width / 4), text.length - width));
  return cut(text, start, width, all);
}

function cut(text: string, start: number, width: number, ranges: Highlight[]): Snippet {
  // Do not split a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? '')) start--;
  let end = Math.min(text.length, start + width);
  if (end < text.length && /[\udc00-\udfff]/.test(text[end] ?? '')) end++;
  const pre = start > 0 ? '…' : '', post = end < text.length ? '…' : '';
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  const raw = text.slice(start, end);
  // Collapsing white space changes offsets; map them through the same collapse.
  const map = new Int32Array(raw.length + 1);
  let k = 0;
  for (let i = 0; i < raw.length; i++) {
    map[i] = k;
    if (!(/\s/.test(raw[i]!) && i > 0 && /\s/.test(raw[i - 1]!))) k++;
  }
  map[raw.length] = k;
  const highlights = ranges
    .filter((r) => r.start >= start && r.end <= end)
    .map((r) => ({ start: pre.length + map[r.start - start]!, end: pre.length + map[r.end - start]! }));
  return { text: pre + body + post, highlights: dedupe(highlights) };
}

/** Sorted, overlapping ranges joined. */
export function dedupe(rs: Highlight[]): Highlight[] {
  const out: Highlight[] = [];
  for (const r of [...rs].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
