/// <reference lib="webworker" />
/**
 * The Engine worker: pages (popup, side panel) and the offscreen document spawn it and talk to it through
 * comlink. All parsing and database writes happen here, off the UI thread. The sync half is used by the one
 * worker the background owns (see src/engine/sync-session.ts).
 */
import { expose } from 'comlink';
import { createEngine, openDatabase } from '../src/engine/engine.js';
import { createSyncSession } from '../src/engine/sync-session.js';
import { carryErrorCodes } from '../src/extension/error-wire.js';

type Reader = typeof import('../src/pdf/index.js');

// pdf.js is loaded on the first PDF (workers/pdf-reader.ts), with the CMaps and font metrics the package ships.
const pdf = {
  load: async (): Promise<Reader> => {
    const g = self as unknown as { presscutPdf?: Reader };
    if (!g.presscutPdf) importScripts('pdf-reader.js');
    return g.presscutPdf!;
  },
  assets: { cMapUrl: new URL('pdfjs/cmaps/', self.location.href).href, standardFontDataUrl: new URL('pdfjs/standard_fonts/', self.location.href).href },
};

carryErrorCodes();
const db = openDatabase();
// Index merges a bulk import leaves behind go on a step every 50 ms until done, so searches soon read few segments.
expose({ ...createEngine(db, Date.now, { pdf, idleMergeMs: 50 }), ...createSyncSession(db) });
