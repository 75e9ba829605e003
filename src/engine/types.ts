/**
 * The Engine: everything the UI and the extension glue may ask of Presscut. It runs in a worker (workers/
 * engine.worker.ts exposes it through comlink); all parsing and database writes happen there.
 *
 * Every method is async and takes and returns plain, structured-cloneable data.
 */
import type { ParseHints, Warning } from '../model/page.js';
import type { ArticleView, Clipping, ClippingSource, EditableField, StructuredArticle } from '../model/records.js';

export type { StructuredArticle };
import type { Article } from '../model/page.js';
import type { SearchOptions, SearchResponse } from '../search/types.js';

export type { SearchHit, SearchOptions, SearchResponse, Snippet, Highlight, QueryError } from '../search/types.js';

/** What the side panel's live preview shows while the user types or pastes. */
export interface Preview {
  articles: { kicker: string | null; headline: string | null; dateline: string | null; paragraphs: number }[];
  warnings: Warning[];
  /** Set when the input cannot be parsed at all (empty, binary); the message says what is wrong. */
  error: string | null;
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

export interface Engine {
  /** Segments text without storing anything. */
  preview(text: string, hints?: ParseHints): Promise<Preview>;
  /** Stores the text first, then parses it and stores its articles. Clipping the same text twice adds nothing. */
  ingest(input: IngestInput): Promise<IngestResult>;
  /** Newest first. */
  listClippings(offset: number, limit: number): Promise<ClippingSummary[]>;
  /** Newest clipping first, page order within a clipping. */
  listArticles(offset: number, limit: number): Promise<ArticleRow[]>;
  countArticles(): Promise<number>;
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
   * Searches the archive with the query language of src/search/query.ts (words, CJK strings, "phrases",
   * -exclusions, OR, headline:/byline:/source:/in:/after:/before:/sort:). A malformed query comes back with
   * `error` set (message and position), never as a rejection.
   * @example await engine.search('汽车产业集群 after:2022-11-01', { limit: 20 })
   */
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** Drops the search index and builds it again from the articles, reporting progress. */
  rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<{ articles: number }>;
}
