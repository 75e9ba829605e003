/// <reference lib="webworker" />
/**
 * The PDF reader (src/pdf with pdf.js) as a classic script the engine worker loads with `importScripts` when a
 * PDF comes, so that opening the popup or the side panel never pays for pdf.js. It defines one global.
 */
import * as reader from '../src/pdf/index.js';

(self as unknown as { presscutPdf: typeof reader }).presscutPdf = reader;
