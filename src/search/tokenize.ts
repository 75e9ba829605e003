/**
 * Tokens of normalised text (see normalise.ts), Lucene's CJK design: Latin/other-script words are kept whole;
 * a run of CJK characters becomes overlapping bigrams (`长春市` -> `长春`, `春市`), and a run of one character
 * stays a unigram. Scripts are split where they meet, so `铁路12306` is `铁路` + `12306`.
 *
 * Each token has an ordinal (its place in the token stream) and a `glued` flag (it starts exactly where the
 * previous token ended, or overlaps it): a query string then matches where its tokens occur at consecutive
 * ordinals with the same glue, which is the same as the text containing the string. That check is done on the
 * positions stored in the index, without loading any text.
 */

export interface Token {
  term: string;
  /** Place in the token stream of its field. */
  ord: number;
  /** Starts where the previous token ends (or overlaps it: the bigrams of one run). */
  glued: boolean;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  /** A CJK character standing alone (a unigram). */
  unigram: boolean;
}

/** CJK ideographs, kana and Hangul: the scripts written without spaces between words. */
export function isCjk(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x3040 && cp <= 0x30ff)
    || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f)
    || cp === 0x3005 || cp === 0x3007 || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0x1100 && cp <= 0x11ff)
    || (cp >= 0x3130 && cp <= 0x318f);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const wordCache = new Map<number, boolean>();

/** A character of a (non-CJK) word: a letter or a digit of any other script. */
export function isWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a);
  let w = wordCache.get(cp);
  if (w === undefined) {
    w = !isCjk(cp) && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
    wordCache.set(cp, w);
  }
  return w;
}

/**
 * Splits normalised text into tokens.
 * @example tokenize('铁路12306').map((t) => t.term) // ['铁路', '12306']
 * @example tokenize('长春市').map((t) => t.term)    // ['长春', '春市']
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    if (isCjk(cp)) {
      // Collect the run's code points with their offsets.
      const at: number[] = [];
      let j = i;
      while (j < n) {
        const c = text.codePointAt(j)!;
        if (!isCjk(c)) break;
        at.push(j);
        j += c > 0xffff ? 2 : 1;
      }
      at.push(j);
      if (at.length === 2) {
        out.push({ term: text.slice(i, j), ord: out.length, glued: prevEnd === i, start: i, end: j, unigram: true });
      } else {
        for (let k = 0; k + 2 < at.length; k++) {
          out.push({ term: text.slice(at[k]!, at[k + 2]!), ord: out.length, glued: k > 0 || prevEnd === i,
            start: at[k]!, end: at[k + 2]!, unigram: false });
        }
      }
      prevEnd = j;
      i = j;
    } else if (isWordChar(cp)) {
      let j = i;
      while (j < n) {
        const c = text.codePointAt(j)!;
        if (!isWordChar(c)) break;
        j += c > 0xffff ? 2 : 1;
      }
      out.push({ term: text.slice(i, j), ord: out.length, glued: prevEnd === i, start: i, end: j, unigram: false });
      prevEnd = j;
      i = j;
    } else {
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return out;
}

/** What one field contributes to the index: each term with its frequency and positions, and the field length. */
export interface FieldTerms {
  /** term -> [tf, ...positions], a position being `ord * 2 + glued`. */
  terms: Map<string, number[]>;
  /** Number of tokens (for BM25's length normalisation). */
  length: number;
}

/**
 * The index terms of one normalised field: its tokens with positions, plus every CJK character as a unigram
 * without positions (so a one-character query finds it wherever it stands). A lone character's unigram carries
 * the positions of its lone occurrences.
 * @example fieldTerms('车').terms.get('车') // [1, 0]: tf 1, one position (ord 0, not glued)
 */
export function fieldTerms(text: string): FieldTerms {
  const terms = new Map<string, number[]>();
  const tokens = tokenize(text);
  for (const t of tokens) {
    let e = terms.get(t.term);
    if (!e) terms.set(t.term, (e = [0]));
    if (!t.unigram) e[0]!++;
    e.push(t.ord * 2 + (t.glued ? 1 : 0));
  }
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (isCjk(cp)) {
      const ch = text.slice(i, i + w);
      let e = terms.get(ch);
      if (!e) terms.set(ch, (e = [0]));
      e[0]!++;
    }
    i += w;
  }
  return { terms, length: tokens.length };
}
