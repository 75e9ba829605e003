// Push: local changes since the checkpoint -> _revs_diff -> _bulk_docs {new_edits:false} -> checkpoints.

import { advance, localCheckpointRow, readLocalCheckpoint, RemoteCheckpoint, resumeFrom, type RemoteCheckpointCache } from './checkpoint.js';
import { SyncError } from './errors.js';
import type { Http } from './http.js';
import { checkRecord, isDeleted, pathOf, sortedLeaves, type DocRecord } from './record.js';
import { DOCS_TABLE, META_TABLE } from './schema.js';
import type { TrackerImpl } from './track.js';
import type { SyncRecord } from './types.js';
import { encodeDoc, type WireDoc } from './wire.js';

export interface PushContext {
  tracker: TrackerImpl;
  http: Http;
  key: CryptoKey | undefined;
  replicationId: string;
  batchSize: number;
  onBatch: (docs: number, bytes: number) => void;
  checkpointCache?: RemoteCheckpointCache;
  /** Records carrying this mark came from this remote in the current pull chain: they are there already. */
  skipMark?: string;
}

/** Skipped records after which the remote checkpoint is written even though no document went there. */
const SKIPPED_BEFORE_WRITE = 100;

/** The last local sequence the remote has (0: nothing yet). */
export async function pushedSeq(tracker: TrackerImpl, replicationId: string): Promise<number> {
  const cp = await readLocalCheckpoint(tracker.db, replicationId);
  return typeof cp?.source_last_seq === 'number' ? cp.source_last_seq : 0;
}

/** Pushes until every local change is on the remote. Returns the number of revisions sent. */
export async function push(ctx: PushContext): Promise<number> {
  const { tracker, http } = ctx;
  const db = tracker.db;
  const remoteCp = new RemoteCheckpoint(http, ctx.replicationId, ctx.checkpointCache);
  let local = await readLocalCheckpoint(db, ctx.replicationId);
  const remote0 = await remoteCp.read();
  const since0 = resumeFrom(local, remote0);
  let since = typeof since0 === 'number' ? since0 : 0;
  let remoteWritten = remote0;
  let skippedUnwritten = 0;
  let sent = 0;
  for (;;) {
    // One read transaction: the records and the winners' bodies (app rows) are a consistent snapshot.
    const batch = await db.transaction('r', [...tracker.state.tables, DOCS_TABLE], async (tx) => {
      const recs = ((await tx.table(DOCS_TABLE).where('seq').above(since).limit(ctx.batchSize).toArray()) as unknown[]).map(checkRecord);
      // Records pulled from this very remote (and nothing local since) are there already.
      const toCheck = recs.filter((r) => ctx.skipMark === undefined || r.o !== ctx.skipMark);
      const rows = new Map<string, SyncRecord | undefined>();
      for (const table of new Set(toCheck.map((r) => r.t))) {
        const mine = toCheck.filter((r) => r.t === table && !isDeleted(r, r.w));
        const got = await tx.table(table).bulkGet(mine.map((r) => r.k));
        mine.forEach((r, i) => rows.set(r.id, got[i]));
      }
      return { recs, rows, toCheck };
    });
    if (batch.recs.length === 0) break;
    const toCheck = batch.toCheck;
    skippedUnwritten += batch.recs.length - toCheck.length;
    const diffBody: Record<string, string[]> = {};
    for (const r of toCheck) diffBody[r.id] = sortedLeaves(r);
    const diff = toCheck.length
      ? await http.request<Record<string, { missing?: string[] }>>('_revs_diff', { method: 'POST', body: diffBody })
      : { body: {} as Record<string, { missing?: string[] }> };
    const docs: WireDoc[] = [];
    for (const r of toCheck) {
      for (const rev of diff.body[r.id]?.missing ?? []) {
        if (!r.leaves[rev]) continue;
        docs.push(await wireDoc(r, rev, batch.rows.get(r.id), tracker.state.revsLimit, ctx.key));
      }
    }
    let bytes = 0;
    if (docs.length > 0) {
      const before = http.bytesSent;
      const res = await http.request<unknown>('_bulk_docs', { method: 'POST', body: { docs, new_edits: false } });
      bytes = http.bytesSent - before;
      // The answer is per document (201 even when some failed): a refused one stops the push before the
      // checkpoint moves past it.
      const failed = Array.isArray(res.body) ? (res.body as Array<{ id?: string; error?: string; reason?: string }>).filter((d) => d.error) : [];
      if (failed.length > 0) {
        const f = failed[0]!;
        throw new SyncError('rejected', `remote refused ${failed.length} document(s), first ${f.id}: ${f.error}${f.reason ? ` (${f.reason})` : ''}`);
      }
    }
    since = batch.recs[batch.recs.length - 1]!.seq;
    local = advance(local, since);
    // The remote copy moves when documents were checked there; a batch of skipped records moves the local one
    // only (the next cycle resumes from the last copy both have and skips those records again, locally).
    if (toCheck.length > 0) {
      await remoteCp.write(local);
      remoteWritten = local;
      skippedUnwritten = 0;
    }
    await db.table(META_TABLE).put(localCheckpointRow(ctx.replicationId, local));
    sent += docs.length;
    ctx.onBatch(docs.length, bytes);
    if (batch.recs.length < ctx.batchSize) break;
  }
  // Many skipped records, or a remote copy about to fall out of the local history: write it once at the end.
  const recent = local?.history.slice(0, 10).some((h) => h.session_id === remoteWritten?.session_id);
  if (local && local !== remoteWritten && (skippedUnwritten >= SKIPPED_BEFORE_WRITE || !recent)) await remoteCp.write(local);
  return sent;
}

async function wireDoc(rec: DocRecord, rev: string, winnerRow: SyncRecord | undefined, revsLimit: number, key: CryptoKey | undefined): Promise<WireDoc> {
  const meta = rec.leaves[rev]!;
  const deleted = isDeleted(rec, rev);
  const payload = { ...meta, data: deleted ? undefined : rev === rec.w ? winnerRow : meta.data };
  return encodeDoc(rec.id, pathOf(rec, rev, revsLimit), deleted, payload, key);
}
