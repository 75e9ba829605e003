import type { Span } from '../../src/model/page.js';

/** A run of the clipping text: inside one article's extent (`article` is its position in the list) or outside all. */
export interface TextRun {
  start: number;
  end: number;
  article: number | null;
  /** Whole lines of one article, the closing line break included: drawn as one box rather than a stripe per line. */
  block: boolean;
}

const NON_SPACE = /\S/;

/**
 * Cuts the clipping text into runs so that each article's extent can be highlighted. Lines whose text belongs to
 * one article, and the blank lines between two such lines, join into one block; a line shared by two articles
 * (a story that starts mid-line) keeps its inline runs. Where extents overlap, the earlier-starting span keeps the
 * overlap, so no character is drawn twice. The runs cover the text exactly, in order.
 * @example highlightRuns('报头\n标题\n\n正文\n版权', [[{ start: 3, end: 5 }, { start: 7, end: 9 }]])
 *   // [{ 0–3 报头\n }, { 3–10 标题\n\n正文\n, article 0, block }, { 10–12 版权 }]
 */
export function highlightRuns(text: string, extents: Span[][]): TextRun[] {
  const spans = inlineRuns(text, extents);
  const lines = lineOwners(text, spans);
  const out: TextRun[] = [];
  const push = (r: TextRun) => {
    const last = out[out.length - 1];
    if (last && last.article === r.article && last.block === r.block && last.end === r.start) last.end = r.end;
    else out.push({ ...r });
  };
  let s = 0;
  for (const line of lines) {
    if (line.owner !== undefined) {
      push({ start: line.start, end: line.end, article: line.owner, block: line.owner !== null });
      continue;
    }
    while (spans[s]!.end <= line.start) s++;
    for (let k = s; k < spans.length && spans[k]!.start < line.end; k++) {
      const r = spans[k]!;
      push({ start: Math.max(r.start, line.start), end: Math.min(r.end, line.end), article: r.article, block: false });
    }
  }
  return out;
}

/** Lines with the one article (or null: none) that owns all their text; `undefined` for a line two runs share. */
function lineOwners(text: string, spans: TextRun[]): { start: number; end: number; owner: number | null | undefined }[] {
  const lines: { start: number; end: number; owner: number | null | undefined; blank: boolean }[] = [];
  let s = 0;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    const owners = new Set<number | null>();
    while (spans[s]!.end <= start) s++;
    for (let k = s; k < spans.length && spans[k]!.start < end; k++) {
      const r = spans[k]!;
      if (NON_SPACE.test(text.slice(Math.max(r.start, start), Math.min(r.end, end)))) owners.add(r.article);
    }
    const blank = owners.size === 0;
    lines.push({ start, end, blank, owner: blank ? null : owners.size === 1 ? [...owners][0] : undefined });
    start = end;
  }
  // A blank line between two lines of the same article is part of it, so the article draws as one box.
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.blank) continue;
    let j = i;
    while (j < lines.length && lines[j]!.blank) j++;
    const before = lines[i - 1]?.owner, after = lines[j]?.owner;
    if (before !== undefined && before !== null && before === after) for (let k = i; k < j; k++) lines[k]!.owner = before;
    i = j - 1;
  }
  return lines;
}

/** Every character in one run, article spans in order; overlaps go to the span that starts first. */
function inlineRuns(text: string, extents: Span[][]): TextRun[] {
  const spans = extents
    .flatMap((ext, article) => ext.map((s) => ({ start: s.start, end: s.end, article })))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const runs: TextRun[] = [];
  let at = 0;
  for (const s of spans) {
    const start = Math.max(s.start, at), end = Math.min(s.end, text.length);
    if (end <= start) continue;
    if (start > at) runs.push({ start: at, end: start, article: null, block: false });
    runs.push({ start, end, article: s.article, block: false });
    at = end;
  }
  if (at < text.length) runs.push({ start: at, end: text.length, article: null, block: false });
  return runs;
}
