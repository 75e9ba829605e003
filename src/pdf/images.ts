import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPdfjs } from './document.js';
import type { Box } from './types.js';

type Matrix = [number, number, number, number, number, number];

/**
 * Where the page paints pictures, in top-down page coordinates: captions are the text set right under them, and
 * a page with pictures but no text is a scan. Walks the operator list keeping the transform stack; every image
 * is painted into the unit square of the current transform.
 */
export async function readImages(page: PDFPageProxy): Promise<Box[]> {
  const { OPS } = await loadPdfjs();
  const paint = new Set<number>([
    OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat,
    OPS.paintSolidColorImageMask, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup,
  ]);
  const viewport = page.getViewport({ scale: 1 });
  const ops = await page.getOperatorList();
  const boxes: Box[] = [];
  let ctm = viewport.transform.slice() as Matrix;
  const stack: Matrix[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix) as Matrix;
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | null | undefined;
      if (m) ctm = multiply(ctm, m) as Matrix;
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (paint.has(fn)) {
      const xs: number[] = [], ys: number[] = [];
      for (const [u, v] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        xs.push(u * ctm[0] + v * ctm[2] + ctm[4]);
        ys.push(u * ctm[1] + v * ctm[3] + ctm[5]);
      }
      const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      // Hairlines and dots painted as images are rules and ornaments, not pictures.
      if (box.x1 - box.x0 > 12 && box.y1 - box.y0 > 12) boxes.push(box);
    }
  }
  return boxes;
}

/** m1 × m2 in PDF's row-vector convention: apply m2 first, then m1. */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1], m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3], m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4], m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}
