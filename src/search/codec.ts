/**
 * The byte format of posting lists. Lists are stored as bytes, not as objects, because IndexedDB copies bytes
 * cheaply and a list of a hundred thousand objects would cost more to clone than to search.
 *
 * One entry per document, documents ascending:
 *   varint(doc - previous doc), byte(field mask), then for each field in the mask:
 *   varint(tf), varint(n positions), n × varint(position - previous position)
 * Positions are `ord * 2 + glued` (tokenize.ts). A field's positions may be fewer than its tf: a CJK character's
 * unigram counts every occurrence but records the positions of lone ones only.
 */

/** Field numbers, also the bit order of the field mask. */
export const FIELDS = ['title', 'body', 'byline', 'source'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

/** One document's occurrences of one term: per field `[tf, ...positions]`, or undefined when absent. */
export type FieldHits = (number[] | undefined)[];

export interface Posting {
  doc: number;
  hits: FieldHits;
}

/** A growable byte buffer. */
export class Writer {
  private buf = new Uint8Array(256);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.length));
    this.buf = b;
  }

  varint(v: number): void {
    this.room(5);
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }

  byte(v: number): void {
    this.room(1);
    this.buf[this.length++] = v;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** A copy of what was written. */
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * Appends entries to `w`; `prev` is the document before the first one (0 for a list that starts here).
 * @example const w = new Writer(); encodePostings(w, [{ doc: 3, hits: [[1, 0]] }], 0); decodePostings(w.done(), 0, true)
 */
export function encodePostings(w: Writer, postings: Posting[], prev: number): void {
  for (const p of postings) {
    w.varint(p.doc - prev);
    prev = p.doc;
    let mask = 0;
    for (let f = 0; f < FIELD_COUNT; f++) if (p.hits[f]) mask |= 1 << f;
    w.byte(mask);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const h = p.hits[f];
      if (!h) continue;
      w.varint(h[0]!);
      w.varint(h.length - 1);
      let last = 0;
      for (let k = 1; k < h.length; k++) {
        w.varint(h[k]! - last);
        last = h[k]!;
      }
    }
  }
}

/**
 * Reads a list written by {@link encodePostings}. With `positions` false, positions are skipped (cheaper) and
 * each field's hits hold the tf only.
 */
export function decodePostings(b: Uint8Array, prev: number, positions: boolean): Posting[] {
  const out: Posting[] = [];
  let i = 0;
  const read = (): number => {
    let v = 0, shift = 0, c: number;
    do {
      c = b[i++]!;
      v += (c & 0x7f) * 2 ** shift;
      shift += 7;
    } while (c & 0x80);
    return v;
  };
  while (i < b.length) {
    const doc = prev + read();
    prev = doc;
    const mask = b[i++]!;
    const hits: FieldHits = new Array(FIELD_COUNT);
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (!(mask & (1 << f))) continue;
      const tf = read(), n = read();
      if (!positions) {
        for (let k = 0; k < n; k++) while (b[i++]! & 0x80);
        hits[f] = [tf];
        continue;
      }
      const h = [tf];
      let last = 0;
      for (let k = 0; k < n; k++) h.push((last += read()));
      hits[f] = h;
    }
    out.push({ doc, hits });
  }
  return out;
}

/**
 * A 32-bit FNV-1a hash of a term: decides the bucket a term's postings live in.
 * @example termHash('长春') === termHash('长春')
 */
export function termHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
