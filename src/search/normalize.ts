/**
 * The one normalisation that search applies to indexed text, queries and the texts it verifies and highlights:
 * NFKC (full-width letters and digits become ASCII, ligatures split), lower case, diacritics removed, Traditional
 * Chinese folded to Simplified.
 *
 * It works code point by code point and records where each output unit came from, so a match found in the
 * normalised text can be highlighted in the original. (Per code point NFKC misses compositions across characters,
 * e.g. `e` + U+0301; removing all combining marks makes both spellings of é fold to `e` all the same.)
 */
import { simplifiedCodePoint } from './script-fold.js';

export interface Normalised {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`, the offset in the original where its source character starts … */
  start: Int32Array;
  /** … and ends. */
  end: Int32Array;
}

const MARKS = /\p{M}/gu;
const cache = new Map<number, string>();

/** The normalised form of one code point (possibly empty, possibly several characters). */
function foldCodePoint(cp: number): string {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  let s = cache.get(cp);
  if (s !== undefined) return s;
  s = String.fromCodePoint(cp).normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '').normalize('NFC');
  let out = '';
  for (const ch of s) out += String.fromCodePoint(simplifiedCodePoint(ch.codePointAt(0)!));
  cache.set(cp, out);
  return out;
}

/**
 * Normalises `text` and keeps the way back to the original offsets.
 * @example normaliseWithMap('ＡＢ發').text === 'ab发'
 */
export function normaliseWithMap(text: string): Normalised {
  let out = '';
  const start: number[] = [], end: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const f = foldCodePoint(cp);
    out += f;
    for (let k = 0; k < f.length; k++) { start.push(i); end.push(i + w); }
    i += w;
  }
  return { text: out, start: Int32Array.from(start), end: Int32Array.from(end) };
}

/**
 * Normalises `text` for matching (see the module comment).
 * @example normalise('Ｃａｆé 臺灣') === 'cafe 台湾'
 */
export function normalise(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    out += foldCodePoint(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}
