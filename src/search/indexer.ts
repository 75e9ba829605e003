/**
 * Keeps the search index in step with the articles, inside the caller's transaction: the Engine calls
 * {@link indexArticles} in the same Dexie transaction that writes the article rows, so the two commit or fail
 * together. See tables.ts for the layout.
 */
import type { Clipping } from '../model/records.js';
import type { StoredArticle } from '../store/db.js';
import { applyCorrections } from '../store/view.js';
import { encodePostings, FIELD_COUNT, type FieldHits, type Posting, termHash, Writer } from './codec.js';
import { searchDoc, type SearchDoc } from './fields.js';
import { normalise } from './normalize.js';
import {
  CHUNK_BITS, CHUNK_SIZE, emptyMeta, type IdRow, type ListBlock, MAIN_CHUNK_DOCS, type MetaRow, type NormRow, type PostingRow,
  searchTables, type SearchTables, type TableSource, TAIL_BUCKETS, TAIL_MAX_DOCS, TAIL_MAX_SEQS, TERM_BUCKETS, type TailRow,
} from './tables.js';
import { fieldTerms, type TermKey, termString } from './tokenize.js';

/**
 * Updates the index for a change of article rows: `removedIds` are rows deleted or replaced, `added` the rows
 * written (soft-deleted ones are skipped). Must run inside a transaction that includes `clippings` and the
 * search tables. An article whose indexed text did not change keeps its postings.
 * @example
 * await db.transaction('rw', [db.articles, db.clippings, ...searchTableList(db)], async () => {
 *   await db.articles.bulkPut(records);
 *   await indexArticles(db, oldIds, records);
 * });
 */
export async function indexArticles(src: TableSource, removedIds: string[], added: StoredArticle[]): Promise<void> {
  const live = added.filter((r) => r.deletedAt === null);
  const clippings = new Map<string, Clipping>();
  const wanted = [...new Set(live.map((r) => r.clippingId))];
  (await src.table('clippings').bulkGet(wanted)).forEach((c: Clipping | undefined) => { if (c) clippings.set(c.id, c); });
  const docs = live.flatMap((r) => {
    const c = clippings.get(r.clippingId);
    return c ? [searchDoc(r.id, applyCorrections(r), c)] : [];
  });
  await applyChanges(searchTables(src), removedIds, docs);
}

/** Index changes for prepared documents (rebuilds and tests use it directly). */
export async function applyChanges(t: SearchTables, removedIds: string[], docs: SearchDoc[]): Promise<void> {
  const meta = (await t.meta.get('meta')) ?? emptyMeta(FIELD_COUNT);
  const byId = new Map(docs.map((d) => [d.articleId, d]));
  const ids = [...new Set([...removedIds, ...byId.keys()])];
  const existing = new Map((await t.ids.bulkGet(ids)).flatMap((r) => (r ? [[r.articleId, r] as const] : [])));

  const dead: IdRow[] = [];
  const fresh: SearchDoc[] = [];
  for (const id of ids) {
    const old = existing.get(id), doc = byId.get(id);
    if (old && doc && old.hash === doc.hash) continue;
    if (old) dead.push(old);
    if (doc) fresh.push(doc);
  }
  if (!dead.length && !fresh.length) return;

  const newDocs = fresh.map((d) => ({ doc: d, no: meta.nextDoc++ }));
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
    meta.dead++;
    for (let f = 0; f < FIELD_COUNT; f++) meta.lenSum[f]! -= n.len[i * FIELD_COUNT + f]!;
  }

  // Postings of the new documents, term by term, documents ascending.
  const lists = new Map<TermKey, Posting[]>();
  for (const { doc, no } of newDocs) {
    const n = norms.get(no >> CHUNK_BITS)!, i = no & (CHUNK_SIZE - 1);
    doc.fields.forEach((text, f) => {
      const ft = fieldTerms(normalise(text));
      n.len[i * FIELD_COUNT + f] = ft.length;
      meta.lenSum[f]! += ft.length;
      for (const [term, hits] of ft.terms) {
        let l = lists.get(term);
        if (!l) lists.set(term, (l = []));
        const last = l[l.length - 1];
        if (last && last.doc === no) last.hits[f] = hits;
        else {
          const h: FieldHits = new Array(FIELD_COUNT);
          h[f] = hits;
          l.push({ doc: no, hits: h });
        }
      }
    });
    n.day[i] = doc.day;
    n.ids[i] = doc.articleId;
    n.alive[i] = 1;
    meta.live++;
  }

  await t.ids.bulkDelete(dead.filter((r) => !byId.has(r.articleId)).map((r) => r.articleId));
  await t.ids.bulkPut(newDocs.map(({ doc, no }) => ({ articleId: doc.articleId, docNo: no, hash: doc.hash })));
  await t.norms.bulkPut([...norms.values()]);

  if (lists.size) {
    const byBucket = new Map<number, [string, Posting[]][]>();
    for (const [key, list] of lists) {
      const term = termString(key);
      const b = termHash(term) & (TAIL_BUCKETS - 1);
      let l = byBucket.get(b);
      if (!l) byBucket.set(b, (l = []));
      l.push([term, list]);
    }
    const rows: TailRow[] = [];
    for (const [bucket, entries] of byBucket) {
      entries.sort((x, y) => (x[0] < y[0] ? -1 : 1));
      const last = Int32Array.from(entries, ([, l]) => l[l.length - 1]!.doc);
      rows.push({ bucket, seq: meta.seq, last, ...block(entries.map((e) => e[0]), (w, _, i) => encodePostings(w, entries[i]![1], 0)) });
    }
    await t.tail.bulkPut(rows);
    meta.seq++;
    meta.tailSeqs++;
    meta.tailDocs += newDocs.length;
  }
  if (meta.tailDocs >= TAIL_MAX_DOCS || meta.tailSeqs >= TAIL_MAX_SEQS) await flushTail(t, meta);
  meta.generation++;
  await t.meta.put(meta);
}

function emptyNorms(chunk: number): NormRow {
  return { chunk, ids: new Array<string>(CHUNK_SIZE).fill(''), len: new Uint32Array(CHUNK_SIZE * FIELD_COUNT), day: new Int32Array(CHUNK_SIZE), alive: new Uint8Array(CHUNK_SIZE) };
}

/** Writes lists one after another into one block. */
function block(terms: string[], write: (w: Writer, term: string, i: number) => void): ListBlock {
  const w = new Writer();
  const offs = new Uint32Array(terms.length + 1);
  terms.forEach((term, i) => {
    write(w, term, i);
    offs[i + 1] = w.length;
  });
  return { terms, offs, data: w.done() };
}

/** A tail list to append: its first document (stored absolute), the bytes after that, its last document. */
interface Piece {
  first: number;
  rest: Uint8Array;
  last: number;
}

/** Splits the first varint off an encoded list (tail lists start from document 0, so it is the document itself). */
function piece(bytes: Uint8Array, last: number): Piece {
  let v = 0, shift = 0, i = 0, c: number;
  do {
    c = bytes[i++]!;
    v += (c & 0x7f) * 2 ** shift;
    shift += 7;
  } while (c & 0x80);
  return { first: v, rest: bytes.subarray(i), last };
}

/**
 * Folds the tail into the main rows: reads every tail row and appends each term's new postings to its bucket's
 * row of the current chunk, then empties the tail. Appending re-encodes only each list's first document number.
 * Runs in the caller's transaction.
 */
export async function flushTail(t: SearchTables, meta: MetaRow): Promise<void> {
  const rows = (await t.tail.toArray()).sort((a, b) => a.seq - b.seq);
  // bucket -> term -> pieces in document order (tail seqs are in document order).
  const groups = new Map<number, Map<string, Piece[]>>();
  for (const row of rows) {
    row.terms.forEach((term, i) => {
      const bucket = termHash(term) & (TERM_BUCKETS - 1);
      let g = groups.get(bucket);
      if (!g) groups.set(bucket, (g = new Map()));
      let l = g.get(term);
      if (!l) g.set(term, (l = []));
      l.push(piece(row.data.subarray(row.offs[i]!, row.offs[i + 1]!), row.last[i]!));
    });
  }
  const keys = [...groups.keys()].map((b) => [b, meta.chunk] as [number, number]);
  const old = await t.postings.bulkGet(keys);
  await t.postings.bulkPut(keys.map(([bucket, chunk], i) => mergeRow(bucket, chunk, old[i], groups.get(bucket)!)));
  await t.tail.clear();
  meta.chunkDocs += meta.tailDocs;
  if (meta.chunkDocs >= MAIN_CHUNK_DOCS) {
    meta.chunk++;
    meta.chunkDocs = 0;
  }
  meta.tailDocs = 0;
  meta.tailSeqs = 0;
}

function mergeRow(bucket: number, chunk: number, old: PostingRow | undefined, add: Map<string, Piece[]>): PostingRow {
  const oldIndex = new Map(old?.terms.map((term, i) => [term, i]) ?? []);
  const terms = old ? [...old.terms] : [];
  for (const term of add.keys()) if (!oldIndex.has(term)) terms.push(term);
  terms.sort();
  const last = new Int32Array(terms.length);
  const b = block(terms, (w, term, k) => {
    const i = oldIndex.get(term);
    let prev = 0;
    if (i !== undefined && old) {
      w.bytes(old.data.subarray(old.offs[i]!, old.offs[i + 1]!));
      prev = old.last[i]!;
    }
    for (const p of add.get(term) ?? []) {
      w.varint(p.first - prev);
      w.bytes(p.rest);
      prev = p.last;
    }
    last[k] = prev;
  });
  return { bucket, chunk, ...b, last };
}
