import { useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../../src/engine/types.js';
import { t, uiLanguage } from '../../src/extension/i18n.js';
import type { EngineApi } from '../common/engine.js';
import { Notice } from '../common/notice.js';
import { describeQueryError } from '../common/query-error.js';
import { focusFirstResult, SearchResults } from '../common/search-results.js';
import { useSearch } from '../common/use-search.js';

/** Results the popup shows; the side panel has them all. */
const TOP = 5;

interface Props {
  engine: EngineApi;
  /** A result was chosen: open it in the side panel (inside the click's gesture). */
  onOpen: (hit: SearchHit, query: string) => void;
  /** Show all the results of `query` in the side panel. */
  onOpenAll: (query: string) => void;
}

/** The popup's search box: the top results as you type (or at Enter), each opening the article in the side panel. */
export function QuickSearch({ engine, onOpen, onOpenAll }: Props) {
  const [query, setQuery] = useState('');
  const search = useSearch(engine, query, { sort: 'relevance', pageSize: TOP });
  const { failure, runNow } = search;
  // An emptied box shows nothing in the same render: the hook drops its results only after it.
  const results = query.trim() ? search.results : null;
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter') {
      e.preventDefault();
      runNow();
    } else if (e.key === 'ArrowDown' && focusFirstResult(list.current)) {
      e.preventDefault();
    } else if (e.key === 'Escape' && query) {
      e.preventDefault(); // Esc with an empty box closes the popup, as usual
      setQuery('');
    }
  }

  const rest = results && !results.error ? results.total - results.hits.length : 0;
  return (
    <div class="quick-search" role="search">
      <div class="search-box">
        <input
          ref={input} type="text" class="search-input quick-search-input" value={query} placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')} autocomplete="off" spellcheck={false} enterkeyhint="search"
          onInput={(e) => setQuery(e.currentTarget.value)} onKeyDown={onKeyDown}
        />
        {query && <button type="button" class="search-clear" aria-label={t('searchClear')} title={t('searchClear')} onClick={() => { setQuery(''); input.current?.focus(); }}>×</button>}
      </div>
      <div class="quick-results" ref={list} data-query={results?.query}>
        {failure && <Notice kind="error">{failure}</Notice>}
        {results?.error && <Notice kind="error">{describeQueryError(results.error)}</Notice>}
        {results && !results.error && results.total === 0 && <p class="muted search-none">{t('searchNoMatch', results.query.trim())}</p>}
        {results && results.hits.length > 0 && (
          <SearchResults
            compact hits={results.hits} onOpen={(hit) => onOpen(hit, results.query)}
            onExit={(how) => { if (how === 'escape') setQuery(''); input.current?.focus(); }}
          />
        )}
        {rest > 0 && (
          <button type="button" class="link search-all" onClick={() => onOpenAll(results!.query)}>
            {t('searchAllInPanel', results!.total.toLocaleString(uiLanguage()))}
          </button>
        )}
      </div>
    </div>
  );
}
