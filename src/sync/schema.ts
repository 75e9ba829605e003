// The library's own Dexie tables and the keys of its meta rows.

/** Revision trees, one row per synced record (see record.ts). */
export const DOCS_TABLE = '_sync_docs';
/** Small rows: the local change counter, this database's replica id, checkpoints. */
export const META_TABLE = '_sync_meta';

export const SEQ_KEY = 'seq';
export const REPLICA_KEY = 'replica';
export const checkpointKey = (replicationId: string): string => `checkpoint:${replicationId}`;

/**
 * Store specs of the library's tables, to spread into the app's schema:
 * `db.version(2).stores({ notes: 'id', ...syncStores() })`. The spec is part of format version 1; a later
 * format will say which app schema version to add.
 */
export function syncStores(): Record<string, string> {
  return { [DOCS_TABLE]: 'id, seq, cf', [META_TABLE]: 'k' };
}
