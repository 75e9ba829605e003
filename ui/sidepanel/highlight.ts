import type { Span } from '../../src/model/page.js';

/** A run of the clipping text: inside one article's extent (`article` is its position in the list) or outside all. */
export interface TextRun {
  start: number;
  end: number;
  article: number | null;
}

/**
 * Cuts the clipping text into runs so that each article's extent can be highlighted. An article's spans are one
 * per line or field; the white space between two of them joins the highlight, so an article reads as one block
 * rather than a stripe per line. Where extents overlap, the earlier-starting span keeps the overlap, so no
 * character is drawn twice.
 * @example highlightRuns('ab cd\n\nxy', [[{ start: 0, end: 2 }, { start: 3, end: 5 }]])
 *   // [{ start: 0, end: 5, article: 0 }, { start: 5, end: 9, article: null }]
 */
export function highlightRuns(text: string, extents: Span[][]): TextRun[] {
  const spans = extents
    .flatMap((ext, article) => ext.map((s) => ({ start: s.start, end: s.end, article })))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const runs: TextRun[] = [];
  let at = 0;
  for (const s of spans) {
    const start = Math.max(s.start, at), end = Math.min(s.end, text.length);
    if (end <= start) continue;
    const last = runs[runs.length - 1];
    if (last && last.article === s.article && last.end === at && !/\S/.test(text.slice(at, start))) {
      last.end = end;
    } else {
      if (start > at) runs.push({ start: at, end: start, article: null });
      runs.push({ start, end, article: s.article });
    }
    at = end;
  }
  if (at < text.length) runs.push({ start: at, end: text.length, article: null });
  return runs;
}
