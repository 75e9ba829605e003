import type { StructuredArticle } from '../../engine/types.js';

/** One article as an e-paper page lays it out: its title block and byline as fields, its body as paragraphs. */
export interface EpaperArticle {
  structured: StructuredArticle;
  paragraphs: string[];
}

/**
 * Reads one e-paper system's article page. Returns null when the page is not one of its own, so adapters can be
 * tried in turn.
 */
export interface EpaperAdapter {
  name: string;
  read(doc: Document): EpaperArticle | null;
}
