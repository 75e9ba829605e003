/**
 * Continued stories in the store: after a clipping's articles are (re)derived, its parts with a jump are recorded
 * and linked with their partners already stored (whichever page came first); the reader asks for a story's parts
 * in order; a user's unlink is kept as a decision the linker respects.
 */
import type { StoryLink } from '../model/records.js';
import { clippingPage } from '../link/parts.js';
import { linkId } from '../link/store.js';
import type { PresscutDB, StoredArticle } from '../store/db.js';
import { toView } from '../store/view.js';
import { EngineError } from '../store/validate.js';
import type { StoryView } from './types.js';

/** The tables a transaction that relinks must include. */
export const linkTables = (db: PresscutDB) => [db.links, db.storyParts];

/** Links (and unlink decisions) follow articles whose ids changed because their clipping was re-derived. */
export async function followLinks(db: PresscutDB, moved: Map<string, string>, now: number): Promise<void> {
  const from = [...moved].filter(([a, b]) => a !== b).map(([a]) => a);
  if (!from.length) return;
  const rows = [...await db.links.where('from').anyOf(from).toArray(), ...await db.links.where('to').anyOf(from).toArray()];
  for (const l of new Map(rows.map((r) => [r.id, r])).values()) {
    const f = moved.get(l.from) ?? l.from, t = moved.get(l.to) ?? l.to;
    await db.links.delete(l.id);
    await db.links.put({ ...l, id: linkId(f, t), from: f, to: t, updatedAt: now });
  }
}

/** The engine's story methods. */
export function linksApi(db: PresscutDB, now: () => number) {
  async function liveArticle(id: string): Promise<StoredArticle | null> {
    const r = await db.articles.get(id);
    return r && r.deletedAt === null ? r : null;
  }
  async function linked(field: 'from' | 'to', id: string): Promise<StoryLink | undefined> {
    return (await db.links.where(field).equals(id).toArray()).find((l) => l.state === 'linked');
  }

  return {
    /** The story an article is part of, its parts in page order; null when the article stands alone. */
    async storyOf(articleId: string): Promise<StoryView | null> {
      const start = await liveArticle(articleId);
      if (!start) return null;
      // Walk back to the first part, then forward; a visited set guards against a cycle of wrong links.
      let head = start;
      const seen = new Set([head.id]);
      for (let l = await linked('to', head.id); l && !seen.has(l.from); l = await linked('to', head.id)) {
        const prev = await liveArticle(l.from);
        if (!prev) break;
        seen.add(prev.id);
        head = prev;
      }
      const chain: { r: StoredArticle; link: string | null }[] = [{ r: head, link: null }];
      const visited = new Set([head.id]);
      for (let l = await linked('from', head.id); l && !visited.has(l.to); l = await linked('from', chain.at(-1)!.r.id)) {
        const next = await liveArticle(l.to);
        if (!next) break;
        visited.add(next.id);
        chain.at(-1)!.link = l.id;
        chain.push({ r: next, link: null });
      }
      if (chain.length < 2) return null;
      const clips = new Map((await db.clippings.bulkGet([...new Set(chain.map((x) => x.r.clippingId))])).flatMap((c) => (c ? [[c.id, c] as const] : [])));
      return {
        parts: chain.map(({ r, link }) => {
          const c = clips.get(r.clippingId)!;
          return { article: toView(r, c), page: clippingPage(c), linkToNext: link };
        }),
      };
    },

    /** Undoes a link; the decision is kept, so linking never makes it again. */
    async unlink(id: string): Promise<void> {
      await db.transaction('rw', db.links, async () => {
        const l = await db.links.get(id);
        if (!l) throw new EngineError('not-found', `no story link ${id}`);
        await db.links.put({ ...l, state: 'unlinked', by: 'user', updatedAt: now() });
      });
    },

  };
}
