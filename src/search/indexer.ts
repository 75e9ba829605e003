/**
 * Keeps the search index in step with the articles, inside the caller's transaction: the Engine calls
 * {@link indexArticles} in the same Dexie transaction that writes the article rows, so the two commit or fail
 * together. See tables.ts for the layout.
 */
import type { Clipping } from '../model/records.js';
import type { StoredArticle } from '../store/db.js';
import { applyCorrections } from '../store/view.js';
import { packBlock } from './blocks.js';
import { FIELD_COUNT } from './codec.js';
import { searchDoc, type SearchDoc } from './fields.js';
import { normalise } from './normalize.js';
import { mergeDue } from './merge.js';
import { PostingsBuilder } from './postings-builder.js';
import { flushRecent } from './segments.js';
import {
  CHUNK_BITS, CHUNK_SIZE, emptyMeta, idEntriesOf, type IdSetRow, type NormRow, type RecentRow, searchTables, type SearchTables, type TableSource, tuning,
} from './tables.js';

/**
 * Updates the index for a change of article rows: `removedIds` are rows deleted or replaced, `added` the rows
 * written (soft-deleted ones are skipped). Must run inside a transaction that includes `clippings` and the
 * search tables. An article whose indexed text did not change keeps its postings. `known` holds clippings the
 * caller has in hand as they are now stored (the others are read).
 * Returns whether segments are due for merging (see applyChanges).
 * @example
 * await db.transaction('rw', [db.articles, db.clippings, ...searchTableList(db)], async () => {
 *   await db.articles.bulkPut(records);
 *   await indexArticles(db, oldIds, records);
 * });
 */
export async function indexArticles(
  src: TableSource, removedIds: string[], added: StoredArticle[], known: ReadonlyMap<string, Clipping> = new Map(),
): Promise<boolean> {
  const live = added.filter((r) => r.deletedAt === null);
  const clippings = new Map(known);
  const wanted = [...new Set(live.map((r) => r.clippingId))].filter((id) => !known.has(id));
  if (wanted.length) (await src.table('clippings').bulkGet(wanted)).forEach((c: Clipping | undefined) => { if (c) clippings.set(c.id, c); });
  const docs = live.flatMap((r) => {
    const c = clippings.get(r.clippingId);
    return c ? [searchDoc(r.id, applyCorrections(r), c)] : [];
  });
  return applyChanges(searchTables(src), removedIds, docs);
}

/**
 * Index changes for prepared documents (rebuilds and tests use it directly). Returns whether segments are due
 * for merging (maintainIndex), so that callers open no transaction for it when there is nothing to do.
 */
export async function applyChanges(t: SearchTables, removedIds: string[], docs: SearchDoc[]): Promise<boolean> {
  const byId = new Map(docs.map((d) => [d.articleId, d]));
  const ids = [...new Set([...removedIds, ...byId.keys()])];
  // Requests of one transaction run in order: issuing them together saves a round trip each (writes below too).
  const [stored, existing] = await Promise.all([t.meta.get('meta'), idEntriesOf(t, ids)]);
  const meta = stored ?? emptyMeta(FIELD_COUNT);

  const dead: { docNo: number }[] = [];
  const fresh: SearchDoc[] = [];
  const changedSets = new Set<IdSetRow>();
  for (const id of ids) {
    const old = existing.get(id), doc = byId.get(id);
    if (old && doc && old.hash === doc.hash) continue;
    if (old) {
      dead.push({ docNo: old.docNo });
      changedSets.add(old.set);
    }
    if (doc) fresh.push(doc);
  }
  if (!dead.length && !fresh.length) return mergeDue(meta);

  const newDocs = fresh.map((d) => ({ doc: d, no: meta.nextDoc++ }));
  // Postings first, the norms read after: built while IndexedDB is still busy with the writes issued before
  // this call (the article rows, in the Engine's ingest), rather than while it waits for the next request.
  const postings = new PostingsBuilder();
  const lengths = newDocs.map(({ doc, no }) => postings.add(no, doc.fields.map(normalise)));
  const chunks = new Set([...dead.map((r) => r.docNo >> CHUNK_BITS), ...newDocs.map((x) => x.no >> CHUNK_BITS)]);
  const norms = new Map<number, NormRow>();
  const got = await t.norms.bulkGet([...chunks]);
  [...chunks].forEach((c, i) => norms.set(c, got[i] ?? emptyNorms(c)));

  for (const r of dead) {
    const n = norms.get(r.docNo >> CHUNK_BITS)!, i = r.docNo & (CHUNK_SIZE - 1);
    if (!n.alive[i]) continue;
    n.alive[i] = 0;
    n.ids[i] = '';
    meta.live--;
    const seg = meta.segments.find((x) => x.lo <= r.docNo && r.docNo <= x.hi);
    if (seg) seg.dead++;
    for (let f = 0; f < FIELD_COUNT; f++) meta.lenSum[f]! -= n.len[i * FIELD_COUNT + f]!;
  }

  newDocs.forEach(({ doc, no }, k) => {
    const n = norms.get(no >> CHUNK_BITS)!, i = no & (CHUNK_SIZE - 1);
    lengths[k]!.forEach((length, f) => {
      n.len[i * FIELD_COUNT + f] = length;
      meta.lenSum[f]! += length;
    });
    n.day[i] = doc.day;
    n.ids[i] = doc.articleId;
    (n.sources ??= new Array<string | null>(CHUNK_SIZE))[i] = doc.source;
    n.alive[i] = 1;
    meta.live++;
  });

  // A write's id row loses the entries of its documents that died; a new one holds this write's documents.
  const gone = new Set(dead.map((r) => r.docNo));
  const kept = [...changedSets].map((set) => {
    const keep = set.docNos.flatMap((no, k) => (gone.has(no) ? [] : [k]));
    return { lo: set.lo, ids: keep.map((k) => set.ids[k]!), docNos: keep.map((k) => set.docNos[k]!), hashes: keep.map((k) => set.hashes[k]!) };
  });
  if (newDocs.length) {
    kept.push({ lo: newDocs[0]!.no, ids: newDocs.map((x) => x.doc.articleId), docNos: newDocs.map((x) => x.no), hashes: newDocs.map((x) => x.doc.hash) });
  }
  const writes: Promise<unknown>[] = [
    t.ids.bulkDelete(kept.filter((set) => !set.ids.length).map((set) => set.lo)),
    t.ids.bulkPut(kept.filter((set) => set.ids.length)),
    t.norms.bulkPut([...norms.values()]),
  ];
  let recent: RecentRow | undefined;
  if (!postings.empty) {
    const lo = newDocs[0]!.no;
    recent = { seq: meta.seq++, lo, hi: newDocs[newDocs.length - 1]!.no, ...packBlock(postings.done(), lo) };
    meta.recentWrites++;
    meta.recentDocs += newDocs.length;
  }
  const flush = meta.recentDocs >= tuning.recentDocs || meta.recentWrites >= tuning.recentWrites;
  // A row the flush takes in hand is not stored first.
  if (recent && !flush) writes.push(t.recent.put(recent));
  // The flush's reads come after these writes in the transaction's order, so it sees this write's norms.
  else if (flush) writes.push(flushRecent(t, meta, recent));
  await Promise.all(writes);
  meta.generation++;
  await t.meta.put(meta);
  return mergeDue(meta);
}

function emptyNorms(chunk: number): NormRow {
  return {
    chunk, ids: new Array<string>(CHUNK_SIZE).fill(''), sources: new Array<string | null>(CHUNK_SIZE).fill(null),
    len: new Uint32Array(CHUNK_SIZE * FIELD_COUNT), day: new Int32Array(CHUNK_SIZE), alive: new Uint8Array(CHUNK_SIZE),
  };
}
