/**
 * DOM -> the text (and what the page states about it) that a tab clipping stores. Runs in a content script on
 * the user's action; pure functions of a Document so that tests can hand them any page.
 */
import type { IngestInput } from '../engine/types.js';
import type { ClippingSource } from '../model/records.js';
import { bodyParagraphs, findArticleBody, findByline } from './article-body.js';
import { composeArticleText } from './compose.js';
import { visibleText } from './dom-text.js';
import { readEpaper } from './epaper/index.js';
import { MAX_CLIP_BYTES, utf8Bytes } from './limits.js';
import { readNewsMetadata } from './news-metadata.js';

export { MAX_CLIP_BYTES, utf8Bytes };

/** `auto` takes the selection when there is one, else the page; the context menu asks for one of them explicitly. */
export type ClipMode = 'auto' | 'page' | 'selection';

/** Why a tab gave nothing to clip; the extension turns the code into a message in the user's language. */
export type ExtractProblem =
  | { code: 'no-selection' }
  | { code: 'empty' }
  | { code: 'too-large'; bytes: number };

export type ExtractResult = { ok: true; input: IngestInput } | { ok: false; problem: ExtractProblem };

/**
 * What to clip from a page, in order: the selection; an e-paper article page's fields; a news article page's
 * metadata and body; otherwise the page text for the segmenter.
 * @example extractClip(document, 'auto', String(getSelection()))
 */
export function extractClip(doc: Document, mode: ClipMode, selection: string): ExtractResult {
  const input = pick(doc, mode, selection);
  if (!input) return { ok: false, problem: { code: mode === 'selection' ? 'no-selection' : 'empty' } };
  const bytes = utf8Bytes(input.text);
  if (bytes > MAX_CLIP_BYTES) return { ok: false, problem: { code: 'too-large', bytes } };
  return { ok: true, input };
}

function pick(doc: Document, mode: ClipMode, selection: string): IngestInput | null {
  const url = doc.URL;
  // A text/plain tab has no title of its own; its file name is what the tab strip shows.
  const title = doc.title.trim() || fileName(url) || undefined;
  const make = (text: string, via: ClippingSource['via'], web: boolean, extra: Partial<IngestInput> = {}): IngestInput | null =>
    text.trim() ? { text, source: { url, title, via, ...(web ? { channel: 'web' } : {}) }, hints: { url, title, ...(web ? { channel: 'web' } : {}) }, ...extra } : null;

  if (mode === 'selection' || (mode === 'auto' && selection.trim())) return make(selection, 'selection', false);

  if (doc.contentType === 'text/plain') return make(doc.querySelector('pre')?.textContent ?? visibleText(doc), 'page', false);

  const epaper = readEpaper(doc);
  if (epaper) return make(composeArticleText(epaper.structured, epaper.paragraphs), 'epaper', true, { structured: epaper.structured });

  const news = readNewsMetadata(doc);
  const body = news && findArticleBody(doc);
  if (news && (body || news.articleBody)) {
    // Bylines of other stories (teasers, related links) sit outside the article's own <article>.
    const structured = { ...news.structured, byline: findByline(body?.closest('article') ?? doc) };
    const titles = [structured.headline, structured.subtitle, structured.byline];
    const paragraphs = body ? bodyParagraphs(body, titles) : news.articleBody!.split(/\n\s*/).filter(Boolean);
    return make(composeArticleText(structured, paragraphs), 'article-page', true, { structured });
  }

  return make(visibleText(doc), 'page', false);
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}
