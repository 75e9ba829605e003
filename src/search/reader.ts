/**
 * Reads the index for queries: posting lists of a term (main rows, then the tail), and per document norms
 * (field lengths, day, alive) cached in memory until a write bumps the index generation.
 */
import type { Dexie } from 'dexie';
import { decodePostings, FIELD_COUNT, type Posting, termHash } from './codec.js';
import {
  CHUNK_BITS, CHUNK_SIZE, emptyMeta, findTerm, type MetaRow, type NormRow, searchTables, TAIL_BUCKETS, TERM_BUCKETS,
} from './tables.js';

export class IndexReader {
  private generation = -1;
  private norms = new Map<number, NormRow>();
  meta: MetaRow = emptyMeta(FIELD_COUNT);

  constructor(private readonly db: Dexie) {}

  /** Reloads the norms if the index changed since the last call. Call inside the query's read transaction. */
  async refresh(): Promise<void> {
    const t = searchTables(this.db);
    this.meta = (await t.meta.get('meta')) ?? emptyMeta(FIELD_COUNT);
    if (this.meta.generation === this.generation) return;
    this.norms = new Map((await t.norms.toArray()).map((n) => [n.chunk, n]));
    this.generation = this.meta.generation;
  }

  /** Forgets the cache (after a rebuild that resets generations). */
  reset(): void {
    this.generation = -1;
    this.norms.clear();
  }

  alive(doc: number): boolean {
    return this.norms.get(doc >> CHUNK_BITS)?.alive[doc & (CHUNK_SIZE - 1)] === 1;
  }

  length(doc: number, field: number): number {
    return this.norms.get(doc >> CHUNK_BITS)?.len[(doc & (CHUNK_SIZE - 1)) * FIELD_COUNT + field] ?? 0;
  }

  /** The article a live document indexes ('' for a dead one). */
  articleId(doc: number): string {
    return this.norms.get(doc >> CHUNK_BITS)?.ids[doc & (CHUNK_SIZE - 1)] ?? '';
  }

  day(doc: number): number {
    return this.norms.get(doc >> CHUNK_BITS)?.day[doc & (CHUNK_SIZE - 1)] ?? 0;
  }

  /** Average field lengths over the live documents (BM25). */
  averages(): number[] {
    return this.meta.lenSum.map((s) => (this.meta.live ? Math.max(1, s / this.meta.live) : 1));
  }

  /** Every live document, ascending (for queries made of filters only). */
  allDocs(): number[] {
    const out: number[] = [];
    for (const [chunk, n] of [...this.norms].sort((a, b) => a[0] - b[0])) {
      for (let i = 0; i < CHUNK_SIZE; i++) if (n.alive[i]) out.push((chunk << CHUNK_BITS) + i);
    }
    return out;
  }

  /**
   * The postings of a term over live documents, ascending. Without `positions` only term frequencies are read.
   * @example await reader.postings('长春', false) // [{ doc: 12, hits: [undefined, [3]] }, …]
   */
  async postings(term: string, positions: boolean): Promise<Posting[]> {
    const t = searchTables(this.db);
    const h = termHash(term), bucket = h & (TERM_BUCKETS - 1), tb = h & (TAIL_BUCKETS - 1);
    const [main, tail] = await Promise.all([
      t.postings.where('[bucket+chunk]').between([bucket, 0], [bucket, Infinity], true, true).toArray(),
      t.tail.where('[bucket+seq]').between([tb, 0], [tb, Infinity], true, true).toArray(),
    ]);
    main.sort((a, b) => a.chunk - b.chunk);
    tail.sort((a, b) => a.seq - b.seq);
    const out: Posting[] = [];
    for (const row of [...main, ...tail]) {
      const i = findTerm(row.terms, term);
      if (i < 0) continue;
      for (const p of decodePostings(row.data.subarray(row.offs[i]!, row.offs[i + 1]!), 0, positions)) {
        if (this.alive(p.doc)) out.push(p);
      }
    }
    return out;
  }
}
