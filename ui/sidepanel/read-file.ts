import { formatBytes, t } from '../../src/extension/i18n.js';
import { MAX_PDF_BYTES } from '../../src/engine/pdf-ingest.js';
import { MAX_CLIP_BYTES } from '../../src/extract/limits.js';
import { isPdf } from '../../src/pdf/magic.js';

export type FileText = { ok: true; text: string } | { ok: false; message: string };
/** A dropped file: text to segment, a PDF for the engine to read, or why neither. */
export type DroppedFile = FileText | { ok: true; pdf: Uint8Array };

/** Share of undecodable characters above which a file is taken to be in another encoding or not text at all. */
const BAD_SHARE = 0.01;

/**
 * A dropped file's text, or its bytes when it is a PDF (told by its `%PDF-` start), or why it cannot be clipped;
 * a file over the size limit is not even read (PDFs, mostly pictures and fonts, may be bigger than text).
 */
export async function readDroppedFile(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<DroppedFile> {
  const named = /\.pdf$/i.test(file.name);
  const limit = named ? MAX_PDF_BYTES : MAX_CLIP_BYTES;
  if (file.size > limit) return { ok: false, message: t('errorTooLarge', formatBytes(file.size), formatBytes(limit)) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isPdf(bytes)) return { ok: true, pdf: bytes };
  if (bytes.length > MAX_CLIP_BYTES) return { ok: false, message: t('errorTooLarge', formatBytes(bytes.length), formatBytes(MAX_CLIP_BYTES)) };
  return decodeTextFile(file.name, bytes);
}

/**
 * A file's bytes as text, or a message saying why they cannot be clipped: binary, empty. UTF-8 first; Chinese text
 * files saved by older Windows tools are GB 18030, tried when UTF-8 does not fit.
 */
export function decodeTextFile(name: string, bytes: Uint8Array): FileText {
  if (bytes.includes(0)) return { ok: false, message: t('errorBinaryFile', name) };
  let text = new TextDecoder('utf-8').decode(bytes);
  if (badShare(text) > BAD_SHARE) {
    const gb = new TextDecoder('gb18030').decode(bytes);
    if (badShare(gb) > BAD_SHARE) return { ok: false, message: t('errorBinaryFile', name) };
    text = gb;
  }
  if (!text.trim()) return { ok: false, message: t('errorEmptyFile', name) };
  return { ok: true, text };
}

function badShare(text: string): number {
  let bad = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) bad++;
  return text.length ? bad / text.length : 0;
}
