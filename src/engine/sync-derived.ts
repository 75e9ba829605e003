/**
 * After a sync: records pulled from another browser (or merged) are written by the sync library, past the Engine's
 * own code paths that keep derived data in their write transactions. This brings the derived data up to date for
 * what they touch: the search index, and the story parts the linker of continued stories reads.
 */
import type { Clipping } from '../model/records.js';
import { linkClippingParts } from '../link/store.js';
import type { PresscutDB, StoredArticle } from '../store/db.js';
import { indexArticles } from '../search/indexer.js';
import { searchTableList } from '../search/tables.js';
import type { AppliedChanges } from '../sync/index.js';
import { linkTables } from './links.js';

const BATCH = 400;

/**
 * Re-indexes the articles a sync changed (those written or deleted, and all articles of a changed clipping: the
 * source title and the newspaper are searchable) and records their clippings' story parts again, linking them with
 * the pages already here. Returns the clippings whose articles may look different, for the lists to refresh.
 */
export async function refreshDerived(db: PresscutDB, applied: AppliedChanges, now: () => number = Date.now): Promise<string[]> {
  const articleIds = new Set<string>();
  const clippingIds = new Set<string>();
  for (const c of applied.changes) {
    if (c.table === 'articles') articleIds.add(c.key);
    if (c.table === 'clippings') clippingIds.add(c.key);
  }
  if (clippingIds.size) {
    for (const id of await db.articles.where('clippingId').anyOf([...clippingIds]).primaryKeys()) articleIds.add(id);
  }
  const ids = [...articleIds];
  for (let i = 0; i < ids.length; i += BATCH) {
    const part = ids.slice(i, i + BATCH);
    await db.transaction('rw', [db.articles, db.clippings, ...searchTableList(db)], async () => {
      const rows = (await db.articles.bulkGet(part)).filter((r): r is StoredArticle => !!r);
      for (const r of rows) clippingIds.add(r.clippingId);
      // Every touched id counts as removed and its current row as added: unchanged text keeps its postings.
      await indexArticles(db, part, rows);
    });
  }
  for (const id of clippingIds) {
    await db.transaction('rw', [db.clippings, db.articles, ...linkTables(db)], async () => {
      const clipping: Clipping | undefined = await db.clippings.get(id);
      if (!clipping) return void (await db.storyParts.where('clippingId').equals(id).delete());
      const rows = await db.articles.where('clippingId').equals(id).toArray();
      await linkClippingParts(db.links, db.storyParts, clipping, rows, now());
    });
  }
  return [...clippingIds];
}
