import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleFilter, CollectionSummary, UndoToken } from '../../src/engine/types.js';
import { articleCount, t } from '../../src/extension/i18n.js';
import { attempt } from '../common/attempt.js';
import type { EngineApi } from '../common/engine.js';
import { errorText } from '../common/format.js';
import type { NoticeKind } from '../common/notice.js';
import type { ExportTarget } from './export-dialog.js';

interface Props {
  engine: EngineApi;
  /** Changes whenever the archive does; the lists are read again then. */
  version: number;
  filter: ArticleFilter;
  onFilter: (f: ArticleFilter) => void;
  onChanged: () => void;
  onDeleted: (token: UndoToken) => void;
  onExport: (target: ExportTarget) => void;
  notify: (kind: NoticeKind, text: string) => void;
}

/**
 * The collections and tags: choose one to narrow the archive list to it; create, rename, reorder (buttons, or
 * Alt+↑/↓ on a collection), delete (undoable) and export collections.
 */
export function CollectionsPanel({ engine, version, filter, onFilter, onChanged, onDeleted, onExport, notify }: Props) {
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [name, setName] = useState('');

  useEffect(() => {
    let live = true;
    Promise.all([engine.listCollections(), engine.listTags()]).then(([c, tg]) => {
      if (live) { setCollections(c); setTags(tg); }
    }, (e: unknown) => notify('error', errorText(e)));
    return () => { live = false; };
  }, [engine, version]);

  const act = (fn: () => Promise<unknown>) => attempt(fn, notify, onChanged);

  const create = (e: Event) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    void act(async () => {
      const c = await engine.createCollection(n);
      setName('');
      notify('success', t('collectionCreated', c.name));
    });
  };
  const rename = (id: string, to: string) => act(async () => {
    setRenaming(null);
    await engine.renameCollection(id, to);
  });
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= collections.length) return;
    const ids = collections.map((c) => c.id);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    // Shown at once; the engine's order comes back with the next read.
    setCollections(ids.map((id) => collections.find((c) => c.id === id)!));
    void act(() => engine.reorderCollections(ids));
    requestAnimationFrame(() => (document.querySelector(`[data-collection-id="${ids[j]}"] .collection-name`) as HTMLElement | null)?.focus());
  };
  const remove = (c: CollectionSummary) => act(async () => {
    if (filter.collectionId === c.id) onFilter({});
    onDeleted(await engine.deleteCollection(c.id));
  });

  return (
    <section class="collections" aria-label={t('collectionsHeading')}>
      <h2>{t('collectionsHeading')}</h2>
      {collections.length === 0 && <p class="muted small">{t('collectionsEmpty')}</p>}
      <ul class="collection-list">
        {collections.map((c, i) => (
          <li key={c.id} class="collection" data-collection-id={c.id}>
            {renaming === c.id ? (
              <RenameForm name={c.name} onDone={(to) => (to && to !== c.name ? void rename(c.id, to) : setRenaming(null))} />
            ) : (
              <button
                type="button" class="collection-name" aria-pressed={filter.collectionId === c.id}
                title={t('collectionShowHint')}
                onClick={() => onFilter(filter.collectionId === c.id ? {} : { collectionId: c.id })}
                onKeyDown={(e) => {
                  if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) { e.preventDefault(); move(i, e.key === 'ArrowUp' ? -1 : 1); }
                }}
              >
                <span class="collection-title">{c.name}</span>
                <span class="collection-count muted">{articleCount(c.articleCount)}</span>
              </button>
            )}
            <span class="collection-tools">
              <button type="button" class="icon move-up" aria-label={t('moveUp', c.name)} title={t('moveUp', c.name)} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
              <button type="button" class="icon move-down" aria-label={t('moveDown', c.name)} title={t('moveDown', c.name)} disabled={i === collections.length - 1} onClick={() => move(i, 1)}>↓</button>
              <button type="button" class="icon rename" aria-label={t('renameCollection', c.name)} title={t('renameCollection', c.name)} onClick={() => setRenaming(c.id)}>✎</button>
              <button type="button" class="icon export" aria-label={t('exportCollection', c.name)} title={t('exportCollection', c.name)} onClick={() => onExport({ scope: { kind: 'collection', id: c.id }, label: c.name })}>⤓</button>
              <button type="button" class="icon delete danger" aria-label={t('deleteCollection', c.name)} title={t('deleteCollection', c.name)} onClick={() => remove(c)}>×</button>
            </span>
          </li>
        ))}
      </ul>
      <form class="new-collection" onSubmit={create}>
        <input type="text" class="new-collection-name" value={name} maxLength={200} placeholder={t('newCollectionPlaceholder')}
          aria-label={t('newCollectionPlaceholder')} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" disabled={!name.trim()}>{t('create')}</button>
      </form>
      {tags.length > 0 && (
        <>
          <h2>{t('tagsHeading')}</h2>
          <div class="tag-filters">
            {tags.map(({ tag, count }) => (
              <button key={tag} type="button" class="chip tag-filter" aria-pressed={filter.tag === tag}
                onClick={() => onFilter(filter.tag === tag ? { ...filter, tag: undefined } : { ...filter, tag })}>
                {tag} <span class="muted">{count}</span>
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function RenameForm({ name, onDone }: { name: string; onDone: (to: string | null) => void }) {
  const [value, setValue] = useState(name);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  return (
    <form class="rename-form" onSubmit={(e) => { e.preventDefault(); onDone(value.trim()); }}>
      <input type="text" class="rename-input" value={value} maxLength={200} aria-label={t('collectionName')} ref={input}
        onInput={(e) => setValue(e.currentTarget.value)} onKeyDown={(e) => { if (e.key === 'Escape') onDone(null); }} />
      <button type="submit">{t('save')}</button>
    </form>
  );
}

/** What the archive list is narrowed to, with a way back to everything. */
export function FilterBar({ engine, filter, version, onFilter }: { engine: EngineApi; filter: ArticleFilter; version: number; onFilter: (f: ArticleFilter) => void }) {
  const [name, setName] = useState('…');
  useEffect(() => {
    let live = true;
    if (filter.collectionId) void engine.listCollections().then((all) => { if (live) setName(all.find((c) => c.id === filter.collectionId)?.name ?? '…'); });
    return () => { live = false; };
  }, [engine, filter.collectionId, version]);
  if (!filter.collectionId && !filter.tag) return null;
  return (
    <div class="filter-bar" role="status">
      {filter.collectionId && <span class="chip">{t('filterCollection', name)}</span>}
      {filter.tag && <span class="chip">{t('filterTag', filter.tag)}</span>}
      <span class="spacer" />
      <button type="button" class="link clear-filter" onClick={() => onFilter({})}>{t('showAll')}</button>
    </div>
  );
}
