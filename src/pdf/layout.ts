import type { PageLayout } from '../model/page.js';
import { emitText } from './emit.js';
import { pageFacts } from './facts.js';
import { buildLines } from './lines.js';
import { buildParagraphs } from './paragraphs.js';
import { assignLayoutRoles } from './roles.js';
import type { Box, Leaf, PageFacts, Run } from './types.js';
import { readingOrder } from './xycut.js';

/** One page rebuilt from its text layer: the text in reading order and the roles of its lines. */
export interface PageText {
  text: string;
  layout: PageLayout;
  facts: PageFacts;
}

/**
 * Rebuilds a page from its runs and picture boxes (pure: no pdf.js here, so it can be tested on made-up runs):
 * reading order by XY-cut, lines, paragraphs, then a role for every paragraph from type size and position.
 */
export function layoutPage(runs: Run[], images: Box[], width: number, height: number): PageText {
  const unique = dedupe(runs);
  const facts = pageFacts(unique, width, height);
  const leaves: Leaf[] = readingOrder(unique, facts.body).map((part) => {
    const lines = buildLines(part);
    return { lines, x0: Math.min(...lines.map((l) => l.x0)), y0: Math.min(...lines.map((l) => l.y0)), x1: Math.max(...lines.map((l) => l.x1)), y1: Math.max(...lines.map((l) => l.y1)) };
  });
  const paras = buildParagraphs(leaves, facts);
  const roles = assignLayoutRoles(paras, leaves, images, facts);
  const { text, lines } = emitText(paras, roles);
  return { text, layout: { lines }, facts };
}

/**
 * Drops runs drawn twice on the same spot: some typesetters fake bold or a shadow by printing the text again a
 * hair's breadth away, which would otherwise read as doubled text.
 */
function dedupe(runs: Run[]): Run[] {
  const seen = new Map<string, Run[]>();
  const out: Run[] = [];
  for (const r of runs) {
    const near = seen.get(r.text);
    if (near?.some((q) => Math.abs(q.x0 - r.x0) < 0.2 * r.size && Math.abs(q.base - r.base) < 0.2 * r.size)) continue;
    if (near) near.push(r); else seen.set(r.text, [r]);
    out.push(r);
  }
  return out;
}
