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

/** A growable Int32Array. */
class Ints {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

/**
 * @example
 * const b = new PostingsBuilder();
 * b.add(7, ['长春', '长春市汽车', '', '吉林日报']); // field lengths [1, 4, 0, 3]
 * const { terms, offs, data } = b.done(); // every term once, sorted; list i is data[offs[i], offs[i + 1])
 */
export class PostingsBuilder {
  private stringIds = new Map<string, number>();
  private numberIds = new Map<number, number>();
  private keys: TermKey[] = [];
  private occ = new Float64Array(4096);
  private nOcc = 0;
  /** Entries, in document order: term, document, and the bytes after the document number in `bytes`. */
  private entTerm = new Ints();
  private entDoc = new Ints();
  private entEnd = new Ints();
  private bytes = new Writer();

  private id(k: TermKey): number {
    const ids = typeof k === 'number' ? this.numberIds : this.stringIds;
    let id = (ids as Map<TermKey, number>).get(k);
    if (id === undefined) {
      id = this.keys.push(k) - 1;
      if (id >= MAX_TERMS) throw new RangeError(`one write holds more than ${MAX_TERMS} distinct terms: write fewer articles at a time`);
      (ids as Map<TermKey, number>).set(k, id);
    }
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
    const w = this.bytes;
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
      this.entTerm.push(term);
      this.entDoc.push(doc);
      this.entEnd.push(w.length);
      i = end;
    }
    return lengths;
  }

  /** Whether no term was added. */
  get empty(): boolean {
    return this.entTerm.n === 0;
  }

  /** The block: terms sorted, each list written from document 0. */
  done(): ListBlock {
    const terms = this.keys.map(termString);
    const order = sortedOrder(terms);
    const rank = new Int32Array(terms.length);
    for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
    // A counting sort of the entries by the rank of their term keeps each term's entries in document order.
    const n = this.entTerm.n, et = this.entTerm.a, ed = this.entDoc.a, ee = this.entEnd.a;
    const start = new Int32Array(terms.length + 1);
    for (let e = 0; e < n; e++) start[rank[et[e]!]! + 1]!++;
    for (let r = 0; r < terms.length; r++) start[r + 1]! += start[r]!;
    const sorted = new Int32Array(n), fill = start.slice(0, terms.length);
    for (let e = 0; e < n; e++) sorted[fill[rank[et[e]!]!]!++] = e;
    const src = this.bytes.done(), out = new Writer();
    const offs = new Uint32Array(terms.length + 1), last = new Int32Array(terms.length);
    for (let r = 0; r < terms.length; r++) {
      let prev = 0;
      for (let s = start[r]!; s < start[r + 1]!; s++) {
        const e = sorted[s]!;
        out.varint(ed[e]! - prev);
        prev = ed[e]!;
        out.copy(src, e ? ee[e - 1]! : 0, ee[e]!);
      }
      offs[r + 1] = out.length;
      last[r] = prev;
    }
    return { terms: Array.from(order, (id) => terms[id]!).join('\n'), offs, last, data: out.done() };
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
