import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { QueryError } from '../../src/engine/types.js';
import { t, uiLanguage } from '../../src/extension/i18n.js';
import { parseQuery } from '../../src/search/query.js';
import type { EngineApi } from '../common/engine.js';
import { Notice } from '../common/notice.js';
import { describeQueryError } from '../common/query-error.js';
import { SearchResults } from '../common/search-results.js';
import { useSearch } from '../common/use-search.js';
import { focusSearchBox } from './search-box.js';

const PAGE_SIZE = 20;

type Sort = 'relevance' | 'date';

interface Props {
  engine: EngineApi;
  /** The query as typed in the search box; the view is empty (and hidden) while it is blank. */
  query: string;
  /** Changes whenever the archive does: the results are fetched again. */
  version: number;
  /** Hidden, not unmounted, while the reader is open, so Back finds the results and the scroll offset as left. */
  hidden: boolean;
  onOpen: (articleId: string) => void;
  /** Esc in the results: clear the query. */
  onClear: () => void;
  /** Multi-select (issue 5): ticked article ids and what a tick does. */
  selected?: Set<string>;
  onToggle?: (articleId: string) => void;
  /** "Export results…": every result's id, in the order shown, with the query. */
  onExport?: (articleIds: string[], query: string) => void;
}

/**
 * The side panel's search results for the query in the header's search box: a count, the sort control, the
 * results with their highlighted snippets, more on scrolling to the end (or the More button), and a clear word
 * when nothing matches or the query cannot be read.
 */
export function SearchView({ engine, query, version, hidden, onOpen, onClear, selected, onToggle, onExport }: Props) {
  const [chosenSort, setChosenSort] = useState<Sort>('relevance');
  const querySort = sortInQuery(query);
  const sort = querySort ?? chosenSort;
  const { results, busy, failure, loadMore } = useSearch(engine, query, { sort, pageSize: PAGE_SIZE, version });
  const scroller = useRef<HTMLElement>(null);
  const more = useRef<HTMLButtonElement>(null);
  const scrollTop = useRef(0);
  const blank = !query.trim();

  // Back from the reader returns to the same place in the results. While hidden the list is 0 high and its scroll
  // offset is lost (the scroll events it sends then are ignored), so the last real offset is put back.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && !hidden) el.scrollTop = scrollTop.current;
  }, [hidden]);
  // A new query starts at the top.
  useLayoutEffect(() => {
    scrollTop.current = 0;
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [results?.query, sort]);

  // The next page loads when the More button scrolls into view; the button stays for a mouse or keyboard.
  const shownHits = results?.hits.length ?? 0;
  useEffect(() => {
    const el = more.current;
    if (!el || hidden) return;
    const observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) loadMore(); }, { root: scroller.current });
    observer.observe(el);
    return () => observer.disconnect();
  }, [shownHits, hidden, results]);

  const hasMore = !!results && !results.error && results.hits.length < results.total;
  return (
    <section
      class={busy ? 'search-view busy' : 'search-view'} ref={scroller} hidden={hidden || blank} aria-busy={busy}
      data-query={results?.query} onScroll={(e) => { if (e.currentTarget.clientHeight) scrollTop.current = e.currentTarget.scrollTop; }}
    >
      <div class="search-head">
        <span class="search-count muted" role="status">{busy ? t('searchBusy') : results && !results.error ? resultCount(results.total) : ''}</span>
        <span class="spacer" />
        <SortControl sort={sort} fixed={querySort !== null} onChange={setChosenSort} />
        {onExport && results && !results.error && results.total > 0 && (
          <button type="button" class="search-export" onClick={async () => onExport(await allResultIds(engine, results.query, sort), results.query.trim())}>
            {t('exportResults')}
          </button>
        )}
      </div>
      {failure && <div class="pad"><Notice kind="error">{failure}</Notice></div>}
      {results?.error && <QueryErrorNote query={results.query} error={results.error} />}
      {results && !results.error && results.total === 0 && <p class="empty search-none">{t('searchNoMatch', results.query.trim())}</p>}
      {results && results.hits.length > 0 && (
        <SearchResults
          hits={results.hits} onOpen={(hit) => onOpen(hit.articleId)} selected={selected} onToggle={onToggle}
          onExit={(how) => { if (how === 'escape') onClear(); focusSearchBox(); }}
        />
      )}
      {hasMore && <button type="button" class="search-more" ref={more} onClick={loadMore}>{t('searchMore', (results!.total - results!.hits.length).toLocaleString(uiLanguage()))}</button>}
    </section>
  );
}

function SortControl({ sort, fixed, onChange }: { sort: Sort; fixed: boolean; onChange: (s: Sort) => void }) {
  const option = (value: Sort, label: string) => (
    <button type="button" class={`sort-${value}`} aria-pressed={sort === value} disabled={fixed} onClick={() => onChange(value)}>{label}</button>
  );
  return (
    <div class="sort" role="group" aria-label={t('sortLabel')} title={fixed ? t('sortInQuery') : undefined}>
      {option('relevance', t('sortRelevance'))}
      {option('date', t('sortDate'))}
    </div>
  );
}

/** The engine's message and the query with the part it is about marked, so the user sees where to fix it. */
function QueryErrorNote({ query, error }: { query: string; error: QueryError }) {
  const start = Math.min(error.position, query.length);
  const end = Math.min(query.length, start + Math.max(1, error.length));
  return (
    <div class="pad query-error">
      <Notice kind="error">{describeQueryError(error)}</Notice>
      <p class="query-echo">
        {query.slice(0, start)}<mark class="query-error-at">{query.slice(start, end) || '\u00a0'}</mark>{query.slice(end)}
      </p>
    </div>
  );
}

/** `sort:` in the query decides the order, whatever the control says; null when there is none (or no valid query). */
function sortInQuery(query: string): Sort | null {
  try {
    return parseQuery(query).sort;
  } catch {
    return null;
  }
}

/** Every result's article id, not only the pages shown so far (the engine gives at most 200 a call). */
async function allResultIds(engine: EngineApi, query: string, sort: Sort): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const page = await engine.search(query, { sort, offset: ids.length, limit: 200 });
    ids.push(...page.hits.map((h) => h.articleId));
    if (!page.hits.length || ids.length >= page.total) return ids;
  }
}

function resultCount(n: number): string {
  return t(n === 1 ? 'searchResultsOne' : 'searchResultsMany', n.toLocaleString(uiLanguage()));
}
