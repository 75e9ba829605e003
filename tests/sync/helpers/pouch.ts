// PouchDB 9 in Node, as an independent CouchDB-protocol peer (in memory).
import PouchDBCore from 'pouchdb';
import memory from 'pouchdb-adapter-memory';

PouchDBCore.plugin(memory);

export const PouchDB = PouchDBCore;

export function memoryPouch(name: string): PouchDB.Database {
  return new PouchDB(name, { adapter: 'memory' });
}
