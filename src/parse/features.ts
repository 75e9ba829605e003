import { endsClause, endsSentence, isLetterSpaced, isSpace } from './chars.js';
import { parseByline } from './cues/byline.js';
import type { Unit } from './units.js';

/** What the text of one unit looks like: the evidence for display type versus running text. */
export interface Look {
  /** `强 化 举 措`: letter-spaced display type. */
  spaced: boolean;
  /** Opens with a dash: a 副题 (`——论…`) or an English deck. */
  dash: boolean;
  /** A single space between two Han phrases in an otherwise unspaced line: `增进民生福祉 着力保障…`. */
  phraseSpace: boolean;
  /** Ends with a clause or sentence mark, so it cannot be a headline line. */
  clause: boolean;
  sentence: boolean;
  /** A sentence ends inside the unit: running text. */
  innerStop: boolean;
  /** English: all letters upper case / most long words capitalised / starts lower case. */
  caps: boolean;
  titleCase: boolean;
  lower: boolean;
  latin: boolean;
}

const INNER_ZH_STOP = /[。！？](?!$|[”’」』）)]+$)/;
const INNER_EN_STOP = /[a-z0-9)][.!?]["'”’]? +[A-Z]/;

export function look(text: string, u: Unit): Look {
  // One pass over the characters for the counts; the regexes below only run where they can matter.
  let letters = 0, upper = 0, visible = 0, gaps = 0;
  for (let i = u.s; i < u.e; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { if (!isSpace(text.charCodeAt(i - 1))) gaps++; continue; }
    visible++;
    if (c >= 0x41 && c <= 0x5a) { letters++; upper++; } else if (c >= 0x61 && c <= 0x7a) letters++;
  }
  const t = text.slice(u.s, u.e);
  const latin = letters > 0 && letters >= visible * 0.5;
  const spaced = !latin && gaps > 0 && isLetterSpaced(t);
  // One or two spaces between Han phrases (增进民生福祉 着力保障和改善民生); a line spaced all through is
  // justified running text (“ 自 立 自 强 的 20), not a phrase break.
  const phraseSpace = !spaced && gaps >= 1 && gaps <= 2 && /[\u4e00-\u9fff]{2}\s+[\u4e00-\u9fff]{2}/.test(t);
  let titleCase = false;
  if (latin) {
    const long = t.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && w.replace(/[^A-Za-z]/g, '').length >= 4);
    titleCase = long.length >= 2 && long.every((w) => /^[A-Z]/.test(w));
  }
  return {
    spaced,
    dash: /^(?:——|—|--)/.test(t),
    phraseSpace,
    clause: endsClause(t),
    sentence: endsSentence(t),
    innerStop: INNER_ZH_STOP.test(t) || (latin && INNER_EN_STOP.test(t)),
    caps: letters >= 2 && letters === upper,
    titleCase,
    lower: /^[a-z]/.test(t),
    latin,
  };
}

/** Could this unit be a line of a headline block? (No clause mark at its end, no sentence inside, not too long.) */
export function candidate(text: string, u: Unit, l: Look): boolean {
  if (u.kind !== 'text' || l.clause || l.innerStop || l.lower) return false;
  const t = text.slice(u.s, u.e);
  if (/-$/.test(t)) return false; // a hyphenated line end is running text
  if (/^[A-Z]$/.test(t)) return false; // a drop cap: `T` ⏎ `HE city council…`
  return l.latin ? u.e - u.s <= 120 : u.width <= 48;
}

/** An all-caps name line that is a byline when it sits under a headline (`VIVIANA ARCIA`). */
export function capsByline(text: string, u: Unit) {
  return parseByline(text.slice(u.s, u.e), true);
}

