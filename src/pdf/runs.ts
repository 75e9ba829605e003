import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Run } from './types.js';
import { normalizeGlyphs } from './unicode.js';

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
  const faces = new Map<string, string>();
  const runs: Run[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue; // marked-content boundaries carry no text
    const item = raw as Item;
    if (!/\S/.test(item.str)) continue;
    const text = normalizeGlyphs(item.str);
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    const size = Math.hypot(c, d);
    const advance = Math.hypot(a, b) || 1;
    if (!(size > 0)) continue;
    const [sx, sy] = viewport.convertToViewportPoint(e, f) as [number, number];
    const [ex, ey] = viewport.convertToViewportPoint(e + (item.width * a) / advance, f + (item.width * b) / advance) as [number, number];
    if (Math.abs(ey - sy) > Math.abs(ex - sx)) {
      // Vertical or rotated text (a side label, a vertical headline): kept, as a box around its extent.
      runs.push({ text, x0: Math.min(sx, ex) - size * DESCENT, x1: Math.max(sx, ex) + size * ASCENT, y0: Math.min(sy, ey), y1: Math.max(sy, ey), base: Math.max(sy, ey), size, font: faceOf(page, item.fontName, faces) });
      continue;
    }
    runs.push({ text, x0: Math.min(sx, ex), x1: Math.max(sx, ex), y0: sy - size * ASCENT, y1: sy + size * DESCENT, base: sy, size, font: faceOf(page, item.fontName, faces) });
  }
  return runs;
}

/**
 * The typeface a pdf.js font id stands for: its PostScript name without the subset tag (`AAAAAA+`). One face is
 * often embedded as several subsets (Chromium splits a face by the Unicode maps of its glyphs), so ids alone
 * would tell the body face from itself. Fonts are known once the page's operator list has been read; before
 * that, or for a font without a name, the id stands in.
 */
function faceOf(page: PDFPageProxy, id: string, cache: Map<string, string>): string {
  let face = cache.get(id);
  if (face === undefined) {
    let name: unknown;
    try {
      name = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: unknown } | null)?.name : undefined;
    } catch {
      name = undefined;
    }
    face = typeof name === 'string' && name ? name.replace(/^[A-Z]{6}\+/, '') : id;
    cache.set(id, face);
  }
  return face;
}
