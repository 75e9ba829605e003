/**
 * "Clip page" on a tab showing a PDF (Chrome's viewer, Firefox's pdf.js viewer): the PDF's bytes go to the engine,
 * which reads each page with its layout (Engine.ingestPdf).
 *
 * Getting the bytes with no host permission: activeTab lets the extension inject into the tab the user pointed
 * at, and Chromium injects into a PDF viewer tab's top document (the viewer itself is the PDF extension's frame
 * inside it), whose `document.contentType` is `application/pdf`. A script there fetches the PDF from its own
 * origin, with the page's cookies (e-paper sites that need a login keep working), usually from the HTTP cache.
 * Where the tab refuses scripts or cannot fetch, the background fetches the URL itself (it can when the host is
 * granted): so for a file:// PDF, whose own tab cannot fetch it, when the user allowed access to file URLs. The
 * error otherwise tells the user to drop the file on the side panel.
 */
import type { PdfIngestResult } from '../../engine/types.js';
import { browser } from '../browser.js';
import { fromBase64 } from '../bytes.js';
import { formatBytes, t } from '../i18n.js';

/** The biggest PDF taken from a tab: its bytes cross two messages as base64 (Chrome caps a message at 64 MB). */
export const MAX_TAB_PDF_BYTES = 40 * 1024 * 1024;

/** Whether the URL names a PDF by its path (`…/2026-09-21/01.pdf`, `file:///home/me/page.pdf`). */
export function isPdfUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Whether the tab shows a PDF: its URL says so, or its document's content type does. */
export async function showsPdf(tabId: number, url: string | undefined): Promise<boolean> {
  if (isPdfUrl(url)) return true;
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.contentType });
    return frame?.result === 'application/pdf';
  } catch {
    return false; // a tab that refuses scripts is left to the page clipper, which says so
  }
}

/** The PDF the tab shows, as bytes. Throws a message for the user when neither way can read it. */
export async function fetchTabPdf(tabId: number, url: string): Promise<Uint8Array> {
  const inTab = await fetchInTab(tabId);
  if ('b64' in inTab) return fromBase64(inTab.b64);
  if ('size' in inTab) throw new Error(t('errorPdfTooLarge', formatBytes(inTab.size), formatBytes(MAX_TAB_PDF_BYTES)));
  let bytes: Uint8Array;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new Error(t('errorCannotFetchPdf', `${inTab.error}; ${(e as Error).message}`));
  }
  if (bytes.length > MAX_TAB_PDF_BYTES) throw new Error(t('errorPdfTooLarge', formatBytes(bytes.length), formatBytes(MAX_TAB_PDF_BYTES)));
  return bytes;
}

type InTab = { b64: string } | { size: number } | { error: string };

/** Fetches the PDF from inside the tab (its origin, its cookies); base64, because script results are JSON (the
 * injected function is self-contained: it cannot import bytes.ts). */
async function fetchInTab(tabId: number): Promise<InTab> {
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: async (max: number): Promise<InTab> => {
        const res = await fetch(location.href);
        if (!res.ok) return { error: `HTTP ${res.status}` };
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (bytes.length > max) return { size: bytes.length };
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return { b64: btoa(s) };
      },
      args: [MAX_TAB_PDF_BYTES],
    });
    return (frame?.result as InTab | undefined) ?? { error: 'no result' };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Sums a PDF's pages into what a tab clip reports (the badge counts all its articles). */
export function pdfOutcome(r: PdfIngestResult) {
  const first = r.pages[0]!;
  return {
    clippingId: first.clippingId, created: r.pages.some((p) => p.created), articleIds: r.pages.flatMap((p) => p.articleIds),
    parseError: r.pages.find((p) => p.parseError)?.parseError ?? null, warnings: r.pages.flatMap((p) => p.warnings),
  };
}

