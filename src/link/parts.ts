import type { Clipping } from '../model/records.js';
import { newspaperOf, pageDate, pageNumber } from '../exchange/page-facts.js';
import { pageRef } from '../parse/cues/numbers.js';
import type { StoredArticle } from '../store/db.js';
import { applyCorrections } from '../store/view.js';
import type { StoryPart } from './types.js';

const EDGE = 80; // characters of the body's head and tail kept for the continuity check

/** A newspaper's name as compared: `The Presscut Times` and `THE PRESSCUT TIMES` are one paper. */
export function foldNewspaper(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/^the\s+/, '').replace(/[\s.·'’-]+/g, '');
}

/**
 * The page a clipping's text was printed on: the page number its furniture prints (`第02版`, `A4`), else the PDF
 * page of a PDF that holds several (a whole issue is printed in page order), else `1` when the page carries a
 * masthead and no running head (a front page). Null when nothing says.
 */
export function clippingPage(c: Pick<Clipping, 'items' | 'source'>): string | null {
  const printed = pageNumber(c);
  if (printed) return printed;
  if (c.source.pdfPage && (c.source.pdfPages ?? 0) > 1) return String(c.source.pdfPage);
  return newspaperOf(c) ? '1' : null;
}

/** The keyword of a keyword jump as printed (`See BUDGET, Page A4`, `BUDGET, from A1`), or null. */
export function jumpKey(marker: string): string | null {
  const m = /(?:^|\b[Ss]ee\s+)([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}),?\s+(?:from|on|[Pp]age|[Pp]\.)/.exec(marker.trim());
  if (!m || /^(?:CONTINUED|CONT'D|FROM|PAGE)$/i.test(m[1]!)) return null;
  return m[1]!.toUpperCase();
}

/**
 * The linker's facts of one article, or null when it has no jump (most articles): only parts with a jump take
 * part in linking.
 */
export function partOf(r: StoredArticle, c: Clipping): StoryPart | null {
  if (r.deletedAt !== null) return null;
  const a = applyCorrections(r);
  const to = a.continuedTo ? pageRef(a.continuedTo) : null;
  const from = a.continuedFrom ? pageRef(a.continuedFrom) : null;
  if (!to && !from) return null;
  const newspaper = c.newspaper ?? newspaperOf(c);
  const d = pageDate(c);
  const date = d ? `${d[0]}-${String(d[1]).padStart(2, '0')}-${String(d[2]).padStart(2, '0')}` : null;
  const folded = newspaper ? foldNewspaper(newspaper) : null;
  const source = c.source.url ?? null;
  const editions = [folded && date ? `e|${folded}|${date}` : null, source ? `u|${source}` : null].filter((k): k is string => !!k);
  const marker = (spans: { start: number; end: number }[]) => spans.map((s) => c.text.slice(s.start, s.end)).join(' ');
  const body = a.paragraphs.join('');
  return {
    articleId: r.id, clippingId: r.clippingId, editions, newspaper: folded, date, page: clippingPage(c), source,
    to, from, toKey: to ? jumpKey(marker(r.parsed.spans.continuedTo)) : null, fromKey: from ? jumpKey(marker(r.parsed.spans.continuedFrom)) : null,
    headline: a.headline, kicker: a.kicker, head: body.slice(0, EDGE), tail: body.slice(-EDGE),
  };
}
