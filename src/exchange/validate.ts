import type { Section } from './format.js';
import { any, int, list, nullable, num, obj, oneOf, record, str, type Check } from './checks.js';

const span = obj({ start: int, end: int });
const spans = list(span);
const article = obj({
  kicker: nullable(str), headline: nullable(str), subtitle: nullable(str), dateline: nullable(str), byline: nullable(str),
  authors: list(str), paragraphs: list(str), continuedTo: nullable(str), continuedFrom: nullable(str),
  captions: list(str), 'section?': nullable(str), 'type?': oneOf('news', 'commentary', 'photo', 'brief'),
  spans: obj({
    kicker: spans, headline: spans, subtitle: spans, dateline: spans, byline: spans, paragraphs: list(spans),
    continuedTo: spans, continuedFrom: spans, captions: list(spans),
  }),
});
const pageItem = obj({ kind: oneOf('banner', 'furniture', 'caption', 'teaser', 'leftover'), text: str, spans });
const warning = obj({ code: str, message: str, 'span?': span });

const RECORD: Record<Section, Check> = {
  clippings: obj({
    id: str, text: str,
    source: obj({
      via: oneOf('paste', 'page', 'selection', 'epaper', 'article-page', 'file', 'pdf'), 'url?': str, 'title?': str, 'channel?': str,
      'pdfPage?': int, 'pdfPages?': int, 'pdfBlob?': str,
    }),
    'hints?': record(any), 'structured?': nullable(record(any)),
    capturedAt: num, parserVersion: nullable(str), parseError: nullable(str),
    'items?': list(pageItem), 'warnings?': list(warning), newspaper: nullable(str),
    boundaryEdits: list(obj({ kind: oneOf('merge', 'split'), at: int, editedAt: num })), updatedAt: num,
  }),
  articles: obj({
    id: str, clippingId: str, index: int, parsed: article,
    corrections: record(obj({ value: any, editedAt: num })),
    anchor: int, extent: spans, capturedAt: num, updatedAt: num, deletedAt: nullable(num),
  }),
  collections: obj({ id: str, name: str, order: num, createdAt: num, updatedAt: num }),
  memberships: obj({ id: str, collectionId: str, articleId: str, addedAt: num }),
  annotations: obj({ articleId: str, tags: list(str), note: str, updatedAt: num }),
  links: obj({
    v: oneOf(1), id: str, from: str, to: str, fromClipping: str, toClipping: str, state: oneOf('linked', 'unlinked'),
    by: oneOf('auto', 'user'), score: num, createdAt: num, updatedAt: num,
  }),
};

/** The first problem with one record of `section`, naming its JSON path, or null. */
export function checkRecord(section: Section, value: unknown, path: string): string | null {
  return RECORD[section](value, path);
}

