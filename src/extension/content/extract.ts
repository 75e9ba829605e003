/**
 * Injected into a tab only when the user clips it. Defines the extractor in the extension's isolated world; the
 * background then calls it with the mode the user asked for.
 */
import { extractClip, type ClipMode, type ExtractResult } from '../../extract/index.js';

globalThis.presscutExtract = (mode: ClipMode): ExtractResult => extractClip(document, mode, String(getSelection() ?? ''));
