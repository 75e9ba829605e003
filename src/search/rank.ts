/**
 * BM25F: a term's frequencies in the fields are weighted and length-normalised per field, summed, then saturated
 * once (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009). The title block
 * (kicker, headline, subtitle) weighs most: a story whose headline says 汽车产业集群 is about it.
 */
import type { FieldHits } from './codec.js';

/** Per field (title, body, byline, source): weight and length normalisation. */
export const FIELD_WEIGHT = [3, 1, 1, 1];
const FIELD_B = [0.5, 0.75, 0, 0];
const K1 = 1.2;

/**
 * Inverse document frequency, never negative.
 * @example idf(1000, 10) > idf(1000, 500)
 */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * The BM25F score of one term in one document.
 * @param hits the term's hits per field (`[tf, …positions]`)
 * @param fields the fields the clause looks at
 * @param len the document's field lengths; avg the archive's average field lengths
 */
export function termScore(termIdf: number, hits: FieldHits, fields: number[], len: (f: number) => number, avg: number[]): number {
  let tf = 0;
  for (const f of fields) {
    const h = hits[f];
    if (!h) continue;
    tf += (FIELD_WEIGHT[f]! * h[0]!) / (1 - FIELD_B[f]! + (FIELD_B[f]! * len(f)) / avg[f]!);
  }
  return (termIdf * tf * (K1 + 1)) / (tf + K1);
}
