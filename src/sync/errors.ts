// Errors of the sync library, with the codes the status reports.

import type { SyncErrorCode, SyncErrorInfo } from './types.js';

export class SyncError extends Error {
  constructor(readonly code: SyncErrorCode, message: string, readonly status?: number, readonly retryable = false) {
    super(message);
    this.name = 'SyncError';
  }

  info(): SyncErrorInfo {
    return this.status === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, status: this.status };
  }
}

/** True for IndexedDB's QuotaExceededError, however Dexie wrapped it. */
export function isQuotaError(err: unknown): boolean {
  for (let e = err as { name?: string; inner?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.name === 'QuotaExceededError') return true;
    e = (e.inner ?? e.cause) as typeof e;
  }
  return false;
}

/** Any error as a SyncError (unknown ones become 'internal', quota errors 'quota'). */
export function toSyncError(err: unknown): SyncError {
  if (err instanceof SyncError) return err;
  if (isQuotaError(err)) return new SyncError('quota', 'IndexedDB quota exceeded: the batch was not applied; free space and sync again');
  const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new SyncError('internal', msg);
}
