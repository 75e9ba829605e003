import type { Highlight } from '../../src/engine/types.js';

/** A piece of text, to be drawn in a `<mark>` when `marked`. */
export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text` at the highlight ranges the search engine returned. Ranges may come unsorted, overlapping or past
 * the end (a snippet is cut after matching): they are sorted, merged and clamped, and the segments cover the text
 * exactly, in order.
 * @example markSegments('长春市汽车产业集群上榜', [{ start: 3, end: 9 }])
 *   // [{ text: '长春市', marked: false }, { text: '汽车产业集群', marked: true }, { text: '上榜', marked: false }]
 */
export function markSegments(text: string, highlights: readonly Highlight[]): Segment[] {
  const ranges = highlights
    .map((h) => ({ start: Math.max(0, h.start), end: Math.min(text.length, h.end) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.end <= at) continue;
    const start = Math.max(r.start, at);
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    const last = out[out.length - 1];
    // Touching ranges (two clauses side by side) read as one highlight.
    if (last?.marked && start === at) last.text += text.slice(start, r.end);
    else out.push({ text: text.slice(start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length || !out.length) out.push({ text: text.slice(at), marked: false });
  return out;
}
