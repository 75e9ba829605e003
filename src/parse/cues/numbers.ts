/** Page numbers and dates as newspapers print them: Arabic, full-width and Chinese numerals. */

/** A 1–3 digit number in any of the three scripts, as a regex source fragment (no groups). */
export const NUM = '(?:\\d{1,3}|[０-９]{1,3}|[〇零一二两三四五六七八九十]{1,3})';

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Reads an Arabic, full-width or Chinese numeral. Returns NaN for anything else.
 * @example parseNumeral('十二') === 12; parseNumeral('１１') === 11
 */
export function parseNumeral(s: string): number {
  const t = s.normalize('NFKC').trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(t)) return NaN;
  let n = 0, cur = 0;
  for (const c of t) {
    if (c === '十') { n += (cur || 1) * 10; cur = 0; }
    else if (c === '百') { n += (cur || 1) * 100; cur = 0; }
    else cur = cur * 10 + (CN_DIGIT[c] ?? 0);
  }
  return n + cur;
}

/**
 * Normalises a printed page reference: `第三版` -> "3", `A 12` -> "A12", `２` -> "2", `Page 4` -> "4".
 */
export function pageRef(s: string): string {
  let t = s.normalize('NFKC').replace(/\s+/g, '').replace(/^第/, '').replace(/[版面页]$/, '').replace(/^(?:page|p\.?)/i, '');
  const m = /^([A-Za-z]?)(.*)$/.exec(t)!;
  const n = parseNumeral(m[2]!);
  t = (m[1] ?? '').toUpperCase() + (Number.isNaN(n) ? m[2]! : String(n));
  return t;
}
