// Public types of the sync library. Implementation lives in the other files of src/sync.

/** A plain record as the app stores it in a synced Dexie table. */
export type SyncRecord = Record<string, unknown>;

/** Per-field edit times (ms since the epoch, made monotonic per record), kept by the library for every revision. */
export type FieldTimes = Record<string, number>;

/** One leaf revision of a record's revision tree, as resolvers and `conflicts()` see it. */
export interface Leaf {
  /** CouchDB revision id, `N-hash`. */
  rev: string;
  deleted: boolean;
  /** The record's body; absent when deleted. */
  data?: SyncRecord;
  /** When each top-level field was last edited; fields edited by other CouchDB clients count as time 0. */
  fieldTimes: FieldTimes;
  /** When a delete was made (ms), for deleted leaves. */
  deletedAt?: number;
}

/** What a resolver decides for a conflicted record. */
export type Resolution =
  | { deleted: true; deletedAt?: number }
  | { deleted?: false; data: SyncRecord; fieldTimes?: FieldTimes };

/** A conflict handed to a resolver: the CouchDB winner and the other open leaves (live ones, and deletes). */
export interface Conflict {
  table: string;
  key: string;
  winner: Leaf;
  others: Leaf[];
}

/**
 * Custom conflict resolver. Must be deterministic (same leaves, same answer) so that every replica that resolves
 * the same conflict writes the same revision. Return undefined to leave the conflict open.
 */
export type Resolver = (conflict: Conflict) => Resolution | undefined | Promise<Resolution | undefined>;

/** Options of `trackChanges` (also accepted by `createSync`). */
export interface TrackOptions {
  /** Dexie tables to replicate. Each needs a non-auto-increment, single, string primary key. */
  tables: string[];
  /** Revisions kept per branch of a record's revision tree (ancestors beyond are stemmed). Default 100. */
  revsLimit?: number;
}

/** Basic-auth credentials for the remote. */
export interface SyncAuth {
  username: string;
  password: string;
}

/** End-to-end encryption: bodies leave encrypted; the server sees ids, revisions and ciphertext. */
export interface EncryptionOptions {
  passphrase: string;
  /** PBKDF2 iterations used when this client is the first to set up encryption on the remote. Default 600000. */
  iterations?: number;
}

export interface RetryOptions {
  /** Attempts after the first one, for network errors, 408, 429 and 5xx. Default 5. */
  retries?: number;
  /** First backoff delay; doubles each attempt, with jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff delay. Default 30000 ms. */
  maxDelayMs?: number;
}

/** Options of `createSync`. */
export interface SyncOptions extends Partial<TrackOptions> {
  /** URL of the remote CouchDB database, e.g. `https://couch.example.org/presscut-alice`. HTTPS, or loopback. */
  remote: string;
  auth?: SyncAuth;
  encryption?: EncryptionOptions;
  /** Start live replication right away (same as calling `start()`). */
  live?: boolean;
  /**
   * Conflict handling. Default: the field-level merge (later field edit wins, `sets` unioned, delete versus
   * edit: the later wins). A function: your resolver. `false`: keep conflicts open (CouchDB's winner is shown).
   */
  resolve?: Resolver | false;
  /** Array fields merged as sets by the default resolver, per table: `{ collections: ['articleIds'] }`. */
  sets?: Record<string, string[]>;
  /** Documents per `_changes` / `_bulk_get` / `_bulk_docs` batch. Default 500. */
  batchSize?: number;
  retry?: RetryOptions;
  /** Live mode: how long one longpoll waits before the client aborts it and asks again. Default 25000 ms. */
  longpollMs?: number;
  /** A request without an answer after this long is abandoned and retried as a network error. Default 60000 ms. */
  requestTimeoutMs?: number;
  /** fetch implementation; defaults to globalThis.fetch. */
  fetch?: typeof fetch;
}

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error';

export type SyncErrorCode =
  | 'unauthorized' // 401: wrong user or password
  | 'forbidden' // 403
  | 'not-found' // the remote database does not exist
  | 'network' // no answer (offline, refused, timeout) after the retries
  | 'server' // 5xx after the retries, or another unexpected status
  | 'bad-response' // an answer that is not the JSON the protocol promises
  | 'rejected' // the remote refused some documents of a push
  | 'quota' // IndexedDB is full: the batch was not applied
  | 'wrong-passphrase'
  | 'not-encrypted' // encryption is on but the remote holds plain documents
  | 'decrypt-failed' // a document failed authentication (tampered or foreign)
  | 'insecure-remote' // not HTTPS and not loopback
  | 'internal';

export interface SyncErrorInfo {
  code: SyncErrorCode;
  message: string;
  /** HTTP status, when the error came from a response. */
  status?: number;
}

export interface SyncStatus {
  state: SyncState;
  /** Set when state is 'error' or 'offline'. */
  error?: SyncErrorInfo;
  /** End of the last successful cycle (ms since the epoch). */
  lastSyncAt?: number;
  /** Conflicts resolved and written back since this Sync was created. */
  conflictsResolved: number;
  /** Set while waiting to retry after a network or server error. */
  retry?: { attempt: number; delayMs: number };
}

/** Cumulative counters of one Sync object. `bytes` counts HTTP bodies (UTF-8), documents count revisions. */
export interface SyncProgress {
  direction: 'pull' | 'push';
  pulled: { docs: number; bytes: number };
  pushed: { docs: number; bytes: number };
  /** Remote changes still to pull, when the server says (CouchDB's `pending`). */
  pendingPull?: number;
  /** HTTP requests sent so far. */
  requests: number;
}

/** Records whose winning revision changed because of a pull or a resolution (for rebuilding derived data). */
export interface AppliedChanges {
  changes: Array<{ table: string; key: string; deleted: boolean }>;
}

/** Reported for every conflict resolved, so a merge never drops a value silently. */
export interface ConflictReport {
  table: string;
  key: string;
  /** The leaves that were merged. */
  leaves: string[];
  /** The revision that now wins. */
  rev: string;
  deleted: boolean;
  /** Values of leaves that lost a field to a later edit (or to a delete). */
  overridden: Array<{ field: string; rev: string; value: unknown }>;
}

export interface SyncResult {
  ok: boolean;
  pulled: number;
  pushed: number;
  conflictsResolved: number;
  error?: SyncErrorInfo;
}

export interface SyncEvents {
  status: SyncStatus;
  progress: SyncProgress;
  applied: AppliedChanges;
  conflict: ConflictReport;
}

/** A replication between one Dexie database and one remote CouchDB database. */
export interface Sync {
  /** One cycle: pull until caught up, resolve conflicts, push until caught up. Never rejects: see `error`. */
  syncOnce(): Promise<SyncResult>;
  /** Live replication: a cycle, then longpoll the remote and watch local writes, until `stop()`. */
  start(): void;
  /** Stops live replication and waits for the current request to end. */
  stop(): Promise<void>;
  readonly status: SyncStatus;
  readonly progress: SyncProgress;
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends keyof SyncEvents>(event: E, listener: (value: SyncEvents[E]) => void): () => void;
  /** Local records changed since the last push to this remote. */
  pending(): Promise<number>;
  /** Open conflicts of one record (see SyncTracker.conflicts). */
  conflicts(table: string, key: string): Promise<Leaf[]>;
  /** Records that have open conflicts. */
  listConflicts(): Promise<Array<{ table: string; key: string }>>;
}

/** Installed by `trackChanges`: the change tracking of a Dexie database, before and without any remote. */
export interface SyncTracker {
  readonly tables: readonly string[];
  /** Open conflicts of one record: the non-winning leaves (live ones and unresolved deletes). */
  conflicts(table: string, key: string): Promise<Leaf[]>;
  /** Records that have open conflicts. */
  listConflicts(): Promise<Array<{ table: string; key: string }>>;
}
