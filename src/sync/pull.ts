// Pull: _changes (style=all_docs) -> the revisions we miss -> _bulk_get (or open_revs per document) -> one
// transaction per batch with the local checkpoint -> the remote checkpoint.

import { applyPulled } from './apply.js';
import { advance, deleteLocalCheckpoint, readLocalCheckpoint, RemoteCheckpoint, resumeFrom, type Checkpoint, type RemoteCheckpointCache, type Seq } from './checkpoint.js';
import { SyncError } from './errors.js';
import { docPath, type Http, type HttpResponse } from './http.js';
import { checkRecord, knowsRev, splitDocId } from './record.js';
import { DOCS_TABLE } from './schema.js';
import type { TrackerImpl } from './track.js';
import type { AppliedChanges } from './types.js';
import { decodeDoc, type IncomingRev } from './wire.js';

export interface PullContext {
  tracker: TrackerImpl;
  http: Http;
  key: CryptoKey | undefined;
  replicationId: string;
  batchSize: number;
  onBatch: (docs: number, bytes: number, pending: number | undefined) => void;
  onApplied: (a: AppliedChanges) => void;
  /** Set once the remote answered that it has no _bulk_get. */
  noBulkGet: { value: boolean };
  checkpointCache?: RemoteCheckpointCache;
  /** For marking pulled records as already on the remote: its push replication id and confirmed push sequence. */
  push?: { id: string; confirmedSeq: number };
}

interface ChangesResponse {
  results: Array<{ id: string; seq: Seq; changes: Array<{ rev: string }>; deleted?: boolean }>;
  last_seq: Seq;
  pending?: number;
}

/** Batches between two writes of the remote checkpoint. */
const REMOTE_CHECKPOINT_EVERY = 5;

type OpenRev = { ok?: Record<string, unknown>; missing?: string; error?: unknown };

/** Pulls until caught up. Returns the number of revisions applied and the sequence reached. */
interface FetchedBatch {
  res: HttpResponse<ChangesResponse>;
  incoming: IncomingRev[];
  bytes: number;
  reached: Seq;
  /** More changes are expected after this batch. */
  more: boolean;
}

/** One batch from the network: the changes after `since`, the revisions we miss, decoded (and decrypted). */
async function fetchBatch(ctx: PullContext, since: Seq): Promise<FetchedBatch> {
  const res = await ctx.http.request<ChangesResponse>('_changes', { query: { style: 'all_docs', since, limit: ctx.batchSize } });
  const changes = res.body.results;
  if (!Array.isArray(changes)) throw new SyncError('bad-response', '_changes: no results array', res.status, true);
  const wanted = await missingRevs(ctx.tracker, changes);
  const fetched = wanted.length ? await fetchRevs(ctx, wanted) : { docs: [], bytes: 0 };
  // Decrypt before the transaction: IndexedDB would commit it while WebCrypto works.
  const incoming: IncomingRev[] = [];
  for (const d of fetched.docs) incoming.push(await decodeDoc(d, ctx.key));
  const reached = res.body.last_seq ?? changes[changes.length - 1]?.seq ?? since;
  const moved = String(reached) !== String(since);
  const caughtUp = res.body.pending !== undefined ? res.body.pending === 0 : changes.length < ctx.batchSize;
  return { res, incoming, bytes: res.bytes + fetched.bytes, reached, more: moved && !caughtUp };
}

/**
 * Pulls until caught up. The next batch is fetched while the current one is applied: the server's time and
 * IndexedDB's overlap. A revision fetched twice that way is applied once (apply is idempotent).
 */
export async function pull(ctx: PullContext): Promise<{ pulled: number; since: Seq }> {
  const { tracker, http } = ctx;
  const remoteCp = new RemoteCheckpoint(http, ctx.replicationId, ctx.checkpointCache);
  let local: Checkpoint | undefined = await readLocalCheckpoint(tracker.db, ctx.replicationId);
  const resumed = resumeFrom(local, await remoteCp.read());
  if (resumed === undefined && local) {
    // Starting over (the remote lost our checkpoint, maybe the whole database): a new chain, a new epoch.
    await deleteLocalCheckpoint(tracker.db, ctx.replicationId);
    local = undefined;
  }
  let since: Seq = resumed ?? 0;
  let pulled = 0;
  let batches = 0;
  let remoteWritten = local;
  let pending: Promise<FetchedBatch> = fetchBatch(ctx, since);
  for (;;) {
    const batch = await pending;
    if (batch.more) {
      pending = fetchBatch(ctx, batch.reached);
      pending.catch(() => undefined); // reported when awaited; an apply failure may come first
    }
    const next = String(batch.reached) !== String(since) ? advance(local, batch.reached) : undefined;
    const epoch = (next ?? local)?.epoch;
    const origin = ctx.push && epoch ? { mark: `${ctx.push.id}@${epoch}`, pushedSeq: ctx.push.confirmedSeq } : undefined;
    const applied = await applyPulled(tracker, batch.incoming, next ? { id: ctx.replicationId, cp: next } : undefined, origin);
    if (next) local = next;
    since = batch.reached;
    pulled += batch.incoming.length;
    batches++;
    ctx.onBatch(batch.incoming.length, batch.bytes, batch.res.body.pending);
    if (applied.changes.length) ctx.onApplied(applied);
    // The remote copy is written at the end and every few batches: after a crash the resume point is the
    // last copy both sides share, and the batches after it are fetched again (harmlessly: they are known).
    if (local && local !== remoteWritten && (!batch.more || batches % REMOTE_CHECKPOINT_EVERY === 0)) {
      await remoteCp.write(local);
      remoteWritten = local;
    }
    if (!batch.more) break;
  }
  return { pulled, since };
}

/** Leaf revisions listed in the changes that the local trees do not have (a local _revs_diff). */
async function missingRevs(tracker: TrackerImpl, changes: ChangesResponse['results']): Promise<Array<{ id: string; rev: string }>> {
  const ours = changes.filter((c) => {
    const s = splitDocId(c.id);
    return s !== undefined && tracker.state.tables.has(s.table);
  });
  if (ours.length === 0) return [];
  const recs = (await tracker.db.table(DOCS_TABLE).bulkGet(ours.map((c) => c.id))) as unknown[];
  const out: Array<{ id: string; rev: string }> = [];
  ours.forEach((c, i) => {
    const rec = recs[i] ? checkRecord(recs[i]) : undefined;
    for (const { rev } of c.changes) if (!knowsRev(rec, rev)) out.push({ id: c.id, rev });
  });
  return out;
}

async function fetchRevs(ctx: PullContext, wanted: Array<{ id: string; rev: string }>): Promise<{ docs: Array<Record<string, unknown>>; bytes: number }> {
  if (!ctx.noBulkGet.value) {
    const res = await ctx.http.request<{ results?: Array<{ docs?: OpenRev[] }> }>('_bulk_get', {
      method: 'POST', query: { revs: true, latest: true }, body: { docs: wanted }, accept: [400, 404, 405, 501],
    });
    if (res.status < 400) {
      if (!Array.isArray(res.body.results)) throw new SyncError('bad-response', '_bulk_get: no results array', res.status, true);
      const docs = res.body.results.flatMap((r) => (r.docs ?? []).map((d) => d.ok).filter((d): d is Record<string, unknown> => !!d && typeof d._rev === 'string'));
      return { docs, bytes: res.bytes };
    }
    // CouchDB before 2.0 and some proxies have no _bulk_get: fall back for good.
    ctx.noBulkGet.value = true;
  }
  return openRevs(ctx, wanted);
}

/** The per-document fallback: GET /db/ID?open_revs=[...]&revs=true&latest=true, a few at a time. */
async function openRevs(ctx: PullContext, wanted: Array<{ id: string; rev: string }>): Promise<{ docs: Array<Record<string, unknown>>; bytes: number }> {
  const byId = new Map<string, string[]>();
  for (const w of wanted) byId.set(w.id, [...(byId.get(w.id) ?? []), w.rev]);
  const ids = [...byId.keys()];
  const docs: Array<Record<string, unknown>> = [];
  let bytes = 0;
  const CONCURRENCY = 6;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < ids.length) {
      const id = ids[next++]!;
      const res = await ctx.http.request<OpenRev[]>(docPath(id), {
        query: { open_revs: JSON.stringify(byId.get(id)), revs: true, latest: true }, accept: [404],
      });
      bytes += res.bytes;
      if (res.status === 404) continue;
      if (!Array.isArray(res.body)) throw new SyncError('bad-response', `open_revs of ${id}: not an array`, res.status, true);
      for (const r of res.body) if (r.ok && typeof r.ok._rev === 'string') docs.push(r.ok);
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  return { docs, bytes };
}

