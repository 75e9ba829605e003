// Moving the winner's body between the app row and the revision tree while a record changes.

import { isDeleted, refreshWinner, type DocRecord } from './record.js';
import type { SyncRecord } from './types.js';

/** Puts the app row (the winner's body) into the tree, so every live leaf has its body at hand. */
export function expand(rec: DocRecord, row: SyncRecord | undefined): void {
  if (rec.w && row && !isDeleted(rec, rec.w) && rec.leaves[rec.w]) rec.leaves[rec.w]!.data = row;
}

/** Picks the winner again and takes its body back out: that body is the app row (undefined: no row). */
export function compact(rec: DocRecord): SyncRecord | undefined {
  refreshWinner(rec);
  for (const [rev, meta] of Object.entries(rec.leaves)) if (isDeleted(rec, rev)) delete meta.data;
  const w = rec.leaves[rec.w];
  if (!w || isDeleted(rec, rec.w)) return undefined;
  const row = w.data;
  delete w.data;
  return row;
}
