import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/extension/i18n.js';
import { keepPdfs, setKeepPdfs } from '../../src/extension/pdf-option.js';

/** The opt-in to keep each clipped PDF in the archive (off by default: PDFs are large): on the options page, and under the side panel's paste box, where files are dropped. */
export function KeepPdfsOption() {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => { void keepPdfs().then(setOn); }, []);
  if (on === null) return null;
  return (
    <label class="keep-pdfs muted">
      <input type="checkbox" checked={on} onChange={(e) => { const v = (e.currentTarget as HTMLInputElement).checked; setOn(v); void setKeepPdfs(v); }} />
      {' '}{t('keepPdfs')}
    </label>
  );
}
