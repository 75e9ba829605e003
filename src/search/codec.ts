/**
 * The byte format of posting lists. Lists are stored as bytes, not as objects, because IndexedDB copies bytes
 * cheaply and a list of a hundred thousand objects would cost more to clone than to search.
 *
 * One entry per document, documents ascending: varint(doc - previous doc), then a header byte h and the hits.
 * - h < SHORT (the long form): h is the field mask; then for each field in it
 *   varint(tf), varint(n positions), n × varint(position - previous position).
 * - h ≥ SHORT (the short form, most entries): one field `h & 3` with n = (h >> 2) - 3 positions, 1 ≤ n ≤ 60, all
 *   of its occurrences (tf = n); then n × varint(position delta): two bytes fewer than the long form.
 * Positions are `ord * 2 + glued` (tokenize.ts). A field's positions may be fewer than its tf: a CJK character's
 * unigram counts every occurrence but records the positions of lone ones only.
 */

/** Field numbers, also the bit order of the field mask. */
export const FIELDS = ['title', 'body', 'byline', 'source'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

/** Header bytes from SHORT up are the short form of an entry (see above), of SHORT_MAX positions at most. */
const SHORT = 16;
const SHORT_MAX = 60;

/** The short header of `n` positions in field `f`, or -1 when the entry needs the long form. */
export function shortHeader(f: number, tf: number, n: number): number {
  return tf === n && n >= 1 && n <= SHORT_MAX ? ((n + 3) << 2) | f : -1;
}

/** The number of positions (and occurrences) of a short entry. */
const shortCount = (h: number) => (h >> 2) - 3;

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

  // Callers test for room themselves and call this only to grow: it runs for every byte of every posting, and
  // a call per byte was a twentieth of bulk ingest's CPU.
  private grow(n: number): void {
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.length));
    this.buf = b;
  }

  varint(v: number): void {
    if (this.length + 5 > this.buf.length) this.grow(5);
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }

  byte(v: number): void {
    if (this.length === this.buf.length) this.grow(1);
    this.buf[this.length++] = v;
  }

  bytes(b: Uint8Array): void {
    if (this.length + b.length > this.buf.length) this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Appends `b[start, end)` (short runs byte by byte: a subarray view costs more than a few bytes). */
  copy(b: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (this.length + n > this.buf.length) this.grow(n);
    if (n > 32) this.buf.set(b.subarray(start, end), this.length);
    else for (let k = 0; k < n; k++) this.buf[this.length + k] = b[start + k]!;
    this.length += n;
  }

  /** A copy of what was written. */
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * Reads a list in the format above (PostingsBuilder writes them), its first document number relative to `prev`.
 * With `positions` false, positions are skipped (cheaper) and each field's hits hold the tf only.
 */
export function decodePostings(b: Uint8Array, prev: number, positions: boolean): Posting[] {
  const out: Posting[] = [];
  const c = new Cursor(b, 0);
  while (c.i < b.length) {
    const doc = prev + c.varint();
    prev = doc;
    out.push({ doc, hits: decodeHits(c, positions) });
  }
  return out;
}

/** Reads one entry's field mask and hits, the cursor on its mask byte. */
export function decodeHits(c: Cursor, positions: boolean): FieldHits {
  const mask = c.b[c.i++]!;
  const hits: FieldHits = new Array(FIELD_COUNT);
  if (mask >= SHORT) {
    const n = shortCount(mask), h = [n];
    if (!positions) c.skip(n);
    else for (let k = 0, last = 0; k < n; k++) h.push((last += c.varint()));
    hits[mask & 3] = h;
    return hits;
  }
  for (let f = 0; f < FIELD_COUNT; f++) {
    if (!(mask & (1 << f))) continue;
    const tf = c.varint(), n = c.varint();
    if (!positions) {
      c.skip(n);
      hits[f] = [tf];
      continue;
    }
    const h = [tf];
    let last = 0;
    for (let k = 0; k < n; k++) h.push((last += c.varint()));
    hits[f] = h;
  }
  return hits;
}

/**
 * A term's postings as document numbers and field masks, with each entry's hits decoded only when asked for:
 * a query intersects the lists first and decodes positions for the few documents left.
 */
export class PostingList {
  readonly docs: number[] = [];
  readonly masks: number[] = [];
  private readonly src: Uint8Array[] = [];
  private readonly at: number[] = [];

  /** Adds the entries of list `b[start, end)` (written from document 0) that `keep` accepts; call in document order. */
  add(b: Uint8Array, start: number, end: number, keep: (doc: number) => boolean): void {
    const c = new Cursor(b, start);
    let doc = 0;
    while (c.i < end) {
      doc += c.varint();
      const at = c.i, mask = skipHits(c);
      if (!keep(doc)) continue;
      this.docs.push(doc);
      this.masks.push(mask);
      this.src.push(b);
      this.at.push(at);
    }
  }

  get length(): number {
    return this.docs.length;
  }

  /**
   * The positions of entry k in field `f`, written to `out.a` (replaced by a larger array when it is too small);
   * returns how many, -1 when the field does not hold the term. No objects: phrases check thousands of entries.
   */
  positionsInto(k: number, f: number, out: { a: Int32Array }): number {
    if (!(this.masks[k]! & (1 << f))) return -1;
    const b = this.src[k]!, h = b[this.at[k]!]!;
    const c = new Cursor(b, this.at[k]! + 1);
    let n: number;
    if (h >= SHORT) n = shortCount(h);
    else {
      for (let g = 0; g < f; g++) {
        if (!(h & (1 << g))) continue;
        c.varint();
        c.skip(c.varint());
      }
      c.varint();
      n = c.varint();
    }
    if (out.a.length < n) out.a = new Int32Array(Math.max(n, out.a.length * 2));
    let last = 0;
    for (let i = 0; i < n; i++) out.a[i] = last += c.varint();
    return n;
  }

  /** The hits of entry k (term frequencies only without `positions`). */
  hits(k: number, positions: boolean): FieldHits {
    return decodeHits(new Cursor(this.src[k]!, this.at[k]!), positions);
  }
}

/** Moves the cursor, on an entry's header, past its hits; returns the entry's field mask. */
function skipHits(c: Cursor): number {
  const h = c.b[c.i++]!;
  if (h >= SHORT) {
    c.skip(shortCount(h));
    return 1 << (h & 3);
  }
  for (let f = 0; f < FIELD_COUNT; f++) {
    if (!(h & (1 << f))) continue;
    c.varint();
    c.skip(c.varint());
  }
  return h;
}

/** Reads varints from bytes, from position `i` on. */
export class Cursor {
  constructor(readonly b: Uint8Array, public i: number) {}

  varint(): number {
    let v = 0, shift = 0, c: number;
    do {
      c = this.b[this.i++]!;
      v += (c & 0x7f) * 2 ** shift;
      shift += 7;
    } while (c & 0x80);
    return v;
  }

  /** Skips n varints. */
  skip(n: number): void {
    for (; n > 0; n--) while (this.b[this.i++]! & 0x80);
  }
}

/**
 * Appends the list `b[start, end)`, written from document 0 (`last` its last document), to `w` after
 * document `prev`, keeping only the documents `keep` accepts (all when it is absent: then only the first
 * document number is re-encoded). Returns the last document written, `prev` when none was.
 * @example const w = new Writer(); appendList(w, list, 0, list.length, 40, 12) // its documents now follow document 12
 */
export function appendList(w: Writer, b: Uint8Array, start: number, end: number, last: number, prev: number, keep?: (doc: number) => boolean): number {
  if (start >= end) return prev;
  const c = new Cursor(b, start);
  if (!keep) {
    w.varint(c.varint() - prev);
    w.copy(b, c.i, end);
    return last;
  }
  let doc = 0;
  while (c.i < end) {
    doc += c.varint();
    const from = c.i;
    skipHits(c);
    if (!keep(doc)) continue;
    w.varint(doc - prev);
    w.copy(b, from, c.i);
    prev = doc;
  }
  return prev;
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
