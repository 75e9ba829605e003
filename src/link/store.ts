/**
 * Linking in the database: a clipping's story parts are recorded (`storyParts`, by edition) and linked with the
 * parts already stored (`links`), honouring links already made and pairs a user unlinked. Works on Dexie tables,
 * so the engine (inside its write transaction) and the schema upgrade (inside its own) share it.
 */
import type { Table, Transaction } from 'dexie';
import { STORY_LINK_VERSION, type Clipping, type StoryLink } from '../model/records.js';
import type { StoredArticle } from '../store/db.js';
import { contentHash } from '../store/hash.js';
import { propose } from './match.js';
import { partOf } from './parts.js';
import type { StoryPart } from './types.js';

/** The id of the one link record a pair of articles can have. */
export const linkId = (from: string, to: string): string => 'l' + contentHash(`${from}>${to}`);

/** Replaces the clipping's story parts with those of `records` and links them; returns how many links it made. */
export function linkClippingParts(
  links: Table<StoryLink, string>, parts: Table<StoryPart, string>, clipping: Clipping, records: StoredArticle[], now: number,
): Promise<number> {
  return linkClippingsParts(links, parts, [{ clipping, records }], now);
}

/**
 * {@link linkClippingParts} for a batch of clippings: their old parts go in one request (a bulk ingest of 32 pages
 * made 64 round trips of it, most pages having no part to link), then each is linked in turn, so a page also
 * finds the parts of the pages before it in the batch.
 */
export async function linkClippingsParts(
  links: Table<StoryLink, string>, parts: Table<StoryPart, string>, batch: { clipping: Clipping; records: StoredArticle[] }[], now: number,
): Promise<number> {
  await parts.where('clippingId').anyOf(batch.map((b) => b.clipping.id)).delete();
  let made = 0;
  for (const { clipping, records } of batch) made += await linkNewParts(links, parts, clipping, records, now);
  return made;
}

async function linkNewParts(
  links: Table<StoryLink, string>, parts: Table<StoryPart, string>, clipping: Clipping, records: StoredArticle[], now: number,
): Promise<number> {
  const mine = records.flatMap((r) => partOf(r, clipping) ?? []);
  if (!mine.length) return 0;
  await parts.bulkPut(mine);
  const editions = [...new Set(mine.flatMap((p) => p.editions))];
  const others = editions.length ? (await parts.where('editions').anyOf(editions).toArray()).filter((p) => p.clippingId !== clipping.id) : [];
  if (!others.length) return 0;
  const all = [...new Map([...mine, ...others].map((p) => [p.articleId, p])).values()];
  const ids = all.map((p) => p.articleId);
  const existing = [...await links.where('from').anyOf(ids).toArray(), ...await links.where('to').anyOf(ids).toArray()];
  const taken = new Set(existing.filter((l) => l.state === 'linked').flatMap((l) => [`from|${l.from}`, `to|${l.to}`]));
  const refused = new Set(existing.filter((l) => l.state === 'unlinked').map((l) => `${l.from}>${l.to}`));
  // Only pairs with a part of this clipping are new: the others were proposed when their pages came in.
  const mineIds = new Set(mine.map((p) => p.articleId));
  const fresh = propose(all, taken, refused).filter((p) => mineIds.has(p.from) || mineIds.has(p.to));
  await links.bulkPut(fresh.map((p): StoryLink => ({
    v: STORY_LINK_VERSION, id: linkId(p.from, p.to), from: p.from, to: p.to, fromClipping: p.fromClipping, toClipping: p.toClipping,
    state: 'linked', by: 'auto', score: Math.round(p.score * 100) / 100, createdAt: now, updatedAt: now,
  })));
  return fresh.length;
}

/** Schema upgrade (version 5): the story parts of the articles already stored, linked, a clipping at a time. */
export async function linkStoredClippings(tx: Transaction, now = Date.now()): Promise<void> {
  const clippings = tx.table<Clipping, string>('clippings');
  const articles = tx.table<StoredArticle, string>('articles');
  for (const id of await clippings.orderBy('capturedAt').primaryKeys()) {
    const c = (await clippings.get(id))!;
    const rows = await articles.where('clippingId').equals(id).toArray();
    await linkClippingParts(tx.table('links'), tx.table('storyParts'), c, rows, now);
  }
}
