import { formatBytes, t } from '../../src/extension/i18n.js';
import { MAX_CLIP_BYTES } from '../../src/extract/limits.js';

export type FileText = { ok: true; text: string } | { ok: false; message: string };

/** Share of undecodable characters above which a file is taken to be in another encoding or not text at all. */
const BAD_SHARE = 0.01;

/** The text of a dropped file, or why it cannot be clipped; a file over the size limit is not even read. */
export async function readTextFile(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<FileText> {
  if (file.size > MAX_CLIP_BYTES) return { ok: false, message: t('errorTooLarge', formatBytes(file.size), formatBytes(MAX_CLIP_BYTES)) };
  return decodeTextFile(file.name, new Uint8Array(await file.arrayBuffer()));
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
