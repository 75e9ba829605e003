import type { Span } from '../../src/model/page.js';

/** A run of the clipping text: inside one article's extent (`article` is its position in the list) or outside all. */
export interface TextRun {
  start: number;
  end: number;
  article: number | null;
  /** The run covers whole lines, its closing line break included: drawn as a block, it highlights as one box. */
  block: boolean;
}

/**
 * Cuts the clipping text into runs so that each article's extent can be highlighted. An article's spans are one
 * per line or field; the white space between two of them joins the highlight, so an article reads as one block
 * rather than a stripe per line. Where extents overlap, the earlier-starting span keeps the overlap, so no
 * character is drawn twice.
 * @example highlightRuns('ab cd\n\nxy', [[{ start: 0, end: 2 }, { start: 3, end: 5 }]])
 *   // [{ start: 0, end: 6, article: 0, block: true }, { start: 6, end: 9, article: null, block: false }]
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
      if (start > at) runs.push({ start: at, end: start, article: null, block: false });
      runs.push({ start, end, article: s.article, block: false });
    }
    at = end;
  }
  if (at < text.length) runs.push({ start: at, end: text.length, article: null, block: false });
  return asBlocks(text, runs);
}

/** Turns article runs that cover whole lines into blocks, each taking the line break that closes it. */
function asBlocks(text: string, runs: TextRun[]): TextRun[] {
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!, next = runs[i + 1];
    if (r.article === null || (r.start > 0 && text[r.start - 1] !== '\n')) continue;
    if (r.end === text.length) r.block = true;
    else if (text[r.end] === '\n' && next && next.article === null) {
      r.block = true;
      r.end++;
      next.start++;
      if (next.start === next.end) runs.splice(i + 1, 1);
    }
  }
  return runs;
}
