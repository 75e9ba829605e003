import Dexie, { type Table, type Transaction } from 'dexie';
import type { Annotation, ArticleRecord, Clipping, Collection, Membership, StoryLink } from '../model/records.js';
import type { StoryPart } from '../link/types.js';
import { indexExisting } from '../search/rebuild.js';
import { SEARCH_STORES, SEARCH_STORES_V12, SEARCH_TABLE_NAMES } from '../search/tables.js';
import { buildListing, LISTING_TABLE, listingMiddleware, type ListingRow } from './listing.js';
import { linkStoredClippings } from '../link/store.js';
import { syncStores } from '../sync/index.js';

/** An entry that can undo one destructive action. */
export interface UndoEntry {
  id: string;
  kind: 'delete-article' | 'delete-collection';
  /** The deleted article, or for a collection the first of its articles (kept for the label only). */
  articleId: string;
  label: string;
  createdAt: number;
  /** What a collection deletion removed, to put back. */
  collection?: Collection;
  memberships?: Membership[];
}

/** The state of one row before an import touched it: an interrupted import is rolled back from these. */
export interface JournalEntry {
  seq?: number;
  table: 'clippings' | 'articles' | 'collections' | 'memberships' | 'annotations' | 'links';
  key: string;
  before: unknown;
}

/** A PDF the user chose to keep, stored once however many clippings came from it. */
export interface PdfBlob {
  /** `sha256-` + hex digest of the bytes. */
  hash: string;
  bytes: Uint8Array;
  size: number;
  addedAt: number;
}

/** Stored article rows carry their list position; a soft-deleted row has none, so it drops out of the list index. */
export type StoredArticle = ArticleRecord & { sortKey?: string };

/**
 * Presscut's IndexedDB database. Version 1 holds every table the first issues need, collections included, so
 * later features add data rather than migrations. Each `version(n)` block below stays forever; a new schema is a
 * new block with its `upgrade()`.
 */
export class PresscutDB extends Dexie {
  clippings!: Table<Clipping, string>;
  articles!: Table<StoredArticle, string>;
  collections!: Table<Collection, string>;
  undo!: Table<UndoEntry, string>;
  memberships!: Table<Membership, string>;
  annotations!: Table<Annotation, string>;
  importJournal!: Table<JournalEntry, number>;
  listing!: Table<ListingRow, string>;
  links!: Table<StoryLink, string>;
  storyParts!: Table<StoryPart, string>;
  pdfBlobs!: Table<PdfBlob, string>;

  constructor(name = 'presscut', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      clippings: 'id, capturedAt',
      articles: 'id, clippingId, sortKey, deletedAt',
      collections: 'id, order',
      undo: 'id, createdAt',
    });
    // Version 2: the first layout of the search index (derived data; version 6 replaces it, version 9 builds it).
    this.version(2).stores({
      searchMeta: 'id', searchIds: 'articleId, &docNo', searchNorms: 'chunk', searchTail: '[bucket+seq]', searchPostings: '[bucket+chunk]',
    });
    // Version 3: collections' members, the reader's tags and notes (one small row each, so that two devices adding
    // to one collection both survive a sync), and the journal that makes an import all-or-nothing.
    this.version(3).stores({
      memberships: 'id, collectionId, articleId',
      annotations: 'articleId, *tags',
      importJournal: '++seq',
    });
    // Version 4: the archive list's position index (src/store/listing.ts), counted from the articles once here and
    // kept by the middleware from then on.
    this.version(4).stores({ [LISTING_TABLE]: 'clippingId' }).upgrade(async (tx) => {
      const keys = await tx.table('articles').orderBy('sortKey').keys() as string[];
      await tx.table(LISTING_TABLE).bulkPut(buildListing(keys));
    });
    this.use(listingMiddleware());
    // Version 5 (issue 7): links between the parts of a story continued on another page (user data, synced and
    // exported); the jump facts of the articles that have a jump, by edition, for the linker to find partners
    // (derived; built, and linked, here for the articles already stored); the PDFs a user chose to keep, by content address.
    this.version(5).stores({
      links: 'id, from, to, fromClipping, toClipping',
      storyParts: 'articleId, clippingId, *editions',
      pdfBlobs: 'hash',
    }).upgrade((tx) => linkStoredClippings(tx));
    // Version 6: the search index as an LSM tree of packed segments (src/search/tables.ts); version 13 builds it.
    this.version(6).stores({ ...SEARCH_STORES, searchTail: null, searchPostings: null });
    // Version 7: the sync library's revision trees and checkpoints (src/sync). Rows stored before it get their
    // first revision at the first sync; nothing to migrate.
    this.version(7).stores(syncStores());
    // Version 8: the search index's segments have smaller bucket rows (src/search/tables.ts, `tuning`); version 13
    // builds the index again.
    this.version(8).stores({});
    // Versions 9, 10 and 11 changed what the index's rows hold (norms of 256 documents, tighter packing, level 1 in
    // 128 then 512 buckets: src/search/tables.ts) and each cleared the index and built it again; version 13 does
    // it now, so an older database builds it once.
    this.version(9).stores({});
    this.version(10).stores({});
    this.version(11).stores({});
    // Version 12: article ids one row a write (searchIdSets), not one row an article.
    this.version(12).stores(SEARCH_STORES_V12);
    // Version 13: level 2 in 8,192 buckets, not 4,096 (and merges of 16 segments, not 8: src/search/tables.ts),
    // so a level-2 row of version 12 holds terms this version looks for elsewhere. The index is built again here
    // for the articles already stored (from versions 1–5 too, whose index version 6 dropped).
    this.version(13).stores({}).upgrade(async (tx) => {
      await clearIndex(tx);
      await indexExisting(tx);
    });
  }
}

function clearIndex(tx: Transaction): Promise<unknown> {
  return Promise.all(SEARCH_TABLE_NAMES.map((n) => tx.table(n).clear()));
}

const PAD = 9_000_000_000_000_000;

/** Newest clipping first, page order inside a clipping: one string index serves the archive list. */
export function sortKey(capturedAt: number, clippingId: string, index: number): string {
  return `${String(PAD - capturedAt).padStart(16, '0')}|${clippingId}|${String(index).padStart(5, '0')}`;
}
