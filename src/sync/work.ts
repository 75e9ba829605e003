// Loading and saving records with their app rows inside a library transaction (pull apply, resolution).

import type { Transaction } from 'dexie';
import { compact, expand } from './entry.js';
import { checkRecord, docId, newRecord, type DocRecord } from './record.js';
import { DOCS_TABLE, META_TABLE, SEQ_KEY } from './schema.js';
import type { AppliedChanges, SyncRecord } from './types.js';
import { sameValue } from './canonical.js';

export interface Work {
  table: string;
  key: string;
  rec: DocRecord;
  /** The app row before (the old winner's body). */
  oldRow: SyncRecord | undefined;
  oldWinner: string;
  /** Set by the caller when it changed `rec`. */
  touched: boolean;
}

/**
 * Reads records and app rows, expanded (every live leaf's body in the tree). Tables come from `tx.table()`, bound
 * to the transaction, so no Dexie zone is needed across our own awaits.
 */
export async function loadWork(tx: Transaction, items: Array<{ table: string; key: string }>): Promise<Map<string, Work>> {
  // No Dexie call without work: one that resolves without an IndexedDB request lets the transaction commit.
  if (items.length === 0) return new Map();
  const ids = items.map((i) => docId(i.table, i.key));
  const stored = await tx.table(DOCS_TABLE).bulkGet(ids);
  const byTable = new Map<string, string[]>();
  for (const it of items) byTable.set(it.table, [...(byTable.get(it.table) ?? []), it.key]);
  const rows = new Map<string, SyncRecord | undefined>();
  for (const [table, keys] of byTable) {
    const got = await tx.table(table).bulkGet(keys);
    keys.forEach((k, i) => rows.set(docId(table, k), got[i]));
  }
  const out = new Map<string, Work>();
  items.forEach((it, i) => {
    const id = ids[i]!;
    if (out.has(id)) return;
    const rec = stored[i] ? checkRecord(stored[i]) : newRecord(it.table, it.key);
    const oldRow = rows.get(id);
    expand(rec, oldRow);
    out.set(id, { table: it.table, key: it.key, rec, oldRow, oldWinner: rec.w, touched: false });
  });
  return out;
}

/**
 * Writes the touched records (with fresh local sequence numbers, so a push to any remote sees them) and their
 * app rows; returns the records whose visible state changed. Call inside the same transaction as loadWork.
 */
/** The remote a pull came from: records whose whole tree it now holds are marked, so pushing there skips them. */
export interface PullOrigin {
  /** Push replication id and pull checkpoint epoch of that remote. */
  mark: string;
  /** Local sequence the remote confirms it has from our pushes. */
  pushedSeq: number;
}

export async function saveWork(tx: Transaction, works: Iterable<Work>, origin?: PullOrigin): Promise<AppliedChanges> {
  const touched = [...works].filter((w) => w.touched);
  const changes: AppliedChanges['changes'] = [];
  if (touched.length === 0) return { changes };
  const seqRow = (await tx.table(META_TABLE).get(SEQ_KEY)) as { n: number } | undefined;
  let seq = seqRow?.n ?? 0;
  const puts = new Map<string, { rows: SyncRecord[]; keys: string[] }>();
  const dels = new Map<string, string[]>();
  for (const w of touched) {
    const row = compact(w.rec);
    const allOnRemote = origin && (w.rec.seq <= origin.pushedSeq || w.rec.o === origin.mark);
    if (allOnRemote) w.rec.o = origin.mark;
    else delete w.rec.o;
    w.rec.seq = ++seq;
    if (row) {
      if (w.rec.w !== w.oldWinner || !sameValue(row, w.oldRow)) {
        const p = puts.get(w.table) ?? { rows: [], keys: [] };
        p.rows.push(withKey(tx, w.table, row, w.key));
        p.keys.push(w.key);
        puts.set(w.table, p);
        changes.push({ table: w.table, key: w.key, deleted: false });
      }
    } else if (w.oldRow !== undefined) {
      dels.set(w.table, [...(dels.get(w.table) ?? []), w.key]);
      changes.push({ table: w.table, key: w.key, deleted: true });
    }
  }
  await tx.table(DOCS_TABLE).bulkPut(touched.map((w) => w.rec));
  await tx.table(META_TABLE).put({ k: SEQ_KEY, n: seq });
  for (const [table, p] of puts) {
    const outbound = !tx.table(table).schema.primKey.keyPath;
    await (outbound ? tx.table(table).bulkPut(p.rows, p.keys) : tx.table(table).bulkPut(p.rows));
  }
  for (const [table, keys] of dels) await tx.table(table).bulkDelete(keys);
  return { changes };
}

/** A body from the remote always carries its key where the table keeps it. */
function withKey(tx: Transaction, table: string, row: SyncRecord, key: string): SyncRecord {
  const kp = tx.table(table).schema.primKey.keyPath;
  if (typeof kp === 'string' && !kp.includes('.') && row[kp] !== key) return { ...row, [kp]: key };
  return row;
}
