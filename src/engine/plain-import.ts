/**
 * Import of a plain list of articles (src/exchange/plain.ts): the list is checked whole and turned into the records
 * of an archive, which the archive import (archive-io.ts) then writes by its all-or-nothing path.
 */
import { SECTIONS, type Section, type SectionRecords } from '../exchange/format.js';
import { isPlainList, plainRecords, readPlainList, type PlainArticle } from '../exchange/plain.js';
import type { ArchiveItem } from '../exchange/read.js';
import type { PresscutDB } from '../store/db.js';
import { contentHash } from '../store/hash.js';

/**
 * The archive items of `file` when it is a plain list, else null (it is a Presscut archive, or not JSON at all).
 * Throws an ArchiveError naming the first bad entry.
 */
export async function plainListItems(db: PresscutDB, file: Blob | string, now: number): Promise<{ items: ArchiveItem[]; alreadyHere: number } | null> {
  if (!isPlainList(await headOf(file))) return null;
  return plainArchive(db, readPlainList(typeof file === 'string' ? file : await file.text()), now);
}

/** The start of a file, enough to tell its layout (a plain list's first line is one whole article). */
async function headOf(file: Blob | string): Promise<string> {
  return typeof file === 'string' ? file.slice(0, HEAD_CHARS) : file.slice(0, HEAD_CHARS * 3).text();
}
const HEAD_CHARS = 1 << 20;

/**
 * A plain list (src/exchange/plain.ts) as archive records: a clipping and its article each, their tags and note,
 * and their collections, found by name (case-insensitive) or made. An entry whose `id` is an article already here
 * (a list exported from this archive) is left alone and counted as unchanged.
 */
async function plainArchive(db: PresscutDB, list: PlainArticle[], t: number): Promise<{ items: ArchiveItem[]; alreadyHere: number }> {
  const here = new Set((await db.articles.bulkGet(list.map((a) => a.id ?? ''))).flatMap((r) => (r ? [r.id] : [])));
  const byName = new Map((await db.collections.toArray()).map((c) => [c.name.toLowerCase(), c]));
  let order = Math.max(-1, ...[...byName.values()].map((c) => c.order));
  const out: { [S in Section]: SectionRecords[S][] } = { clippings: [], articles: [], collections: [], memberships: [], annotations: [], links: [] };
  let alreadyHere = 0;
  const seen = new Set<string>();
  list.forEach((a, i) => {
    if (a.id && here.has(a.id)) { alreadyHere++; return; }
    // Strictly increasing times keep the list's order in the archive, newest last.
    const { clipping, articles } = plainRecords(a, t + i);
    if (seen.has(clipping.id)) return; // the same article twice in the list
    seen.add(clipping.id);
    out.clippings.push(clipping);
    out.articles.push(...articles);
    const first = articles[0];
    if (!first) return;
    if (a.tags.length || a.note) out.annotations.push({ articleId: first.id, tags: a.tags, note: a.note, updatedAt: clipping.capturedAt });
    for (const name of a.collections) {
      let k = byName.get(name.toLowerCase());
      if (!k) {
        k = { id: 'k' + contentHash(`import|${name.toLowerCase()}`), name, order: ++order, createdAt: t, updatedAt: t };
        byName.set(name.toLowerCase(), k);
        out.collections.push(k);
      }
      out.memberships.push({ id: `${k.id}|${first.id}`, collectionId: k.id, articleId: first.id, addedAt: clipping.capturedAt });
    }
  });
  const items = SECTIONS.flatMap((section) => (out[section] as SectionRecords[typeof section][]).map((record, i) => (
    { kind: 'record', section, record, line: 0, path: `$.${section}[${i}]` } as ArchiveItem)));
  return { items, alreadyHere };
}
