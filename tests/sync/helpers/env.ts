// Shared helpers of the sync tests: unique Dexie databases and remote database URLs.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { inject } from 'vitest';
import { syncStores } from '../../../src/sync/index.js';

let counter = 0;
const run = Math.random().toString(36).slice(2, 8);

/** A unique name for a Dexie database or a remote database (CouchDB names: lowercase, start with a letter). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${run}-${process.pid}-${++counter}`;
}

/** A fresh Dexie database ("a browser") with a `notes` table, plus the sync tables. */
export function makeDb(name = uniqueName('dexie')): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ notes: 'id, title', collections: 'id', ...syncStores() });
  return db;
}

/** URL of a new, empty database on the shared pouchdb-server. */
export function remoteUrl(): string {
  return `${inject('pouchServer')}/${uniqueName('db')}`;
}

export const fastRetry = { retries: 3, baseDelayMs: 20, maxDelayMs: 100 };
