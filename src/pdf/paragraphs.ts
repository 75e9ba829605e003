import { isWide } from '../parse/chars.js';
import type { Leaf, Line, PageFacts, Para } from './types.js';

const SENTENCE_END = /[。！？!?.…」』”’"')）]$/;


/** Type at least this much larger than the body is display type: a headline, kicker or deck. */
export const DISPLAY_RATIO = 1.2;

/**
 * Splits the page's lines into paragraphs, in reading order. A paragraph opens at an indented line, after a
 * line that stopped short of its column's right edge, and where the type changes; it runs on from the foot of
 * one column to the head of the next when the last line filled its column and the next line is not indented.
 * Display lines (headlines) stay one per paragraph: their line breaks belong to the design. Lines of a
 * body-size heading in another face (a bold subhead, often centred) run together whatever their indent.
 */
export function buildParagraphs(leaves: Leaf[], facts: PageFacts): Para[] {
  const out: Para[] = [];
  let open: { para: Para; last: Line; full: boolean; size: number; styled: boolean; plain: boolean; font: string; leaf: Leaf } | null = null;
  const lexicon = new Set(leaves.flatMap((l) => l.lines.flatMap((x) => x.text.toLowerCase().match(/[a-z]{2,}/g) ?? [])));
  leaves.forEach((leaf, li) => {
    const left = leaf.x0, right = leaf.x1;
    const leading = medianGap(leaf.lines);
    leaf.lines.forEach((line, k) => {
      const em = line.size;
      const display = line.size >= DISPLAY_RATIO * facts.body;
      const styled = line.runs.every((r) => r.font !== facts.bodyFont);
      const plain = line.runs.every((r) => r.font === facts.bodyFont);
      const size = Math.round(line.size * 2);
      const indented = line.x0 - left >= 0.8 * em;
      // Extra white space above a line (paragraph spacing) opens a paragraph whatever the line before it.
      const spaced = k > 0 && line.y0 - leaf.lines[k - 1]!.y1 > leading + 0.4 * em;
      // Running text runs on from a full line to an unindented one, also from a dateline set in bold to the
      // text after it (`新华社北京9月14日` ⏎ `电 近日，…`), but not from a bold heading into plain text; lines of
      // one heading face run on whatever their indent, until a sentence ends.
      const cont = open && !display && !spaced && open.size === size && flows(open.leaf, leaf) && (
        styled && open.styled ? open.font === line.runs[0]!.font && !SENTENCE_END.test(open.last.text)
          : open.full && !indented && !(open.styled && plain) && !(open.plain && styled));
      if (cont && open) {
        open.para.lines.push(line);
        open.para.text = joinLines(open.para.text, line.text, lexicon);
      } else {
        const para: Para = { lines: [line], text: line.text, size: line.size, plain: false, styled: false, leaf: li };
        out.push(para);
        open = { para, last: line, full: false, size, styled, plain, font: line.runs[0]!.font, leaf };
      }
      Object.assign(open!, { last: line, styled, plain, font: line.runs[line.runs.length - 1]!.font, leaf });
      // Justified CJK fills its measure to the point; ragged Latin lines stop up to a word short of it.
      const tolerance = isWide(line.text.charCodeAt(line.text.length - 1)) ? 0.6 : 1.5;
      open!.full = !display && line.x1 >= right - tolerance * em;
    });
  });
  for (const p of out) {
    const runs = p.lines.flatMap((l) => l.runs);
    p.size = Math.max(...p.lines.map((l) => l.size));
    p.plain = runs.every((r) => r.font === facts.bodyFont && Math.abs(r.size - facts.body) < 0.1 * facts.body);
    p.styled = runs.every((r) => r.font !== facts.bodyFont);
  }
  return out;
}

/**
 * Whether text can run on from leaf `a` into leaf `b`: the same leaf, the next column (to the right, within a
 * few ems, starting no lower than `a` ends), or the piece right below in the same column.
 */
function flows(a: Leaf, b: Leaf): boolean {
  if (a === b) return true;
  const em = b.lines[0]!.size;
  const nextColumn = b.x0 >= a.x1 - em && b.x0 - a.x1 <= 3 * em && b.y0 <= a.y1;
  const below = b.y0 >= a.y1 - em && Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0);
  return nextColumn || below;
}

/** The usual white space between two lines of a leaf. */
function medianGap(lines: Line[]): number {
  const gaps = lines.slice(1).map((l, k) => l.y0 - lines[k]!.y1).sort((p, q) => p - q);
  return gaps.length ? gaps[gaps.length >> 1]! : 0;
}

/**
 * Joins a wrapped line to its paragraph: CJK without a space, Latin with one. A line-end hyphen goes only when
 * the page prints the joined word elsewhere (`gov-` ⏎ `ernment`); `well-` ⏎ `known` keeps it.
 */
export function joinLines(a: string, b: string, lexicon: Set<string> = new Set()): string {
  if (!a) return b;
  const last = a.charCodeAt(a.length - 1), first = b.charCodeAt(0);
  if (last === 0x2d && /[A-Za-z]-$/.test(a) && /^[a-z]/.test(b)) {
    const head = /([A-Za-z]+)-$/.exec(a.slice(-48))?.[1] ?? '', tail = /^[a-z]+/.exec(b)![0];
    if (lexicon.has((head + tail).toLowerCase())) return a.slice(0, -1) + b;
  }
  if (last === 0x2d || isWide(last) || isWide(first)) return a + b;
  return a + ' ' + b;
}
