/**
 * A story continued across pages is found once: of the ranked documents that are parts of one linked story
 * (the `links` table, schema version 5), only the best-ranked stays, so a query matching both pages lists the
 * story a single time; the reader shows all its parts from there.
 */
import type { Dexie } from 'dexie';
import type { StoryLink } from '../model/records.js';

/** Drops every ranked document whose story already has a better-ranked part. */
export async function collapseStories<D extends { doc: number }>(db: Dexie, articleId: (doc: number) => string, docs: D[]): Promise<D[]> {
  if (!db.tables.some((t) => t.name === 'links')) return docs;
  // Links are few (one per continued story): read them whole rather than look up every ranked document.
  const links = (await db.table('links').toArray() as StoryLink[]).filter((l) => l.state === 'linked');
  if (!links.length) return docs;
  const parent = new Map(links.map((l) => [l.to, l.from]));
  const storyOf = (id: string) => {
    for (let i = 0; i < 16 && parent.has(id); i++) id = parent.get(id)!;
    return id;
  };
  const seen = new Set<string>();
  return docs.filter((d) => {
    const story = storyOf(articleId(d.doc));
    if (seen.has(story)) return false;
    seen.add(story);
    return true;
  });
}
