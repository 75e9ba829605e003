// Installing change tracking on a Dexie database, and the tracker's read API (conflicts).

import type { Dexie, Transaction } from 'dexie';
import { markLibraryTransaction, trackingMiddleware, type TrackerState } from './middleware.js';
import { checkRecord, docId, leafView, openLosers } from './record.js';
import { DOCS_TABLE, META_TABLE } from './schema.js';
import type { Leaf, SyncTracker, TrackOptions } from './types.js';

const trackers = new WeakMap<Dexie, TrackerImpl>();

export const DEFAULT_REVS_LIMIT = 100;

export class TrackerImpl implements SyncTracker {
  readonly state: TrackerState;

  constructor(readonly db: Dexie, options: TrackOptions) {
    this.state = {
      tables: new Set(options.tables),
      revsLimit: Math.max(2, options.revsLimit ?? DEFAULT_REVS_LIMIT),
      onLocalChange: new Set(),
    };
  }

  get tables(): readonly string[] {
    return [...this.state.tables];
  }

  /**
   * Runs `fn` in one read-write Dexie transaction over the given tables and the library's, marked as the
   * library's own so the tracking middleware does not record its writes as local edits. `fn` must await only
   * Dexie calls (IndexedDB commits a transaction that waits on anything else).
   */
  async libraryTransaction<T>(tables: string[], fn: (tx: Transaction) => Promise<T>): Promise<T> {
    if (!this.db.isOpen()) await this.db.open();
    const names = [...new Set([...tables, DOCS_TABLE, META_TABLE])];
    return this.db.transaction('rw', names, (tx) => {
      markLibraryTransaction(tx.idbtrans);
      return fn(tx);
    });
  }

  async conflicts(table: string, key: string): Promise<Leaf[]> {
    return this.db.transaction('r', [table, DOCS_TABLE], async (tx) => {
      const stored = await tx.table(DOCS_TABLE).get(docId(table, key));
      if (!stored) return [];
      const rec = checkRecord(stored);
      const row = await tx.table(table).get(key);
      return openLosers(rec).map((rev) => leafView(rec, rev, row));
    });
  }

  async listConflicts(): Promise<Array<{ table: string; key: string }>> {
    const rows = await this.db.table(DOCS_TABLE).where('cf').equals(1).toArray();
    return rows.map((r: { t: string; k: string }) => ({ table: r.t, key: r.k }));
  }
}

/**
 * Starts tracking writes to the named tables, through a Dexie DBCore middleware. Call it before the database
 * opens (right after `db.version(...).stores(...)`), once per Dexie instance, whether or not a remote is set up:
 * writes made before the first sync are then pushed with their history. The schema must include
 * `...syncStores()`.
 */
export function trackChanges(db: Dexie, options: TrackOptions): SyncTracker {
  return installTracker(db, options);
}

export function installTracker(db: Dexie, options: TrackOptions): TrackerImpl {
  const existing = trackers.get(db);
  if (existing) {
    const missing = options.tables.filter((t) => !existing.state.tables.has(t));
    if (missing.length) throw new Error(`sync: tables ${missing.join(', ')} are not tracked; list them in trackChanges()`);
    return existing;
  }
  for (const t of options.tables) {
    if (t.includes(':') || t.startsWith('_')) throw new Error(`sync: table name ${t} cannot be synced (no ':' and no leading '_')`);
  }
  if (db.isOpen()) throw new Error('sync: call trackChanges()/createSync() before the database opens');
  const tracker = new TrackerImpl(db, options);
  listenToOtherConnections(db, tracker.state);
  db.use(trackingMiddleware(tracker.state));
  trackers.set(db, tracker);
  return tracker;
}

/**
 * Writes made through another connection (a worker, another tab) reach a live sync here at once, where the
 * platform has BroadcastChannel; without it, live mode finds them by the change counter within `longpollMs`.
 */
function listenToOtherConnections(db: Dexie, state: TrackerState): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(`dexie-sync-changes:${db.name}`);
  (channel as { unref?: () => void }).unref?.(); // Node: an idle channel must not keep the process alive
  channel.onmessage = () => {
    for (const fn of state.onLocalChange) fn();
  };
  state.announce = () => channel.postMessage(1);
}

export function trackerOf(db: Dexie): TrackerImpl | undefined {
  return trackers.get(db);
}
