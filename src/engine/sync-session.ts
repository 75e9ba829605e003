/**
 * The browser's one sync session, run by the engine worker that the background owns (Chrome's offscreen document,
 * Firefox's event page). The background holds the settings (extension storage, which workers cannot read) and
 * passes them with every call, so a worker that was restarted picks the session up from the next call.
 */
import type { PresscutDB } from '../store/db.js';
import { presscutResolver, SYNC_SETS, SYNCED_TABLES } from '../store/synced.js';
import { createSync, SyncError, type Sync, type SyncErrorInfo, type SyncState } from '../sync/index.js';
import { refreshDerived } from './sync-derived.js';

/** What the reader entered on the options page. */
export interface SyncSettings {
  /** The remote database's URL: HTTPS, or http:// on loopback. */
  remote: string;
  username: string;
  password: string;
  /** End-to-end encryption when set. */
  passphrase?: string;
}

/** The outcome of the last finished sync cycle. */
export interface LastSync {
  at: number;
  ok: boolean;
  error?: SyncErrorInfo;
}

/** The session as the options page and the side panel show it. */
export interface SyncSnapshot {
  state: SyncState;
  /** Set in the error and offline states, and while a retry waits. */
  error?: SyncErrorInfo;
  /** Set while waiting to retry after a network or server error. */
  retrying: boolean;
  last?: LastSync;
  /** Local changes not yet pushed; null when they cannot be counted (no session). */
  pending: number | null;
  /** Live replication is on (the side panel is open). */
  live: boolean;
}

/** What the session tells its host: a new snapshot, or records of these clippings changed by a pull. */
export type SyncEvent = { type: 'status'; snapshot: SyncSnapshot } | { type: 'applied'; clippingIds: string[] };

/** The sync half of what the engine worker exposes; every method takes the current settings. */
export interface SyncApi {
  /** One full cycle (pull, merge, push); resolves when it is over, successful or not. */
  syncRun(settings: SyncSettings): Promise<SyncSnapshot>;
  /** Live replication for `leaseMs` more (renewed by the caller while it wants it); 0 stops it. */
  syncLive(settings: SyncSettings, leaseMs: number): Promise<SyncSnapshot>;
  syncState(settings: SyncSettings): Promise<SyncSnapshot>;
  /** Stops and forgets the session (sync turned off). */
  syncOff(): Promise<void>;
  /** Registers the host's listener (one: the owner of the session). */
  onSync(listener: (event: SyncEvent) => void): void;
}

/** Interactive syncs should not keep a reader waiting long: live mode keeps retrying on its own. */
const RETRY = { retries: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };

/** The sync session over one database. */
export function createSyncSession(db: PresscutDB): SyncApi {
  let current: { key: string; sync: Sync } | null = null;
  let setupError: SyncErrorInfo | undefined;
  let last: LastSync | undefined;
  let live = false;
  let lease: ReturnType<typeof setTimeout> | undefined;
  let listener: (event: SyncEvent) => void = () => undefined;
  // Index refreshes run one after another, in the order the batches were applied.
  let indexing: Promise<unknown> = Promise.resolve();

  async function snapshot(): Promise<SyncSnapshot> {
    if (!current) {
      return setupError ? { state: 'error', error: setupError, retrying: false, pending: null, live: false, ...(last ? { last } : {}) } : { state: 'idle', retrying: false, pending: null, live: false };
    }
    const s = current.sync.status;
    const pending = await current.sync.pending().catch(() => null);
    return { state: s.state, ...(s.error ? { error: s.error } : {}), retrying: !!s.retry, ...(last ? { last } : {}), pending, live };
  }

  function publish(): void {
    void snapshot().then((snap) => listener({ type: 'status', snapshot: snap }));
  }

  /** The session for these settings, replacing one made for other settings. */
  async function session(settings: SyncSettings): Promise<Sync | null> {
    const key = JSON.stringify([settings.remote, settings.username, settings.password, settings.passphrase ?? '']);
    if (current?.key === key) return current.sync;
    if (current) {
      await current.sync.stop();
      current = null;
    }
    let sync: Sync;
    try {
      sync = createSync(db, {
        remote: settings.remote, auth: { username: settings.username, password: settings.password },
        tables: [...SYNCED_TABLES], sets: SYNC_SETS, resolve: presscutResolver, retry: RETRY,
        ...(settings.passphrase ? { encryption: { passphrase: settings.passphrase } } : {}),
      });
    } catch (e) {
      // An insecure or malformed URL: the options page refuses those, but stored settings may predate a rule.
      setupError = e instanceof SyncError ? e.info() : { code: 'internal', message: String(e) };
      last = { at: Date.now(), ok: false, error: setupError };
      return null;
    }
    setupError = undefined;
    last = undefined;
    current = { key, sync };
    sync.on('status', (s) => {
      if (s.state === 'idle' && s.lastSyncAt) last = { at: s.lastSyncAt, ok: true };
      else if ((s.state === 'error' || s.state === 'offline') && s.error && !s.retry) last = { at: Date.now(), ok: false, error: s.error };
      publish();
    });
    sync.on('applied', (applied) => {
      indexing = indexing.then(() => refreshDerived(db, applied)).then(
        (clippingIds) => listener({ type: 'applied', clippingIds }),
        (e) => console.error('sync: the search index or story parts could not be refreshed', e),
      );
    });
    if (live) sync.start(); // new settings while the side panel is open
    return sync;
  }

  async function stopLive(): Promise<void> {
    clearTimeout(lease);
    if (!live) return;
    live = false;
    await current?.sync.stop();
  }

  return {
    async syncRun(settings) {
      const sync = await session(settings);
      if (sync) {
        await sync.syncOnce();
        await indexing;
      }
      return snapshot();
    },

    async syncLive(settings, leaseMs) {
      if (leaseMs <= 0) {
        await stopLive();
        return snapshot();
      }
      const sync = await session(settings);
      if (!sync) return snapshot();
      clearTimeout(lease);
      lease = setTimeout(() => void stopLive().then(publish), leaseMs);
      if (!live) {
        live = true;
        sync.start();
      }
      return snapshot();
    },

    async syncState(settings) {
      await session(settings);
      return snapshot();
    },

    async syncOff() {
      await stopLive();
      await current?.sync.stop();
      current = null;
      setupError = undefined;
      last = undefined;
    },

    onSync(fn) {
      listener = fn;
    },
  };
}
