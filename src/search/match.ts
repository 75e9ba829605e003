/**
 * When a clause matches: its tokens occur at consecutive ordinals of one field, each glued to the previous one
 * where the query's are. Checked on the positions stored in the index; or, for the rare clause the positions
 * cannot decide (a lone CJK character next to other tokens: its positions are only recorded where it stands
 * alone), on the text with an equivalent regular expression, which also finds the ranges to highlight.
 */
import type { FieldHits } from './codec.js';
import { normalise, type Normalised } from './normalize.js';
import { isCjk, type Token, tokenize } from './tokenize.js';

/** A clause ready to match: its tokens, and its regular expression over normalised text. */
export interface Matcher {
  tokens: Token[];
  /** Positions cannot decide (see the module comment): verify on text. */
  needsText: boolean;
  regex: RegExp;
}

const CJK = '\\u4e00-\\u9fff\\u3400-\\u4dbf\\u3040-\\u30ff\\uac00-\\ud7af\\uf900-\\ufaff\\u{20000}-\\u{3134f}\\u3005\\u3007\\u31f0-\\u31ff\\u1100-\\u11ff\\u3130-\\u318f';
const WORD_CHAR = `(?![${CJK}])[\\p{L}\\p{N}]`;
const GAP = `(?:(?![${CJK}])[^\\p{L}\\p{N}])+`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds the matcher of a clause's text, or null when the text has nothing to search for (only punctuation).
 * @example matcherOf('铁路12306')!.regex.test(normalise('高铁路12306次')) === true
 */
export function matcherOf(text: string): Matcher | null {
  const norm = normalise(text);
  const tokens = tokenize(norm);
  if (!tokens.length) return null;
  let src = '';
  tokens.forEach((t, j) => {
    const prev = tokens[j - 1];
    if (!prev) src += escape(t.term);
    else if (prev.end > t.start) src += escape(norm.slice(prev.end, t.end)); // overlapping bigrams
    else if (t.glued) src += escape(t.term);
    else src += GAP + escape(t.term);
  });
  const first = tokens[0]!, last = tokens[tokens.length - 1]!;
  const isWord = (t: Token) => !isCjk(t.term.codePointAt(0)!);
  if (isWord(first)) src = `(?<!${WORD_CHAR})` + src;
  if (isWord(last)) src += `(?!${WORD_CHAR})`;
  return { tokens, needsText: tokens.length > 1 && tokens.some((t) => t.unigram), regex: new RegExp(src, 'gu') };
}

/**
 * Whether one field's hits hold the token sequence: `hits[j]` are the positions (`ord * 2 + glued`) of token j.
 * @example sequenceIn([[1, 4], [1, 7]], [false, true]) === true // ords 2 then 3, the second glued
 */
export function sequenceIn(hits: (number[] | undefined)[], glued: boolean[]): boolean {
  const first = hits[0];
  if (!first) return false;
  // Positions are ascending, so one pointer per token walks its list once (no sets: this runs per candidate).
  const at = new Array<number>(hits.length).fill(1);
  outer: for (let k = 1; k < first.length; k++) {
    const ord = first[k]! >> 1;
    for (let j = 1; j < hits.length; j++) {
      const h = hits[j];
      if (!h) return false;
      const want = (ord + j) * 2;
      let i = at[j]!;
      while (i < h.length && h[i]! < want) i++;
      at[j] = i;
      if (i >= h.length) return false;
      // One token per ordinal: the entry is want + 1 (glued), want (not glued), or a later ordinal.
      if (!(h[i] === want + 1 || (!glued[j] && h[i] === want))) continue outer;
    }
    return true;
  }
  return false;
}

/** Whether any of `fields` of a document holds the clause, from its terms' hits (one FieldHits per token). */
export function positionsMatch(m: Matcher, perToken: FieldHits[], fields: number[]): boolean {
  if (m.tokens.length === 1) return fields.some((f) => perToken[0]![f] !== undefined);
  const glued = m.tokens.map((t) => t.glued);
  return fields.some((f) => sequenceIn(perToken.map((h) => h[f]), glued));
}

/** Ranges of the original text where the clause matches. */
export function findInText(m: Matcher, n: Normalised): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  m.regex.lastIndex = 0;
  for (let x = m.regex.exec(n.text); x; x = m.regex.exec(n.text)) {
    if (!x[0].length) { m.regex.lastIndex++; continue; }
    out.push({ start: n.start[x.index]!, end: n.end[x.index + x[0].length - 1]! });
  }
  return out;
}
