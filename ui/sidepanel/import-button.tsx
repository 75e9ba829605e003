import { proxy } from 'comlink';
import { useRef, useState } from 'preact/hooks';
import type { ImportResult } from '../../src/engine/types.js';
import { t } from '../../src/extension/i18n.js';
import type { EngineApi } from '../common/engine.js';
import { errorText } from '../common/format.js';
import type { NoticeKind } from '../common/notice.js';
import { ProgressLine } from '../common/progress.js';

/** A Presscut archive (or a list of articles) rather than page text to clip: imported when dropped. */
export function isArchiveFile(file: { name: string }): boolean {
  return /\.(json|ndjson|jsonl)$/i.test(file.name);
}

/** "12 articles added, 3 unchanged, …": only the counts that are not zero, so a repeat import reads "nothing new". */
export function importSummary(r: ImportResult): string {
  const parts: [number, string][] = [
    [r.articles.added, 'importArticlesAdded'], [r.articles.updated, 'importArticlesUpdated'], [r.articles.unchanged, 'importArticlesUnchanged'],
    [r.collections.added, 'importCollectionsAdded'], [r.collections.updated, 'importCollectionsUpdated'],
    [r.memberships.added, 'importMembershipsAdded'], [r.annotations.added + r.annotations.updated, 'importAnnotations'],
    [r.links.added + r.links.updated, 'importLinks'],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, key]) => t(key, n.toLocaleString()));
  return said.length ? said.join(t('listSeparator')) : t('importNothing');
}

export interface Importer {
  run: (file: File) => Promise<void>;
  progress: { name: string; done: number; total: number } | null;
}

/** Imports one file at a time with its progress; the result or the file's problem goes to `notify`. */
export function useImporter(engine: EngineApi, onImported: () => void, notify: (kind: NoticeKind, text: string) => void): Importer {
  const [progress, setProgress] = useState<Importer['progress']>(null);
  async function run(file: File) {
    if (progress) return;
    setProgress({ name: file.name, done: 0, total: 0 });
    try {
      // The File goes to the worker as it is (a structured clone is a handle, not a copy of its bytes).
      const r = await engine.importArchive(file, proxy((done: number, total: number) => setProgress({ name: file.name, done, total })));
      onImported();
      notify('success', t('imported', file.name, importSummary(r)));
    } catch (e) {
      // The engine's message names the problem and where (JSON path, line); the class does not survive comlink.
      notify('error', t('importFailed', file.name, errorText(e)));
    } finally {
      setProgress(null);
    }
  }
  return { run, progress };
}

/** "Import…": a file picker for Presscut archives. */
export function ImportButton({ importer }: { importer: Importer }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="import-archive" disabled={!!importer.progress} onClick={() => input.current?.click()}>{t('importButton')}</button>
      <input ref={input} type="file" class="import-file" accept=".json,.ndjson,.jsonl,application/json,application/x-ndjson" hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importer.run(file);
        }} />
    </>
  );
}

/** The running import's progress bar. */
export function ImportProgress({ importer }: { importer: Importer }) {
  const p = importer.progress;
  return p && <ProgressLine label={t('importing', p.name)} done={p.done} total={p.total} />;
}
