/**
 * A canonical view of what the index holds for the live articles, independent of document numbers and of how
 * postings are laid out in rows: two indexes of the same articles dump equal. Tests compare an index kept up to
 * date by edits with one rebuilt from scratch.
 */
import type { Dexie } from 'dexie';
import { listRange } from './blocks.js';
import { decodePostings, FIELD_COUNT, type FieldHits } from './codec.js';
import { CHUNK_BITS, CHUNK_SIZE, searchTables, termsOf } from './tables.js';

export interface IndexDump {
  live: number;
  lenSum: number[];
  docs: Record<string, { day: number; len: number[]; terms: Record<string, FieldHits> }>;
}

export async function dumpIndex(db: Dexie): Promise<IndexDump> {
  const t = searchTables(db);
  const meta = await t.meta.get('meta');
  const norms = new Map((await t.norms.toArray()).map((n) => [n.chunk, n]));
  const names = new Map((await t.ids.toArray()).flatMap((set) => set.docNos.map((no, k) => [no, set.ids[k]!] as const)));
  const docs: IndexDump['docs'] = {};
  const alive = (d: number) => norms.get(d >> CHUNK_BITS)?.alive[d & (CHUNK_SIZE - 1)] === 1;
  for (const [docNo, id] of names) {
    if (!alive(docNo)) continue;
    const n = norms.get(docNo >> CHUNK_BITS)!, i = docNo & (CHUNK_SIZE - 1);
    docs[id] = { day: n.day[i]!, len: [...n.len.subarray(i * FIELD_COUNT, (i + 1) * FIELD_COUNT)], terms: {} };
  }
  const rows = [...(await t.segments.toArray()), ...(await t.recent.toArray())];
  for (const row of rows) {
    termsOf(row).forEach((term, k) => {
      for (const p of decodePostings(row.data.subarray(...listRange(row, k)), 0, true)) {
        const id = names.get(p.doc);
        if (!id || !alive(p.doc)) continue;
        // A document's postings of a term are stored once: a second copy means a flush or merge duplicated them.
        if (docs[id]!.terms[term]) throw new Error(`document ${p.doc} has two postings for ${term}`);
        docs[id]!.terms[term] = [...p.hits].map((h) => h ?? undefined);
      }
    });
  }
  // Canonical order: ids and terms sorted.
  const sorted: IndexDump['docs'] = {};
  for (const id of Object.keys(docs).sort()) {
    const d = docs[id]!;
    sorted[id] = { ...d, terms: Object.fromEntries(Object.entries(d.terms).sort(([a], [b]) => (a < b ? -1 : 1))) };
  }
  return { live: meta?.live ?? 0, lenSum: meta?.lenSum ?? new Array(FIELD_COUNT).fill(0), docs: sorted };
}
