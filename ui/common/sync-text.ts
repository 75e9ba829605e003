/** How the pages word the sync state and its errors. */
import type { SyncErrorInfo } from '../../src/sync/index.js';
import { t } from '../../src/extension/i18n.js';
import type { SyncView } from '../../src/extension/sync-settings.js';
import { formatDate } from './format.js';

/** A sync error in the reader's words; the library's own message (which says where) goes beside it. */
export function syncErrorText(e: SyncErrorInfo): string {
  switch (e.code) {
    case 'unauthorized': return t('syncErrUnauthorized');
    case 'forbidden': return t('syncErrForbidden');
    case 'not-found': return t('syncErrNotFound');
    case 'network': return t('syncErrNetwork');
    case 'server': case 'bad-response': return t('syncErrServer');
    case 'rejected': return t('syncErrRejected');
    case 'quota': return t('syncErrQuota');
    case 'wrong-passphrase': return t('syncErrWrongPassphrase');
    case 'not-encrypted': return t('syncErrNotEncrypted');
    case 'decrypt-failed': return t('syncErrDecrypt');
    case 'insecure-remote': return t('syncErrInsecure', e.message);
    default: return t('syncErrOther');
  }
}

/** The state in a word or two: Synced, Syncing…, Retrying…, Offline, Sync error. */
export function syncStateText(view: SyncView & { configured: true }): string {
  if (view.state === 'syncing') return view.retrying ? t('syncStateRetrying') : t('syncStateSyncing');
  if (view.state === 'offline') return t('syncStateOffline');
  if (view.state === 'error') return t('syncStateError');
  // Idle after a failed cycle: live mode was stopped while offline, or the last run failed.
  if (view.last && !view.last.ok) return view.last.error?.code === 'network' ? t('syncStateOffline') : t('syncStateError');
  return view.last ? t('syncStateIdle') : t('syncLastNever');
}

/** "12 Nov 2026, 14:02: succeeded" / "…: failed", or "Never". */
export function lastSyncText(view: SyncView & { configured: true }): string {
  if (!view.last) return t('syncLastNever');
  return view.last.ok ? t('syncLastOk', formatDate(view.last.at)) : t('syncLastFailed', formatDate(view.last.at));
}
