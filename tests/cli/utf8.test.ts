import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInvalidUtf8 } from '../../src/cli/utf8.js';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('findInvalidUtf8', () => {
  it.each([
    ['valid CJK and emoji', [0xe4, 0xb8, 0xad, 0xf0, 0x9f, 0x93, 0xb0], null],
    ['lone continuation byte', [0x41, 0x80, 0x42], { bytes: 1, firstByte: 1, firstChar: 1 }],
    ['truncated 3-byte sequence at the end', [0x41, 0xe4, 0xb8], { bytes: 2, firstByte: 1, firstChar: 1 }],
    ['overlong encoding of NUL', [0xc0, 0x80], { bytes: 2, firstByte: 0, firstChar: 0 }],
    ['UTF-16 surrogate', [0xed, 0xa0, 0x80], { bytes: 3, firstByte: 0, firstChar: 0 }],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], { bytes: 4, firstByte: 0, firstChar: 0 }],
    ['after an emoji (surrogate pair)', [0xf0, 0x9f, 0x93, 0xb0, 0xff], { bytes: 1, firstByte: 4, firstChar: 2 }],
    ['after a byte order mark', [0xef, 0xbb, 0xbf, 0x41, 0xff], { bytes: 1, firstByte: 4, firstChar: 1 }],
  ])('%s', (_name, bytes, expected) => {
    expect(findInvalidUtf8(Uint8Array.from(bytes))).toEqual(expected);
  });

  // Bytes that sit on the edges of the UTF-8 ranges, so random strings hit every rule.
  const edgy = fc.constantFrom(0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe4,
    0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
  const bytes = fc.array(fc.oneof(edgy, fc.integer({ min: 0, max: 255 })), { maxLength: 40 }).map((a) => Uint8Array.from(a));

  it('agrees with TextDecoder on random bytes', () => {
    fc.assert(fc.property(bytes, (b) => {
      const text = decode(b);
      // A genuine U+FFFD in the input would be indistinguishable from a replacement in the decoded text.
      fc.pre(!Buffer.from(b).includes(Buffer.from([0xef, 0xbf, 0xbd])));
      const damage = findInvalidUtf8(b);
      expect(damage === null).toBe(isUtf8(b));
      if (!damage) return;
      expect(text[damage.firstChar]).toBe('\uFFFD');
      expect(decode(b.subarray(0, damage.firstByte)).includes('\uFFFD')).toBe(false);
      // Every byte not replaced re-encodes to itself; a decoder-dropped BOM accounts for 3 more.
      const replacements = text.split('\uFFFD').length - 1;
      const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
      const kept = Buffer.byteLength(text, 'utf8') - 3 * replacements + bom;
      expect(damage.bytes).toBe(b.length - kept);
    }), { numRuns: 2000 });
  });
});
