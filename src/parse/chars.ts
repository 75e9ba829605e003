/** Character classes the segmenter reasons with. Code-point tests only: no regex runs over whole texts here. */

/** Han ideographs (incl. extension A and compatibility ideographs) and the iteration mark 〇. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** Any character that is set on a full-width grid: Han, kana, hangul, CJK and full-width punctuation. */
export function isWide(c: number): boolean {
  return (
    isHan(c) ||
    (c >= 0x3000 && c <= 0x30ff) || // CJK punctuation, kana
    (c >= 0xac00 && c <= 0xd7af) || // hangul
    (c >= 0xff01 && c <= 0xff60) || // full-width forms
    (c >= 0xffe0 && c <= 0xffe6) ||
    c === 0x2014 || c === 0x2026 || // — … as set in CJK text
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 // “” ‘’ are full-width in CJK fonts
  );
}

export function isSpace(c: number): boolean {
  // Exactly JavaScript's \s, plus the zero-width space that PDF text often carries.
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Closing marks that may follow a sentence-final mark: 。” ！） ?' */
const CLOSERS = new Set('”’」』）)》〉】"\''.split('').map((s) => s.codePointAt(0)!));
const SENTENCE_FINAL = new Set('。！？!?…．.'.split('').map((s) => s.codePointAt(0)!));
/** Marks after which a line cannot be a headline: it is mid-sentence or ends a sentence. */
const CLAUSE_MARKS = new Set('。！？!?…，、；：,;:．.'.split('').map((s) => s.codePointAt(0)!));

function lastMeaningful(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isSpace(s.charCodeAt(i))) i--;
  while (i >= 0 && CLOSERS.has(s.charCodeAt(i))) i--;
  return i;
}

/** True when `s` ends a sentence: `。` `！` `？` `……` `.`, optionally followed by closing quotes or brackets. */
export function endsSentence(s: string): boolean {
  const i = lastMeaningful(s);
  return i >= 0 && SENTENCE_FINAL.has(s.charCodeAt(i));
}

/** True when `s` ends with any clause or sentence mark (`，` `、` `：` included). */
export function endsClause(s: string): boolean {
  const i = lastMeaningful(s);
  return i >= 0 && CLAUSE_MARKS.has(s.charCodeAt(i));
}

/**
 * Display width of a line in em: wide characters count 1, half-width ones 0.5, spaces nothing.
 * Column measures are compared in this unit, so `11 月 8` and `11月8` have the same width.
 */
export function displayWidth(s: string, from = 0, to = s.length): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) continue;
    w += isWide(c) ? 1 : 0.5;
  }
  return w;
}

/** Share of the non-space characters of `s` that are wide (CJK). */
export function wideRatio(s: string): number {
  let wide = 0, all = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) continue;
    all++;
    if (isWide(c)) wide++;
  }
  return all ? wide / all : 0;
}

/**
 * Letter-spaced display type as PDF extraction gives it: `强 化 举 措`, every gap between wide characters a
 * space. Returns false for justified body lines, which carry punctuation (`突破 200 万 套 ，国 际`).
 */
export function isLetterSpaced(s: string): boolean {
  const t = s.trim();
  let chars = 0, gaps = 0, spaced = 0, prevWide = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isSpace(c)) continue;
    if (!isWide(c)) return false;
    if (CLAUSE_MARKS.has(c)) return false;
    chars++;
    if (prevWide) {
      gaps++;
      if (isSpace(t.charCodeAt(i - 1))) spaced++;
    }
    prevWide = true;
  }
  return chars >= 2 && gaps > 0 && spaced / gaps >= 0.8;
}
