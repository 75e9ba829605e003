// Just enough typing of PouchDB for the tests (the package ships none).
declare namespace PouchDB {
  interface Database {
    get(id: string, opts?: Record<string, unknown>): Promise<Record<string, any>>;
    put(doc: Record<string, unknown>, opts?: Record<string, unknown>): Promise<{ ok: boolean; id: string; rev: string }>;
    bulkDocs(docs: unknown[], opts?: Record<string, unknown>): Promise<unknown[]>;
    allDocs(opts?: Record<string, unknown>): Promise<{ rows: Array<{ id: string; value: { rev: string; deleted?: boolean }; doc?: Record<string, any> }> }>;
    remove(doc: Record<string, unknown>): Promise<unknown>;
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
    replicate: { from(url: string, opts?: Record<string, unknown>): Promise<Record<string, any>>; to(url: string, opts?: Record<string, unknown>): Promise<Record<string, any>> };
  }
}
declare module 'pouchdb' {
  interface PouchDBStatic {
    new (name: string, opts?: Record<string, unknown>): PouchDB.Database;
    plugin(p: unknown): PouchDBStatic;
    replicate(source: unknown, target: unknown, opts?: Record<string, unknown>): Promise<Record<string, any>>;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
