/**
 * The most text one clipping takes. A newspaper page is 10 to 50 KB; 5 MB is a few hundred pages at once.
 * Beyond that the clipping view and the edit tools would hold more text than anyone reads as one clipping, so
 * the UI and the tab clipper refuse it with a message instead of storing it.
 */
export const MAX_CLIP_BYTES = 5_000_000;

/** UTF-8 size of a text, without allocating its encoding. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) { n += 4; i++; }
    else n += 3;
  }
  return n;
}
