// Resolving open conflicts and writing the resolution back as revisions: the merge as a child of the winner,
// and a tombstone on every losing leaf. Revision ids are minted from content, so replicas that resolve the same
// conflict the same way write the same revisions and converge instead of conflicting again.

import { sameValue } from './canonical.js';
import { mintRev } from './edit.js';
import { addChild, isDeleted, latestTime, leafView, openLosers, sortedLeaves, splitDocId, stem, type DocRecord } from './record.js';
import { DOCS_TABLE } from './schema.js';
import type { TrackerImpl } from './track.js';
import type { AppliedChanges, Conflict, ConflictReport, FieldTimes, Leaf, Resolution, Resolver } from './types.js';
import { loadWork, saveWork, type Work } from './work.js';

function conflictOf(w: Work): Conflict {
  const winner = leafView(w.rec, w.rec.w, w.rec.leaves[w.rec.w]?.data);
  const others = openLosers(w.rec).map((rev) => leafView(w.rec, rev, undefined));
  return { table: w.table, key: w.key, winner, others };
}

function maxTimes(leaves: Leaf[]): FieldTimes {
  const ft: FieldTimes = {};
  for (const l of leaves) for (const [f, t] of Object.entries(l.fieldTimes)) ft[f] = Math.max(ft[f] ?? 0, t);
  return ft;
}

function tombstone(rec: DocRecord, leaf: string): void {
  addChild(rec, leaf, mintRev(leaf, true, { m: 1 }), true, { m: 1 });
}

/** Writes a resolution into an expanded record. Returns false when it changes nothing. */
export function applyResolution(rec: DocRecord, res: Resolution, revsLimit: number): boolean {
  const w = rec.w;
  const losers = openLosers(rec);
  if (losers.length === 0) return false;
  if (res.deleted) {
    if (!isDeleted(rec, w)) {
      const dt = res.deletedAt ?? latestTime(rec);
      addChild(rec, w, mintRev(w, true, { dt }), true, { dt });
    }
    for (const l of losers) if (!isDeleted(rec, l)) tombstone(rec, l);
  } else {
    const all = [w, ...losers].map((rev) => leafView(rec, rev, rec.leaves[w]?.data));
    const ft = res.fieldTimes ?? maxTimes(all);
    const cur = rec.leaves[w]!;
    if (isDeleted(rec, w) || !sameValue(res.data, cur.data) || !sameValue(ft, cur.ft ?? {})) {
      addChild(rec, w, mintRev(w, false, { data: res.data, ft }), false, { data: res.data, ft });
    }
    for (const l of losers) tombstone(rec, l);
  }
  stem(rec, revsLimit);
  return true;
}

/** Values of merged leaves that the resolution does not keep (set members kept in a union count as kept). */
function overridden(conflict: Conflict, res: Resolution): ConflictReport['overridden'] {
  const out: ConflictReport['overridden'] = [];
  for (const leaf of [conflict.winner, ...conflict.others]) {
    if (leaf.deleted || !leaf.data) continue;
    for (const [field, value] of Object.entries(leaf.data)) {
      const kept = res.deleted ? undefined : res.data[field];
      if (sameValue(value, kept)) continue;
      if (Array.isArray(value) && Array.isArray(kept) && value.every((v) => kept.some((k) => sameValue(k, v)))) continue;
      out.push({ field, rev: leaf.rev, value });
    }
  }
  return out;
}

/**
 * Resolves every record with open conflicts. The resolver runs outside any transaction (it may be async); the
 * write re-reads the record and skips it when its leaves moved meanwhile (the next cycle retries).
 */
export async function resolveConflicts(tracker: TrackerImpl, resolver: Resolver, batchSize: number,
  report: (r: ConflictReport) => void): Promise<{ resolved: number; applied: AppliedChanges }> {
  const db = tracker.db;
  const ids = (await db.table(DOCS_TABLE).where('cf').equals(1).primaryKeys()) as string[];
  const applied: AppliedChanges = { changes: [] };
  let resolved = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    const items = ids.slice(i, i + batchSize).map((id) => splitDocId(id)!).filter((x) => tracker.state.tables.has(x.table));
    const tables = [...new Set(items.map((x) => x.table))];
    const snapshot = await db.transaction('r', [...tables, DOCS_TABLE], (tx) => loadWork(tx, items));
    const decided: Array<{ id: string; leaves: string; conflict: Conflict; res: Resolution }> = [];
    for (const [id, w] of snapshot) {
      if (w.rec.cf !== 1) continue;
      const conflict = conflictOf(w);
      const res = await resolver(conflict);
      if (res) decided.push({ id, leaves: sortedLeaves(w.rec).join(), conflict, res });
    }
    if (decided.length === 0) continue;
    const reports: ConflictReport[] = [];
    const out = await tracker.libraryTransaction(tables, async (tx) => {
      const works = await loadWork(tx, items);
      for (const d of decided) {
        const w = works.get(d.id)!;
        if (sortedLeaves(w.rec).join() !== d.leaves) continue;
        const before = sortedLeaves(w.rec);
        if (!applyResolution(w.rec, d.res, tracker.state.revsLimit)) continue;
        w.touched = true;
        reports.push({
          table: w.table, key: w.key, leaves: before, rev: sortedLeaves(w.rec)[0]!, deleted: d.res.deleted === true,
          overridden: overridden(d.conflict, d.res),
        });
      }
      return saveWork(tx, works.values());
    });
    resolved += reports.length;
    applied.changes.push(...out.changes);
    for (const r of reports) report(r);
  }
  return { resolved, applied };
}
