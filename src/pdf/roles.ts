import type { LayoutRole } from '../model/page.js';
import { parseByline } from '../parse/cues/byline.js';
import { findJumps } from '../parse/cues/jump.js';
import { DISPLAY_RATIO } from './paragraphs.js';
import type { Box, Leaf, PageFacts, Para } from './types.js';

/** Share of the page height at the top and the bottom where running heads, mastheads and folios sit. */
const TOP_BAND = 0.12, BOTTOM_BAND = 0.06;
/** Without a masthead, the share of the page height where a running head can stand alone. */
const TOP_EDGE = 0.05;
/** Type this much smaller than the body, outside captions, is furniture (folios, legal lines, credits). */
const SMALL_RATIO = 0.72;

/**
 * Gives every paragraph its layout role, from its type size and position:
 * - furniture: what sits in the page's top or bottom band (a masthead with its ears, a running head, a folio,
 *   staff lines), and very small type;
 * - caption: text set right under a picture (or on it);
 * - kicker / headline / subtitle: display type (well above the body size); within a run of display lines the
 *   largest type is the headline, smaller lines above it the kicker, below it the subtitle;
 * - byline: a byline-shaped line in or right after a headline block;
 * - subhead: a short body-size line set wholly in another face, inside running text;
 * - body: the rest.
 */
export function assignLayoutRoles(paras: Para[], leaves: Leaf[], images: Box[], facts: PageFacts): LayoutRole[] {
  const furnitureLeaves = marginLeaves(leaves, facts);
  const roles: LayoutRole[] = paras.map((p) => {
    if (furnitureLeaves.has(p.leaf)) return 'furniture';
    if (images.some((img) => captionOf(p, img, facts))) return 'caption';
    if (p.size < SMALL_RATIO * facts.body) return 'furniture';
    if (p.size >= DISPLAY_RATIO * facts.body) return 'headline';
    return 'body';
  });
  // A caption runs on through the lines set like its first one in the same leaf (a caption, then its credit).
  for (let i = 1; i < paras.length; i++) {
    if (roles[i - 1] === 'caption' && roles[i] === 'body' && paras[i]!.leaf === paras[i - 1]!.leaf && !paras[i]!.plain) roles[i] = 'caption';
  }
  for (let i = 0; i < paras.length; i++) {
    if (roles[i] !== 'body') continue;
    const p = paras[i]!;
    const prev = previousRole(roles, i);
    const afterTitle = prev === 'headline' || prev === 'byline';
    if (afterTitle && parseByline(p.text, true)) roles[i] = 'byline';
    else if (p.styled && p.text.length <= 60 && !/[。！？.!?]$/.test(p.text)) roles[i] = afterTitle ? 'headline' : 'subhead';
  }
  titleLevels(paras, roles);
  return roles;
}

function previousRole(roles: LayoutRole[], i: number): LayoutRole | undefined {
  for (let k = i - 1; k >= 0; k--) if (roles[k] !== 'furniture' && roles[k] !== 'caption') return roles[k];
  return undefined;
}

/**
 * Leaves in the top and bottom bands of the page that are furniture. Pieces side by side at the top (a masthead
 * between its ears, a running head) are furniture whatever their size, and so is what stands above them;
 * below them only type near the body size is, so that a headline set high on the page stays a headline.
 */
function marginLeaves(leaves: Leaf[], facts: PageFacts): Set<number> {
  const out = new Set<number>();
  const top = leaves.map((l, i) => ({ l, i })).filter(({ l }) => l.y1 <= TOP_BAND * facts.height);
  // The page's first row: the topmost piece and every piece that shares its height, transitively. Pieces side
  // by side there, some in small type, are a masthead between its ears or a running head.
  const row: Leaf[] = [];
  const byTop = top.map(({ l }) => l).sort((a, b) => a.y0 - b.y0);
  let bottom = byTop[0]?.y1 ?? -Infinity;
  for (const l of byTop) if (l.y0 < bottom) { row.push(l); bottom = Math.max(bottom, l.y1); }
  const band = row.length >= 2 && row.some((l) => maxSize(l) <= 1.15 * facts.body) ? bottom : -Infinity;
  // Without a masthead or running head, only a line or two of small type at the very top is furniture.
  const loose = (l: Leaf) => l.lines.length <= 2 && maxSize(l) <= 1.15 * facts.body && !findJumps(l.lines.map((x) => x.text).join(' ')).length;
  for (const { l, i } of top) if (band > -Infinity ? l.y0 < band : l.y1 <= TOP_EDGE * facts.height && loose(l)) out.add(i);
  leaves.forEach((l, i) => {
    if (l.y0 >= (1 - BOTTOM_BAND) * facts.height && loose(l)) out.add(i);
  });
  return out;
}

const maxSize = (l: Leaf) => Math.max(...l.lines.map((x) => x.size));

/** Whether a paragraph is the caption of a picture: its first line starts just under it (or on it) and shares its width. */
function captionOf(p: Para, img: Box, facts: PageFacts): boolean {
  const l = p.lines[0]!;
  const overlapX = Math.min(l.x1, img.x1) - Math.max(l.x0, img.x0);
  if (overlapX < 0.5 * (l.x1 - l.x0)) return false;
  const below = l.y0 - img.y1;
  const on = l.y0 >= img.y0 && l.y1 <= img.y1;
  return on || (below >= -0.5 * l.size && below <= 2.5 * facts.body);
}

/**
 * Splits each run of display paragraphs (bylines may sit among them) into kicker, headline and subtitle: the
 * largest type is the 主题; what stands above it the 引题, what stands below it the 副题.
 */
function titleLevels(paras: Para[], roles: LayoutRole[]): void {
  for (let i = 0; i < paras.length; ) {
    if (roles[i] !== 'headline') { i++; continue; }
    const group: number[] = [];
    let j = i;
    for (; j < paras.length && (roles[j] === 'headline' || roles[j] === 'byline' || roles[j] === 'furniture'); j++) {
      if (roles[j] === 'headline') group.push(j);
    }
    const max = Math.max(...group.map((k) => paras[k]!.size));
    const main = group.filter((k) => paras[k]!.size >= 0.9 * max);
    const first = main[0]!, last = main[main.length - 1]!;
    for (const k of group) roles[k] = k < first ? 'kicker' : k > last ? 'subtitle' : 'headline';
    i = j;
  }
}
