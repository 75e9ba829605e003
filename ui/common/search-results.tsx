import type { Highlight, SearchHit } from '../../src/engine/types.js';
import { t } from '../../src/extension/i18n.js';
import { articleLabel } from './article-label.js';
import { formatDay, sourceLabel } from './format.js';
import { markSegments } from './marks.js';

export interface SearchResultsProps {
  hits: SearchHit[];
  onOpen: (hit: SearchHit) => void;
  /**
   * Multi-select: the article ids that are ticked. With `onToggle` every row gets a checkbox (for adding results
   * to a collection); without it the list is read-only.
   */
  selected?: Set<string>;
  onToggle?: (articleId: string) => void;
  /** Keyboard focus leaves the list: ↑ on the first row (`up`) or Esc (`escape`). */
  onExit?: (how: 'up' | 'escape') => void;
  /** One line of snippet instead of three (the popup). */
  compact?: boolean;
}

/** The class of the button that opens a result; also what the search boxes move the focus to. */
const OPEN = 'result-open';

/**
 * Search results: per article its source and publication day, its headline and a snippet, each with the matched
 * text in `<mark>`. ↑/↓ move between rows, Enter opens one.
 */
export function SearchResults({ hits, onOpen, selected, onToggle, onExit, compact }: SearchResultsProps) {
  function onKeyDown(e: KeyboardEvent) {
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>(`.${OPEN}`)];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      onExit?.('escape');
    } else if (e.key === 'ArrowDown' && at >= 0) {
      e.preventDefault();
      buttons[Math.min(at + 1, buttons.length - 1)]!.focus();
    } else if (e.key === 'ArrowUp' && at >= 0) {
      e.preventDefault();
      if (at === 0) onExit?.('up');
      else buttons[at - 1]!.focus();
    }
  }

  return (
    <ol class={compact ? 'results compact' : 'results'} onKeyDown={onKeyDown}>
      {hits.map((hit) => <ResultRow key={hit.articleId} hit={hit} onOpen={onOpen} selected={selected?.has(hit.articleId) ?? false} onToggle={onToggle} />)}
    </ol>
  );
}

function ResultRow({ hit, onOpen, selected, onToggle }: { hit: SearchHit; onOpen: (hit: SearchHit) => void; selected: boolean; onToggle?: (id: string) => void }) {
  const label = articleLabel(hit);
  return (
    <li class={selected ? 'result selected' : 'result'}>
      {onToggle && (
        <input type="checkbox" class="result-select" checked={selected} aria-label={t('selectResult', label)} onChange={() => onToggle(hit.articleId)} />
      )}
      <button type="button" class={OPEN} data-article-id={hit.articleId} onClick={() => onOpen(hit)}>
        <span class="result-meta">{sourceLabel(hit.source, null)} · {formatDay(hit.date)}</span>
        <span class="result-headline"><Marked text={label} highlights={hit.headline ? hit.headlineHighlights : []} /></span>
        {hit.snippet.text && <span class="result-snippet"><Marked text={hit.snippet.text} highlights={hit.snippet.highlights} /></span>}
      </button>
    </li>
  );
}

/** Text with the given ranges in `<mark>`. */
export function Marked({ text, highlights }: { text: string; highlights: readonly Highlight[] }) {
  return <>{markSegments(text, highlights).map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}

/** Moves the keyboard focus to the first result inside `root`; false when there is none. */
export function focusFirstResult(root: ParentNode | null): boolean {
  const first = root?.querySelector<HTMLElement>(`.${OPEN}`);
  first?.focus();
  return !!first;
}
