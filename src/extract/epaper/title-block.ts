import { lineText, paragraphsOf } from '../dom-text.js';
import { parseEdition } from './edition-line.js';
import type { EpaperAdapter, EpaperArticle } from './types.js';

/** Where e-paper systems put the article body: people.com.cn and Founder sites (`#ozoom`), Guangming (`#articleContent`). */
const BODIES = ['#ozoom', 'founder-content', '#articleContent'];

/** A byline is a short line; anything longer between the title block and the body is a summary or chrome. */
const BYLINE_MAX = 40;

const precedes = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING

/**
 * The 人民日报 layout, shared by many Chinese e-paper systems: `h3` 引题, `h1` 主题, `h2` 副题 above the body, a
 * byline (`h4` or a short `p`) and the edition line between them.
 */
export const titleBlock: EpaperAdapter = {
  name: 'title-block',
  read(doc): EpaperArticle | null {
    const body = BODIES.map((s) => doc.querySelector(s)).find((el) => el !== null);
    if (!body) return null;
    let box: Element | null = body.parentElement;
    while (box && box !== doc.body && !box.querySelector('h1')) box = box.parentElement;
    const h1 = box?.querySelector('h1');
    if (!box || !h1 || !precedes(h1, body)) return null;
    const before = (sel: string) => [...box.querySelectorAll(sel)].filter((el) => precedes(el, body) && !body.contains(el));
    const first = (sel: string) => lineText(before(sel)[0]) || null;

    let byline: string | null = null;
    let edition = null;
    for (const el of before('h4, p')) {
      if (!precedes(h1, el)) continue;
      const text = lineText(el);
      const ed = parseEdition(text);
      if (ed) edition ??= ed;
      else if (text && text.length <= BYLINE_MAX) byline ??= text;
    }
    const paragraphs = paragraphsOf(body);
    const headline = lineText(h1);
    if (!headline || !paragraphs.length) return null;
    return {
      structured: {
        kicker: first('h3'), headline, subtitle: first('h2'), byline,
        newspaper: edition?.newspaper ?? null, published: edition?.published ?? null,
      },
      paragraphs,
    };
  },
};
