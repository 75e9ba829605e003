import { t } from '../../src/extension/i18n.js';

/** A labelled progress bar for long work (export, import); indeterminate until the total is known. */
export function ProgressLine({ label, done, total }: { label: string; done: number; total: number }) {
  const known = total > 0;
  return (
    <div class="progress-line" role="status">
      <span class="progress-label">{label}</span>
      <progress max={known ? total : undefined} value={known ? done : undefined} aria-label={label} />
      <span class="progress-count muted">{known ? t('progressCount', done.toLocaleString(), total.toLocaleString()) : ''}</span>
    </div>
  );
}
