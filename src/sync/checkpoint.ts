// Replication checkpoints, kept on both sides as CouchDB's replicator does: `_local/<replication id>` on the
// remote, a meta row locally. Format version 1. Sequences are opaque: stored and sent back, never compared.

import type { Dexie } from 'dexie';
import { SyncError } from './errors.js';
import type { Http } from './http.js';
import { md5 } from './md5.js';
import { META_TABLE, checkpointKey } from './schema.js';

export const CHECKPOINT_VERSION = 1;
const HISTORY = 20;

export type Seq = string | number;

export interface Checkpoint {
  v: number;
  session_id: string;
  source_last_seq: Seq;
  history: Array<{ session_id: string; recorded_seq: Seq }>;
  /**
   * Id of this chain of checkpoints: new whenever a replication starts over from the beginning (a remote database
   * recreated loses its `_local` documents), so marks made under an older chain are not trusted.
   */
  epoch?: string;
}

/** Id of one direction of the replication between this database (its replica id) and a remote. */
export function replicationId(direction: 'pull' | 'push', replica: string, url: string, tables: string[], encrypted: boolean): string {
  return `presscut-${direction}-${md5([replica, url, [...tables].sort().join(','), encrypted ? 'e' : 'p'].join('\n'))}`;
}

/**
 * Where to resume: the last sequence both sides recorded in the same session (each write is its own session, so
 * a write that reached one side only is skipped over). Undefined: start from the beginning.
 */
export function resumeFrom(local: Checkpoint | undefined, remote: Checkpoint | undefined): Seq | undefined {
  if (!local || !remote || local.v !== CHECKPOINT_VERSION || remote.v !== CHECKPOINT_VERSION) return undefined;
  if (local.session_id === remote.session_id) return local.source_last_seq;
  const remoteSessions = new Set([remote.session_id, ...remote.history.map((h) => h.session_id)]);
  return local.history.find((h) => remoteSessions.has(h.session_id))?.recorded_seq;
}

/** The checkpoint after reaching `seq`. Both sides get this same document. */
export function advance(prev: Checkpoint | undefined, seq: Seq): Checkpoint {
  const session_id = crypto.randomUUID();
  const history = [{ session_id, recorded_seq: seq }, ...(prev?.history ?? [])].slice(0, HISTORY);
  return { v: CHECKPOINT_VERSION, session_id, source_last_seq: seq, history, epoch: prev?.epoch ?? crypto.randomUUID() };
}

function strip(doc: Record<string, unknown> | undefined): Checkpoint | undefined {
  if (!doc) return undefined;
  const { v, session_id, source_last_seq, history, epoch } = doc as unknown as Checkpoint;
  if (v !== CHECKPOINT_VERSION || typeof session_id !== 'string' || !Array.isArray(history)) return undefined;
  return typeof epoch === 'string' ? { v, session_id, source_last_seq, history, epoch } : { v, session_id, source_last_seq, history };
}

/** What a Sync remembers of a remote checkpoint between cycles, so a quiet cycle does not read it again. */
export interface RemoteCheckpointCache {
  known: boolean;
  rev?: string;
  cp?: Checkpoint;
}

/** The remote half: reads and writes `_local/<id>`, remembering its revision and content. */
export class RemoteCheckpoint {
  constructor(private readonly http: Http, readonly id: string, private readonly cache: RemoteCheckpointCache = { known: false }) {}

  private get path(): string {
    return `_local/${encodeURIComponent(this.id)}`;
  }

  async read(fresh = false): Promise<Checkpoint | undefined> {
    if (this.cache.known && !fresh) return this.cache.cp;
    const res = await this.http.request<Record<string, unknown>>(this.path, { accept: [404] });
    this.cache.known = true;
    if (res.status === 404) {
      delete this.cache.rev;
      delete this.cache.cp;
      return undefined;
    }
    this.cache.rev = res.body._rev as string | undefined;
    const cp = strip(res.body);
    if (cp) this.cache.cp = cp;
    else delete this.cache.cp;
    return cp;
  }

  async write(cp: Checkpoint): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const body = this.cache.rev ? { ...cp, _rev: this.cache.rev } : cp;
      const res = await this.http.request<{ rev?: string }>(this.path, { method: 'PUT', body, accept: [409] });
      if (res.status !== 409) {
        if (res.body.rev) this.cache.rev = res.body.rev;
        this.cache.cp = cp;
        return;
      }
      await this.read(true); // someone else wrote it (another tab): take its revision and write ours over it
    }
    throw new SyncError('server', `could not write checkpoint ${this.id}`);
  }
}

export async function readLocalCheckpoint(db: Dexie, id: string): Promise<Checkpoint | undefined> {
  return strip(await db.table(META_TABLE).get(checkpointKey(id)));
}

export async function deleteLocalCheckpoint(db: Dexie, id: string): Promise<void> {
  await db.table(META_TABLE).delete(checkpointKey(id));
}

/** The local sequence a push has reached, as far as the remote confirms it (0: nothing confirmed). */
export async function confirmedPushSeq(db: Dexie, remote: RemoteCheckpoint): Promise<number> {
  const seq = resumeFrom(await readLocalCheckpoint(db, remote.id), await remote.read());
  return typeof seq === 'number' ? seq : 0;
}

/** The local half as a meta row; written inside the transaction that applies a batch. */
export function localCheckpointRow(id: string, cp: Checkpoint): { k: string } & Checkpoint {
  return { k: checkpointKey(id), ...cp };
}
