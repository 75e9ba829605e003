import { articleCount, t } from '../../src/extension/i18n.js';
import { keepPdfs } from '../../src/extension/pdf-option.js';
import type { Engine } from '../../src/engine/types.js';
import type { NoticeKind } from '../common/notice.js';

/**
 * A PDF dropped on the panel: read in the panel's engine worker, one clipping per page with text, and what to tell
 * the user (pages and articles, pages left out for lack of text). A scan or a broken PDF rejects with the engine's
 * message.
 */
export async function clipPdfFile(engine: Pick<Engine, 'ingestPdf'>, name: string, bytes: Uint8Array): Promise<{ kind: NoticeKind; text: string }> {
  const r = await engine.ingestPdf(bytes, { via: 'file', url: `file:${name}`, title: name }, { keepBytes: await keepPdfs() });
  const articles = r.pages.reduce((n, p) => n + p.articleIds.length, 0);
  const pages = r.pages.length === 1 ? t('pdfPageCountOne') : t('pdfPageCountMany', r.pages.length);
  let text = t('pdfClipped', name, pages, articleCount(articles));
  if (r.skipped.length) text += ' ' + t('pdfPagesSkipped', r.skipped.join(', '));
  if (!r.pages.some((p) => p.created)) text = t('savedDuplicate');
  return { kind: r.pages.some((p) => p.created) ? 'success' : 'info', text };
}
