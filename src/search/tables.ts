/**
 * The search index's IndexedDB tables (Dexie schema version 13) and their rows. All of it is derived from the
 * articles: it can be dropped and rebuilt (Engine.rebuildIndex) and is never synced.
 *
 * Layout. IndexedDB in Chromium costs about 0.13 ms per row written and about 0.015 ms per kB (a 4 MB row takes
 * about as long as 400 small ones: tests/bench/idb-rows.mjs), so every write puts few, packed rows, and the postings are an LSM tree of immutable
 * segments that are merged later, out of the article's transaction:
 * - `searchRecent` (seq): each write transaction appends ONE row with the postings of all its documents. Rows
 *   are immutable; readers cache them by seq. When they hold RECENT_DOCS documents or RECENT_WRITES writes they
 *   are flushed, in the same transaction, into a level-1 segment.
 * - `searchSegments` ([bucket+seg]): a segment is a run of consecutive documents whose postings are split into
 *   hash buckets, one row per bucket (level k has bucketsOf(k) buckets, its bucket keys start at k << 16). A query
 *   reads one bucket row per segment. Background merges (merge.ts) turn `fanout` segments of a level into one of
 *   the next, a few buckets per small transaction, dropping dead documents' postings as they go.
 * - `searchNorms` (chunk): per document (256 per row) field lengths (BM25), publication day, source label and an
 *   alive flag; a deleted or edited document is flagged dead here at once, and its postings go at the next merge of
 *   its segment.
 * - `searchIdSets` (lo, multi-entry index on ids): per write, its article ids -> document numbers, with a hash of
 *   each one's indexed text (IdSetRow).
 * - `searchMeta` ('meta'): counters, totals (live documents, summed field lengths), the segment list, a merge in
 *   progress, and a generation number that every write bumps, so readers know when their caches are stale.
 */
import type { Dexie, Table } from 'dexie';
import { whereAny } from '../store/where-any.js';

/**
 * Norms are kept per chunk of 2^CHUNK_BITS document numbers. Every write reads and rewrites its chunk's row (with
 * the chunk's article ids), so rows are kept small: at 1,024 documents a row was 56 kB and took 8.5 ms a page to
 * write in Chrome (schema version 9 made them 256).
 */
export const CHUNK_BITS = 8;
export const CHUNK_SIZE = 1 << CHUNK_BITS;

/**
 * Sizes of the LSM tree. Mutable so that tests can push small archives through flushes and merges. A query reads
 * one bucket row of every segment for each term, and reads that miss the cache cost by the byte, so the defaults
 * keep level-2 rows near 7 kB (a level-k segment holds about recentDocs × fanout^(k-1) documents) at the price of
 * about one row written per two documents and level. Flushes of 1,024 documents rather than 512 write half the
 * rows for the same postings, and a row's terms are fewer than twice as many: ingest at 100,000 went from 477 to
 * 531 articles/s, queries right after it from 11.2 / 23.9 to 12.0 / 30.0 ms (p50 / p95), level-1 rows from 5 to
 * 8 kB and level-2 rows from 4 to 7 kB. Level 1, which every document passes through, has 512 buckets
 * too (schema version 11): with 128, flushes wrote fewer rows, but level-1 rows of 24 kB were most of the bytes a
 * query read (README, "With sync's change tracking on"), and ingest at 100,000 was the same either way.
 * A fanout of 16 rather than 8 means one level fewer up to 131,072 documents (262,144 with flushes of 1,024), so
 * each document's postings are rewritten once less: merges at 100,000 took 55 s instead of 100, for up to 15
 * segments a level to read.
 */
export const tuning = {
  /** Recent rows are flushed into a level-1 segment past this many documents or writes. */
  recentDocs: 1024,
  recentWrites: 64,
  /** Segments of a level merged into one of the next. */
  fanout: 16,
  /** Buckets of a level-1 segment, and of a level-2 one (powers of two, the second a multiple; see bucketsOf). */
  l1Buckets: 512,
  l2Buckets: 8192,
  maxBuckets: 32768,
  /** Rows a merge transaction reads, and writes (whole source buckets, at least one: see mergeStep). */
  mergeRows: 128,
  /** A segment whose dead documents reach this share (and purgeMin) is rewritten without them. */
  purgeShare: 0.25,
  purgeMin: 64,
};

/**
 * Level k's number of hash buckets: l1Buckets, then l2Buckets, then eight times the level below's, up to
 * maxBuckets (all powers of two, each a multiple of the one below, so that a bucket's terms all come from one
 * bucket of the level below and a merge can move bucket by bucket).
 */
export function bucketsOf(level: number): number {
  return level <= 1 ? tuning.l1Buckets : Math.min(tuning.maxBuckets, tuning.l2Buckets * 8 ** Math.min(level - 2, 6));
}

/** The `bucket` key of a term hash at a level: levels never share keys, so one range read gets a level's rows. */
export function bucketKey(level: number, hash: number): number {
  return level * 65536 + (hash & (bucketsOf(level) - 1));
}

/** The tables of schema version 6 (src/store/db.ts); version 2's searchTail and searchPostings are dropped. */
export const SEARCH_STORES = {
  searchMeta: 'id',
  searchIds: 'articleId',
  searchNorms: 'chunk',
  searchRecent: 'seq',
  searchSegments: '[bucket+seg]',
} as const;

/**
 * Schema version 12: article ids are kept one row a write (IdSetRow), not one row an article, which was a fifth of
 * the rows a bulk ingest wrote.
 */
export const SEARCH_STORES_V12 = { searchIds: null, searchIdSets: 'lo, *ids' } as const;

export const SEARCH_TABLE_NAMES = ['searchMeta', 'searchIdSets', 'searchNorms', 'searchRecent', 'searchSegments'] as const;

/** A segment: documents lo..hi (inclusive), all of whose postings sit in its bucket rows. */
export interface SegmentInfo {
  id: number;
  level: number;
  lo: number;
  hi: number;
  /** Documents of lo..hi that died after their postings were written (a hint for purging). */
  dead: number;
}

/** A merge in progress: `from` segments become segment `to` at `level`, source bucket by source bucket. */
export interface MergeState {
  from: number[];
  to: number;
  level: number;
  /** The next source bucket to move, and how many the source level has. */
  next: number;
  buckets: number;
  /** Dead documents of `from` when the merge started (all of them are dropped). */
  deadAtStart: number;
}

export interface MetaRow {
  id: 'meta';
  /** Random per index build: readers drop caches keyed by sequence numbers when it changes. */
  epoch: string;
  nextDoc: number;
  seq: number;
  recentWrites: number;
  recentDocs: number;
  nextSeg: number;
  segments: SegmentInfo[];
  merge: MergeState | null;
  /** Documents alive. */
  live: number;
  /** Documents flagged dead whose postings are still stored. */
  dead: number;
  /** Summed token counts of the live documents, per field. */
  lenSum: number[];
  generation: number;
}

/**
 * The document numbers of one write's articles, with a hash of each one's indexed text: one row a write, found by
 * article id through the multi-entry index on `ids`. Entries of documents that died since are taken out.
 */
export interface IdSetRow {
  /** The write's first document number (its key). */
  lo: number;
  ids: string[];
  docNos: number[];
  hashes: string[];
}

export interface NormRow {
  chunk: number;
  /** The article id of each document ('' where none): results map document numbers to articles from the cache. */
  ids: string[];
  /**
   * The source each document's results show (sourceLabel: newspaper, page title or site; null where none), so
   * that a page of results need not read its clippings. Rows written before it lack it (undefined entries): those
   * documents' clippings are read.
   */
  sources?: (string | null)[];
  /** Field lengths, FIELD_COUNT per document. */
  len: Uint32Array;
  day: Int32Array;
  alive: Uint8Array;
}

/**
 * A block of encoded posting lists. `terms` is the sorted terms joined by '\n' (one string clones far faster than
 * an array of thousands); list i is `data[offs[i], offs[i+1])`, starting from document 0, and ends at `last[i]`.
 */
export interface ListBlock {
  terms: string;
  offs: Uint32Array;
  last: Int32Array;
  data: Uint8Array;
}

/** A block as rows hold it: `offs` and `last` packed into `dict` (blocks.ts). */
export interface StoredBlock {
  terms: string;
  dict: Uint8Array;
  data: Uint8Array;
}

export interface RecentRow extends StoredBlock {
  seq: number;
  lo: number;
  hi: number;
}

export interface SegmentRow extends StoredBlock {
  bucket: number;
  seg: number;
  lo: number;
  hi: number;
}

export interface SearchTables {
  meta: Table<MetaRow, string>;
  ids: Table<IdSetRow, number>;
  norms: Table<NormRow, number>;
  recent: Table<RecentRow, number>;
  segments: Table<SegmentRow, [number, number]>;
}

/** A database or a transaction (an upgrade's, say): whatever can name its tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface TableSource { table(name: string): Table<any, any> }

/** The search tables of a database or of a transaction. */
export function searchTables(src: TableSource): SearchTables {
  return {
    meta: src.table('searchMeta'), ids: src.table('searchIdSets'), norms: src.table('searchNorms'),
    recent: src.table('searchRecent'), segments: src.table('searchSegments'),
  };
}

/** Where an article's document sits: its number, the hash of its indexed text, and the id row that holds it. */
export interface IdEntry {
  docNo: number;
  hash: string;
  set: IdSetRow;
}

/**
 * The entries of those of `ids` that the index holds.
 * @example (await idEntriesOf(t, ['a1'])).get('a1')?.docNo // a1's document, if indexed
 */
export async function idEntriesOf(t: Pick<SearchTables, 'ids'>, ids: string[]): Promise<Map<string, IdEntry>> {
  const sets = await whereAny(t.ids, 'ids', ids, async (c) => [await c.first()]);
  const out = new Map<string, IdEntry>();
  sets.forEach((set, i) => {
    const k = set ? set.ids.indexOf(ids[i]!) : -1;
    if (k >= 0) out.set(ids[i]!, { docNo: set!.docNos[k]!, hash: set!.hashes[k]!, set: set! });
  });
  return out;
}

/** The tables a write transaction must include to keep the index in step with the articles. */
export function searchTableList(db: Dexie): Table[] {
  return SEARCH_TABLE_NAMES.map((n) => db.table(n));
}

export function emptyMeta(fieldCount: number): MetaRow {
  return {
    id: 'meta', epoch: Math.random().toString(36).slice(2), nextDoc: 0, seq: 0, recentWrites: 0, recentDocs: 0, nextSeg: 0,
    segments: [], merge: null, live: 0, dead: 0, lenSum: new Array(fieldCount).fill(0), generation: 0,
  };
}

/** The term list of a block. */
export function termsOf(b: { terms: string }): string[] {
  return b.terms ? b.terms.split('\n') : [];
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
