// The stored revision tree of one synced record (table `_sync_docs`), format version 1.
//
// The winner's body lives in the app's own table (the app reads it there); the tree keeps the bodies of the
// other live leaves only, so a record without conflicts costs its rev ids and field times, not a second copy.

import { compareLeaves } from './revs.js';
import type { FieldTimes, Leaf, SyncRecord } from './types.js';

export const DOC_RECORD_VERSION = 1;

/** One node of the tree. `p`: parent rev (its node may have been stemmed away); `d`: deleted. */
export interface RevNode {
  p?: string;
  d?: 1;
}

/** What a leaf keeps besides its node. */
export interface LeafMeta {
  /** Field edit times of the leaf. */
  ft?: FieldTimes;
  /** Body, for live leaves that are not the winner. */
  data?: SyncRecord;
  /** Time of a delete. */
  dt?: number;
  /** A tombstone written by a conflict resolution (not a user's delete). */
  m?: 1;
}

export interface DocRecord {
  v: typeof DOC_RECORD_VERSION;
  /** Document id on the remote: `table:key`. */
  id: string;
  t: string;
  k: string;
  /** Local change sequence of the last change to this tree; push reads records above its checkpoint. */
  seq: number;
  /** Winning leaf. */
  w: string;
  /** 1 when the record has open conflicts (indexed, so conflicts are listed without a scan). */
  cf: 0 | 1;
  revs: Record<string, RevNode>;
  leaves: Record<string, LeafMeta>;
  /**
   * `<push replication id>@<pull checkpoint epoch>` of a remote known to hold every leaf (the tree came from
   * there and nothing local was unpushed): the push to that remote skips the record instead of asking
   * _revs_diff. Cleared by local changes; worthless once the pull starts over (a new epoch).
   */
  o?: string;
}

export function docId(table: string, key: string): string {
  return `${table}:${key}`;
}

/** Splits a remote document id into table and key; undefined for ids that are not ours. */
export function splitDocId(id: string): { table: string; key: string } | undefined {
  const i = id.indexOf(':');
  if (i <= 0 || id.startsWith('_')) return undefined;
  return { table: id.slice(0, i), key: id.slice(i + 1) };
}

export function newRecord(table: string, key: string): DocRecord {
  return { v: DOC_RECORD_VERSION, id: docId(table, key), t: table, k: key, seq: 0, w: '', cf: 0, revs: {}, leaves: {} };
}

export function isDeleted(rec: DocRecord, rev: string): boolean {
  return rec.revs[rev]?.d === 1;
}

/** Leaves best first by the CouchDB winner rule. */
export function sortedLeaves(rec: DocRecord): string[] {
  return Object.keys(rec.leaves)
    .map((rev) => ({ rev, deleted: isDeleted(rec, rev) }))
    .sort(compareLeaves)
    .map((l) => l.rev);
}

/** A leaf that still needs a decision: a live loser, or a user's delete that lost to a live leaf. */
function isOpenLoser(rec: DocRecord, rev: string, winnerLive: boolean): boolean {
  if (!isDeleted(rec, rev)) return true;
  return winnerLive && rec.leaves[rev]?.m !== 1;
}

/** The open conflicts of a record, winner excluded. */
export function openLosers(rec: DocRecord): string[] {
  const winnerLive = rec.w !== '' && !isDeleted(rec, rec.w);
  return sortedLeaves(rec).filter((rev) => rev !== rec.w && isOpenLoser(rec, rev, winnerLive));
}

/** Recomputes the winner and the conflict flag after the leaves changed. */
export function refreshWinner(rec: DocRecord): void {
  rec.w = sortedLeaves(rec)[0] ?? '';
  rec.cf = openLosers(rec).length > 0 ? 1 : 0;
}

/** Ancestry of a revision, newest first, as far as the tree knows it (at most `limit` entries). */
export function pathOf(rec: DocRecord, rev: string, limit: number): string[] {
  const path = [rev];
  let node = rec.revs[rev];
  while (node?.p !== undefined && path.length < limit && rec.revs[node.p]) {
    path.push(node.p);
    node = rec.revs[node.p];
  }
  return path;
}

/** True when the revision is in the tree (leaf or ancestor). */
export function knowsRev(rec: DocRecord | undefined, rev: string): boolean {
  return rec !== undefined && rec.revs[rev] !== undefined;
}

/**
 * Merges a revision path (newest first) into the tree. Returns false when the newest revision was known already.
 * The caller sets the new leaf's meta.
 */
export function insertPath(rec: DocRecord, path: string[], deleted: boolean): boolean {
  const leaf = path[0]!;
  if (rec.revs[leaf]) return false;
  for (let i = 0; i < path.length; i++) {
    const rev = path[i]!;
    if (rec.revs[rev]) {
      // The branch hangs on a known node, which is no longer a leaf; its body (if any) is not needed any more.
      delete rec.leaves[rev];
      break;
    }
    const node: RevNode = {};
    const parent = path[i + 1];
    if (parent !== undefined) node.p = parent;
    if (i === 0 && deleted) node.d = 1;
    rec.revs[rev] = node;
  }
  rec.leaves[leaf] = {};
  return true;
}

/** Adds a child revision of a leaf (local edit, merge, tombstone). */
export function addChild(rec: DocRecord, parent: string | undefined, rev: string, deleted: boolean, meta: LeafMeta): void {
  const node: RevNode = {};
  if (parent) {
    node.p = parent;
    delete rec.leaves[parent];
  }
  if (deleted) node.d = 1;
  rec.revs[rev] = node;
  rec.leaves[rev] = meta;
}

/** Drops ancestors more than `limit` generations below every leaf (CouchDB's revs_limit stemming). */
export function stem(rec: DocRecord, limit: number): void {
  const keep = new Set<string>();
  for (const leaf of Object.keys(rec.leaves)) for (const rev of pathOf(rec, leaf, limit)) keep.add(rev);
  if (keep.size === Object.keys(rec.revs).length) return;
  for (const rev of Object.keys(rec.revs)) if (!keep.has(rev)) delete rec.revs[rev];
}

/** A leaf as resolvers see it; `winnerData` is the app row (the winner's body lives there). */
export function leafView(rec: DocRecord, rev: string, winnerData: SyncRecord | undefined): Leaf {
  const meta = rec.leaves[rev] ?? {};
  const deleted = isDeleted(rec, rev);
  const leaf: Leaf = { rev, deleted, fieldTimes: meta.ft ?? {} };
  const data = rev === rec.w ? winnerData : meta.data;
  if (!deleted && data) leaf.data = data;
  if (meta.dt !== undefined) leaf.deletedAt = meta.dt;
  return leaf;
}

/** Highest field or delete time the record has seen: local edits stamp later than this (a per-record clock). */
export function latestTime(rec: DocRecord): number {
  let t = 0;
  for (const meta of Object.values(rec.leaves)) {
    if (meta.dt !== undefined && meta.dt > t) t = meta.dt;
    if (meta.ft) for (const v of Object.values(meta.ft)) if (v > t) t = v;
  }
  return t;
}

/** Throws unless a stored value is a record of a version this code reads. */
export function checkRecord(value: unknown): DocRecord {
  const rec = value as DocRecord;
  if (!rec || rec.v !== DOC_RECORD_VERSION) {
    throw new Error(`sync: revision record of unknown version ${String((rec as { v?: unknown })?.v)}`);
  }
  return rec;
}
