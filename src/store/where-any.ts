/** Index reads for many keys in one round trip. */
import type { Collection, IndexableType, Table } from 'dexie';

/**
 * What `read` gives for each of `keys` in turn (a key's rows, its first row, ...), flattened: the rows
 * `where(index).anyOf(keys)` finds, in the order of `keys` (not the index's, and a key given twice is read twice),
 * but one request a key, all issued at once: `anyOf` walks the index with a cursor, a round trip for each key it finds,
 * which for the 32 clippings of a bulk-ingest batch was 32 round trips in its write transaction. (Where few of
 * the keys are in the index, `anyOf` is the cheaper one.)
 * @example await whereAny(db.articles, 'clippingId', ids, (c) => c.toArray())
 */
export async function whereAny<T, K, R>(
  table: Table<T, K>, index: string, keys: readonly IndexableType[], read: (c: Collection<T, K>) => Promise<R[]>,
): Promise<R[]> {
  return (await Promise.all(keys.map((k) => read(table.where(index).equals(k))))).flat();
}
