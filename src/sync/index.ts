// Public entry of the sync library: replicate Dexie tables with a CouchDB database (see README, "Sync library").
export { createSync } from './sync.js';
export { syncStores } from './schema.js';
export { trackChanges } from './track.js';
export { fieldMerge } from './merge.js';
export { SyncError } from './errors.js';
export type * from './types.js';
