import type { IngestInput, PdfIngestResult } from '../../engine/types.js';
import type { ClippingSource } from '../../model/records.js';
import type { ClipMode, ExtractProblem, ExtractResult } from '../../extract/index.js';
import { MAX_CLIP_BYTES } from '../../extract/limits.js';
import { browser } from '../browser.js';
import { formatBytes, t } from '../i18n.js';
import type { ClipOutcome } from '../messages.js';
import { keepPdfs } from '../pdf-option.js';
import { fetchTabPdf, pdfOutcome, showsPdf } from './clip-pdf.js';

/** How the background hands the engine what a tab holds: text to segment, or a PDF to read. */
export interface ClipSinks {
  ingest: (input: IngestInput) => Promise<ClipOutcome['result']>;
  ingestPdf: (bytes: Uint8Array, source: ClippingSource, options: { keepBytes: boolean }) => Promise<PdfIngestResult>;
}

/** The bundled extractor (src/extension/content/extract.ts); it defines this global in the tab's isolated world. */
const EXTRACTOR_FILE = 'extract.js';
declare global {
  var presscutExtract: ((mode: ClipMode) => ExtractResult) | undefined;
}

/**
 * Reads a tab the user pointed at (toolbar, context menu, shortcut: each grants activeTab) and stores what it
 * holds. The extractor is injected only now: Presscut runs nothing on pages the user does not clip.
 */
export async function clipTab(tabId: number, mode: ClipMode, sinks: ClipSinks): Promise<ClipOutcome> {
  const tab = await browser.tabs.get(tabId);
  // A PDF's text is inside the viewer, out of the extractor's reach: the PDF itself is read, page by page.
  if (mode !== 'selection' && tab.url && await showsPdf(tabId, tab.url)) {
    const bytes = await fetchTabPdf(tabId, tab.url);
    const title = tab.title ?? null;
    const pdf = await sinks.ingestPdf(bytes, { via: 'pdf', url: tab.url, ...(title ? { title } : {}) }, { keepBytes: await keepPdfs() });
    return { result: pdfOutcome(pdf), title, pages: pdf.pages.length };
  }
  let extracted: ExtractResult;
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [EXTRACTOR_FILE] });
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: (m: unknown) => globalThis.presscutExtract!(m as ClipMode),
      args: [mode],
    });
    extracted = frame?.result as ExtractResult;
  } catch (e) {
    // Browser pages, the web store and PDF viewers refuse scripts; the user can still copy and paste the text.
    throw new Error(t('errorCannotReadTab', (e as Error).message));
  }
  if (!extracted) throw new Error(t('errorCannotReadTab', 'no result'));
  if (!extracted.ok) throw new Error(problemMessage(extracted.problem));
  return { result: await sinks.ingest(extracted.input), title: extracted.input.source.title ?? null };
}

function problemMessage(p: ExtractProblem): string {
  switch (p.code) {
    case 'no-selection': return t('errorNoSelection');
    case 'empty': return t('errorEmptyPage');
    case 'too-large': return t('errorTooLarge', formatBytes(p.bytes), formatBytes(MAX_CLIP_BYTES));
  }
}
