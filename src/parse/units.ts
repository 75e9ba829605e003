import { displayWidth, isSpace } from './chars.js';
import { findDatelines, type DatelineMatch } from './cues/dateline.js';
import { findJumps } from './cues/jump.js';
import { isFurniture } from './cues/furniture.js';
import { isCredit } from './cues/credit.js';
import { parseByline, type Byline } from './cues/byline.js';

/**
 * What a piece of a line is, before layout decides between headline and body:
 * - `text`: prose or display type (decided later),
 * - `dateline`, `jump`, `byline`, `credit`, `furniture`: recognised by their own patterns,
 * - `tail`: a lone 电/讯 that the extractor stranded away from its dateline.
 */
export type UnitKind = 'text' | 'dateline' | 'jump' | 'byline' | 'credit' | 'furniture' | 'tail';

/** The role a unit ends up with. */
export type Role = 'body' | 'display' | 'subhead' | UnitKind;

export interface Unit {
  /** Offsets of the trimmed content in the input. */
  s: number;
  e: number;
  kind: UnitKind;
  role: Role;
  /** Index of the physical line the unit starts on. */
  line: number;
  /** First / last unit of its physical line. */
  lineStart: boolean;
  lineEnd: boolean;
  /** The physical line began with white space (a lost indent) or with an ideographic indent. */
  indent: boolean;
  /** Display width of the unit, and of the whole physical line it sits on. */
  width: number;
  lineWidth: number;
  dateline?: DatelineMatch;
  jump?: { dir: 'to' | 'from'; page: string };
  byline?: Byline;
}

interface LineRange {
  s: number;
  e: number;
  indent: boolean;
}

/** Physical lines with their trimmed content range; blank lines are dropped (they carry no signal here). */
export function splitLines(text: string): LineRange[] {
  const out: LineRange[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = n;
    let s = i, e = j;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ s, e, indent: s > i });
    i = j + 1;
  }
  return out;
}

function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/**
 * Cuts every line into units at the cues that can sit mid-line (datelines glued to a headline's tail, jump
 * markers at the end of the last body line), and labels whole-line cues (furniture, credits, bylines).
 */
export function cutUnits(text: string): Unit[] {
  const lines = splitLines(text);
  const units: Unit[] = [];
  let consumedTo = 0; // a reporter parenthesis that wrapped has eaten the start of the next line
  const edge = Math.min(4, lines.length);
  for (let li = 0; li < lines.length; li++) {
    const L = lines[li]!;
    const s0 = Math.max(L.s, consumedTo);
    if (s0 >= L.e) continue;
    const lineText = text.slice(s0, L.e);
    const lineWidth = displayWidth(text, L.s, L.e);
    const nearEdge = li < edge || li >= lines.length - 2;
    const base = { line: li, indent: L.indent, lineWidth };
    const push = (s: number, e: number, kind: UnitKind, extra: Partial<Unit> = {}) => {
      [s, e] = trimRange(text, s, e);
      if (e <= s) return;
      units.push({ s, e, kind, role: kind === 'text' ? 'body' : kind, lineStart: false, lineEnd: false,
        width: s === L.s && e === L.e ? lineWidth : displayWidth(text, s, e), ...base, ...extra });
    };
    const first = units.length;
    if (s0 === L.s && isFurniture(lineText, nearEdge)) push(s0, L.e, 'furniture');
    else if (s0 === L.s && isCredit(lineText)) push(s0, L.e, 'credit');
    else if (s0 === L.s && /^[电讯]$/.test(lineText)) push(s0, L.e, 'tail');
    else {
      const by = s0 === L.s ? parseByline(lineText) : null;
      const next = lines[li + 1];
      // `本报记者` ⏎ `王五 摄`: a credit wrapped after its role word, not a byline.
      if (by && !by.authors.length && next && /摄$/.test(text.slice(next.s, next.e)) && isCredit(text.slice(next.s, next.e))) push(s0, L.e, 'credit');
      else if (by) push(s0, L.e, 'byline', { byline: by });
      else consumedTo = cutLine(text, s0, L.e, push);
    }
    if (units.length > first) {
      units[first]!.lineStart = true;
      units[units.length - 1]!.lineEnd = true;
    }
  }
  return units;
}

type Push = (s: number, e: number, kind: UnitKind, extra?: Partial<Unit>) => void;

/** Cuts one line at jump markers and a dateline. Returns how far into the input the line reached. */
function cutLine(text: string, s: number, e: number, push: Push): number {
  let at = s;
  const jumps = findJumps(text.slice(s, e));
  const stops: { s: number; e: number; jump?: Unit['jump'] }[] = jumps.map((j) => ({ s: s + j.start, e: s + j.end, jump: { dir: j.dir, page: j.page } }));
  stops.push({ s: e, e });
  const datelines = findDatelines(text, s, e);
  let d = 0;
  for (const stop of stops) {
    // Text before this jump marker may hold datelines.
    while (at < stop.s) {
      while (d < datelines.length && datelines[d]!.start < at) d++;
      const dl = datelines[d];
      if (!dl || dl.start >= stop.s) { push(at, stop.s, 'text'); break; }
      d++;
      push(at, dl.start, 'text');
      push(dl.start, dl.end, 'dateline', { dateline: dl });
      if (dl.end > e) {
        // The parenthesis wrapped: the rest of the next line is this line's body.
        const nl = text.indexOf('\n', dl.end);
        const lineEnd = nl < 0 ? text.length : nl;
        push(dl.end, lineEnd, 'text', { lineWidth: displayWidth(text, dl.end, lineEnd) });
        return lineEnd;
      }
      at = dl.end;
    }
    if (stop.jump) push(stop.s, stop.e, 'jump', { jump: stop.jump });
    at = Math.max(at, stop.e);
  }
  return e;
}
