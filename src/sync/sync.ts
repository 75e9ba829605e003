// createSync: one replication between a Dexie database and a remote CouchDB database, with status, progress
// events, retries, and live mode.

import type { Dexie } from 'dexie';
import { confirmedPushSeq, readLocalCheckpoint, RemoteCheckpoint, replicationId, type RemoteCheckpointCache, type Seq } from './checkpoint.js';
import { adoptUntracked } from './adopt.js';
import { DEFAULT_ITERATIONS, remoteKey } from './crypto.js';
import { SyncError, toSyncError } from './errors.js';
import { Emitter } from './events.js';
import { backoff, Http, sleep } from './http.js';
import { fieldMerge } from './merge.js';
import { pull } from './pull.js';
import { push, pushedSeq } from './push.js';
import { parseRemote, type RemoteTarget } from './remote-url.js';
import { resolveConflicts } from './resolve.js';
import { DOCS_TABLE, META_TABLE, REPLICA_KEY, SEQ_KEY } from './schema.js';
import { installTracker, trackerOf, type TrackerImpl } from './track.js';
import type { Leaf, Resolver, RetryOptions, Sync, SyncErrorCode, SyncEvents, SyncOptions, SyncProgress, SyncResult, SyncStatus } from './types.js';

/** Errors that another attempt cannot fix without the user: live mode stops on them. */
const FATAL: ReadonlySet<SyncErrorCode> = new Set(['unauthorized', 'forbidden', 'wrong-passphrase', 'not-encrypted', 'insecure-remote', 'quota', 'decrypt-failed']);

const DEFAULT_RETRY: Required<RetryOptions> = { retries: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/** How long remote checkpoints are trusted from memory before a cycle reads them again. */
const CHECKPOINT_CACHE_MS = 5 * 60_000;

/**
 * Creates a replication between `db` and the remote CouchDB database `options.remote`. Installs change tracking
 * for `options.tables` unless `trackChanges` did already (then it must run before the database opens).
 * Throws SyncError('insecure-remote') for a remote that is neither HTTPS nor loopback.
 */
export function createSync(db: Dexie, options: SyncOptions): Sync {
  return new SyncImpl(db, options);
}

class SyncImpl implements Sync {
  private readonly emitter = new Emitter<SyncEvents>();
  private readonly target: RemoteTarget;
  private readonly tracker: TrackerImpl;
  private readonly resolver: Resolver | undefined;
  private readonly batchSize: number;
  private readonly retry: Required<RetryOptions>;
  private _status: SyncStatus = { state: 'idle', conflictsResolved: 0 };
  private _progress: SyncProgress = { direction: 'pull', pulled: { docs: 0, bytes: 0 }, pushed: { docs: 0, bytes: 0 }, requests: 0 };
  private abort = new AbortController();
  private http: Http;
  private running: Promise<SyncResult> | undefined;
  private live = false;
  private liveLoop: Promise<void> | undefined;
  private localDirty = false;
  /** Local change counter when the last successful push started: writes from other tabs show up above it. */
  private seenSeq = 0;
  private wake: (() => void) | undefined;
  private ready: Promise<{ key: CryptoKey | undefined; pullId: string; pushId: string }> | undefined;
  private pullSince: Seq | undefined;
  private readonly noBulkGet = { value: false };
  /** Remote checkpoints as last read or written; forgotten after a failed cycle. */
  private pullCp: RemoteCheckpointCache = { known: false };
  private pushCp: RemoteCheckpointCache = { known: false };
  private cpReadAt = 0;

  constructor(private readonly db: Dexie, private readonly options: SyncOptions) {
    this.target = parseRemote(options.remote, options.auth);
    const tables = options.tables ?? trackerOf(db)?.tables;
    if (!tables?.length) throw new Error('sync: no tables: pass options.tables or call trackChanges() first');
    const track = options.revsLimit === undefined ? { tables: [...tables] } : { tables: [...tables], revsLimit: options.revsLimit };
    this.tracker = installTracker(db, track);
    this.batchSize = Math.max(1, options.batchSize ?? 500);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    const sets = options.sets ?? {};
    this.resolver = options.resolve === false ? undefined : options.resolve ?? ((c) => fieldMerge(c, new Set(sets[c.table] ?? [])));
    this.http = this.makeHttp();
    this.tracker.state.onLocalChange.add(() => {
      this.localDirty = true;
      this.wake?.();
    });
    if (options.live) this.start();
  }

  get status(): SyncStatus {
    return this._status;
  }

  get progress(): SyncProgress {
    return this._progress;
  }

  on<E extends keyof SyncEvents>(event: E, listener: (value: SyncEvents[E]) => void): () => void {
    return this.emitter.on(event, listener);
  }

  private makeHttp(): Http {
    return new Http(this.target, this.options.fetch ?? globalThis.fetch.bind(globalThis), this.retry, this.abort.signal, (r) => {
      this.setStatus({ ...this._status, state: 'syncing', retry: { attempt: r.attempt, delayMs: r.delayMs }, error: r.error.info() });
    }, this.options.requestTimeoutMs);
  }

  private setStatus(s: SyncStatus): void {
    this._status = s;
    this.emitter.emit('status', s);
  }

  private bump(direction: 'pull' | 'push', docs: number, bytes: number, pending?: number): void {
    const p = this._progress;
    const side = direction === 'pull' ? p.pulled : p.pushed;
    this._progress = {
      ...p, direction, requests: this.http.requests,
      [direction === 'pull' ? 'pulled' : 'pushed']: { docs: side.docs + docs, bytes: side.bytes + bytes },
      ...(pending !== undefined ? { pendingPull: pending } : {}),
    };
    this.emitter.emit('progress', this._progress);
  }

  /** Ids and key, once per Sync: replica id, remote database (created if missing), encryption. */
  private setup(): Promise<{ key: CryptoKey | undefined; pullId: string; pushId: string }> {
    this.ready ??= (async () => {
      const ids = await this.ids();
      const info = await this.http.request('', { accept: [404] });
      if (info.status === 404) await this.http.request('', { method: 'PUT', accept: [412] });
      const enc = this.options.encryption;
      const key = await remoteKey(this.http, enc?.passphrase, enc?.iterations ?? DEFAULT_ITERATIONS);
      await adoptUntracked(this.tracker, this.batchSize);
      return { key, ...ids };
    })();
    this.ready.catch(() => (this.ready = undefined));
    return this.ready;
  }

  private async ids(): Promise<{ pullId: string; pushId: string }> {
    if (!this.db.isOpen()) await this.db.open();
    const replica = await this.db.transaction('rw', META_TABLE, async (tx) => {
      const row = (await tx.table(META_TABLE).get(REPLICA_KEY)) as { id: string } | undefined;
      if (row) return row.id;
      const id = crypto.randomUUID();
      await tx.table(META_TABLE).put({ k: REPLICA_KEY, id });
      return id;
    });
    const tables = [...this.tracker.state.tables];
    const encrypted = this.options.encryption !== undefined;
    return {
      pullId: replicationId('pull', replica, this.target.url, tables, encrypted),
      pushId: replicationId('push', replica, this.target.url, tables, encrypted),
    };
  }

  syncOnce(): Promise<SyncResult> {
    this.running ??= this.withLock(() => this.cycle()).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Serialises cycles across tabs and workers of the same origin, where Web Locks exist. */
  private withLock<T>(fn: () => Promise<T>): Promise<T> {
    const locks = (globalThis as { navigator?: { locks?: { request(name: string, cb: () => Promise<T>): Promise<T> } } }).navigator?.locks;
    return locks ? locks.request(`presscut-sync:${this.db.name}:${this.target.url}`, fn) : fn();
  }

  private async cycle(): Promise<SyncResult> {
    const result: SyncResult = { ok: false, pulled: 0, pushed: 0, conflictsResolved: 0 };
    const { retry: _r, error: _e, ...rest } = this._status;
    this.setStatus({ ...rest, state: 'syncing' });
    try {
      const { key, pullId, pushId } = await this.setup();
      this.localDirty = false;
      // Read the remote checkpoints again now and then: a remote database deleted and created again has lost
      // them, and the cycle after that must start over instead of trusting what we remember.
      if (Date.now() - this.cpReadAt > CHECKPOINT_CACHE_MS) {
        this.pullCp = { known: false };
        this.pushCp = { known: false };
        this.cpReadAt = Date.now();
      }
      const pulled = await pull({
        tracker: this.tracker, http: this.http, key, replicationId: pullId, batchSize: this.batchSize, noBulkGet: this.noBulkGet, checkpointCache: this.pullCp,
        push: { id: pushId, confirmedSeq: await confirmedPushSeq(this.db, new RemoteCheckpoint(this.http, pushId, this.pushCp)) },
        onBatch: (docs, bytes, pending) => this.bump('pull', docs, bytes, pending),
        onApplied: (a) => this.emitter.emit('applied', a),
      });
      result.pulled = pulled.pulled;
      this.pullSince = pulled.since;
      if (this.resolver) {
        const r = await resolveConflicts(this.tracker, this.resolver, this.batchSize, (c) => this.emitter.emit('conflict', c));
        result.conflictsResolved = r.resolved;
        if (r.applied.changes.length) this.emitter.emit('applied', r.applied);
      }
      const seqBeforePush = await this.localSeq();
      result.pushed = await push({
        tracker: this.tracker, http: this.http, key, replicationId: pushId, batchSize: this.batchSize, checkpointCache: this.pushCp,
        skipMark: await this.skipMark(pullId, pushId),
        onBatch: (docs, bytes) => this.bump('push', docs, bytes),
      });
      result.ok = true;
      this.seenSeq = seqBeforePush;
      this._progress = { ...this._progress, requests: this.http.requests };
      this.setStatus({ state: 'idle', lastSyncAt: Date.now(), conflictsResolved: this._status.conflictsResolved + result.conflictsResolved });
    } catch (err) {
      const e = toSyncError(err);
      result.error = e.info();
      this.pullCp = { known: false };
      this.pushCp = { known: false };
      const { retry: _r2, ...now } = this._status;
      this.setStatus({ ...now, state: e.code === 'network' ? 'offline' : 'error', error: e.info(), conflictsResolved: now.conflictsResolved + result.conflictsResolved });
    }
    return result;
  }

  /** The mark of records pulled from this remote in the current pull chain (see DocRecord.o). */
  private async skipMark(pullId: string, pushId: string): Promise<string | undefined> {
    const epoch = (await readLocalCheckpoint(this.db, pullId))?.epoch;
    return epoch ? `${pushId}@${epoch}` : undefined;
  }

  start(): void {
    if (this.live) return;
    this.live = true;
    this.liveLoop = this.loop();
  }

  async stop(): Promise<void> {
    this.live = false;
    this.abort.abort();
    this.wake?.();
    await this.liveLoop?.catch(() => undefined);
    await this.running?.catch(() => undefined);
    this.liveLoop = undefined;
    this.abort = new AbortController();
    this.http = this.makeHttp();
    if (this._status.state === 'syncing' || this._status.state === 'offline') {
      const { retry: _r, error: _e, ...rest } = this._status;
      this.setStatus({ ...rest, state: 'idle' });
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.live) {
      const r = await this.syncOnce();
      if (!this.live) break;
      if (!r.ok) {
        if (r.error && FATAL.has(r.error.code)) {
          this.live = false;
          break;
        }
        await this.idle(backoff(failures++, { ...this.retry, maxDelayMs: Math.max(this.retry.maxDelayMs, 60_000) }));
        continue;
      }
      failures = 0;
      await this.waitForChanges();
    }
  }

  /** Sleeps, waking up early for a local write or stop(). */
  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      this.wake = done;
      function done() {
        clearTimeout(t);
        resolve();
      }
    });
  }

  /** Longpolls the remote's _changes until it has news, a local write happened, or stop(). */
  private async waitForChanges(): Promise<void> {
    const longpollMs = this.options.longpollMs ?? 25_000;
    // Writes made in another tab or worker do not reach our listener: the change counter tells, checked
    // between longpolls (so within longpollMs).
    while (this.live && !this.localDirty && (await this.localSeq()) <= this.seenSeq) {
      const ac = new AbortController();
      this.wake = () => ac.abort();
      try {
        const res = await this.http.request<{ results?: unknown[] }>('_changes', {
          // pouchdb-server ignores `timeout`; our own timer ends the request either way.
          query: { feed: 'longpoll', style: 'all_docs', since: this.pullSince ?? 0, limit: 1, timeout: Math.max(1000, longpollMs - 1000) },
          timeoutMs: longpollMs, once: true, signal: ac.signal,
        });
        if (Array.isArray(res.body.results) && res.body.results.length > 0) return;
      } catch (err) {
        if (ac.signal.aborted || !this.live) return;
        const e = toSyncError(err);
        if (!(e instanceof SyncError) || e.message.endsWith('timed out')) continue;
        return; // a real failure: the next cycle reports it and backs off
      } finally {
        this.wake = undefined;
      }
    }
  }

  private async localSeq(): Promise<number> {
    const row = (await this.db.table(META_TABLE).get(SEQ_KEY)) as { n: number } | undefined;
    return row?.n ?? 0;
  }

  conflicts(table: string, key: string): Promise<Leaf[]> {
    return this.tracker.conflicts(table, key);
  }

  listConflicts(): Promise<Array<{ table: string; key: string }>> {
    return this.tracker.listConflicts();
  }

  async pending(): Promise<number> {
    const { pullId, pushId } = await this.ids();
    const seq = await pushedSeq(this.tracker, pushId);
    const mark = await this.skipMark(pullId, pushId);
    // Records pulled from this remote are not pending for it.
    return this.db.table(DOCS_TABLE).where('seq').above(seq).filter((r: { o?: string }) => mark === undefined || r.o !== mark).count();
  }
}
