import type { Article } from '../model/page.js';
import type { StructuredArticle } from '../model/records.js';

/**
 * The page's own markup (or an imported article's fields) knows its one article's title block better than any
 * heuristic: the fields it states replace the segmenter's in the first article.
 */
export function withStructure(articles: Article[], s: StructuredArticle | null): Article[] {
  if (!s || !articles.length) return articles;
  const [first, ...rest] = articles as [Article, ...Article[]];
  const pick = <K extends keyof StructuredArticle>(k: K, fallback: Article[K & keyof Article]) => (s[k] ?? fallback) as Article[K & keyof Article];
  return [{
    ...first,
    kicker: pick('kicker', first.kicker), headline: pick('headline', first.headline), subtitle: pick('subtitle', first.subtitle),
    byline: pick('byline', first.byline), dateline: pick('dateline', first.dateline),
    authors: s.authors?.length ? s.authors : first.authors,
  }, ...rest];
}
