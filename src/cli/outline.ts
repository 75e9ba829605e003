import type { Article, Page, PageItemKind } from '../model/page.js';

/**
 * Renders a Page for a person reading a terminal: one line per article
 * (`N. kicker / headline / subtitle · dateline · P paragraphs · →2 ←1`, missing parts left out),
 * then one line per kind of page item with its count, then the warnings.
 */
export function formatOutline(page: Page): string {
  const lines = page.articles.map((a, i) => `${i + 1}. ${articleLine(a)}`);
  if (lines.length === 0) lines.push('no articles');
  const counts = new Map<PageItemKind, number>();
  for (const item of page.items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  for (const [kind, n] of counts) lines.push(`${kind}: ${n}`);
  for (const w of page.warnings) lines.push(`warning ${w.code}: ${oneLine(w.message)}`);
  return lines.join('\n') + '\n';
}

function articleLine(a: Article): string {
  const title = present([a.kicker, a.headline, a.subtitle]).join(' / ');
  const n = a.paragraphs.length;
  const jumps = present([a.continuedTo && `→${a.continuedTo}`, a.continuedFrom && `←${a.continuedFrom}`]).join(' ');
  return present([title || '(no headline)', a.dateline, `${n} ${n === 1 ? 'paragraph' : 'paragraphs'}`, jumps])
    .join(' · ');
}

// Fields may hold line breaks (a caption, a two-line headline); the outline promises one line per article.
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function present(parts: ReadonlyArray<string | null | undefined>): string[] {
  return parts.map((p) => oneLine(p ?? '')).filter((p) => p !== '');
}
