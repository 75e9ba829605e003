/**
 * When a clause matches: its tokens occur at consecutive ordinals of one field, each glued to the previous one
 * where the query's are. Checked on the positions stored in the index; or, for the rare clause the positions
 * cannot decide (a lone CJK character next to other tokens: its positions are only recorded where it stands
 * alone), on the text with an equivalent regular expression, which also finds the ranges to highlight.
 */
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
 * Whether one field holds the token sequence: `pos[j][0, len[j])` are the positions (`ord * 2 + glued`, ascending)
 * of token j there, `glued[j]` whether the query glues it to the token before.
 * @example sequenceAt([Int32Array.of(2), Int32Array.of(3)], [1, 1], [false, false]) === true // ords 1 then 2, glued
 */
export function sequenceAt(pos: Int32Array[], len: number[], glued: boolean[]): boolean {
  const first = pos[0]!, at = new Array<number>(pos.length).fill(0);
  // Positions are ascending, so one pointer per token walks its list once.
  outer: for (let k = 0; k < len[0]!; k++) {
    const ord = first[k]! >> 1;
    for (let j = 1; j < pos.length; j++) {
      const h = pos[j]!, n = len[j]!, want = (ord + j) * 2;
      let i = at[j]!;
      while (i < n && h[i]! < want) i++;
      at[j] = i;
      if (i >= n) return false;
      // One token per ordinal: the entry is want + 1 (glued), want (not glued), or a later ordinal.
      if (!(h[i] === want + 1 || (!glued[j] && h[i] === want))) continue outer;
    }
    return true;
  }
  return false;
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
