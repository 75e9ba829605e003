// Applying pulled revisions: one Dexie transaction per batch, together with the local checkpoint, so a failure
// (a full disk) leaves neither half-applied records nor a checkpoint that skips them.

import { localCheckpointRow, type Checkpoint } from './checkpoint.js';
import { insertPath, knowsRev, splitDocId, stem } from './record.js';
import { META_TABLE } from './schema.js';
import type { TrackerImpl } from './track.js';
import type { AppliedChanges } from './types.js';
import type { IncomingRev } from './wire.js';
import { loadWork, saveWork, type PullOrigin } from './work.js';

export async function applyPulled(tracker: TrackerImpl, incoming: IncomingRev[], checkpoint: { id: string; cp: Checkpoint } | undefined,
  origin?: PullOrigin): Promise<AppliedChanges> {
  const items = incoming.map((r) => splitDocId(r.id)!).filter(Boolean);
  const tables = [...new Set(items.map((i) => i.table))];
  return tracker.libraryTransaction(tables, async (tx) => {
    const works = await loadWork(tx, items);
    for (const r of incoming) {
      const { table, key } = splitDocId(r.id)!;
      const w = works.get(`${table}:${key}`)!;
      // A revision delivered twice (a repeated batch, an overlapping _changes feed) changes nothing.
      if (knowsRev(w.rec, r.rev)) continue;
      insertPath(w.rec, r.path, r.deleted);
      const meta = w.rec.leaves[r.rev]!;
      Object.assign(meta, r.payload);
      stem(w.rec, tracker.state.revsLimit);
      w.touched = true;
    }
    const applied = await saveWork(tx, works.values(), origin);
    if (checkpoint) await tx.table(META_TABLE).put(localCheckpointRow(checkpoint.id, checkpoint.cp));
    return applied;
  });
}
