/**
 * Building segment rows: lists grouped by bucket, appended in document order (only each list's first document
 * number is re-encoded), dead documents dropped. The flush of the recent rows (in the write's transaction) and
 * the merges (merge.ts) both build rows this way.
 */
import { appendList, termHash, Writer } from './codec.js';
import { bucketKey, CHUNK_BITS, CHUNK_SIZE, type ListBlock, type MetaRow, type SearchTables, type SegmentRow, termsOf } from './tables.js';

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
 * Collects blocks' lists by term, blocks added in document order, then writes them as bucket rows. Lists are
 * referred to by (block, index) pairs, not copied: a flush or merge handles hundreds of thousands of them.
 */
export class Grouper {
  private blocks: ListBlock[] = [];
  private byTerm = new Map<string, number[]>();

  add(b: ListBlock): void {
    const k = this.blocks.push(b) - 1;
    const terms = termsOf(b);
    for (let i = 0; i < terms.length; i++) {
      const l = this.byTerm.get(terms[i]!);
      if (l) l.push(k, i);
      else this.byTerm.set(terms[i]!, [k, i]);
    }
  }

  /** The rows of segment `seg` at `level` (each term's lists concatenated, documents `keep` rejects dropped). */
  rows(level: number, seg: number, lo: number, hi: number, keep?: (doc: number) => boolean): SegmentRow[] {
    const buckets = new Map<number, string[]>();
    for (const term of this.byTerm.keys()) {
      const key = bucketKey(level, termHash(term));
      const l = buckets.get(key);
      if (l) l.push(term);
      else buckets.set(key, [term]);
    }
    const rows: SegmentRow[] = [];
    for (const [bucket, terms] of buckets) {
      const b = new BlockBuilder();
      for (const term of terms.sort()) {
        const pairs = this.byTerm.get(term)!;
        b.add(term, (w) => {
          let prev = 0;
          for (let j = 0; j < pairs.length; j += 2) {
            const x = this.blocks[pairs[j]!]!, i = pairs[j + 1]!;
            prev = appendList(w, x.data, x.offs[i]!, x.offs[i + 1]!, x.last[i]!, prev, keep);
          }
          return prev;
        });
      }
      if (b.size) rows.push({ bucket, seg, lo, hi, ...b.done() });
    }
    return rows;
  }
}

/**
 * Flushes the recent rows into a new level-1 segment, in the caller's transaction: every recent row is read once,
 * its lists are appended to their bucket's row (only each list's first document number is re-encoded), dead
 * documents are dropped, and the recent rows are deleted.
 */
export async function flushRecent(t: SearchTables, meta: MetaRow): Promise<void> {
  const rows = (await t.recent.toArray()).sort((a, b) => a.seq - b.seq);
  meta.recentDocs = 0;
  meta.recentWrites = 0;
  if (!rows.length) return;
  const lo = rows[0]!.lo, hi = rows[rows.length - 1]!.hi;
  const g = new Grouper();
  for (const row of rows) g.add(row);
  const seg = meta.nextSeg++;
  await t.segments.bulkPut(g.rows(1, seg, lo, hi, await aliveTest(t, lo, hi)));
  await t.recent.clear();
  meta.segments.push({ id: seg, level: 1, lo, hi, dead: 0 });
}
