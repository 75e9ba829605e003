/** Telling a PDF by its first bytes; apart from the reader so that a page can check a dropped file without pdf.js. */

/**
 * Whether the bytes are a PDF: they open with the `%PDF-` magic, after at most a byte-order mark or white space
 * (some servers prepend them). Text that merely mentions `%PDF-` further in is not a PDF.
 */
export function isPdf(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && i < 64 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d;
}
