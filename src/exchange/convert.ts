import type { Annotation, ArticleRecord, Clipping, Membership, Collection, StoryLink } from '../model/records.js';
import { toCsl } from './csl.js';
import { markdownHeader, toMarkdown } from './markdown.js';
import { toNdjsonLine } from './ndjson.js';
import type { ArchiveItem } from './read.js';
import { clippingFacts, exportArticle, storyNeighbours, type ClippingFacts, type ExportArticle, type StoryNeighbours } from './views.js';

export type Target = 'csl-json' | 'markdown' | 'ndjson';
export const TARGETS: readonly Target[] = ['csl-json', 'markdown', 'ndjson'];

/**
 * The live articles of an archive read as a stream, with their clipping facts, tags and collections. Articles
 * come last in a file, so everything else is known when they arrive; only clipping facts (no raw text),
 * annotations and memberships are held in memory.
 */
export async function* exportArticles(items: AsyncIterable<ArchiveItem>, story?: StoryNeighbours): AsyncGenerator<ExportArticle> {
  const clippings = new Map<string, ClippingFacts>();
  const names = new Map<string, string>();
  const inCollections = new Map<string, string[]>();
  const notes = new Map<string, Annotation>();
  for await (const it of items) {
    if (it.kind !== 'record') continue;
    switch (it.section) {
      case 'clippings': clippings.set(it.record.id, clippingFacts(it.record as Clipping)); break;
      case 'collections': names.set(it.record.id, (it.record as Collection).name); break;
      case 'memberships': {
        const m = it.record as Membership;
        inCollections.set(m.articleId, [...(inCollections.get(m.articleId) ?? []), m.collectionId]);
        break;
      }
      case 'annotations': notes.set(it.record.articleId, it.record as Annotation); break;
      case 'articles': {
        const r = it.record as ArticleRecord;
        if (r.deletedAt !== null) break;
        const cols = (inCollections.get(r.id) ?? []).map((id) => names.get(id) ?? id);
        yield exportArticle(r, clippings.get(r.clippingId), notes.get(r.id), cols, story);
      }
    }
  }
}

/**
 * The story links of an archive stream. They come after the articles in a file, so a converter that wants them
 * reads the file once for them first (see {@link exportArticles}).
 */
export async function storyOfArchive(items: AsyncIterable<ArchiveItem>): Promise<StoryNeighbours> {
  const links: StoryLink[] = [];
  for await (const it of items) if (it.kind === 'record' && it.section === 'links') links.push(it.record as StoryLink);
  return storyNeighbours(links);
}

/** Converts a stream of export articles to text chunks of the target format. */
export async function* convertArticles(articles: AsyncIterable<ExportArticle>, to: Target, title = 'Presscut export'): AsyncGenerator<string> {
  if (to === 'ndjson') { for await (const a of articles) yield toNdjsonLine(a); return; }
  if (to === 'csl-json') {
    let first = true;
    yield '[';
    for await (const a of articles) { yield (first ? '\n' : ',\n') + JSON.stringify(toCsl(a)); first = false; }
    yield first ? ']\n' : '\n]\n';
    return;
  }
  // Markdown states its count up front, so its articles are gathered first (they are text only, no spans kept).
  const all: string[] = [];
  for await (const a of articles) all.push(toMarkdown(a));
  yield markdownHeader(title, all.length);
  for (const md of all) yield md + '\n---\n\n';
}
