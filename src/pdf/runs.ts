import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Run } from './types.js';

// A glyph's visible box within its em square, as a share of the type size: ascent above the baseline, descent
// below. Common to CJK and Latin faces closely enough for gaps between lines and columns.
const ASCENT = 0.88, DESCENT = 0.12;

interface Item {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/**
 * The page's text layer as runs in top-down page coordinates, in content-stream order. White-space items are
 * dropped: the gaps between runs are measured from their positions instead, which is what the layout is.
 */
export async function readRuns(page: PDFPageProxy): Promise<Run[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue; // marked-content boundaries carry no text
    const item = raw as Item;
    if (!/\S/.test(item.str)) continue;
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    const size = Math.hypot(c, d);
    const advance = Math.hypot(a, b) || 1;
    if (!(size > 0)) continue;
    const [sx, sy] = viewport.convertToViewportPoint(e, f) as [number, number];
    const [ex, ey] = viewport.convertToViewportPoint(e + (item.width * a) / advance, f + (item.width * b) / advance) as [number, number];
    if (Math.abs(ey - sy) > Math.abs(ex - sx)) {
      // Vertical or rotated text (a side label, a vertical headline): kept, as a box around its extent.
      runs.push({ text: item.str, x0: Math.min(sx, ex) - size * DESCENT, x1: Math.max(sx, ex) + size * ASCENT, y0: Math.min(sy, ey), y1: Math.max(sy, ey), base: Math.max(sy, ey), size, font: item.fontName });
      continue;
    }
    runs.push({ text: item.str, x0: Math.min(sx, ex), x1: Math.max(sx, ex), y0: sy - size * ASCENT, y1: sy + size * DESCENT, base: sy, size, font: item.fontName });
  }
  return runs;
}
