import type { StructuredArticle } from '../engine/types.js';

/**
 * The clipping text for an article whose fields the page states: the title block one line per field, then the
 * paragraphs one per line with a blank line between them, the way a copied web page reads. This is the text
 * stored and shown in the clipping view; the structured fields ride along and win over the segmenter's guesses.
 */
export function composeArticleText(s: StructuredArticle, paragraphs: string[]): string {
  const titles = [s.kicker, s.headline, s.subtitle, s.byline].filter((x): x is string => !!x && !!x.trim());
  return [titles.join('\n'), ...paragraphs].filter(Boolean).join('\n\n');
}
