/**
 * What of Presscut's database syncs between browsers, and how two devices' concurrent edits of one record merge.
 * Derived tables (the search index, the archive list's positions, the story parts) are rebuilt locally from what
 * arrives; the undo list, the import journal and the kept PDFs (large blobs) stay in one browser.
 */
import { fieldMerge, type Conflict, type Resolution } from '../sync/index.js';
import type { Correction } from '../model/records.js';

/** The synced tables of src/store/db.ts. */
export const SYNCED_TABLES = ['clippings', 'articles', 'collections', 'memberships', 'annotations', 'links'] as const;

/** Array fields whose concurrent additions all survive a merge. */
export const SYNC_SETS: Record<string, string[]> = {
  annotations: ['tags'],
  clippings: ['boundaryEdits'],
};

/**
 * The library's field-level merge, with one refinement: an article's `corrections` merge per corrected field, so
 * a headline fixed on one device and a byline fixed on another both stay (each correction carries its own time).
 */
export function presscutResolver(conflict: Conflict): Resolution {
  const merged = fieldMerge(conflict, new Set(SYNC_SETS[conflict.table] ?? []));
  if (conflict.table !== 'articles' || merged.deleted) return merged;
  const corrections: Record<string, Correction> = {};
  // Winner first: on equal times the winner's correction stays, as the field merge decides for whole fields.
  for (const leaf of [conflict.winner, ...conflict.others]) {
    if (leaf.deleted || !leaf.data) continue;
    const own = (leaf.data.corrections ?? {}) as Record<string, Correction>;
    for (const [field, c] of Object.entries(own)) {
      const have = corrections[field];
      if (!have || c.editedAt > have.editedAt) corrections[field] = c;
    }
  }
  return { ...merged, data: { ...merged.data, corrections } };
}
