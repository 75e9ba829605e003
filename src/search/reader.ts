/**
 * Reads the index for queries: posting lists of a term (its bucket row in each segment, then the recent rows),
 * and per document norms (field lengths, day, alive). Norms are cached until a write bumps the index generation;
 * recent rows are immutable, so they are cached by sequence number and only new ones are read.
 */
import type { Dexie } from 'dexie';
import { listRange, termIndex, unpackBlock } from './blocks.js';
import { FIELD_COUNT, PostingList, termHash } from './codec.js';
import {
  bucketKey, CHUNK_BITS, CHUNK_SIZE, emptyMeta, findTerm, type ListBlock, type MetaRow, type NormRow, searchTables, termsOf,
} from './tables.js';

/** Documents of clause results kept, in all (a few MB of maps at most). */
const CLAUSE_CACHE_DOCS = 200_000;

interface CachedRecent {
  seq: number;
  block: ListBlock;
  terms: string[];
}

export class IndexReader {
  private generation = -1;
  private epoch = '';
  private norms = new Map<number, NormRow>();
  private recent: CachedRecent[] = [];
  /** Clause results (document -> score) of this generation, least recently used first. */
  private clauses = new Map<string, Map<number, number>>();
  private clauseDocs = 0;
  meta: MetaRow = emptyMeta(FIELD_COUNT);

  constructor(private readonly db: Dexie) {}

  /** Reloads what changed since the last call. Call inside the query's read transaction. */
  async refresh(): Promise<void> {
    const t = searchTables(this.db);
    this.meta = (await t.meta.get('meta')) ?? emptyMeta(FIELD_COUNT);
    if (this.meta.epoch !== this.epoch) this.reset();
    this.epoch = this.meta.epoch;
    if (this.meta.generation === this.generation) return;
    this.forgetClauses();
    const [norms, seqs] = await Promise.all([t.norms.toArray(), t.recent.toCollection().primaryKeys()]);
    this.norms = new Map(norms.map((n) => [n.chunk, n]));
    const have = new Set(this.recent.map((r) => r.seq));
    const fresh = (await t.recent.bulkGet(seqs.filter((s) => !have.has(s))))
      .flatMap((row) => (row ? [{ seq: row.seq, block: unpackBlock(row), terms: termsOf(row) }] : []));
    const keep = new Set(seqs);
    this.recent = [...this.recent.filter((r) => keep.has(r.seq)), ...fresh].sort((a, b) => a.seq - b.seq);
    this.generation = this.meta.generation;
  }

  /** Forgets the caches (after a rebuild). */
  reset(): void {
    this.generation = -1;
    this.norms.clear();
    this.recent = [];
    this.forgetClauses();
  }

  /**
   * A clause's documents and scores as an earlier query of this generation found them: typing a query anew, or
   * keeping a filter such as `source:` across queries, evaluates the clause once until the next write.
   */
  clauseResult(key: string): Map<number, number> | undefined {
    const r = this.clauses.get(key);
    if (r) {
      this.clauses.delete(key);
      this.clauses.set(key, r);
    }
    return r;
  }

  rememberClause(key: string, docs: Map<number, number>): void {
    if (docs.size > CLAUSE_CACHE_DOCS || this.clauses.has(key)) return;
    this.clauses.set(key, docs);
    this.clauseDocs += docs.size;
    for (const [k, v] of this.clauses) {
      if (this.clauseDocs <= CLAUSE_CACHE_DOCS) break;
      this.clauses.delete(k);
      this.clauseDocs -= v.size;
    }
  }

  private forgetClauses(): void {
    this.clauses.clear();
    this.clauseDocs = 0;
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

  /** The source label of a live document: null where it has none, undefined where the index does not hold it. */
  source(doc: number): string | null | undefined {
    return this.norms.get(doc >> CHUNK_BITS)?.sources?.[doc & (CHUNK_SIZE - 1)];
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
   * The postings of a term over live documents, ascending (hits decoded on demand).
   * @example (await reader.postings('长春')).docs // [12, 40, …]
   */
  async postings(term: string): Promise<PostingList> {
    const t = searchTables(this.db);
    const h = termHash(term);
    const levels = new Set(this.meta.segments.map((s) => s.level));
    if (this.meta.merge) levels.add(this.meta.merge.level);
    const rows = (await Promise.all([...levels].map((level) => {
      const key = bucketKey(level, h);
      return t.segments.where('[bucket+seg]').between([key, -Infinity], [key, Infinity], true, true).toArray();
    }))).flat().sort((a, b) => a.lo - b.lo);
    const out = new PostingList();
    const alive = (d: number) => this.alive(d);
    for (const row of rows) {
      const i = termIndex(row.terms, term);
      if (i >= 0) out.add(row.data, ...listRange(row, i), alive);
    }
    for (const { block: b, terms } of this.recent) {
      const i = findTerm(terms, term);
      if (i >= 0) out.add(b.data, b.offs[i]!, b.offs[i + 1]!, alive);
    }
    return out;
  }
}
