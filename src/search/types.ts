/** What Engine.search takes and returns (plain, structured-cloneable data for comlink). */
import type { QueryErrorCode } from './query.js';

export interface SearchOptions {
  /** Results to skip (paging). Default 0. */
  offset?: number;
  /** Results to return. Default 20, at most 200. */
  limit?: number;
  /** Default `relevance`; a `sort:` in the query wins. */
  sort?: 'relevance' | 'date';
}

/** A half-open range of UTF-16 offsets `[start, end)` to highlight. */
export interface Highlight {
  start: number;
  end: number;
}

export interface Snippet {
  /** About 160 characters of the body around the best match, `…` where cut. */
  text: string;
  highlights: Highlight[];
}

export interface SearchHit {
  articleId: string;
  clippingId: string;
  headline: string | null;
  kicker: string | null;
  /** Matches in `headline`. */
  headlineHighlights: Highlight[];
  /** The newspaper, else the page title, else the site. */
  source: string | null;
  /** Publication day, YYYY-MM-DD (the page's date when it states one, else the day it was clipped). */
  date: string;
  snippet: Snippet;
  score: number;
}

export interface QueryError {
  /** In English, with the position: `this quote is never closed: add a closing " (at position 4)`. */
  message: string;
  /** What is wrong (src/search/query.ts QUERY_ERRORS), and its details, for a message in the user's language. */
  code: QueryErrorCode;
  args: string[];
  /** 0-based offset in the query, and length, of what is wrong. */
  position: number;
  length: number;
}

export interface SearchResponse {
  query: string;
  /** How many articles match in all (not only this page). */
  total: number;
  hits: SearchHit[];
  /** Set when the query cannot be run; `hits` is then empty. */
  error: QueryError | null;
  /** Milliseconds spent. */
  tookMs: number;
}
