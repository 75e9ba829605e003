// Raw DBCore access for the tracking middleware, which sits below Dexie's own layers: no Dexie zone needed,
// always inside the transaction of the app's write.

import type { DBCore, DBCoreTransaction } from 'dexie';
import { checkRecord, docId, type DocRecord } from './record.js';
import { DOCS_TABLE, META_TABLE, SEQ_KEY } from './schema.js';
import type { SyncRecord } from './types.js';

/** The last local sequence number handed out in a transaction. */
export interface SeqCounter { n: number }

const counters = new WeakMap<DBCoreTransaction, Promise<SeqCounter>>();

export class CoreAccess {
  constructor(private readonly core: DBCore, private readonly trans: DBCoreTransaction) {}

  async putRecords(recs: DocRecord[]): Promise<void> {
    if (recs.length === 0) return;
    await check(this.core.table(DOCS_TABLE).mutate({ type: 'put', trans: this.trans, values: recs }));
  }

  /**
   * The transaction's sequence counter, read from the store once per transaction. Writes issued together (a
   * `Promise.all` of puts) each read the stored counter before any of them wrote it back, so they were handed the
   * same numbers, and a push checkpoint past those numbers could skip a later edit.
   */
  counter(): Promise<SeqCounter> {
    let c = counters.get(this.trans);
    if (!c) {
      c = this.core.table(META_TABLE).get({ trans: this.trans, key: SEQ_KEY }).then((row: { n: number } | undefined) => ({ n: row?.n ?? 0 }));
      counters.set(this.trans, c);
    }
    return c;
  }

  /**
   * Takes `count` consecutive sequence numbers from the counter and writes it back; returns the first and the
   * write. Numbers are taken synchronously, so writes in flight together never share one, and the counter's
   * puts are issued in the order the numbers were taken, so the last one stored is the highest.
   */
  takeSeqs(counter: SeqCounter, count: number): { first: number; written: Promise<void> } {
    const first = counter.n + 1;
    counter.n += count;
    const written = check(this.core.table(META_TABLE).mutate({ type: 'put', trans: this.trans, values: [{ k: SEQ_KEY, n: counter.n }] }));
    return { first, written };
  }

  /** Records and app rows of one table's keys, by doc id. */
  async load(table: string, keys: string[]): Promise<Map<string, { rec?: DocRecord; row?: SyncRecord }>> {
    const ids = keys.map((k) => docId(table, k));
    const recs = await this.core.table(DOCS_TABLE).getMany({ trans: this.trans, keys: ids });
    // A row's stored value only matters beside its record (an edit is diffed against it): the rows of keys new
    // to sync, all of a fresh ingest's, are not read.
    const known = keys.filter((_, i) => recs[i] !== undefined);
    const rows = known.length ? await this.core.table(table).getMany({ trans: this.trans, keys: known }) : [];
    const out = new Map<string, { rec?: DocRecord; row?: SyncRecord }>();
    let k = 0;
    ids.forEach((id, i) => {
      const entry: { rec?: DocRecord; row?: SyncRecord } = {};
      if (recs[i] !== undefined) {
        entry.rec = checkRecord(recs[i]);
        const row = rows[k++];
        if (row !== undefined) entry.row = row;
      }
      out.set(id, entry);
    });
    return out;
  }
}

async function check(res: Promise<{ numFailures: number; failures: Record<number, Error> }>): Promise<void> {
  const r = await res;
  if (r.numFailures > 0) throw Object.values(r.failures)[0] ?? new Error('sync: write failed');
}
