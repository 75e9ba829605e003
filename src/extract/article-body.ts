import { lineText, paragraphsOf } from './dom-text.js';

/**
 * The element holding a news article's text: the one marked `itemprop=articleBody`, else the `<article>` with the
 * most text, else `<main>`. Null when the page marks none of them.
 */
export function findArticleBody(doc: Document): Element | null {
  const marked = doc.querySelector('[itemprop="articleBody"]');
  if (marked) return marked;
  const articles = [...doc.querySelectorAll('article')];
  if (articles.length) return articles.reduce((a, b) => ((b.textContent?.length ?? 0) > (a.textContent?.length ?? 0) ? b : a));
  return doc.querySelector('main, [role="main"]');
}

/** A byline the page prints in the article (`By Jane Doe`), when it marks one. */
export function findByline(root: ParentNode): string | null {
  const text = lineText(root.querySelector('.byline, [class*="byline"], [rel="author"]'));
  return text && text.length <= 80 ? text : null;
}

/** The body's paragraphs without the title lines the body element often repeats. */
export function bodyParagraphs(body: Element, titles: (string | null | undefined)[]): string[] {
  const skip = new Set(titles.filter((t): t is string => !!t));
  return paragraphsOf(body).filter((p) => !skip.has(p.trim()));
}
