import type { Channel } from '../model/page.js';
import type { Look } from './features.js';
import type { Unit } from './units.js';

/** Median width of the full lines of running text in a segment: its column measure. */
export function segmentMeasure(units: Unit[], looks: Look[], body: number[]): number {
  const ws = body.filter((i) => units[i]!.lineStart && units[i]!.lineEnd && !looks[i]!.sentence).map((i) => units[i]!.lineWidth);
  if (!ws.length) return 0;
  ws.sort((a, b) => a - b);
  return ws[ws.length >> 1]!;
}

/**
 * Splits a segment's body units into paragraphs. Blank lines are never evidence (PDF extractors put them
 * anywhere). A paragraph ends where a line ends a sentence and falls short of the column measure; on copied
 * web pages every line is a paragraph; a subhead is a paragraph of its own.
 */
export function paragraphs(text: string, units: Unit[], looks: Look[], body: number[], channel: Channel): number[][] {
  const m = segmentMeasure(units, looks, body);
  const out: number[][] = [];
  let cur: number[] = [];
  const flush = () => { if (cur.length) out.push(cur); cur = []; };
  for (let k = 0; k < body.length; k++) {
    const i = body[k]!, u = units[i]!;
    const prev = k > 0 ? body[k - 1]! : -1;
    if (u.role === 'subhead') { flush(); cur.push(i); flush(); continue; }
    if (prev >= 0 && breaksAfter(text, units[prev]!, looks[prev]!, u, m, channel)) flush();
    cur.push(i);
  }
  flush();
  return out;
}

// Openers that begin a paragraph of news prose, not a sentence inside one: a full line ending a sentence before
// them still ends its paragraph (`…攻坚战。` ⏎ `会议还研究了其他事项。`).
const OPENER = /^(?:会议(?:指出|强调|要求|认为|提出|决定|还|听取|审议|研究|通报)|与此同时|此外|据了解|记者(?:了解到|获悉|注意到)|近年来|今年以来|下一步|会上|会前|会后|随后)/;

function breaksAfter(text: string, p: Unit, pl: Look, u: Unit, m: number, channel: Channel): boolean {
  if (!u.lineStart) return false;
  if (channel === 'web') return true;
  if (!p.lineEnd) return false;
  // A full line closing on a dash (`审视西部——`) may lead into a paragraph that answers it.
  if (!pl.sentence) return !pl.latin && text.endsWith('——', p.e) && indentedOpening(u, m);
  if (!m || OPENER.test(text.slice(u.s, u.s + 8))) return true;
  const tol = pl.latin ? 0.12 * m : Math.max(1, 0.05 * m);
  if (p.lineWidth <= m - tol) return true;
  return !pl.latin && indentedOpening(u, m);
}

/**
 * A CJK paragraph's first line is set two cells in; extraction drops the indent but the line stays that much
 * short of the measure. After a full line that ends a sentence, a line short by about an indent and not ending a
 * sentence itself opens a paragraph (`…作业区。` ⏎ `平陆运河即将通` ⏎ `航，…`). Widths are in Han cells; squeezed
 * punctuation and half-width digits make the shortfall 1.5 to 3 cells, where a line inside a paragraph is short
 * by a cell at most.
 */
function indentedOpening(u: Unit, m: number): boolean {
  if (!u.lineEnd || m < 6) return false;
  const short = m - u.lineWidth;
  return short >= 1.5 && short <= 3;
}
