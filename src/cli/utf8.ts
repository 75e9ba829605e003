/** What a non-fatal TextDecoder replaced in a byte string that is not valid UTF-8. */
export interface Utf8Damage {
  /** How many input bytes were replaced by U+FFFD (several bytes of one broken sequence become one U+FFFD). */
  bytes: number;
  /** Byte offset of the first replaced byte. */
  firstByte: number;
  /** UTF-16 offset of the first U+FFFD in the decoded text, so a warning can carry a span into that text. */
  firstChar: number;
}

/**
 * Finds the bytes that `new TextDecoder().decode(bytes)` replaces with U+FFFD, following the WHATWG decoder's
 * "maximal subpart" rule, or returns null when the bytes are valid UTF-8. Linear, one pass.
 */
export function findInvalidUtf8(bytes: Uint8Array): Utf8Damage | null {
  let bad = 0;
  let firstByte = -1;
  let firstChar = -1;
  // TextDecoder drops a leading byte order mark, so decoded offsets run one unit behind.
  let unit = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? -1 : 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      unit++;
      continue;
    }
    // The ranges allowed for the second byte exclude overlong forms, surrogates and code points past U+10FFFF.
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    }
    let len = 1;
    let ok = need > 0;
    while (ok && len <= need) {
      const c = bytes[i + len];
      if (c === undefined || c < lo || c > hi) ok = false;
      else {
        len++;
        lo = 0x80;
        hi = 0xbf;
      }
    }
    if (!ok) {
      if (firstByte < 0) {
        firstByte = i;
        firstChar = unit;
      }
      bad += len;
    }
    // A 4-byte sequence decodes to a surrogate pair; a broken one (however long) to a single U+FFFD.
    unit += ok && need === 3 ? 2 : 1;
    // The byte that broke a sequence is not consumed: it may start the next one.
    i += len;
  }
  return bad === 0 ? null : { bytes: bad, firstByte, firstChar };
}
