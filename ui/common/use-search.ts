import { useEffect, useRef, useState } from 'preact/hooks';
import type { QueryError, SearchHit, SearchOptions } from '../../src/engine/types.js';
import type { EngineApi } from './engine.js';
import { errorText } from './format.js';

/** Results wait for a pause in the typing this long, so a burst of keystrokes costs one query. */
export const SEARCH_DEBOUNCE_MS = 150;
/** The most results the engine returns in one call. */
const MAX_LIMIT = 200;

/** The results shown, and the query (as typed) they answer. */
export interface SearchResults {
  query: string;
  total: number;
  hits: SearchHit[];
  error: QueryError | null;
}

export interface SearchState {
  /** `null` while the query is empty, and until its first answer. */
  results: SearchResults | null;
  /** A query is waiting or running: `results` may answer an older one. */
  busy: boolean;
  /** The engine failed (not a query error: those are in `results.error`). */
  failure: string | null;
  /** Appends the next page of results, if there are more. */
  loadMore: () => void;
  /** Runs the pending query now instead of after the pause (Enter). */
  runNow: () => void;
}

/**
 * Searches as the user types: the query runs in the engine worker after a pause, and an answer to anything but
 * the latest query (or sort, or archive version) is dropped, so a slow early answer never replaces a later one.
 * A change of `version` (the archive changed) runs the query again for as many results as are shown.
 */
export function useSearch(engine: EngineApi, query: string, options: { sort: NonNullable<SearchOptions['sort']>; pageSize: number; version?: number }): SearchState {
  const { sort, pageSize, version = 0 } = options;
  const [results, setResults] = useState<SearchResults | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const ticket = useRef(0);
  const shown = useRef<SearchResults | null>(null);
  const loadingMore = useRef(false);
  const pending = useRef<(() => void) | null>(null);
  shown.current = results;

  const fail = (e: unknown) => { setFailure(errorText(e)); setBusy(false); };

  useEffect(() => {
    const mine = ++ticket.current;
    loadingMore.current = false;
    if (!query.trim()) {
      setResults(null);
      setBusy(false);
      setFailure(null);
      return;
    }
    const prev = shown.current;
    const limit = prev?.query === query ? Math.min(MAX_LIMIT, Math.max(pageSize, prev.hits.length)) : pageSize;
    setBusy(true);
    const run = () => {
      pending.current = null;
      engine.search(query, { offset: 0, limit, sort }).then((r) => {
        if (mine !== ticket.current) return;
        setResults({ query, total: r.total, hits: r.hits, error: r.error });
        setFailure(null);
        setBusy(false);
      }, (e: unknown) => { if (mine === ticket.current) fail(e); });
    };
    const timer = setTimeout(run, SEARCH_DEBOUNCE_MS);
    pending.current = () => { clearTimeout(timer); run(); };
    return () => { clearTimeout(timer); pending.current = null; };
  }, [engine, query, sort, version, pageSize]);

  function loadMore() {
    const current = shown.current;
    if (!current || current.error || current.hits.length >= current.total || loadingMore.current || pending.current) return;
    const mine = ticket.current;
    loadingMore.current = true;
    engine.search(current.query, { offset: current.hits.length, limit: pageSize, sort }).then((r) => {
      if (mine !== ticket.current) return;
      loadingMore.current = false;
      // The archive may have changed between the pages: an article already shown is not shown twice.
      const seen = new Set(current.hits.map((h) => h.articleId));
      setResults({ ...current, total: r.total, hits: [...current.hits, ...r.hits.filter((h) => !seen.has(h.articleId))] });
    }, (e: unknown) => {
      if (mine !== ticket.current) return;
      loadingMore.current = false;
      fail(e);
    });
  }

  return { results, busy, failure, loadMore, runNow: () => pending.current?.() };
}
