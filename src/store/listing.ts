// The archive list's position index: one small row per clipping with live articles, holding how many it has. The
// list is ordered by `sortKey` (newest clipping first, page order inside one), so the position of a clipping's
// first article is the sum of the counts of the clippings before it. Reading these rows (one per page clipped)
// replaces walking the articles' sortKey index, which Chrome does entry by entry: at 100,000 articles a cursor
// advance to the middle took 3–7 s, an index count 4–17 s, reading all the rows below costs about 60 ms.
//
// The rows are kept by a DBCore middleware under every writer (the engine, an import and its rollback, pulled
// sync revisions), in the same transaction as the article rows, so they cannot drift from them. A stamp row
// changes with each write, so every context's cached positions can tell cheaply whether they are still current.

import type { DBCore, DBCoreIndex, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware, Table } from 'dexie';
import type { StoredArticle } from './db.js';

export const LISTING_TABLE = 'listing';
/** The key of the row whose `count` changes with every write: readers compare it to know their copy is current. */
export const STAMP = '#stamp';

/** One clipping's share of the archive list. */
export interface ListingRow {
  clippingId: string;
  /** The sortKey prefix shared by the clipping's articles: rows sort by it as the articles do. */
  base: string;
  /** Live (not deleted) articles. */
  count: number;
}

/** The part of a sortKey that names the clipping: `0000…|c123|00004` → `0000…|c123|`. */
function sortBase(sortKey: string): string {
  return sortKey.slice(0, sortKey.lastIndexOf('|') + 1);
}

/** Below the sync tracker (level -10): writes of pulled revisions, which go beneath it, pass through here. */
const LEVEL = -20;

/** The middleware PresscutDB installs on every connection, before it opens. */
export function listingMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'PresscutListing',
    level: LEVEL,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          if (mode === 'readwrite' && stores.includes('articles') && !stores.includes(LISTING_TABLE)) {
            stores = [...stores, LISTING_TABLE];
          }
          return down.transaction(stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (name !== 'articles') return table;
          return { ...table, mutate: (req) => mutateCounted(down, table, req) };
        },
      };
    },
  };
}

async function mutateCounted(core: DBCore, articles: DBCoreTable, req: DBCoreMutateRequest) {
  // Which clippings the write touches, and their sortKey prefix (a deleted row has no sortKey of its own).
  const touched = new Map<string, string | null>();
  const note = (r: StoredArticle | undefined) => {
    if (!r) return;
    const base = r.sortKey ? sortBase(r.sortKey) : null;
    if (base || !touched.has(r.clippingId)) touched.set(r.clippingId, base ?? touched.get(r.clippingId) ?? null);
  };
  if (req.type === 'deleteRange') {
    const res = await articles.mutate(req);
    await recountAll(core, req.trans);
    return res;
  }
  // Deletions name keys only: read the rows first. Puts carry the rows, and an article never changes clipping.
  if (req.type === 'delete') (await articles.getMany({ trans: req.trans, keys: req.keys })).forEach(note);
  else (req.values as StoredArticle[]).forEach(note);
  const res = await articles.mutate(req);
  await recount(core, req.trans, touched);
  return res;
}

async function recount(core: DBCore, trans: DBCoreTransaction, touched: Map<string, string | null>) {
  if (!touched.size) return;
  const listing = core.table(LISTING_TABLE);
  const index = sortKeyIndex(core);
  const known = await listing.getMany({ trans, keys: [...touched.keys(), STAMP] }) as (ListingRow | undefined)[];
  const puts: ListingRow[] = [{ clippingId: STAMP, base: '', count: (known.at(-1)?.count ?? 0) + 1 }];
  const gone: string[] = [];
  // The counts are issued together: awaited one by one they were a round trip per clipping of a batch.
  const counted = await Promise.all([...touched].map(async ([clippingId, seen], i) => {
    const base = seen ?? known[i]?.base;
    if (!base) return null; // no live row before or after the write: nothing is listed
    const count = await core.table('articles').count({
      trans, query: { index, range: { type: 2 /* DBCoreRangeType.Range */, lower: base, upper: base + '\uffff', lowerOpen: false, upperOpen: true } },
    });
    return { clippingId, base, count };
  }));
  for (const c of counted) {
    if (!c) continue;
    if (c.count) puts.push(c);
    else gone.push(c.clippingId);
  }
  await listing.mutate({ type: 'put', trans, values: puts });
  if (gone.length) await listing.mutate({ type: 'delete', trans, keys: gone });
}

/** After a range deletion (a clear()): count every live article again, one pass over the sortKey index. */
async function recountAll(core: DBCore, trans: DBCoreTransaction) {
  const res = await core.table('articles').query({ trans, values: true, query: { index: sortKeyIndex(core), range: ANY } });
  const rows = buildListing((res.result as StoredArticle[]).map((r) => r.sortKey!));
  const listing = core.table(LISTING_TABLE);
  const stamp = ((await listing.get({ trans, key: STAMP })) as ListingRow | undefined)?.count ?? 0;
  await listing.mutate({ type: 'deleteRange', trans, range: ANY });
  await listing.mutate({ type: 'put', trans, values: [...rows, { clippingId: STAMP, base: '', count: stamp + 1 }] });
}

/** Dexie's own "every key" range (DBCoreRangeType.Any). */
const ANY = { type: 3, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false } as const;

function sortKeyIndex(core: DBCore): DBCoreIndex {
  const index = core.table('articles').schema.getIndexByKeyPath('sortKey');
  if (!index) throw new Error('articles has no sortKey index');
  return index;
}

const cache = new WeakMap<object, { stamp: number; positions: Positions }>();

/**
 * The archive list's positions, read once and kept while the stamp row says no context (another page's worker,
 * the offscreen one, a sync) has written articles since: one small read per call instead of one per clipping.
 * @example const p = await listPositions(db.listing); p.locate(50_000);
 */
export async function listPositions(listing: Table<ListingRow, string>): Promise<Positions> {
  return listing.db.transaction('r', listing, async () => {
    const stamp = (await listing.get(STAMP))?.count ?? 0;
    const hit = cache.get(listing);
    if (hit && hit.stamp === stamp) return hit.positions;
    const positions = new Positions((await listing.toArray()).filter((r) => r.clippingId !== STAMP));
    cache.set(listing, { stamp, positions });
    return positions;
  });
}

/** The listing rows for a list of live sortKeys (used to build the table and to check it). */
export function buildListing(sortKeys: Iterable<string>): ListingRow[] {
  const rows = new Map<string, ListingRow>();
  for (const key of sortKeys) {
    const base = sortBase(key);
    const clippingId = base.slice(base.indexOf('|') + 1, -1);
    const row = rows.get(clippingId);
    if (row) row.count++;
    else rows.set(clippingId, { clippingId, base, count: 1 });
  }
  return [...rows.values()];
}

/**
 * Where each clipping's articles start in the archive list, for jumping to any position in O(log n).
 * @example
 * const p = new Positions(rows); p.total; // 100_100
 * p.locate(50_000); // { base: '0000…|c8f…|', skip: 3 }: the 4th article of that clipping
 */
export class Positions {
  private readonly bases: string[];
  private readonly starts: number[];
  readonly total: number;

  constructor(rows: ListingRow[]) {
    const sorted = [...rows].sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
    this.bases = sorted.map((r) => r.base);
    this.starts = [];
    let at = 0;
    for (const r of sorted) {
      this.starts.push(at);
      at += r.count;
    }
    this.total = at;
  }

  /** The clipping holding list position `offset` and how many of its articles come before it; null past the end. */
  locate(offset: number): { base: string; skip: number } | null {
    if (offset < 0 || offset >= this.total) return null;
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { base: this.bases[lo]!, skip: offset - this.starts[lo]! };
  }
}
