import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PdfError } from './errors.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | null = null;

/**
 * pdf.js, loaded on first use: a CLI run on plain text never pays for it. pdf.js runs its parser in a worker of
 * its own unless it finds one on globalThis; Presscut already reads PDFs off the UI thread (the Engine worker,
 * or Node), so the parser runs in-thread, with no worker file to locate at run time (which would tie this
 * module to one platform's way of loading scripts).
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    const g = globalThis as { window?: unknown; pdfjsWorker?: unknown; postMessage?: unknown };
    // pdf.js's worker module starts serving as soon as it is loaded in a web worker (no `window`, a
    // `postMessage`): it would answer the Engine's own messages. A `window` while it loads keeps it quiet.
    const hide = typeof g.window === 'undefined' && typeof g.postMessage === 'function';
    if (hide) g.window = g;
    try {
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    } finally {
      if (hide) delete g.window;
    }
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/** Where pdf.js finds the files it ships beside its code. */
export interface PdfAssets {
  /**
   * The folder of pdfjs-dist's `cmaps/` (a URL in a browser or worker, a path in Node), ending in `/`. Chinese
   * PDFs set in fonts without a Unicode map (most e-paper PDFs) read as nothing without these CMaps.
   */
  cMapUrl?: string;
  /** The folder of pdfjs-dist's `standard_fonts/`, ending in `/`: the 14 standard fonts' metrics. */
  standardFontDataUrl?: string;
}

/**
 * pdf.js's loader of its CMaps and font metrics for URLs, with `fetch`. Its own browser loader reads
 * `document.baseURI`, which a web worker lacks: in the Engine worker every CMap failed to load and Chinese text
 * set in fonts without a Unicode map read as nothing. (Paths, in Node, keep pdf.js's file loader.)
 */
class FetchBinaryData {
  private readonly urls: Record<string, string | null>;
  constructor({ cMapUrl = null, standardFontDataUrl = null, wasmUrl = null }: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.urls = { cMapUrl, standardFontDataUrl, wasmUrl };
  }

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.urls[kind];
    if (!base) throw new Error(`Ensure that the \`${kind}\` API parameter is provided.`);
    const res = await fetch(base + filename);
    if (!res.ok) throw new Error(`Unable to load ${kind} data at: ${base + filename} (HTTP ${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  }
}

const isUrl = (s: string | undefined) => !!s && /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/**
 * Opens PDF bytes with pdf.js. Throws a {@link PdfError} for a file pdf.js cannot read ('invalid') or that needs
 * a password ('encrypted'). The bytes are copied: pdf.js takes ownership of the buffer it is given.
 */
export async function openPdf(bytes: Uint8Array, assets: PdfAssets = {}): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes), // a plain copy: pdf.js refuses Buffers and detaches what it is given
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    // Only text and positions are read: no fonts to install, no eval, no network, no console chatter.
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(isUrl(assets.cMapUrl) || isUrl(assets.standardFontDataUrl) ? { BinaryDataFactory: FetchBinaryData } : {}),
  } as Parameters<typeof getDocument>[0]);
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new PdfError('encrypted', 'the PDF is password-protected: open it in a viewer, save a copy without a password, and try again');
    throw new PdfError('invalid', `not a readable PDF (${e instanceof Error ? e.message : String(e)})`);
  }
}
