/**
 * Keeps the search index in step with the articles, inside the caller's transaction: the Engine calls
 * {@link indexArticles} in the same Dexie transaction that writes the article rows, so the two commit or fail
 * together. See tables.ts for the layout.
 */
import type { Clipping } from '../model/records.js';
import type { StoredArticle } from '../store/db.js';
import { applyCorrections } from '../store/view.js';
import { decodePostings, encodePostings, FIELD_COUNT, type FieldHits, type Posting, termHash, Writer } from './codec.js';
import { searchDoc, type SearchDoc } from './fields.js';
import { normalise } from './normalize.js';
import {
  CHUNK_BITS, CHUNK_SIZE, emptyMeta, type IdRow, type ListBlock, type MetaRow, type NormRow, type PostingRow,
  searchTables, type SearchTables, type TableSource, TAIL_BUCKETS, TAIL_MAX_DOCS, TAIL_MAX_SEQS, TERM_BUCKETS, type TailRow,
} from './tables.js';
import { fieldTerms } from './tokenize.js';

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
    meta.live--;
    meta.dead++;
    for (let f = 0; f < FIELD_COUNT; f++) meta.lenSum[f]! -= n.len[i * FIELD_COUNT + f]!;
  }

  // Postings of the new documents, term by term, documents ascending.
  const lists = new Map<string, Posting[]>();
  for (const { doc, no } of newDocs) {
    const n = norms.get(no >> CHUNK_BITS)!, i = no & (CHUNK_SIZE - 1);
    const perTerm = new Map<string, FieldHits>();
    doc.fields.forEach((text, f) => {
      const ft = fieldTerms(normalise(text));
      n.len[i * FIELD_COUNT + f] = ft.length;
      meta.lenSum[f]! += ft.length;
      for (const [term, hits] of ft.terms) {
        let h = perTerm.get(term);
        if (!h) perTerm.set(term, (h = new Array(FIELD_COUNT)));
        h[f] = hits;
      }
    });
    n.day[i] = doc.day;
    n.alive[i] = 1;
    meta.live++;
    for (const [term, hits] of perTerm) {
      let l = lists.get(term);
      if (!l) lists.set(term, (l = []));
      l.push({ doc: no, hits });
    }
  }

  await t.ids.bulkDelete(dead.filter((r) => !byId.has(r.articleId)).map((r) => r.articleId));
  await t.ids.bulkPut(newDocs.map(({ doc, no }) => ({ articleId: doc.articleId, docNo: no, hash: doc.hash })));
  await t.norms.bulkPut([...norms.values()]);

  if (lists.size) {
    const byBucket = new Map<number, string[]>();
    for (const term of lists.keys()) {
      const b = termHash(term) & (TAIL_BUCKETS - 1);
      let l = byBucket.get(b);
      if (!l) byBucket.set(b, (l = []));
      l.push(term);
    }
    const rows: TailRow[] = [];
    for (const [bucket, terms] of byBucket) rows.push({ bucket, seq: meta.seq, ...block(terms.sort(), (w, term) => encodePostings(w, lists.get(term)!, 0)) });
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
  return { chunk, len: new Uint32Array(CHUNK_SIZE * FIELD_COUNT), day: new Int32Array(CHUNK_SIZE), alive: new Uint8Array(CHUNK_SIZE) };
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

/**
 * Folds the tail into the main rows: reads every tail row, appends each term's new postings to the row of its
 * bucket and document chunk, and empties the tail. Runs in the caller's transaction.
 */
export async function flushTail(t: SearchTables, meta: MetaRow): Promise<void> {
  const rows = (await t.tail.toArray()).sort((a, b) => a.seq - b.seq);
  // (bucket, chunk) -> term -> new postings, documents ascending (tail seqs are in document order).
  const groups = new Map<number, Map<string, Posting[]>>();
  for (const row of rows) {
    row.terms.forEach((term, i) => {
      const bucket = termHash(term) & (TERM_BUCKETS - 1);
      for (const p of decodePostings(row.data.subarray(row.offs[i]!, row.offs[i + 1]!), 0, true)) {
        const key = bucket * 0x100000 + (p.doc >> CHUNK_BITS);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = new Map()));
        let l = g.get(term);
        if (!l) g.set(term, (l = []));
        l.push(p);
      }
    });
  }
  const keys = [...groups.keys()].map((k) => [Math.floor(k / 0x100000), k % 0x100000] as [number, number]);
  const old = await t.postings.bulkGet(keys);
  const out: PostingRow[] = keys.map(([bucket, chunk], i) => mergeRow(bucket, chunk, old[i], groups.get(bucket * 0x100000 + chunk)!));
  await t.postings.bulkPut(out);
  await t.tail.clear();
  meta.tailDocs = 0;
  meta.tailSeqs = 0;
}

function mergeRow(bucket: number, chunk: number, old: PostingRow | undefined, add: Map<string, Posting[]>): PostingRow {
  const oldIndex = new Map(old?.terms.map((term, i) => [term, i]) ?? []);
  const terms = [...new Set([...oldIndex.keys(), ...add.keys()])].sort();
  const last = new Int32Array(terms.length);
  const b = block(terms, (w, term, k) => {
    const i = oldIndex.get(term);
    let prev = 0;
    if (i !== undefined && old) {
      w.bytes(old.data.subarray(old.offs[i]!, old.offs[i + 1]!));
      prev = old.last[i]!;
    }
    const more = add.get(term);
    if (more) {
      encodePostings(w, more, prev);
      prev = more[more.length - 1]!.doc;
    }
    last[k] = prev;
  });
  return { bucket, chunk, ...b, last };
}
