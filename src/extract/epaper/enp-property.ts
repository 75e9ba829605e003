import { paragraphsOf } from '../dom-text.js';
import type { EpaperAdapter, EpaperArticle } from './types.js';

const BODIES = ['#ozoom', 'founder-content', '#detail', '#detailContent', '#articleContent'];
const SHOW_COMMENT = 0x80;

/**
 * Founder's publishing system (方正 ENP) leaves the article's fields in a comment,
 * `<!--enpproperty <title>…</title><subtitle>…</subtitle><introtitle>…</introtitle><author>…</author>…/enpproperty-->`,
 * even when the visible title block is an image or a table.
 */
export const enpProperty: EpaperAdapter = {
  name: 'enp-property',
  read(doc): EpaperArticle | null {
    const comment = findComment(doc, 'enpproperty');
    if (!comment) return null;
    const field = (name: string) => {
      const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(comment);
      return m?.[1]?.trim() || null;
    };
    const body = BODIES.map((s) => doc.querySelector(s)).find((el) => el !== null);
    const headline = field('title');
    const paragraphs = body ? paragraphsOf(body) : [];
    if (!headline || !paragraphs.length) return null;
    const author = field('author');
    const date = /^\d{4}-\d{2}-\d{2}/.exec(field('date') ?? '')?.[0] ?? null;
    return {
      structured: {
        kicker: field('introtitle'), headline, subtitle: field('subtitle'), byline: author,
        authors: author ? author.split(/[ 　、,，]+/).filter(Boolean) : [], published: date,
      },
      paragraphs,
    };
  },
};

function findComment(doc: Document, marker: string): string | null {
  const walker = doc.createTreeWalker(doc.documentElement, SHOW_COMMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    if (text.includes(marker)) return text;
  }
  return null;
}
