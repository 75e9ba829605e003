import type { Annotation, Collection, Membership } from '../model/records.js';
import type { PresscutDB } from '../store/db.js';
import { contentHash } from '../store/hash.js';
import { EngineError } from '../store/validate.js';
import type { CollectionsApi, CollectionSummary, UndoToken } from './types.js';

const MAX_NAME = 200;
const MAX_TAG = 60;
const MAX_NOTE = 100_000;

function checkName(name: unknown): string {
  const n = typeof name === 'string' ? name.trim() : '';
  if (!n) throw new EngineError('bad-name', 'a collection needs a name');
  if (n.length > MAX_NAME) throw new EngineError('name-too-long', `a collection name has at most ${MAX_NAME} characters (this one has ${n.length})`, [MAX_NAME, n.length]);
  return n;
}

/** Tags are trimmed, kept once each (case-insensitively) and in the order given. */
export function cleanTags(tags: unknown): string[] {
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) throw new EngineError('bad-tags', 'tags must be a list of text');
  const seen = new Set<string>(), out: string[] = [];
  for (const raw of tags as string[]) {
    const t = raw.trim().replace(/\s+/g, ' ');
    if (!t) continue;
    if (t.length > MAX_TAG) throw new EngineError('tag-too-long', `a tag has at most ${MAX_TAG} characters: "${t.slice(0, 20)}…"`, [MAX_TAG, t.slice(0, 20)]);
    if (!seen.has(t.toLowerCase())) { seen.add(t.toLowerCase()); out.push(t); }
  }
  return out;
}

export const membershipId = (collectionId: string, articleId: string) => `${collectionId}|${articleId}`;

/**
 * Collections, memberships, tags and notes. Each membership is a row of its own and each article's tags and note
 * one annotation row, never fields of the article: re-parsing rewrites articles, and two devices adding different
 * articles to one collection must both survive a sync.
 */
export function collectionsApi(db: PresscutDB, now: () => number): CollectionsApi {
  async function mustCollection(id: string): Promise<Collection> {
    const c = await db.collections.get(id);
    if (!c) throw new EngineError('not-found', `no collection ${id} (it may have been deleted)`);
    return c;
  }
  async function summary(c: Collection): Promise<CollectionSummary> {
    return { id: c.id, name: c.name, order: c.order, articleCount: await db.memberships.where('collectionId').equals(c.id).count() };
  }
  async function liveIds(ids: string[]): Promise<string[]> {
    const rows = await db.articles.bulkGet(ids);
    const missing = ids.filter((_, i) => !rows[i] || rows[i]!.deletedAt !== null);
    if (missing.length) throw new EngineError('not-found', `no article ${missing[0]}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}`);
    return ids;
  }

  return {
    async listCollections() {
      const all = await db.collections.orderBy('order').toArray();
      return Promise.all(all.map(summary));
    },

    async createCollection(name) {
      const n = checkName(name);
      return db.transaction('rw', db.collections, async () => {
        const all = await db.collections.toArray();
        if (all.some((c) => c.name.toLowerCase() === n.toLowerCase())) throw new EngineError('name-taken', `there is already a collection named "${n}"`, [n]);
        const t = now();
        const c: Collection = { id: 'k' + contentHash(`${n}|${t}`), name: n, order: Math.max(-1, ...all.map((x) => x.order)) + 1, createdAt: t, updatedAt: t };
        await db.collections.add(c);
        return { id: c.id, name: c.name, order: c.order, articleCount: 0 };
      });
    },

    async renameCollection(id, name) {
      const n = checkName(name);
      await db.transaction('rw', db.collections, async () => {
        await mustCollection(id);
        const clash = await db.collections.filter((c) => c.id !== id && c.name.toLowerCase() === n.toLowerCase()).first();
        if (clash) throw new EngineError('name-taken', `there is already a collection named "${n}"`, [n]);
        await db.collections.update(id, { name: n, updatedAt: now() });
      });
    },

    async reorderCollections(ids) {
      await db.transaction('rw', db.collections, async () => {
        const all = await db.collections.toArray();
        if (ids.length !== all.length || !all.every((c) => ids.includes(c.id))) {
          throw new EngineError('bad-order', 'the new order must list every collection exactly once');
        }
        const t = now();
        await db.collections.bulkPut(all.map((c) => ({ ...c, order: ids.indexOf(c.id), updatedAt: t })));
      });
    },

    async deleteCollection(id): Promise<UndoToken> {
      return db.transaction('rw', db.collections, db.memberships, db.undo, async () => {
        const c = await mustCollection(id);
        const members = await db.memberships.where('collectionId').equals(id).toArray();
        await db.memberships.bulkDelete(members.map((m) => m.id));
        await db.collections.delete(id);
        const t = now();
        const token = { id: 'u' + contentHash(`${id}|${t}`), label: c.name };
        await db.undo.put({ id: token.id, kind: 'delete-collection', articleId: members[0]?.articleId ?? '', label: c.name, createdAt: t, collection: c, memberships: members });
        return token;
      });
    },

    async addToCollection(collectionId, articleIds) {
      return db.transaction('rw', db.collections, db.memberships, db.articles, async () => {
        await mustCollection(collectionId);
        const ids = await liveIds([...new Set(articleIds)]);
        const existing = new Set((await db.memberships.bulkGet(ids.map((a) => membershipId(collectionId, a)))).flatMap((m) => (m ? [m.articleId] : [])));
        const t = now();
        const added: Membership[] = ids.filter((a) => !existing.has(a)).map((articleId) => ({ id: membershipId(collectionId, articleId), collectionId, articleId, addedAt: t }));
        await db.memberships.bulkPut(added);
        return added.length;
      });
    },

    async removeFromCollection(collectionId, articleIds) {
      return db.transaction('rw', db.memberships, async () => {
        const keys = articleIds.map((a) => membershipId(collectionId, a));
        const present = (await db.memberships.bulkGet(keys)).filter(Boolean).length;
        await db.memberships.bulkDelete(keys);
        return present;
      });
    },

    async collectionsOf(articleId) {
      return (await db.memberships.where('articleId').equals(articleId).toArray()).map((m) => m.collectionId);
    },

    async getAnnotation(articleId) {
      return (await db.annotations.get(articleId)) ?? null;
    },

    async setTags(articleId, tags) {
      const clean = cleanTags(tags);
      return db.transaction('rw', db.annotations, db.articles, async () => {
        await liveIds([articleId]);
        const a: Annotation = { ...((await db.annotations.get(articleId)) ?? { articleId, note: '' }), tags: clean, updatedAt: now() };
        await db.annotations.put(a);
        return clean;
      });
    },

    async setNote(articleId, note) {
      if (typeof note !== 'string') throw new EngineError('bad-note', 'a note is text');
      if (note.length > MAX_NOTE) throw new EngineError('note-too-long', `a note has at most ${MAX_NOTE.toLocaleString('en')} characters`, [MAX_NOTE]);
      await db.transaction('rw', db.annotations, db.articles, async () => {
        await liveIds([articleId]);
        await db.annotations.put({ ...((await db.annotations.get(articleId)) ?? { articleId, tags: [] }), note, updatedAt: now() });
      });
    },

    async listTags() {
      const counts = new Map<string, number>();
      await db.annotations.each((a) => { for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1); });
      return [...counts].map(([tag, count]) => ({ tag, count })).sort((x, y) => y.count - x.count || x.tag.localeCompare(y.tag));
    },
  };
}
