import { affinity, type Gram, grams } from './affinity.js';
import type { Block, Piece, Segment } from './stream.js';
import type { Unit } from './units.js';

export interface Story {
  seg: Segment;
  block: Block | null;
}

export interface Attached {
  order: 'before' | 'after';
  stories: Story[];
  /** Headline blocks that fit no body. */
  orphans: Block[];
}

/**
 * Decides, for the page as a whole, whether headline blocks print before or after their bodies, then gives each
 * block to the body on that side of it.
 *
 * The decision compares both readings: each block's lexical fit with the lead of the body it would get (shared
 * Han bigrams / content words), less a penalty where a block's byline would land on a body whose dateline already
 * names its reporter. Per-block choice would let two neighbours both claim one body; one page-wide order cannot.
 */
export function attach(text: string, units: Unit[], stream: Piece[], forced?: 'before' | 'after'): Attached {
  const segText = (s: Segment) => s.body.slice(0, 12).map((i) => text.slice(units[i]!.s, units[i]!.e)).join('');
  const blockText = (b: Block) => b.lines.filter((i) => units[i]!.role === 'display').map((i) => text.slice(units[i]!.s, units[i]!.e)).join('');
  const segGrams = new Map<Segment, Set<Gram>>(), blockGrams = new Map<Block, Set<Gram>>();
  for (const p of stream) {
    if ('seg' in p) segGrams.set(p.seg, grams(segText(p.seg)));
    else blockGrams.set(p.block, grams(blockText(p.block)));
  }
  const pairing = (order: 'before' | 'after') => {
    const pairs = new Map<Block, Segment>();
    let score = 0;
    for (let k = 0; k < stream.length; k++) {
      const p = stream[k]!;
      if (!('block' in p)) continue;
      const q = stream[order === 'before' ? k + 1 : k - 1];
      if (!q || !('seg' in q)) continue;
      pairs.set(p.block, q.seg);
      score += affinity(blockGrams.get(p.block)!, segGrams.get(q.seg)!);
      const hasByline = p.block.lines.some((i) => units[i]!.role === 'byline');
      const datelineNames = q.seg.dateline.some((i) => (units[i]!.dateline?.authors.length ?? 0) > 0);
      if (hasByline && datelineNames) score -= 0.5;
    }
    return { pairs, score };
  };
  const before = pairing('before'), after = pairing('after');
  const order = forced ?? (after.score > before.score + 0.05 ? 'after' : 'before');
  const chosen = order === 'after' ? after : before;
  const stories: Story[] = [], orphans: Block[] = [];
  const bySeg = new Map<Segment, Block>();
  for (const [b, s] of chosen.pairs) bySeg.set(s, b);
  for (const p of stream) {
    if ('seg' in p) stories.push({ seg: p.seg, block: bySeg.get(p.seg) ?? null });
    else if (!chosen.pairs.has(p.block)) orphans.push(p.block);
  }
  return { order, stories: mergeContinuations(stories), orphans };
}

/**
 * A body segment with no headline and no dateline that only a change of measure split off is more likely the
 * next column of the story before it than a story of its own.
 */
function mergeContinuations(stories: Story[]): Story[] {
  const out: Story[] = [];
  for (const s of stories) {
    const prev = out[out.length - 1];
    if (prev && s.seg.soft && !s.block && !s.seg.dateline.length && s.seg.jumpFrom === null && prev.seg.jumpTo === null) {
      prev.seg.body.push(...s.seg.body);
      prev.seg.jumpTo = s.seg.jumpTo;
      continue;
    }
    out.push(s);
  }
  return out;
}
