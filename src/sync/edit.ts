// Local edits as revisions: what the change-tracking middleware records when the app writes a synced table.

import { canonicalJson, sameValue } from './canonical.js';
import { md5 } from './md5.js';
import { revGen } from './revs.js';
import { addChild, isDeleted, latestTime, newRecord, refreshWinner, stem, type DocRecord, type LeafMeta } from './record.js';
import type { FieldTimes, SyncRecord } from './types.js';

/**
 * Mints a revision id from its parent and content, so two replicas writing the same change (the same
 * deterministic merge or delete of the same conflict) mint the same revision instead of a new conflict.
 */
export function mintRev(parent: string | undefined, deleted: boolean, meta: LeafMeta): string {
  const body = canonicalJson({ p: parent ?? null, d: deleted, data: meta.data ?? null, ft: meta.ft ?? null, dt: meta.dt ?? null, m: meta.m ?? null });
  return `${(parent ? revGen(parent) : 0) + 1}-${md5(body)}`;
}

/**
 * A revision id for a local put or delete: a random hash, as PouchDB mints them. A content hash would buy nothing
 * here (the times in it are the edit's clock, so two replicas never mint the same one), and hashing the
 * canonical JSON of every article written was 4.5 % of a bulk ingest's CPU time.
 */
export function mintLocalRev(parent: string | undefined): string {
  return `${(parent ? revGen(parent) : 0) + 1}-${randomHex()}`;
}

const pool = new Uint8Array(4096);
let used = pool.length;

/** 32 hex digits (128 random bits), from a pool filled 256 ids at a time. */
function randomHex(): string {
  if (used === pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  let hex = '';
  for (const end = used + 16; used < end; used++) hex += HEX[pool[used]!];
  return hex;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** A clock that never goes back behind what the record has already seen (remote clocks may be ahead). */
export function clockFor(rec: DocRecord | undefined): number {
  return Math.max(Date.now(), rec ? latestTime(rec) + 1 : 0);
}

/** Field times of a new body: changed, added and removed fields get `now`, the others keep their time. */
export function nextFieldTimes(old: SyncRecord | undefined, oldTimes: FieldTimes, next: SyncRecord, now: number): FieldTimes {
  const ft: FieldTimes = {};
  if (!old) {
    for (const f of Object.keys(next)) ft[f] = now;
    return ft;
  }
  for (const f of new Set([...Object.keys(oldTimes), ...Object.keys(old), ...Object.keys(next)])) {
    const changed = (f in old) !== (f in next) || !sameValue(old[f], next[f]);
    ft[f] = changed ? now : oldTimes[f] ?? 0;
  }
  return ft;
}

/** Records a put of `next` over the current winner `old` (the app row). Returns false when nothing changed. */
export function recordPut(rec: DocRecord | undefined, table: string, key: string, old: SyncRecord | undefined,
  next: SyncRecord, revsLimit: number): { rec: DocRecord; changed: boolean } {
  const r = rec ?? newRecord(table, key);
  const winnerLive = r.w !== '' && !isDeleted(r, r.w);
  const base = winnerLive ? old : undefined;
  if (base && sameValue(base, next)) return { rec: r, changed: false };
  const now = clockFor(r);
  const ft = nextFieldTimes(base, winnerLive ? r.leaves[r.w]?.ft ?? {} : {}, next, now);
  const parent = r.w || undefined;
  const rev = mintLocalRev(parent);
  addChild(r, parent, rev, false, { ft });
  refreshWinner(r);
  stem(r, revsLimit);
  return { rec: r, changed: true };
}

/** Records a delete: every live leaf gets a deleted child, so the record is gone in all its versions. */
export function recordDelete(rec: DocRecord | undefined, revsLimit: number): boolean {
  if (!rec) return false;
  const live = Object.keys(rec.leaves).filter((rev) => !isDeleted(rec, rev));
  if (live.length === 0) return false;
  const now = clockFor(rec);
  for (const leaf of live) addChild(rec, leaf, mintLocalRev(leaf), true, { dt: now });
  refreshWinner(rec);
  stem(rec, revsLimit);
  return true;
}
