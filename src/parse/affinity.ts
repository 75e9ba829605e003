import { isHan, isSpace } from './chars.js';

const STOP = new Set('that this with from have were will would their there about which after into more than also been they said what when your only over such some most other'.split(' '));

/** A Han bigram (its two code units packed into a number) or an English word's first five letters. */
export type Gram = number | string;

/**
 * Han bigrams and English content words (first five letters, lower case) of a text. Bigrams are numbers, not
 * two-character strings: a page's reassembly takes the grams of every body, and slicing them out took a tenth
 * of bulk ingest's CPU time.
 */
export function grams(s: string): Set<Gram> {
  const g = new Set<Gram>();
  // Letter-spaced display type is still the same words: white space (JavaScript's \s) between two Han characters
  // does not part them.
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHan(c)) {
      if (prev >= 0) g.add(prev * 65536 + c);
      prev = c;
    } else if (!isSpace(c) || c === 0x200b) prev = -1;
  }
  for (const w of s.toLowerCase().match(/[a-z]{4,}/g) ?? []) if (!STOP.has(w)) g.add(w.slice(0, 5));
  return g;
}

/** Share of the headline's grams that occur in the body text: how well a headline fits a body. */
export function affinity(headline: Set<Gram>, body: Set<Gram>): number {
  if (!headline.size) return 0;
  let hit = 0;
  for (const g of headline) if (body.has(g)) hit++;
  return hit / headline.size;
}
