/**
 * The Engine: everything the UI and the extension glue may ask of Presscut. It runs in a worker (workers/
 * engine.worker.ts exposes it through comlink); all parsing and database writes happen there.
 *
 * Every method is async and takes and returns plain, structured-cloneable data.
 */
import type { ParseHints, Warning } from '../model/page.js';
import type { Annotation, ArticleView, Clipping, ClippingSource, EditableField, StructuredArticle } from '../model/records.js';

export type { StructuredArticle };
import type { Article } from '../model/page.js';
import type { SearchOptions, SearchResponse } from '../search/types.js';

export type { SearchHit, SearchOptions, SearchResponse, Snippet, Highlight, QueryError } from '../search/types.js';

/** What the side panel's live preview shows while the user types or pastes. */
export interface Preview {
  articles: { kicker: string | null; headline: string | null; dateline: string | null; paragraphs: number }[];
  warnings: Warning[];
  /** Set when the input cannot be parsed at all (empty, binary): what is wrong, with the code the UI translates. */
  error: { message: string; code: string; params: (string | number)[] } | null;
}

export interface IngestInput {
  /** The text exactly as received; stored untouched before anything else happens. */
  text: string;
  source: ClippingSource;
  hints?: ParseHints;
  /** When the page's markup holds one article's fields. */
  structured?: StructuredArticle;
}

export interface IngestResult {
  clippingId: string;
  /** False when the same text was clipped before: nothing was added. */
  created: boolean;
  articleIds: string[];
  /** The parse failed: the text is stored, the error says why. */
  parseError: string | null;
  warnings: Warning[];
}

/** A text Engine.ingestMany refused before storing it (empty, binary, not text): what was wrong, as EngineError says it. */
export interface IngestRefusal {
  refused: { message: string; code: string; params: (string | number)[] };
}

/** What Engine.ingestPdf did: one clipping per page with text, in page order, and the pages without text. */
export interface PdfIngestResult {
  pages: (IngestResult & { pageNumber: number })[];
  /** Pages without a text layer (scanned), left out. */
  skipped: number[];
}

/** A story printed in parts on several pages, as the reader shows it. */
export interface StoryView {
  /** In story order; `linkToNext` is the id of the link to the next part (for Unlink). */
  parts: { article: ArticleView; page: string | null; linkToNext: string | null }[];
}

export interface ClippingSummary {
  id: string;
  source: ClippingSource;
  newspaper: string | null;
  capturedAt: number;
  articleCount: number;
  /** First headlines, for lists. */
  headlines: string[];
  parseError: string | null;
}

/** One row of the archive list: enough to draw it without loading the article. */
export interface ArticleRow {
  id: string;
  clippingId: string;
  index: number;
  headline: string | null;
  kicker: string | null;
  dateline: string | null;
  newspaper: string | null;
  sourceTitle: string | null;
  capturedAt: number;
}

export interface ClippingDetail {
  clipping: Clipping;
  /** The clipping's live articles in page order, each with the spans of the whole article for highlighting. */
  articles: { id: string; index: number; headline: string | null; extent: { start: number; end: number }[] }[];
}

export type ArticlePatch = Partial<Pick<Article, EditableField>>;

/** A token that undoes one destructive action (delete) while it is still fresh. */
export interface UndoToken {
  id: string;
  label: string;
}

export interface ReparseResult {
  clippings: number;
  articles: number;
  /** Corrections that no longer found their article (its text is gone from the new segmentation). */
  orphanedCorrections: number;
}

export interface Engine extends CollectionsApi, ArchiveApi {
  /** Segments text without storing anything. */
  preview(text: string, hints?: ParseHints): Promise<Preview>;
  /** Stores the text first, then parses it and stores its articles. Clipping the same text twice adds nothing. */
  ingest(input: IngestInput): Promise<IngestResult>;
  /**
   * Ingests many texts (a folder of pages, the pages of a PDF) as {@link ingest} does each, but in batches of
   * pages that share their transactions, several times faster. All raw texts are stored first. A text that
   * cannot be stored is refused alone: its place in the result says why, the others go in.
   * @example
   * const out = await engine.ingestMany(files.map((f) => ({ text: f.text, source: { via: 'file', title: f.name } })));
   * const refused = out.flatMap((r, i) => ('refused' in r ? [`${files[i].name}: ${r.refused.message}`] : []));
   */
  ingestMany(inputs: IngestInput[]): Promise<(IngestResult | IngestRefusal)[]>;
  /**
   * Reads a PDF (pdf.js in this worker) and ingests each page with a text layer as its own clipping, in page order.
   * With `keepBytes` the PDF is also stored once, by content address. A PDF with no text layer at all (a scan),
   * a broken or a locked one is refused with an error that says so, and nothing is stored.
   */
  ingestPdf(bytes: Uint8Array, source: ClippingSource, options?: { keepBytes?: boolean }): Promise<PdfIngestResult>;
  /** The story an article belongs to when it is continued across pages (parts in order), else null. */
  storyOf(articleId: string): Promise<StoryView | null>;
  /** Undoes a story link; the decision is kept so the pair is never linked again automatically. */
  unlink(linkId: string): Promise<void>;
  /** Newest first. */
  listClippings(offset: number, limit: number): Promise<ClippingSummary[]>;
  /** Newest clipping first, page order within a clipping; optionally only one collection's or one tag's. */
  listArticles(offset: number, limit: number, filter?: ArticleFilter): Promise<ArticleRow[]>;
  countArticles(filter?: ArticleFilter): Promise<number>;
  getArticle(id: string): Promise<ArticleView | null>;
  getClipping(id: string): Promise<ClippingDetail | null>;
  /** Corrects fields by hand; corrections survive re-parsing. */
  updateArticle(id: string, patch: ArticlePatch): Promise<ArticleView>;
  /** Joins an article with the next one of its clipping. Returns the merged article's id. */
  mergeWithNext(id: string): Promise<string>;
  /** Starts a new article at paragraph `paragraph` (> 0). Returns the two ids. */
  splitAt(id: string, paragraph: number): Promise<[string, string]>;
  deleteArticle(id: string): Promise<UndoToken>;
  undo(token: string): Promise<void>;
  /** Re-derives articles from the stored text with the current parser; all clippings when no id is given. */
  reparse(clippingId?: string): Promise<ReparseResult>;
  /**
   * Re-derives the clippings a parser other than this one segmented (or none: a parse that failed or never ran),
   * keeping every correction, as reparse does. The extension calls it when it is updated to a new parser.
   */
  reparseOutdated(): Promise<ReparseResult>;
  /**
   * Searches the archive with the query language of src/search/query.ts (words, CJK strings, "phrases",
   * -exclusions, OR, headline:/byline:/source:/in:/tag:/after:/before:/sort:). A malformed query comes back with
   * `error` set (message and position), never as a rejection.
   * @example await engine.search('汽车产业集群 after:2022-11-01', { limit: 20 })
   */
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** Drops the search index and builds it again from the articles, reporting progress. */
  rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<{ articles: number }>;
}

/** A collection as lists show it. */
export interface CollectionSummary {
  id: string;
  name: string;
  order: number;
  articleCount: number;
}

/** Narrows the archive list to one collection and/or one tag. */
export interface ArticleFilter {
  collectionId?: string;
  tag?: string;
}

export interface CollectionsApi {
  /** In the reader's order. */
  listCollections(): Promise<CollectionSummary[]>;
  /** Names are unique, case-insensitively. */
  createCollection(name: string): Promise<CollectionSummary>;
  renameCollection(id: string, name: string): Promise<void>;
  /** `ids` lists every collection once, in the new order. */
  reorderCollections(ids: string[]): Promise<void>;
  /** Removes the collection and its memberships (never the articles); undoable. */
  deleteCollection(id: string): Promise<UndoToken>;
  /** Returns how many were not already in it. */
  addToCollection(collectionId: string, articleIds: string[]): Promise<number>;
  removeFromCollection(collectionId: string, articleIds: string[]): Promise<number>;
  collectionsOf(articleId: string): Promise<string[]>;
  getAnnotation(articleId: string): Promise<Annotation | null>;
  /** Replaces the article's tags; returns them cleaned (trimmed, each once). */
  setTags(articleId: string, tags: string[]): Promise<string[]>;
  setNote(articleId: string, note: string): Promise<void>;
  /** Every tag in use, most used first. */
  listTags(): Promise<{ tag: string; count: number }[]>;
}

export type ExportScope = { kind: 'all' } | { kind: 'collection'; id: string } | { kind: 'articles'; ids: string[] };
export type ExportFormat = 'presscut' | 'csl-json' | 'markdown' | 'ndjson';

export interface ImportResult {
  clippings: { added: number; merged: number };
  articles: { added: number; updated: number; unchanged: number };
  collections: { added: number; updated: number };
  memberships: { added: number };
  annotations: { added: number; updated: number };
  links: { added: number; updated: number };
}

export interface ArchiveApi {
  /**
   * Exports a scope as a Blob for the browser's downloads. The Presscut format carries everything (raw text,
   * corrections, collections, tags, notes); CSL-JSON, Markdown and NDJSON carry what the reader sees.
   */
  exportArchive(scope: ExportScope, format: ExportFormat, onProgress?: (done: number, total: number) => void): Promise<{ blob: Blob; filename: string; articles: number }>;
  /**
   * Imports a Presscut archive, or a plain list of articles (NDJSON or a JSON array, src/exchange/plain.ts):
   * validated whole first, then written all-or-nothing, merging with what is there.
   */
  importArchive(file: Blob | string, onProgress?: (done: number, total: number) => void): Promise<ImportResult>;
}
