/**
 * The search index's IndexedDB tables (Dexie schema version 2) and their rows. All of it is derived from the
 * articles: it can be dropped and rebuilt (Engine.rebuildIndex) and is never synced.
 *
 * Layout (why: writes must be cheap, reads must touch only what a query needs):
 * - `searchTail` ([bucket+seq]): each write transaction appends its documents' postings as at most
 *   TAIL_BUCKETS rows, without reading anything. Queries read the tail rows of a term's bucket.
 * - `searchPostings` ([bucket+chunk]): when the tail is big enough it is folded, in the same transaction, into
 *   rows of TERM_BUCKETS hash buckets x chunks of about MAIN_CHUNK_DOCS documents (a chunk takes whole flushes,
 *   so a flush appends bytes without splitting lists); a query reads one row per chunk for each term.
 * - `searchNorms` (chunk): per document field lengths (BM25), publication day and an alive flag; a deleted or
 *   edited document is only flagged dead here, and its postings are skipped until the next rebuild.
 * - `searchIds` (articleId, &docNo): article id <-> document number, with a hash of the indexed text.
 * - `searchMeta` ('meta'): counters and totals (live documents, summed field lengths) and a generation number
 *   that every write bumps, so readers know when their cached norms are stale.
 */
import type { Dexie, Table } from 'dexie';

export const TERM_BUCKETS = 4096;
export const TAIL_BUCKETS = 64;
/** Norms are kept per chunk of 2^CHUNK_BITS document numbers (one row read and written per write transaction). */
export const CHUNK_BITS = 10;
export const CHUNK_SIZE = 1 << CHUNK_BITS;
/** A main posting chunk takes the tail flushes until it holds this many documents; then the next one starts. */
export const MAIN_CHUNK_DOCS = 4096;
/** The tail is folded into the main rows past this many documents or write transactions. */
export const TAIL_MAX_DOCS = 512;
export const TAIL_MAX_SEQS = 64;

/** Dexie store specs of the search tables (added by schema version 2 in src/store/db.ts). */
export const SEARCH_STORES = {
  searchMeta: 'id',
  searchIds: 'articleId, &docNo',
  searchNorms: 'chunk',
  searchTail: '[bucket+seq]',
  searchPostings: '[bucket+chunk]',
} as const;

export const SEARCH_TABLE_NAMES = Object.keys(SEARCH_STORES) as (keyof typeof SEARCH_STORES)[];

export interface MetaRow {
  id: 'meta';
  nextDoc: number;
  seq: number;
  tailSeqs: number;
  tailDocs: number;
  /** The main chunk that flushes append to, and how many documents it holds. */
  chunk: number;
  chunkDocs: number;
  /** Documents alive. */
  live: number;
  /** Documents flagged dead whose postings are still stored. */
  dead: number;
  /** Summed token counts of the live documents, per field. */
  lenSum: number[];
  generation: number;
}

export interface IdRow {
  articleId: string;
  docNo: number;
  hash: string;
}

export interface NormRow {
  chunk: number;
  /** The article id of each document ('' where none): results map document numbers to articles from the cache. */
  ids: string[];
  /** Field lengths, FIELD_COUNT per document. */
  len: Uint32Array;
  day: Int32Array;
  alive: Uint8Array;
}

/** A block of encoded posting lists: `terms` sorted, list i is `data[offs[i], offs[i+1])`. */
export interface ListBlock {
  terms: string[];
  offs: Uint32Array;
  data: Uint8Array;
}

export interface TailRow extends ListBlock {
  bucket: number;
  seq: number;
  /** The last document of each list. */
  last: Int32Array;
}

export interface PostingRow extends ListBlock {
  bucket: number;
  chunk: number;
  /** The last document of each list, so the next documents can be appended without decoding it. */
  last: Int32Array;
}

export interface SearchTables {
  meta: Table<MetaRow, string>;
  ids: Table<IdRow, string>;
  norms: Table<NormRow, number>;
  tail: Table<TailRow, [number, number]>;
  postings: Table<PostingRow, [number, number]>;
}

/** A database or a transaction (an upgrade's, say): whatever can name its tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface TableSource { table(name: string): Table<any, any> }

/** The search tables of a database or of a transaction. */
export function searchTables(src: TableSource): SearchTables {
  return {
    meta: src.table('searchMeta'), ids: src.table('searchIds'), norms: src.table('searchNorms'),
    tail: src.table('searchTail'), postings: src.table('searchPostings'),
  };
}

/** The tables a write transaction must include to keep the index in step with the articles. */
export function searchTableList(db: Dexie): Table[] {
  return SEARCH_TABLE_NAMES.map((n) => db.table(n));
}

export function emptyMeta(fieldCount: number): MetaRow {
  return { id: 'meta', nextDoc: 0, seq: 0, tailSeqs: 0, tailDocs: 0, chunk: 0, chunkDocs: 0, live: 0, dead: 0, lenSum: new Array(fieldCount).fill(0), generation: 0 };
}

/** Binary search of a sorted term list. */
export function findTerm(terms: string[], term: string): number {
  let lo = 0, hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, t = terms[mid]!;
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
