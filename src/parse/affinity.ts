import { isHan } from './chars.js';

const STOP = new Set('that this with from have were will would their there about which after into more than also been they said what when your only over such some most other'.split(' '));

/** Han bigrams and English content words (first five letters, lower case) of a text. */
export function grams(s: string): Set<string> {
  const g = new Set<string>();
  const h = s.replace(/\s+/g, ''); // letter-spaced display type is still the same words
  for (let i = 0; i + 1 < h.length; i++) {
    if (isHan(h.charCodeAt(i)) && isHan(h.charCodeAt(i + 1))) g.add(h.slice(i, i + 2));
  }
  for (const w of s.toLowerCase().match(/[a-z]{4,}/g) ?? []) if (!STOP.has(w)) g.add(w.slice(0, 5));
  return g;
}

/** Share of the headline's grams that occur in the body text: how well a headline fits a body. */
export function affinity(headline: Set<string>, body: Set<string>): number {
  if (!headline.size) return 0;
  let hit = 0;
  for (const g of headline) if (body.has(g)) hit++;
  return hit / headline.size;
}
