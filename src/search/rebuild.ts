/**
 * Rebuilding the index from the articles: after a schema upgrade, or on demand (Engine.rebuildIndex). The index is derived data, so this loses nothing.
 */
import type { Dexie, Transaction } from 'dexie';
import type { StoredArticle } from '../store/db.js';
import { indexArticles } from './indexer.js';
import { maintainIndex } from './merge.js';
import { searchTableList } from './tables.js';

const BATCH = 400;

/**
 * Drops the index and builds it again, a batch of articles per transaction, reporting progress.
 * Writes that happen meanwhile index themselves; a batch that meets an already indexed article skips it.
 * @example await rebuildIndex(db, (done, total) => console.log(`${done}/${total}`))
 */
export async function rebuildIndex(db: Dexie, onProgress?: (done: number, total: number) => void): Promise<{ articles: number }> {
  await db.transaction('rw', searchTableList(db), async () => {
    await Promise.all(searchTableList(db).map((t) => t.clear()));
  });
  // Live articles are the rows with a sortKey (a soft-deleted row has none).
  const ids = (await db.table('articles').orderBy('sortKey').primaryKeys()) as string[];
  onProgress?.(0, ids.length);
  for (let i = 0; i < ids.length; i += BATCH) {
    const part = ids.slice(i, i + BATCH);
    await db.transaction('rw', [db.table('articles'), db.table('clippings'), ...searchTableList(db)], async () => {
      const rows = (await db.table('articles').bulkGet(part)) as (StoredArticle | undefined)[];
      await indexArticles(db, [], rows.filter((r): r is StoredArticle => !!r));
    });
    onProgress?.(Math.min(ids.length, i + BATCH), ids.length);
  }
  await maintainIndex(db, Infinity);
  return { articles: ids.length };
}

/** Schema upgrade to version 2: indexes the articles already stored, inside the upgrade transaction. */
export async function indexExisting(tx: Transaction): Promise<void> {
  const rows = (await tx.table('articles').toArray()) as StoredArticle[];
  for (let i = 0; i < rows.length; i += BATCH) await indexArticles(tx, [], rows.slice(i, i + BATCH));
}
