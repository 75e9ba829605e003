import type { Engine, IngestInput } from '../../src/engine/types.js';
import { articleCount, t } from '../../src/extension/i18n.js';
import { errorText } from '../common/format.js';
import type { NoticeKind } from '../common/notice.js';
import { clipPdfFile } from './clip-pdf-file.js';
import { readDroppedFile } from './read-file.js';

type Dropped = Pick<File, 'name' | 'size' | 'arrayBuffer'>;

/**
 * Files dropped on the panel (a folder's pages, say): text files go in together through Engine.ingestMany, which
 * stores every raw text first and shares transactions between them; PDFs are read one by one. What to tell the
 * user: one file's own message, or for several how many went in, how many were already there and each file that
 * could not be clipped, with why.
 */
export async function clipDroppedFiles(engine: Pick<Engine, 'ingestMany' | 'ingestPdf'>, files: Dropped[]): Promise<{ kind: NoticeKind; text: string }> {
  const problems: string[] = [], pdfs: { kind: NoticeKind; text: string }[] = [];
  const texts: { name: string; input: IngestInput }[] = [];
  for (const file of files) {
    const read = await readDroppedFile(file);
    if (!read.ok) problems.push(read.message);
    else if ('pdf' in read) pdfs.push(await clipPdfFile(engine, file.name, read.pdf).catch((e: unknown) => ({ kind: 'error' as const, text: `“${file.name}”: ${errorText(e)}` })));
    else texts.push({ name: file.name, input: { text: read.text, source: { via: 'file', url: `file:${file.name}`, title: file.name } } });
  }
  const out = texts.length ? await engine.ingestMany(texts.map((x) => x.input)) : [];
  if (files.length === 1) {
    const r = out[0];
    if (pdfs[0]) return pdfs[0];
    if (!r) return { kind: 'error', text: problems[0]! };
    if ('refused' in r) return { kind: 'error', text: errorText(r.refused) };
    if (!r.created) return { kind: 'info', text: t('savedDuplicate') };
    if (r.parseError) return { kind: 'error', text: t('parseFailed', r.parseError) };
    return { kind: 'success', text: t('fileClipped', files[0]!.name, articleCount(r.articleIds.length)) };
  }
  let clipped = 0, duplicates = 0, articles = 0;
  out.forEach((r, i) => {
    const name = texts[i]!.name;
    if ('refused' in r) problems.push(`“${name}”: ${errorText(r.refused)}`);
    else if (!r.created) duplicates++;
    else if (r.parseError) problems.push(`“${name}”: ${t('parseFailed', r.parseError)}`);
    else { clipped++; articles += r.articleIds.length; }
  });
  // PDFs say what they did in their own sentences; the count is of the other files.
  const others = files.length - pdfs.length;
  const parts = others ? [t('filesClipped', clipped, others, articleCount(articles))] : [];
  if (duplicates) parts.push(t('filesAlreadyStored', duplicates));
  parts.push(...pdfs.map((p) => p.text), ...problems);
  const failed = problems.length || pdfs.some((p) => p.kind === 'error');
  return { kind: failed ? 'error' : clipped || pdfs.some((p) => p.kind === 'success') ? 'success' : 'info', text: parts.join(' ') };
}
