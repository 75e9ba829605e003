import type { Channel } from '../model/page.js';
import type { Look } from './features.js';
import { measureAround } from './layout.js';
import type { Unit } from './units.js';

/** A run of running text that belongs to one article (or one part of it). Holds unit indices. */
export interface Segment {
  body: number[];
  dateline: number[];
  jumpTo: number | null;
  jumpFrom: number | null;
  /** Started by a change of column measure rather than by a dateline or a headline. */
  soft: boolean;
}

/** Consecutive headline lines and bylines. */
export interface Block {
  lines: number[];
}

export type Piece = { seg: Segment } | { block: Block };

/**
 * Groups roled units into the page's stream of headline blocks and body segments, in input order.
 * Furniture and credits stay out of the stream (the caller makes page items of them).
 */
export function buildStream(units: Unit[], looks: Look[], channel: Channel): Piece[] {
  const out: Piece[] = [];
  let seg: Segment | null = null, block: Block | null = null;
  const indentRare = units.filter((u) => u.lineStart && u.indent).length <= units.filter((u) => u.lineStart).length * 0.2;
  const open = (): Segment => {
    block = null;
    seg = { body: [], dateline: [], jumpTo: null, jumpFrom: null, soft: false };
    out.push({ seg });
    return seg;
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    switch (u.role) {
      case 'furniture':
      case 'credit':
        // On a web page navigation chrome separates lists of other articles' titles from the real one; in a
        // PDF, furniture (the date beside the masthead) can sit between two lines of one headline.
        if (channel === 'web') block = null;
        break;
      case 'display':
      case 'byline':
        seg = null;
        if (!block) { block = { lines: [] }; out.push({ block }); }
        block.lines.push(i);
        break;
      case 'dateline':
        if (u.dateline?.trailing && seg) { (seg as Segment).dateline.push(i); break; }
        open().dateline.push(i);
        break;
      case 'tail':
        open().dateline.push(i);
        break;
      case 'jump':
        if (u.jump!.dir === 'from') open().jumpFrom = i;
        else { (seg ?? open()).jumpTo = i; seg = null; block = null; }
        break;
      default: {
        const cur = seg as Segment | null;
        const target = !cur ? open()
          : cur.body.length && softBoundary(units, looks, cur.body[cur.body.length - 1]!, i, indentRare) ? Object.assign(open(), { soft: true })
          : cur;
        target.body.push(i);
        block = null;
      }
    }
  }
  return out;
}

/** A paragraph that starts in a different column measure (and, where indents are rare, indented) starts a new text block. */
function softBoundary(units: Unit[], looks: Look[], p: number, i: number, indentRare: boolean): boolean {
  const prev = units[p]!, u = units[i]!;
  if (!prev.lineEnd || !looks[p]!.sentence || !u.lineStart) return false;
  const before = measureAround(units, looks, p, -1, 6), after = measureAround(units, looks, i, 1, 6);
  if (!before || !after || prev.lineWidth > before - 1) return false;
  const ratio = Math.max(before, after) / Math.min(before, after);
  return ratio >= 1.3 || (ratio >= 1.1 && u.indent && indentRare);
}
