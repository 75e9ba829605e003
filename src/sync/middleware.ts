// The DBCore middleware that turns every write to a synced table into revisions, whatever Dexie API made it
// (add, put, update, upsert, delete, bulk*, modify, clear, inside or outside explicit transactions).

import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { CoreAccess } from './core.js';
import { recordDelete, recordPut } from './edit.js';
import { docId, type DocRecord } from './record.js';
import { DOCS_TABLE, META_TABLE } from './schema.js';
import type { SyncRecord } from './types.js';

export interface TrackerState {
  tables: Set<string>;
  revsLimit: number;
  /** The DBCore below the middleware, set when the database opens. */
  down?: DBCore;
  /** Called after a transaction with tracked writes committed, here or through another connection that says so. */
  onLocalChange: Set<() => void>;
  /** Tells the other connections to the database (tabs, workers) that a tracked write committed here. */
  announce?: () => void;
}

/**
 * Below all of Dexie's own middlewares: values changed by `creating`/`updating` hooks are the ones recorded, and
 * the library's reads and writes here need no Dexie zone (the layers above read the zone's transaction).
 */
const LEVEL = -10;

/** Transactions of the library itself (pulled revisions, merges): their writes are not local edits. */
const libraryTransactions = new WeakSet<object>();

export function markLibraryTransaction(trans: object): void {
  libraryTransactions.add(trans);
}

export function trackingMiddleware(state: TrackerState): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'PresscutSyncTracking',
    level: LEVEL,
    create(down) {
      validateSchema(down, state.tables);
      state.down = down;
      return {
        ...down,
        transaction(stores, mode, options) {
          // Our rows must change in the same transaction as the app's: widen every write transaction that
          // touches a synced table (the app does not list our tables).
          if (mode === 'readwrite' && stores.some((s) => state.tables.has(s))) {
            stores = [...new Set([...stores, DOCS_TABLE, META_TABLE])];
          }
          return down.transaction(stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!state.tables.has(name)) return table;
          return {
            ...table,
            mutate: (req) => (libraryTransactions.has(req.trans) ? table.mutate(req) : trackedMutate(state, down, table, req)),
          };
        },
      };
    },
  };
}

function validateSchema(core: DBCore, tables: Set<string>): void {
  const names = new Set(core.schema.tables.map((t) => t.name));
  for (const t of [DOCS_TABLE, META_TABLE]) {
    if (!names.has(t)) throw new Error(`sync: table ${t} is missing: add ...syncStores() to db.version(n).stores({...})`);
  }
  for (const name of tables) {
    const t = core.schema.tables.find((x) => x.name === name);
    if (!t) throw new Error(`sync: synced table ${name} is not in the schema`);
    const pk = t.primaryKey;
    if (pk.autoIncrement || pk.compound) {
      throw new Error(`sync: table ${name} needs a plain primary key (not auto-increment, not compound): ids must be the same on every device`);
    }
  }
}

const notified = new WeakSet<object>();

async function trackedMutate(state: TrackerState, core: DBCore, table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const access = new CoreAccess(core, req.trans);
  const keys = await affectedKeys(table, req);
  if (keys.length === 0) return table.mutate(req);
  for (const k of keys) {
    if (typeof k !== 'string') throw new TypeError(`sync: table ${table.name} needs string keys, got ${typeof k}`);
  }
  const unique = [...new Set(keys as string[])];
  // Requests issued together in one transaction run in order without waiting for each other's answers: the
  // counter is read beside the records, and written beside them.
  const [before, counter] = await Promise.all([access.load(table.name, unique), access.counter()]);
  const res = await table.mutate(req);

  const changed = new Map<string, DocRecord>();
  const isPut = req.type === 'add' || req.type === 'put';
  keys.forEach((key, i) => {
    if (res.failures[i]) return;
    const id = docId(table.name, key as string);
    const entry = before.get(id)!;
    if (isPut) {
      const value = req.values[i] as SyncRecord;
      const out = recordPut(entry.rec, table.name, key as string, entry.row, value, state.revsLimit);
      entry.rec = out.rec;
      entry.row = value;
      if (out.changed) changed.set(id, out.rec);
    } else if (recordDelete(entry.rec, state.revsLimit)) {
      changed.set(id, entry.rec!);
      delete entry.row;
    }
  });
  if (changed.size > 0) {
    const { first, written } = access.takeSeqs(counter, changed.size);
    let seq = first;
    for (const rec of changed.values()) {
      rec.seq = seq++;
      delete rec.o;
    }
    await Promise.all([written, access.putRecords([...changed.values()])]);
    notifyAfterCommit(state, req.trans);
  }
  return res;
}

/** Primary keys a mutation touches, in request order (one per value for add/put). */
async function affectedKeys(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  switch (req.type) {
    case 'add':
    case 'put': {
      const pk = table.schema.primaryKey;
      return req.values.map((v, i) => (pk.outbound ? req.keys?.[i] : pk.extractKey!(v)));
    }
    case 'delete':
      return req.keys;
    case 'deleteRange': {
      // clear() and range deletes name no keys: list them first, in the same transaction.
      const res = await table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } });
      return res.result;
    }
  }
}

function notifyAfterCommit(state: TrackerState, trans: DBCoreTransaction): void {
  const t = trans as unknown as Partial<EventTarget> & object;
  if (notified.has(t) || typeof t.addEventListener !== 'function') return;
  notified.add(t);
  t.addEventListener('complete', () => {
    for (const fn of state.onLocalChange) fn();
    state.announce?.();
  });
}
