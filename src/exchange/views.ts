import type { Article } from '../model/page.js';
import type { Annotation, ArticleRecord, Clipping, StoryLink } from '../model/records.js';
import { applyCorrections } from '../store/view.js';
import { pageDate, pageNumber } from './page-facts.js';

/** An article with what its exports need from its clipping, tags and collections: the unit every converter takes. */
export interface ExportArticle extends Article {
  id: string;
  newspaper: string | null;
  url: string | null;
  sourceTitle: string | null;
  /** [year, month, day] of the page, when known. */
  date: [number, number, number] | null;
  page: string | null;
  capturedAt: number;
  tags: string[];
  note: string;
  collections: string[];
  /** A story continued across pages: the ids of the part before and after this one (null at either end, or alone). */
  storyPrevious: string | null;
  storyNext: string | null;
}

/** Where each part of a continued story sits: its linked neighbours, by article id. */
export type StoryNeighbours = Map<string, { previous: string | null; next: string | null }>;

/** The neighbours the `linked` links make (an unlinked pair is no story). */
export function storyNeighbours(links: Iterable<Pick<StoryLink, 'from' | 'to' | 'state'>>): StoryNeighbours {
  const out: StoryNeighbours = new Map();
  const at = (id: string) => out.get(id) ?? (out.set(id, { previous: null, next: null }), out.get(id)!);
  for (const l of links) {
    if (l.state !== 'linked') continue;
    at(l.from).next = l.to;
    at(l.to).previous = l.from;
  }
  return out;
}

/** What an export keeps of a clipping once its articles are out: no raw text. */
export type ClippingFacts = Pick<Clipping, 'id' | 'source' | 'newspaper' | 'capturedAt' | 'items' | 'structured'>;

export function clippingFacts(c: Clipping): ClippingFacts {
  return { id: c.id, source: c.source, newspaper: c.newspaper, capturedAt: c.capturedAt, items: c.items.filter((i) => i.kind === 'furniture'), structured: c.structured };
}

export function exportArticle(r: ArticleRecord, c: ClippingFacts | undefined, ann?: Annotation, collections: string[] = [], story?: StoryNeighbours): ExportArticle {
  return {
    ...applyCorrections(r), id: r.id,
    newspaper: c?.newspaper ?? c?.structured?.newspaper ?? null, url: c?.source.url ?? null, sourceTitle: c?.source.title ?? null,
    date: c ? pageDate(c) : null, page: c ? pageNumber(c) : null, capturedAt: r.capturedAt,
    tags: ann?.tags ?? [], note: ann?.note ?? '', collections,
    storyPrevious: story?.get(r.id)?.previous ?? null, storyNext: story?.get(r.id)?.next ?? null,
  };
}
