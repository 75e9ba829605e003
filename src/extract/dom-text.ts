/**
 * Text out of DOM elements without layout: the functions here must give the same answer in a content script and
 * in a DOM emulation under test, so they walk nodes instead of asking for `innerText`.
 */

/** Elements whose text is never part of an article: scripts, styles, and page chrome inside an article. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'BUTTON', 'NAV', 'ASIDE', 'FORM', 'FIGCAPTION']);

/** Elements that end a line of text. */
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TABLE',
  'TR', 'TD', 'TH', 'HEADER', 'FOOTER', 'MAIN', 'FIGURE', 'DL', 'DT', 'DD', 'FOUNDER-CONTENT',
]);

/** One line of text with runs of white space folded to one space (ideographic spaces kept: they indent paragraphs). */
export function lineText(el: Element | null | undefined): string {
  if (!el) return '';
  return (el.textContent ?? '').replace(/[ \t\r\n\f\v\u00a0]+/g, ' ').trim();
}

/**
 * The paragraphs of an article body: one per block element (or `<br>`-separated run), in document order,
 * leading ideographic indents kept as printed, empty ones dropped.
 */
export function paragraphsOf(root: Element): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/[ \t\r\n\f\v\u00a0]+/g, ' ').replace(/^ +| +$/g, '');
    if (p.replace(/\u3000/g, '').trim()) out.push(p);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIP.has(el.tagName) || el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') continue;
        if (el.tagName === 'BR') { flush(); continue; }
        const block = BLOCK.has(el.tagName.toUpperCase());
        if (block) flush();
        walk(el);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return out;
}

/** The text of a page the way its reader sees it; `innerText` where layout exists, the paragraph walk elsewhere. */
export function visibleText(doc: Document): string {
  const body = doc.body;
  if (!body) return '';
  const inner = (body as HTMLElement).innerText;
  return typeof inner === 'string' && inner.trim() ? inner : paragraphsOf(body).join('\n');
}
