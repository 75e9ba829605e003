import { proxy } from 'comlink';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFormat, ExportScope } from '../../src/engine/types.js';
import { articleCount, t } from '../../src/extension/i18n.js';
import { downloadBlob } from '../common/download.js';
import type { EngineApi } from '../common/engine.js';
import { errorText } from '../common/format.js';
import type { NoticeKind } from '../common/notice.js';
import { ProgressLine } from '../common/progress.js';

/** What to export, and how the dialog names it ("the collection X", "3 selected articles"). */
export interface ExportTarget {
  scope: ExportScope;
  label: string;
}

const FORMATS: { id: ExportFormat; key: string }[] = [
  { id: 'presscut', key: 'formatPresscut' },
  { id: 'csl-json', key: 'formatCsl' },
  { id: 'markdown', key: 'formatMarkdown' },
  { id: 'ndjson', key: 'formatNdjson' },
];

/**
 * Export: a format, a progress bar while the engine writes the file, then the browser's downloads. The worker
 * hands back a Blob (built from parts, never one string); only its blob: URL is made here.
 */
export function ExportDialog({ engine, target, onClose, notify }: {
  engine: EngineApi; target: ExportTarget; onClose: () => void; notify: (kind: NoticeKind, text: string) => void;
}) {
  const [format, setFormat] = useState<ExportFormat>('presscut');
  const [saveAs, setSaveAs] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function run() {
    setProgress({ done: 0, total: 0 });
    try {
      const r = await engine.exportArchive(target.scope, format, proxy((done: number, total: number) => setProgress({ done, total })));
      await downloadBlob(r.blob, r.filename, saveAs);
      notify('success', t('exported', articleCount(r.articles), r.filename));
      onClose();
    } catch (e) {
      setProgress(null);
      notify('error', t('exportFailed', errorText(e)));
    }
  }

  const busy = progress !== null;
  return (
    <div class="dialog-backdrop" onKeyDown={(e) => { if (e.key === 'Escape' && !busy) onClose(); }}>
      <section class="dialog export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title">
        <h2 id="export-title">{t('exportTitle', target.label)}</h2>
        <fieldset class="formats" disabled={busy}>
          <legend>{t('exportFormat')}</legend>
          {FORMATS.map((f, i) => (
            <label key={f.id} class="format">
              <input type="radio" name="format" value={f.id} checked={format === f.id} ref={i === 0 ? first : undefined}
                onChange={() => setFormat(f.id)} />
              {t(f.key)}
            </label>
          ))}
        </fieldset>
        <label class="save-as">
          <input type="checkbox" checked={saveAs} disabled={busy} onChange={(e) => setSaveAs(e.currentTarget.checked)} /> {t('exportSaveAs')}
        </label>
        {busy && <ProgressLine label={t('exporting')} done={progress.done} total={progress.total} />}
        <div class="actions">
          <button type="button" class="primary export-run" disabled={busy} onClick={run}>{t('exportRun')}</button>
          <button type="button" disabled={busy} onClick={onClose}>{t('cancel')}</button>
        </div>
      </section>
    </div>
  );
}
