import { isHan, isSpace, isWide, isLetterSpaced } from './chars.js';
import type { Span } from '../model/page.js';

/** Words that occur in the page, for deciding whether a line-end hyphen is a soft one. */
export type Lexicon = Set<string>;

export function pageLexicon(text: string): Lexicon {
  return new Set(text.toLowerCase().match(/[a-z]{2,}/g) ?? []);
}

// Suffixes that never stand alone, so `gov-` ⏎ `ernment` style splits before them are soft hyphens.
const SOFT_SUFFIX = /^(?:tion|tions|sion|ment|ments|ness|ity|ities|ing|ings|ed|ly|ous|ive|ance|ence|able|ible|ure|ures|al|ally|er|ers|est|ism|ist|ists|ize|ized|ise|ised|ful|less|ship|ward|wards|ency|ancy|ant|ent|ate|ated|ates|ating|ation|ations|ial|ian|ic|ical|ics|age|ages)\b/;

/**
 * Joins the spans of one field into clean text.
 * - Wrapped lines: CJK to CJK (or digit) without a space, Latin to Latin with one.
 * - A line-end hyphen is dropped when the joined word is in the page unhyphenated (or the second part is a bare
 *   suffix); otherwise it stays (`well-` ⏎ `known` -> `well-known`).
 * - Spaces next to a CJK character are layout artefacts (`11 月 8`, `国 际 贸 易`) and go; in `title` mode a single
 *   space between two Han phrases of an unspaced line is a deliberate separator and stays.
 */
export function renderSpans(text: string, spans: Span[], lex: Lexicon, mode: 'body' | 'title' = 'body'): string {
  // Parts are joined once at the end: growing one string and reading its tail at every line would flatten it
  // again and again (quadratic on a long paragraph).
  const parts: string[] = [];
  let prev = '';
  for (const sp of spans) {
    const piece = cleanInline(text.slice(sp.start, sp.end), mode);
    if (!piece) continue;
    if (prev) {
      const joined = joinWrapped(prev, piece, lex);
      // joinWrapped returns prev + separator + piece, possibly without prev's soft hyphen.
      const keep = joined.length - piece.length;
      if (keep < prev.length) parts[parts.length - 1] = prev.slice(0, keep);
      else if (keep > prev.length) parts.push(joined.slice(prev.length, keep));
    }
    parts.push(piece);
    prev = piece;
  }
  return parts.join('');
}

function joinWrapped(a: string, b: string, lex: Lexicon): string {
  const last = a.charCodeAt(a.length - 1), first = b.charCodeAt(0);
  const end = a.slice(-48); // regexes see only the tail: the paragraph so far can be long
  if (last === 0x2d /* - */ && /[A-Za-z]-$/.test(end) && /^[a-z]/.test(b)) {
    const head = /([A-Za-z]+)-$/.exec(end)![1]!, tail = /^[a-z]+/.exec(b)![0];
    const joined = (head + tail).toLowerCase();
    if (lex.has(joined) || SOFT_SUFFIX.test(tail)) return a.slice(0, -1) + b;
    return a + b;
  }
  if (last === 0x2d && /[A-Za-z0-9]-$/.test(end)) return a + b; // 2019- ⏎ 2020, well- ⏎ known
  if (isWide(last) || isWide(first)) return a + b;
  if (/^[A-Z]$/.test(a) && /^[A-Z]{2}/.test(b)) return a + b; // a drop cap rejoins its word: T + HE -> THE
  if (last === 0x2014 || first === 0x2014) return a + b; // an em dash at a line end is never spaced
  return a + ' ' + b;
}

/** Cleans one line's worth of text: collapses white space, drops the spacing artefacts next to CJK characters. */
export function cleanInline(s: string, mode: 'body' | 'title'): string {
  const t = s.trim();
  const spaced = mode === 'title' && isLetterSpaced(t);
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!isSpace(c)) { out += t[i]; continue; }
    let j = i;
    while (j < t.length && isSpace(t.charCodeAt(j))) j++;
    // An em dash takes the script of what stands beyond it: `voted — narrowly` keeps its spaces.
    const prev = t.charCodeAt(i - 1) === 0x2014 ? t.charCodeAt(i - 2) : t.charCodeAt(i - 1);
    const next = t.charCodeAt(j) === 0x2014 ? t.charCodeAt(j + 1) : t.charCodeAt(j);
    const wrapped = t.slice(i, j).includes('\n'); // a span that crosses a line end: 于小 ⏎ 博 is one name
    const keep = !spaced && (
      (!isWide(prev) && !isWide(next)) ||
      (mode === 'title' && !wrapped && isHan(prev) && isHan(next))
    );
    if (keep) out += ' ';
    i = j - 1;
  }
  return out;
}
