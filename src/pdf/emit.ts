import type { LayoutLine, LayoutRole } from '../model/page.js';
import type { Para } from './types.js';

/** The text of a page as the reader emits it, with the role of each of its lines. */
export interface Emitted {
  text: string;
  lines: LayoutLine[];
}

/**
 * Writes the paragraphs out in reading order, one paragraph or display line per line, and a blank line where a
 * new block of the layout begins (for a person reading the raw text; the segmenter never splits on blank lines).
 * The text stands on its own: it is what the clipping keeps, and it reads as a copied web page would.
 */
export function emitText(paras: Para[], roles: LayoutRole[]): Emitted {
  const parts: string[] = [];
  const lines: LayoutLine[] = [];
  let at = 0;
  paras.forEach((p, i) => {
    // Furniture keeps its printed lines (a masthead's ear, `网址` over `出版物号`): they are items, not prose.
    const texts = (roles[i] === 'furniture' ? p.lines.map((l) => l.text) : [p.text]).map((t) => t.replace(/[\r\n]+/g, ' ')).filter((t) => t.trim());
    texts.forEach((text, k) => {
      if (parts.length) {
        const blank = k === 0 && p.leaf !== paras[i - 1]!.leaf && roles[i] !== roles[i - 1];
        const sep = blank ? '\n\n' : '\n';
        parts.push(sep);
        at += sep.length;
      }
      lines.push({ start: at, role: roles[i]!, size: Math.round(p.size * 10) / 10 });
      parts.push(text);
      at += text.length;
    });
  });
  return { text: parts.length ? parts.join('') + '\n' : '', lines };
}
