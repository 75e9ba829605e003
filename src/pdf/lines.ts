import { isWide } from '../parse/chars.js';
import type { Line, Run } from './types.js';

/**
 * Groups one leaf's runs into lines: runs whose boxes share most of their height sit on one line. Lines come out
 * top to bottom, runs left to right.
 */
export function buildLines(runs: Run[]): Line[] {
  const sorted = runs.slice().sort((p, q) => p.base - q.base || p.x0 - q.x0);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    // Sorted by baseline, a run belongs to the line above it only if their boxes overlap most of the smaller
    // height: a superscript or a drop cap joins its line, the next line of a tight column does not.
    if (g && last && overlapY(g, r) >= 0.5 * Math.min(r.y1 - r.y0, last.y1 - last.y0)) g.push(r);
    else groups.push([r]);
  }
  return groups.map(toLine);
}

/**
 * The gap of a line printed one glyph a run at an even spacing (letter-spaced display type, a justified last
 * line), or 0 when the line is not like that. Such gaps are spacing, not word breaks.
 */
function letterSpaced(runs: Run[]): number {
  if (runs.length < 3 || runs.some((r) => [...r.text.trim()].length > 1)) return 0;
  const gaps = runs.slice(1).map((r, i) => r.x0 - runs[i]!.x1).sort((p, q) => p - q);
  const median = gaps[gaps.length >> 1]!;
  return median > 0 && gaps.every((g) => g <= 1.3 * median) ? median : 0;
}

function overlapY(line: Run[], r: Run): number {
  let best = 0;
  for (const q of line) best = Math.max(best, Math.min(q.y1, r.y1) - Math.max(q.y0, r.y0));
  return best;
}

function toLine(runs: Run[]): Line {
  runs.sort((p, q) => p.x0 - q.x0);
  let text = '', size = 0, x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  let prev: Run | null = null;
  const spacedOut = letterSpaced(runs);
  for (const r of runs) {
    const t = cleanRun(r.text);
    if (prev && text && t) {
      const gap = r.x0 - prev.x1;
      const em = Math.min(r.size, prev.size);
      const wide = isWide(text.charCodeAt(text.length - 1)) || isWide(t.charCodeAt(0));
      // Latin words are spaced by about a quarter em; CJK is set solid, so only a real gap (a phrase break, the
      // space after a dateline) is a space there, unless the line is letter-spaced one glyph a run (`向 海 图 强`).
      if (gap > (wide ? (spacedOut ? 1.5 * spacedOut : 0.6 * em) : 0.15 * em)) text += ' ';
    }
    text += t;
    size = Math.max(size, r.size);
    x0 = Math.min(x0, r.x0); y0 = Math.min(y0, r.y0); x1 = Math.max(x1, r.x1); y1 = Math.max(y1, r.y1);
    prev = r;
  }
  return { runs, text, size, x0, y0, x1, y1 };
}

/**
 * One run's text with layout spacing removed. pdf.js turns the extra glyph spacing of justified and
 * letter-spaced CJK into spaces (`从 秋 意`, `勇 做 时 代`), which are not in the text: where most neighbouring CJK
 * characters of a run stand a space apart, those spaces go. A space in a run set solid otherwise is a real one
 * (`本报记者 张三 李四`, `增进民生福祉 着力保障…`) and stays, as does every space next to a Latin letter.
 */
export function cleanRun(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (!t.includes(' ')) return t;
  let pairs = 0, spaced = 0;
  for (let i = 1; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x20 || !isWide(c)) continue;
    const gap = t.charCodeAt(i - 1) === 0x20;
    const p = t.charCodeAt(gap ? i - 2 : i - 1);
    if (!isWide(p)) continue;
    pairs++;
    if (gap) spaced++;
  }
  if (!pairs || spaced < 0.6 * pairs) return t;
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 0x20) { out += t[i]; continue; }
    const p = t.charCodeAt(i - 1), n = t.charCodeAt(i + 1);
    if ((isWide(p) || isWide(n)) && !latin(p) && !latin(n)) continue;
    out += ' ';
  }
  return out;
}

const latin = (x: number) => (x >= 0x41 && x <= 0x5a) || (x >= 0x61 && x <= 0x7a);
