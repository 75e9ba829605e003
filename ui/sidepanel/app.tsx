import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleFilter, UndoToken } from '../../src/engine/types.js';
import { articleCount, t } from '../../src/extension/i18n.js';
import { onBroadcast } from '../../src/extension/messages.js';
import { onPanelRequest } from '../../src/extension/panel-request.js';
import type { EngineApi } from '../common/engine.js';
import { errorText } from '../common/format.js';
import { Notice, type NoticeKind } from '../common/notice.js';
import { PasteBox } from '../common/paste-box.js';
import { ArchiveList } from './archive-list.js';
import { ClippingView } from './clipping-view.js';
import { CollectionsPanel, FilterBar } from './collections-panel.js';
import { ExportDialog, type ExportTarget } from './export-dialog.js';
import { ImportButton, ImportProgress, isArchiveFile, useImporter } from './import-button.js';
import { clipDroppedFiles } from './clip-files.js';
import { KeepPdfsOption } from '../common/keep-pdfs.js';
import { Reader } from './reader.js';
import { SearchBox } from './search-box.js';
import { SearchView } from './search-view.js';
import { SyncStatus } from './sync-status.js';
import { SelectionBar } from './selection-bar.js';

type View = { name: 'archive' } | { name: 'article'; id: string } | { name: 'clipping'; id: string; focus: string | null };
type Note = { kind: NoticeKind; text: string; at: number };

/** How long an undo offer stays on screen. */
const UNDO_MS = 30_000;

/**
 * The side panel (Chrome) or sidebar (Firefox): the archive, the reader, the clipping view, a paste box and a drop
 * target for .txt and PDF files. It owns its engine worker; clips made elsewhere arrive as `archive-changed` broadcasts.
 */
export function SidePanel({ engine }: { engine: EngineApi }) {
  const [view, setView] = useState<View>({ name: 'archive' });
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState<Note | null>(null);
  const [undo, setUndo] = useState<UndoToken | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [query, setQuery] = useState('');
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Collections (issue 5): the list's filter, the multi-selection, the export dialog and the running import.
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [filter, setFilter] = useState<ArticleFilter>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [exporting, setExporting] = useState<ExportTarget | null>(null);

  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const notify = useCallback((kind: NoticeKind, text: string) => setNote({ kind, text, at: Date.now() }), []);

  useEffect(() => onBroadcast(changed), [changed]);
  // The popup's quick search opened the panel on a result: show it, with its query for Back.
  useEffect(() => onPanelRequest((r) => { setQuery(r.query); setView(r.articleId ? { name: 'article', id: r.articleId } : { name: 'archive' }); }), []);
  const importer = useImporter(engine, changed, notify);
  const toggleSelected = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  function offerUndo(token: UndoToken) {
    clearTimeout(undoTimer.current);
    setUndo(token);
    undoTimer.current = setTimeout(() => setUndo(null), UNDO_MS);
  }

  async function undoDelete() {
    if (!undo) return;
    setUndo(null);
    try {
      await engine.undo(undo.id);
      changed();
      notify('success', t('restored', undo.label));
    } catch (e) {
      notify('error', errorText(e));
    }
  }

  async function clipFiles(files: File[]) {
    try {
      const n = await clipDroppedFiles(engine, files);
      changed();
      setView({ name: 'archive' });
      notify(n.kind, n.text);
    } catch (e) {
      notify('error', errorText(e));
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    const archives = files.filter(isArchiveFile), pages = files.filter((f) => !isArchiveFile(f));
    void (async () => {
      for (const file of archives) await importer.run(file);
      if (pages.length) await clipFiles(pages);
    })();
  }

  const toArchive = () => setView({ name: 'archive' });
  const openArticle = (id: string) => setView({ name: 'article', id });

  return (
    <div
      class={dragging ? 'panel dragging' : 'panel'}
      onDragOver={(e) => { if (e.dataTransfer?.types.includes('Files')) { e.preventDefault(); setDragging(true); } }}
      onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false); }}
      onDrop={onDrop}
    >
      <header class="bar">
        <h1 class="brand">Presscut</h1>
        <span class="count muted">{total === null ? '' : articleCount(total)}</span>
        <span class="spacer" />
        <SyncStatus />
        <button type="button" class="toggle-library" aria-expanded={libraryOpen} onClick={() => setLibraryOpen(!libraryOpen)}>{t('collectionsToggle')}</button>
        <button type="button" class="toggle-paste" aria-expanded={pasteOpen} onClick={() => setPasteOpen(!pasteOpen)}>{t('pasteToggle')}</button>
        <SearchBox value={query} onChange={(q) => { setQuery(q); toArchive(); }} />
      </header>
      {pasteOpen && (
        <section class="paste-panel">
          <PasteBox engine={engine} save={(input) => engine.ingest(input)} onSaved={() => { changed(); toArchive(); }} rows={5} />
          <KeepPdfsOption />
        </section>
      )}
      {libraryOpen && (
        <section class="library-panel">
          <CollectionsPanel
            engine={engine} version={version} filter={filter} onFilter={(f) => { setFilter(f); toArchive(); }} onChanged={changed}
            onDeleted={(token) => { offerUndo(token); changed(); }} onExport={setExporting} notify={notify}
          />
          <div class="archive-tools">
            <ImportButton importer={importer} />
            <button type="button" class="export-all" onClick={() => setExporting({ scope: { kind: 'all' }, label: t('wholeArchive') })}>{t('exportAll')}</button>
          </div>
        </section>
      )}
      <ImportProgress importer={importer} />
      {note && <div class="note-line" key={note.at}><Notice kind={note.kind}>{note.text}</Notice><button type="button" class="link dismiss" aria-label={t('dismiss')} onClick={() => setNote(null)}>×</button></div>}
      <main class="views">
        {total === 0 && view.name === 'archive' && !query.trim() && <p class="empty">{t('archiveEmpty')}</p>}
        {view.name === 'archive' && !query.trim() && <FilterBar engine={engine} filter={filter} version={version} onFilter={setFilter} />}
        <ArchiveList
          engine={engine} version={version} hidden={view.name !== 'archive' || !!query.trim()} onOpen={(row) => openArticle(row.id)}
          filter={filter} selected={selected} onToggle={toggleSelected}
          onCount={setTotal} onError={(e) => notify('error', errorText(e))}
        />
        <SearchView
          engine={engine} query={query} version={version} hidden={view.name !== 'archive'} onOpen={openArticle} onClear={() => setQuery('')}
          selected={new Set(selected)} onToggle={toggleSelected} onExport={(ids, q) => setExporting({ scope: { kind: 'articles', ids }, label: t('searchResultsFor', q) })}
        />
        {view.name === 'article' && (
          <Reader
            engine={engine} id={view.id} version={version} onBack={toArchive} onOpen={openArticle}
            onShowClipping={(id, focus) => setView({ name: 'clipping', id, focus })}
            onDeleted={(token) => { offerUndo(token); changed(); toArchive(); }}
            onChanged={changed} notify={notify}
          />
        )}
        {view.name === 'clipping' && (
          <ClippingView
            engine={engine} id={view.id} focus={view.focus} version={version}
            onBack={() => (view.focus ? openArticle(view.focus) : toArchive())} onOpenArticle={openArticle}
            onChanged={changed} notify={notify}
          />
        )}
      </main>
      <SelectionBar engine={engine} selected={selected} version={version} onClear={() => setSelected([])} onExport={setExporting} onChanged={changed} notify={notify} />
      {exporting && <ExportDialog engine={engine} target={exporting} onClose={() => setExporting(null)} notify={notify} />}
      {undo && (
        <div class="undo-bar" role="status">
          <span>{t('deleted', undo.label)}</span>
          <button type="button" class="undo" onClick={undoDelete}>{t('undo')}</button>
        </div>
      )}
      {dragging && <div class="drop-overlay">{t('dropHint')}</div>}
    </div>
  );
}
