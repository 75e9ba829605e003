// The default conflict resolution: a deterministic, field-level merge of a record's open leaves.
//   - each top-level field takes the value of the leaf that edited it last (ties: the CouchDB winner first);
//   - fields declared as sets (arrays) take the union of all leaves (additions win over concurrent removals);
//   - delete versus edit: the later wins (a tie keeps the edit, as CouchDB's rule does).

import { canonicalJson } from './canonical.js';
import type { Conflict, FieldTimes, Leaf, Resolution, SyncRecord } from './types.js';

function union(arrays: unknown[][]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const arr of arrays) {
    for (const v of arr) {
      const k = canonicalJson(v);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(v);
      }
    }
  }
  return out;
}

function latestEdit(leaf: Leaf): number {
  return Math.max(0, ...Object.values(leaf.fieldTimes));
}

/** Merges the live leaves field by field; `setFields` are unioned. */
export function mergeLive(live: Leaf[], setFields: ReadonlySet<string>): { data: SyncRecord; fieldTimes: FieldTimes } {
  const fields = new Set<string>();
  for (const l of live) {
    for (const f of Object.keys(l.data ?? {})) fields.add(f);
    for (const f of Object.keys(l.fieldTimes)) fields.add(f);
  }
  const data: SyncRecord = {};
  const fieldTimes: FieldTimes = {};
  for (const f of [...fields].sort()) {
    // `live` is in winner order, so a strict '>' keeps the winner's value on equal times.
    let best = live[0]!;
    for (const l of live) if ((l.fieldTimes[f] ?? 0) > (best.fieldTimes[f] ?? 0)) best = l;
    const t = Math.max(...live.map((l) => l.fieldTimes[f] ?? 0));
    fieldTimes[f] = t;
    const values = live.filter((l) => l.data && f in l.data).map((l) => l.data![f]);
    if (setFields.has(f) && values.length > 0 && values.every(Array.isArray)) {
      const ordered = best.data && Array.isArray(best.data[f]) ? [best.data[f] as unknown[], ...(values as unknown[][])] : (values as unknown[][]);
      data[f] = union(ordered);
    } else if (best.data && f in best.data) {
      data[f] = best.data[f];
    }
  }
  return { data, fieldTimes };
}

/** The default resolver, for the tables' set fields. Pure: every replica computes the same resolution. */
export function fieldMerge(conflict: Conflict, setFields: ReadonlySet<string>): Resolution {
  const leaves = [conflict.winner, ...conflict.others];
  const live = leaves.filter((l) => !l.deleted);
  const deletes = leaves.filter((l) => l.deleted);
  if (live.length === 0) return { deleted: true };
  const merged = live.length === 1 ? { data: live[0]!.data ?? {}, fieldTimes: live[0]!.fieldTimes } : mergeLive(live, setFields);
  const lastDelete = Math.max(-1, ...deletes.map((d) => d.deletedAt ?? 0));
  const lastEdit = Math.max(...live.map(latestEdit));
  if (deletes.length > 0 && lastDelete > lastEdit) return { deleted: true, deletedAt: lastDelete };
  return { data: merged.data, fieldTimes: merged.fieldTimes };
}
