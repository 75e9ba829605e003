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

/**
 * A term as the indexer keeps it while it works: CJK unigrams of BMP characters as their code unit, bigrams of
 * two characters of U+3000..U+9FFF (kana, CJK Extension A, the unified ideographs) as a number that fits V8's small
 * integers (no allocation, a fast Map key), everything else as its string. {@link termString} gives the term.
 */
export type TermKey = number | string;

const PAIR_BASE = 0x3000, PAIR_SPAN = 0xa000 - PAIR_BASE;

/** The term a key stands for. @example termString(termKey('长春')) === '长春' */
export function termString(k: TermKey): string {
  if (typeof k === 'string') return k;
  if (k < 0x10000) return String.fromCharCode(k);
  const v = k - 0x10000;
  return String.fromCharCode(PAIR_BASE + Math.floor(v / PAIR_SPAN), PAIR_BASE + (v % PAIR_SPAN));
}

/** The key of the bigram `text[at, at + 2)`, whose two BMP characters are `a` and `b`. */
function pairKey(text: string, a: number, b: number, at: number): TermKey {
  const packed = a >= PAIR_BASE && a < 0xa000 && b >= PAIR_BASE && b < 0xa000;
  return packed ? 0x10000 + (a - PAIR_BASE) * PAIR_SPAN + (b - PAIR_BASE) : text.slice(at, at + 2);
}

/** The key of a term (the inverse of termString). */
export function termKey(term: string): TermKey {
  if (term.length === 1 && isCjk(term.charCodeAt(0))) return term.charCodeAt(0);
  const a = term.charCodeAt(0), b = term.charCodeAt(1);
  if (term.length === 2 && isCjk(a) && isCjk(b)) return pairKey(term, a, b, 0);
  return term;
}

/**
 * Calls `emit(key, position)` for every index term occurrence of one normalised field: its tokens as
 * {@link tokenize} makes them, a position being `ord * 2 + glued`, plus every CJK character as a unigram with
 * position -1 (counted, not placed), except a lone character, whose unigram is its token and carries the
 * position. Returns the field's length in tokens. One pass and no token objects: this runs over every character
 * of every article.
 */
export function termOccurrences(text: string, emit: (key: TermKey, pos: number) => void): number {
  let ord = 0, prevEnd = -1, i = 0;
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    if (isCjk(cp)) {
      const start = i;
      let prev = -1, prevW = 0, k = 0;
      while (i < n) {
        const c = text.codePointAt(i)!;
        if (!isCjk(c)) break;
        const w = c > 0xffff ? 2 : 1;
        if (k > 0) {
          const pair = prevW === 1 && w === 1 ? pairKey(text, prev, c, i - 1) : text.slice(i - prevW, i + w);
          emit(pair, ord++ * 2 + (k > 1 || prevEnd === start ? 1 : 0));
        }
        const uni: TermKey = w === 1 ? c : text.slice(i, i + 2);
        // A lone character is a token of its own: its unigram gets the position.
        if (k === 0 && (i + w >= n || !isCjk(text.codePointAt(i + w)!))) emit(uni, ord++ * 2 + (prevEnd === start ? 1 : 0));
        else emit(uni, -1);
        prev = c;
        prevW = w;
        k++;
        i += w;
      }
      prevEnd = i;
    } else if (isWordChar(cp)) {
      const start = i;
      while (i < n) {
        const c = text.codePointAt(i)!;
        if (!isWordChar(c)) break;
        i += c > 0xffff ? 2 : 1;
      }
      emit(text.slice(start, i), ord++ * 2 + (prevEnd === start ? 1 : 0));
      prevEnd = i;
    } else {
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return ord;
}

/** What one field contributes to the index: each term with its frequency and positions, and the field length. */
export interface FieldTerms {
  /** term key -> [tf, ...positions], a position being `ord * 2 + glued`. */
  terms: Map<TermKey, number[]>;
  /** Number of tokens (for BM25's length normalisation). */
  length: number;
}

/**
 * The index terms of one normalised field, gathered by term (see {@link termOccurrences}); a CJK character's
 * frequency counts all its occurrences, its positions are those where it stands alone.
 * @example fieldTerms('车').terms.get(termKey('车')) // [1, 0]: tf 1, one position (ord 0, not glued)
 */
export function fieldTerms(text: string): FieldTerms {
  const terms = new Map<TermKey, number[]>();
  const length = termOccurrences(text, (k, pos) => {
    let e = terms.get(k);
    if (!e) terms.set(k, (e = [0]));
    e[0]!++;
    if (pos >= 0) e.push(pos);
  });
  return { terms, length };
}
