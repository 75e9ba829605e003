/**
 * Builds the block of posting lists of a write's new documents (its recent row, see tables.ts) in the byte format
 * of codec.ts, without an object per posting: each document's term occurrences are packed into numbers and
 * sorted, each (term, document) entry is encoded once into one buffer, and the entries are then gathered term by
 * term. Indexing is most of what ingest costs, and objects per posting made most of that garbage.
 */
import { shortHeader, Writer } from './codec.js';
import type { ListBlock } from './tables.js';
import { type TermKey, termOccurrences, termString } from './tokenize.js';

/**
 * An occurrence is packed as `(term * 4 + field) * POS_SPAN + position`, so that a plain numeric sort orders a
 * document's occurrences by term, field, then position, with the counted-only ones (position COUNTED) last.
 */
const POS_SPAN = 2 ** 27;
const COUNTED = POS_SPAN - 1;
const MAX_TERMS = 2 ** 24;

/**
 * @example
 * const b = new PostingsBuilder();
 * b.add(7, ['长春', '长春市汽车', '', '吉林日报']); // field lengths [1, 4, 0, 3]
 * const { terms, offs, data } = b.done(); // every term once, sorted; list i is data[offs[i], offs[i + 1])
 */
export class PostingsBuilder {
  private stringIds = new Map<string, number>();
  private numberIds = new IntMap();
  private keys: TermKey[] = [];
  private occ = new Float64Array(4096);
  private nOcc = 0;
  /**
   * Entries, in document order, three numbers each: term, document, and the end of the entry's bytes (what follows
   * the document number) in `bytes`.
   */
  private ent = new Int32Array(3 * 1024);
  private nEnt = 0;
  private bytes = new Writer();

  private id(k: TermKey): number {
    if (typeof k === 'number') {
      const id = this.numberIds.get(k);
      return id >= 0 ? id : this.numberIds.set(k, this.newId(k));
    }
    let id = this.stringIds.get(k);
    if (id === undefined) this.stringIds.set(k, (id = this.newId(k)));
    return id;
  }

  private newId(k: TermKey): number {
    const id = this.keys.push(k) - 1;
    if (id >= MAX_TERMS) throw new RangeError(`one write holds more than ${MAX_TERMS} distinct terms: write fewer articles at a time`);
    return id;
  }

  /**
   * Adds document `doc` (greater than every document added before) with its normalised field texts, in FIELDS
   * order. Returns the fields' lengths in tokens.
   */
  add(doc: number, fields: readonly string[]): number[] {
    this.nOcc = 0;
    const lengths = fields.map((text, f) => {
      const length = termOccurrences(text, (k, pos) => {
        if (this.nOcc === this.occ.length) {
          const b = new Float64Array(this.occ.length * 2);
          b.set(this.occ);
          this.occ = b;
        }
        this.occ[this.nOcc++] = (this.id(k) * 4 + f) * POS_SPAN + (pos < 0 ? COUNTED : pos);
      });
      if (length * 2 >= COUNTED) throw new RangeError(`a field of ${length} tokens is too long to index (at most ${COUNTED >> 1})`);
      return length;
    });
    const occ = this.occ.subarray(0, this.nOcc).sort();
    if ((this.nEnt + occ.length) * 3 > this.ent.length) {
      const b = new Int32Array(Math.max(this.ent.length * 2, (this.nEnt + occ.length) * 3));
      b.set(this.ent);
      this.ent = b;
    }
    const w = this.bytes, ent = this.ent;
    // One entry per term: its header (codec.ts: short when one field holds it and every occurrence is placed),
    // then per field tf, the number of positions and their deltas (the short form has the deltas only).
    for (let i = 0; i < occ.length;) {
      const term = Math.floor(occ[i]! / (POS_SPAN * 4));
      let end = i;
      let mask = 0;
      while (end < occ.length && Math.floor(occ[end]! / (POS_SPAN * 4)) === term) {
        mask |= 1 << (Math.floor(occ[end]! / POS_SPAN) & 3);
        end++;
      }
      const first = Math.floor(occ[i]! / POS_SPAN) & 3;
      const short = mask === 1 << first && occ[end - 1]! % POS_SPAN !== COUNTED ? shortHeader(first, end - i, end - i) : -1;
      w.byte(short >= 0 ? short : mask);
      for (let j = i; j < end;) {
        const field = Math.floor(occ[j]! / POS_SPAN);
        let k = j, placed = 0;
        while (k < end && Math.floor(occ[k]! / POS_SPAN) === field) {
          if (occ[k]! % POS_SPAN !== COUNTED) placed++;
          k++;
        }
        if (short < 0) {
          w.varint(k - j);
          w.varint(placed);
        }
        let last = 0;
        for (let p = j; p < j + placed; p++) {
          const pos = occ[p]! % POS_SPAN;
          w.varint(pos - last);
          last = pos;
        }
        j = k;
      }
      const e = this.nEnt++ * 3;
      ent[e] = term;
      ent[e + 1] = doc;
      ent[e + 2] = w.length;
      i = end;
    }
    return lengths;
  }

  /** Whether no term was added. */
  get empty(): boolean {
    return this.nEnt === 0;
  }

  /** The block: terms sorted, each list written from document 0. */
  done(): ListBlock {
    const terms = this.keys.map(termString);
    const order = sortedOrder(terms);
    const rank = new Int32Array(terms.length);
    for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
    // A counting sort of the entries by the rank of their term keeps each term's entries in document order.
    const n = this.nEnt, ent = this.ent;
    const start = new Int32Array(terms.length + 1);
    for (let e = 0; e < n; e++) start[rank[ent[e * 3]!]! + 1]!++;
    for (let r = 0; r < terms.length; r++) start[r + 1]! += start[r]!;
    const sorted = new Int32Array(n), fill = start.slice(0, terms.length);
    for (let e = 0; e < n; e++) sorted[fill[rank[ent[e * 3]!]!]!++] = e;
    const src = this.bytes.done(), out = new Writer();
    const offs = new Uint32Array(terms.length + 1), last = new Int32Array(terms.length);
    for (let r = 0; r < terms.length; r++) {
      let prev = 0;
      for (let s = start[r]!; s < start[r + 1]!; s++) {
        const e = sorted[s]!, doc = ent[e * 3 + 1]!;
        out.varint(doc - prev);
        prev = doc;
        out.copy(src, e ? ent[e * 3 - 1]! : 0, ent[e * 3 + 2]!);
      }
      offs[r + 1] = out.length;
      last[r] = prev;
    }
    return { terms: Array.from(order, (id) => terms[id]!).join('\n'), offs, last, data: out.done() };
  }
}

/**
 * A map from non-negative 31-bit integers (the numeric term keys) to non-negative integers, open addressing over
 * typed arrays: the lookup runs for every term occurrence of every article, and a Map's took an eighth of the
 * time of building postings.
 */
class IntMap {
  private keys = new Int32Array(1 << 12).fill(-1);
  private vals = new Int32Array(1 << 12);
  private size = 0;
  /** Fibonacci hashing: the product's top bits, as many as the table has slots. */
  private shift = 32 - 12;

  /** The value of `k`, or -1. */
  get(k: number): number {
    const mask = this.keys.length - 1;
    for (let i = this.home(k); ; i = (i + 1) & mask) {
      const x = this.keys[i]!;
      if (x === k) return this.vals[i]!;
      if (x < 0) return -1;
    }
  }

  /** Sets `k` (absent) to `v`; returns `v`. */
  set(k: number, v: number): number {
    if (++this.size * 2 > this.keys.length) this.rehash();
    this.place(k, v);
    return v;
  }

  private home(k: number): number {
    return Math.imul(k, 0x9e3779b1) >>> this.shift;
  }

  private place(k: number, v: number): void {
    const mask = this.keys.length - 1;
    let i = this.home(k);
    while (this.keys[i]! >= 0) i = (i + 1) & mask;
    this.keys[i] = k;
    this.vals[i] = v;
  }

  private rehash(): void {
    const { keys, vals } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.vals = new Int32Array(keys.length * 2);
    this.shift--;
    keys.forEach((k, j) => { if (k >= 0) this.place(k, vals[j]!); });
  }
}

const ID_SPAN = 2 ** 20; // (0xffff * 65537 + 65536) * ID_SPAN stays below 2^53

/**
 * The indices of `terms` (distinct) in the order of the strings. Most terms are one or two UTF-16 units (CJK
 * bigrams and characters): they are packed with their index into numbers whose order is the strings' and sorted
 * natively, five times faster than a comparator; the longer ones are sorted apart and the two runs merged.
 */
export function sortedOrder(terms: string[]): Int32Array {
  const out = new Int32Array(terms.length);
  if (terms.length >= ID_SPAN) {
    out.set(Array.from(out, (_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1)));
    return out;
  }
  const short = new Float64Array(terms.length), long: number[] = [];
  let ns = 0;
  terms.forEach((t, i) => {
    // A one-unit term sorts before the two-unit terms it begins: its second place is 0, theirs the unit + 1.
    if (t.length === 1 || t.length === 2) short[ns++] = (t.charCodeAt(0) * 65537 + (t.length > 1 ? t.charCodeAt(1) + 1 : 0)) * ID_SPAN + i;
    else long.push(i);
  });
  const sorted = short.subarray(0, ns).sort();
  long.sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
  for (let i = 0, j = 0, n = 0; n < out.length;) {
    const s = i < ns ? sorted[i]! % ID_SPAN : -1;
    if (j >= long.length || (s >= 0 && terms[s]! < terms[long[j]!]!)) {
      out[n++] = s;
      i++;
    } else out[n++] = long[j++]!;
  }
  return out;
}
