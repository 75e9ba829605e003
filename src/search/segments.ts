/**
 * Building segment rows: lists grouped by bucket, appended in document order (only each list's first document
 * number is re-encoded), dead documents dropped. The flush of the recent rows (in the write's transaction) and
 * the merges (merge.ts) both build rows this way.
 */
import { packBlock, unpackBlock } from './blocks.js';
import { appendList, termHash, Writer } from './codec.js';
import {
  bucketKey, CHUNK_BITS, CHUNK_SIZE, type ListBlock, type MetaRow, type RecentRow, type SearchTables, type SegmentRow, type StoredBlock, termsOf,
} from './tables.js';

/** Builds a block term by term (terms in sorted order); a term whose list comes out empty is left out. */
export class BlockBuilder {
  private terms: string[] = [];
  private offs = [0];
  private last: number[] = [];
  private w = new Writer();

  /** `write` appends the term's list and returns its last document. */
  add(term: string, write: (w: Writer) => number): void {
    const before = this.w.length;
    const last = write(this.w);
    if (this.w.length === before) return;
    this.terms.push(term);
    this.offs.push(this.w.length);
    this.last.push(last);
  }

  get size(): number {
    return this.terms.length;
  }

  done(): ListBlock {
    return { terms: this.terms.join('\n'), offs: Uint32Array.from(this.offs), last: Int32Array.from(this.last), data: this.w.done() };
  }
}

/**
 * Whether documents lo..hi are all alive, else a test of one document (from the norms rows of the range).
 * Documents never come back to life (an undone deletion is a new document), so a test read earlier stays safe.
 */
export async function aliveTest(t: SearchTables, lo: number, hi: number): Promise<((doc: number) => boolean) | undefined> {
  const chunks: number[] = [];
  for (let c = lo >> CHUNK_BITS; c <= hi >> CHUNK_BITS; c++) chunks.push(c);
  const rows = new Map((await t.norms.bulkGet(chunks)).flatMap((n) => (n ? [[n.chunk, n] as const] : [])));
  const alive = (d: number) => rows.get(d >> CHUNK_BITS)?.alive[d & (CHUNK_SIZE - 1)] === 1;
  for (let d = lo; d <= hi; d++) if (!alive(d)) return alive;
  return undefined;
}

/**
 * Collects blocks, added in document order, and writes their lists as the bucket rows of a segment. Each block's
 * terms are sorted, so a k-way merge of them yields every term once, in order, with its lists in document order:
 * appended in that order, each bucket's terms come out sorted with no map of terms and no sort.
 */
export class Grouper {
  private blocks: ListBlock[] = [];
  private terms: string[][] = [];

  /** Adds a stored row (recent or segment), documents after those of the rows added before. */
  add(row: StoredBlock & { lo: number }): void {
    this.blocks.push(unpackBlock(row));
    this.terms.push(termsOf(row));
  }

  /** The rows of segment `seg` at `level` (each term's lists concatenated, documents `keep` rejects dropped). */
  rows(level: number, seg: number, lo: number, hi: number, keep?: (doc: number) => boolean): SegmentRow[] {
    const buckets = new Map<number, BlockBuilder>();
    mergeSorted(this.terms, (term, n, at) => {
      const key = bucketKey(level, termHash(term));
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = new BlockBuilder()));
      b.add(term, (w) => {
        let prev = 0;
        for (let j = 0; j < n; j++) {
          const x = this.blocks[at[j * 2]!]!, i = at[j * 2 + 1]!;
          prev = appendList(w, x.data, x.offs[i]!, x.offs[i + 1]!, x.last[i]!, prev, keep);
        }
        return prev;
      });
    });
    const rows: SegmentRow[] = [];
    for (const [bucket, b] of buckets) if (b.size) rows.push({ bucket, seg, lo, hi, ...packBlock(b.done(), lo) });
    return rows;
  }
}

/**
 * Merges sorted term lists: calls `each(term, n, at)` for every distinct term in ascending order, where
 * `at[2j], at[2j + 1]` for j < n are the (list, index) pairs holding it, lists ascending. A binary heap
 * of the lists' heads, ties broken by list number.
 */
function mergeSorted(lists: string[][], each: (term: string, n: number, at: Int32Array) => void): void {
  const heap: number[] = [], pos = new Int32Array(lists.length);
  const less = (a: number, b: number) => {
    const x = lists[a]![pos[a]!]!, y = lists[b]![pos[b]!]!;
    return x < y || (x === y && a < b);
  };
  const down = (i: number) => {
    for (;;) {
      const l = i * 2 + 1, r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) return;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  lists.forEach((l, k) => { if (l.length) { heap.push(k); up(heap.length - 1); } });
  const at = new Int32Array(lists.length * 2);
  while (heap.length) {
    const term = lists[heap[0]!]![pos[heap[0]!]!]!;
    let n = 0;
    // Pop every head holding the term (in list order, by the tie-break), then put the lists back.
    while (heap.length && lists[heap[0]!]![pos[heap[0]!]!] === term) {
      const k = heap[0]!;
      at[n * 2] = k;
      at[n * 2 + 1] = pos[k]!;
      n++;
      const last = heap.pop()!;
      if (heap.length) { heap[0] = last; down(0); }
    }
    each(term, n, at);
    for (let j = 0; j < n; j++) {
      const k = at[j * 2]!;
      if (++pos[k]! < lists[k]!.length) { heap.push(k); up(heap.length - 1); }
    }
  }
}

/**
 * Flushes the recent rows into a new level-1 segment, in the caller's transaction: every recent row is read once,
 * its lists are appended to their bucket's row (only each list's first document number is re-encoded), dead
 * documents are dropped, and the recent rows are deleted. `last` is the write's own row, when the flush is due
 * with it: it goes into the segment without being stored and read back (about 1 MB for a 32-page batch).
 */
export async function flushRecent(t: SearchTables, meta: MetaRow, last?: RecentRow): Promise<void> {
  const rows = (await t.recent.toArray()).sort((a, b) => a.seq - b.seq);
  if (last) rows.push(last);
  meta.recentDocs = 0;
  meta.recentWrites = 0;
  if (!rows.length) return;
  const lo = rows[0]!.lo, hi = rows[rows.length - 1]!.hi;
  const g = new Grouper();
  for (const row of rows) g.add(row);
  const seg = meta.nextSeg++;
  await Promise.all([t.segments.bulkPut(g.rows(1, seg, lo, hi, await aliveTest(t, lo, hi))), t.recent.clear()]);
  meta.segments.push({ id: seg, level: 1, lo, hi, dead: 0 });
}
