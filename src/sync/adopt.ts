// Rows written before change tracking was installed (or by a build without it) have no revision tree: give
// them one, by writing them again through the tracking middleware, so they are pushed like any local edit.

import { DOCS_TABLE } from './schema.js';
import type { TrackerImpl } from './track.js';

export async function adoptUntracked(tracker: TrackerImpl, batchSize: number): Promise<number> {
  const db = tracker.db;
  let adopted = 0;
  for (const table of tracker.state.tables) {
    const keys = (await db.table(table).toCollection().primaryKeys()) as unknown[];
    const tracked = new Set(
      (await db.table(DOCS_TABLE).where(':id').between(`${table}:`, `${table}:\uffff`).primaryKeys()) as string[],
    );
    const missing = keys.filter((k) => typeof k === 'string' && !tracked.has(`${table}:${k}`)) as string[];
    for (let i = 0; i < missing.length; i += batchSize) {
      const chunk = missing.slice(i, i + batchSize);
      await db.transaction('rw', table, async (tx) => {
        const t = tx.table(table);
        const rows = await t.bulkGet(chunk);
        const present = rows.map((r, j) => ({ r, k: chunk[j]! })).filter((x) => x.r !== undefined);
        const outbound = !t.schema.primKey.keyPath;
        if (outbound) await t.bulkPut(present.map((x) => x.r), present.map((x) => x.k));
        else await t.bulkPut(present.map((x) => x.r));
      });
      adopted += chunk.length;
    }
  }
  return adopted;
}
