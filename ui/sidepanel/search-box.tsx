import { t } from '../../src/extension/i18n.js';
import { focusFirstResult } from '../common/search-results.js';

const INPUT = 'search-input';

/**
 * The side panel's search box (in the header). Typing searches (search-view.tsx shows the results); Enter or ↓
 * moves into the results, Esc clears the query, which brings the archive list back.
 */
export function SearchBox({ value, onChange }: { value: string; onChange: (query: string) => void }) {
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onChange('');
    } else if ((e.key === 'ArrowDown' || e.key === 'Enter') && focusFirstResult(document.querySelector('.search-view:not([hidden])'))) {
      e.preventDefault();
    }
  }
  return (
    <div class="search-box" role="search">
      <input
        type="text" class={INPUT} value={value} placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')}
        autocomplete="off" spellcheck={false} enterkeyhint="search"
        onInput={(e) => onChange(e.currentTarget.value)} onKeyDown={onKeyDown}
      />
      {value && <button type="button" class="search-clear" aria-label={t('searchClear')} title={t('searchClear')} onClick={() => { onChange(''); focusSearchBox(); }}>×</button>}
    </div>
  );
}

/** Puts the keyboard focus back in the search box (Esc or ↑ from the results). */
export function focusSearchBox(): void {
  document.querySelector<HTMLInputElement>(`.${INPUT}`)?.focus();
}
