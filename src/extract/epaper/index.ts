import { enpProperty } from './enp-property.js';
import { titleBlock } from './title-block.js';
import type { EpaperAdapter, EpaperArticle } from './types.js';

export type { EpaperAdapter, EpaperArticle };

/** Tried in order; the first that recognises the page wins. A new e-paper system is one more adapter here. */
export const EPAPER_ADAPTERS: readonly EpaperAdapter[] = [titleBlock, enpProperty];

/** The article of an e-paper article page, or null when no adapter recognises the page. */
export function readEpaper(doc: Document, adapters: readonly EpaperAdapter[] = EPAPER_ADAPTERS): EpaperArticle | null {
  for (const adapter of adapters) {
    const found = adapter.read(doc);
    if (found) return found;
  }
  return null;
}
