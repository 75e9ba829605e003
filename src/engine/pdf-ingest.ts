/**
 * Engine.ingestPdf: a PDF (a tab showing one, a dropped file) read page by page with src/pdf, each page stored as
 * a clipping of its own (raw text = the page's text in reading order, hints = its layout), in page order. The
 * PDF reader is loaded only when a PDF comes (pdf.js is large), through a loader the host supplies.
 */
import type { ClippingSource } from '../model/records.js';
import type { PdfAssets, PdfPage } from '../pdf/index.js';
import type { PdfBlob, PresscutDB } from '../store/db.js';
import { EngineError } from '../store/validate.js';
import type { IngestInput, IngestRefusal, IngestResult, PdfIngestResult } from './types.js';

/** The PDF reader module (src/pdf/index.ts) and where its pdf.js assets are, as the host provides them. */
export interface PdfSupport {
  load: () => Promise<Pick<typeof import('../pdf/index.js'), 'readPdfPages' | 'noTextError'>>;
  assets: PdfAssets;
}

/** PDF pages handed to ingestMany together. */
const PAGES_A_BATCH = 8;

/** The biggest PDF read (bytes): a whole broadsheet issue is 20–60 MB. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** `sha256-` + hex digest: the kept PDF's content address. */
export async function pdfAddress(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
  return 'sha256-' + [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads a PDF and ingests each page with a text layer; see Engine.ingestPdf. */
export async function ingestPdf(
  db: PresscutDB, pdf: PdfSupport | undefined, ingestMany: (inputs: IngestInput[]) => Promise<(IngestResult | IngestRefusal)[]>,
  bytes: Uint8Array, source: ClippingSource, options: { keepBytes?: boolean } = {}, now: () => number = Date.now,
): Promise<PdfIngestResult> {
  if (!pdf) throw new EngineError('no-pdf', 'this engine was started without the PDF reader');
  const where = source.title ?? source.url ?? 'the PDF';
  if (!(bytes instanceof Uint8Array) || !bytes.length) throw new EngineError('bad-pdf', `${where} is empty`);
  if (bytes.length > MAX_PDF_BYTES) throw new EngineError('too-large', `${where} is ${(bytes.length / 1048576).toFixed(0)} MB: PDFs up to ${MAX_PDF_BYTES / 1048576} MB are read`);
  const reader = await pdf.load();
  const blob = options.keepBytes ? await pdfAddress(bytes) : undefined;
  const pages: PdfIngestResult['pages'] = [];
  const blank: PdfPage[] = [];
  // Pages go in a few at a time: a batch shares its transactions, and a page read is stored soon after.
  let batch: PdfPage[] = [];
  const flush = async () => {
    const out = await ingestMany(batch.map((p) => ({
      text: p.text, hints: p.hints,
      source: { ...source, via: 'pdf', channel: 'pdf', pdfPage: p.pageNumber, pdfPages: p.pageCount, ...(blob ? { pdfBlob: blob } : {}) },
    })));
    out.forEach((r, i) => {
      // A page whose text is refused (control characters only, say) is as good as a page without text.
      if ('refused' in r) blank.push(batch[i]!);
      else pages.push({ ...r, pageNumber: batch[i]!.pageNumber });
    });
    batch = [];
  };
  try {
    for await (const p of reader.readPdfPages(bytes, pdf.assets)) {
      if (p.noText) blank.push(p);
      else if (batch.push(p) === PAGES_A_BATCH) await flush();
    }
    if (batch.length) await flush();
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    if (err.name === 'PdfError') throw new EngineError(`pdf-${err.code}`, `${where}: ${err.message}`);
    throw e;
  }
  if (!pages.length) throw new EngineError('pdf-no-text', `${where}: ${reader.noTextError(blank).message}`);
  if (blob) {
    const row: PdfBlob = { hash: blob, bytes: new Uint8Array(bytes), size: bytes.length, addedAt: now() };
    await db.transaction('rw', db.pdfBlobs, async () => { if (!(await db.pdfBlobs.get(row.hash))) await db.pdfBlobs.add(row); });
  }
  return { pages, skipped: blank.map((p) => p.pageNumber).sort((a, b) => a - b) };
}
