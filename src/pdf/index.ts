/**
 * The PDF reader: e-paper PDFs to page text and a Page, using the layout (columns, type sizes) that plain text
 * extraction throws away. Platform-free: runs in Node and in a web worker (give it the pdf.js asset folders).
 */
import type { Page, ParseHints } from '../model/page.js';
import { parsePage } from '../parse/index.js';
import { openPdf, type PdfAssets } from './document.js';
import { PdfError } from './errors.js';
import { readImages } from './images.js';
import { layoutPage } from './layout.js';
import { readRuns } from './runs.js';

export { type PdfAssets } from './document.js';
export { isPdf } from './magic.js';
export { PdfError, type PdfErrorCode } from './errors.js';
export { layoutPage, type PageText } from './layout.js';

/** One page of a PDF, read. */
export interface PdfPage {
  /** 1-based page number in the PDF. */
  pageNumber: number;
  /** How many pages the PDF has. */
  pageCount: number;
  /** The page's text in reading order, one paragraph or headline line per line: the clipping's raw text. */
  text: string;
  /** What to pass to `parsePage` with that text: channel `pdf` and the layout's line roles. */
  hints: ParseHints;
  /** The page has no text layer (a scanned image): `text` is empty. */
  noText: boolean;
  /** Pictures painted on the page. */
  images: number;
}

export interface PdfReadOptions extends PdfAssets {
  /** 1-based page numbers to read, in the order given; all pages when absent. */
  pages?: number[];
}

/**
 * Reads a PDF page by page, in order (a whole issue is read one page at a time, so memory stays flat).
 * Throws a {@link PdfError}: 'invalid' or 'encrypted' before the first page, 'no-page' for a page number the
 * PDF does not have.
 *
 * @example
 * for await (const p of readPdfPages(bytes, { cMapUrl, standardFontDataUrl })) store(p.text, parsePdfPage(p));
 */
export async function* readPdfPages(bytes: Uint8Array, options: PdfReadOptions = {}): AsyncGenerator<PdfPage> {
  const doc = await openPdf(bytes, options);
  try {
    const numbers = options.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    for (const n of numbers) {
      if (!Number.isInteger(n) || n < 1 || n > doc.numPages) throw new PdfError('no-page', `the PDF has ${doc.numPages} page${doc.numPages === 1 ? '' : 's'}: there is no page ${n}`);
      const page = await doc.getPage(n);
      try {
        // Pictures first: reading the operator list loads the fonts, whose names tell the faces of the runs.
        const images = await readImages(page);
        const runs = await readRuns(page);
        const { width, height } = page.getViewport({ scale: 1 });
        const laid = layoutPage(runs, images, width, height);
        const noText = !/\S/.test(laid.text);
        yield { pageNumber: n, pageCount: doc.numPages, text: laid.text, hints: { channel: 'pdf', layout: laid.layout }, noText, images: images.length };
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await doc.destroy();
  }
}

/**
 * Reads the pages of a PDF (all, or `options.pages`). Throws a {@link PdfError} 'no-text' when none of them has
 * a text layer: a scan needs OCR first, and an empty result would only hide that.
 */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfPage[]> {
  const pages: PdfPage[] = [];
  for await (const p of readPdfPages(bytes, options)) pages.push(p);
  if (pages.length && pages.every((p) => p.noText)) throw noTextError(pages);
  return pages;
}

/** The error for pages without a text layer, worded for the person who dropped the file. */
export function noTextError(pages: PdfPage[]): PdfError {
  const which = pages.length === 1 ? `page ${pages[0]!.pageNumber} has` : `its ${pages.length} pages have`;
  return new PdfError('no-text', `the PDF has no text layer (${which} no text, only ${pages.some((p) => p.images) ? 'images' : 'graphics'}): it looks like a scan; run OCR on it first, or paste the page's text`);
}

/** Segments a page read from a PDF: `parsePage` on its text, with the layout's hints. */
export function parsePdfPage(p: PdfPage): Page {
  const page = parsePage(p.text, p.hints);
  if (p.noText) page.warnings.unshift({ code: 'no-text-layer', message: `page ${p.pageNumber} of the PDF has no text layer (a scan?): nothing to segment` });
  return page;
}
