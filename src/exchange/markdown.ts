import type { ExportArticle } from './views.js';

const esc = (s: string) => s.replace(/([\\`*_[\]#<>])/g, '\\$1');

/** One article as a Markdown section: title block, a metadata line, the paragraphs. */
export function toMarkdown(a: ExportArticle): string {
  const out: string[] = [];
  if (a.storyPrevious || a.storyNext) out.push(`<a id="${a.id}"></a>`, '');
  if (a.storyPrevious) out.push(`*(continued from [the previous part](#${a.storyPrevious}))*`, '');
  if (a.kicker) out.push(`*${esc(a.kicker)}*`, '');
  out.push(`## ${esc(a.headline ?? a.paragraphs[0]?.slice(0, 40) ?? '(untitled)')}`, '');
  if (a.subtitle) out.push(`**${esc(a.subtitle)}**`, '');
  const meta = [
    a.newspaper && esc(a.newspaper), a.date && a.date.map((n, i) => (i ? String(n).padStart(2, '0') : n)).join('-'),
    a.page && `p. ${a.page}`, a.dateline && esc(a.dateline), a.byline && esc(a.byline),
    a.url && `[source](${a.url.replace(/\)/g, '%29')})`,
  ].filter(Boolean);
  if (meta.length) out.push(meta.join(' · '), '');
  for (const p of a.paragraphs) out.push(esc(p), '');
  // Parts of a continued story point at each other through anchors, so the document reads across the jump.
  if (a.storyNext) out.push(`*(continued on ${a.continuedTo ? `page ${esc(a.continuedTo)}: ` : ''}[next part](#${a.storyNext}))*`, '');
  else if (a.continuedTo) out.push(`*(continued on page ${esc(a.continuedTo)})*`, '');
  if (a.tags.length) out.push(`Tags: ${a.tags.map(esc).join(', ')}`, '');
  if (a.note) out.push(`> ${esc(a.note).replace(/\n/g, '\n> ')}`, '');
  return out.join('\n');
}

/** The document's opening: a title and how many articles follow. */
export function markdownHeader(title: string, count: number): string {
  return `# ${esc(title)}\n\n${count} article${count === 1 ? '' : 's'}\n\n`;
}
