/**
 * A synchronous 128-bit content hash (four multiply-xorshift lanes over UTF-16 code units), as 32 hex digits.
 * Synchronous on purpose: ids are computed inside IndexedDB transactions, which an `await` on WebCrypto would
 * commit early. Identity, not security: nothing here defends against crafted collisions.
 * @example contentHash('本报讯') === contentHash('本报讯')
 */
export function contentHash(s: string): string {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ s.length, h3 = 0x9e3779b9, h4 = 0x85ebca6b;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0xcc9e2d51);
    h4 = Math.imul(h4 ^ c, 0x1b873593);
    h1 ^= h4 >>> 15; h2 ^= h1 >>> 13; h3 ^= h2 >>> 16; h4 ^= h3 >>> 13;
  }
  const fin = (h: number, k: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b ^ k);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
  };
  return fin(h1, h3) + fin(h2, h4) + fin(h3, h1) + fin(h4, h2);
}

/** The text a clipping's identity is computed from: line endings and trailing white space do not count. */
export function normaliseForId(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[ \t\u3000]+$/gm, '').trim();
}
