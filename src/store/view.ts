import type { Article } from '../model/page.js';
import type { ArticleView, Clipping, EditableField } from '../model/records.js';
import type { StoredArticle } from './db.js';

/** The article as the user sees it: the parser's fields with the user's corrections laid over them. */
export function applyCorrections(r: StoredArticle): Article {
  const a: Article = { ...r.parsed };
  for (const [field, c] of Object.entries(r.corrections)) (a as unknown as Record<string, unknown>)[field] = c!.value;
  return a;
}

export function toView(r: StoredArticle, c: Clipping): ArticleView {
  return {
    ...applyCorrections(r), id: r.id, clippingId: r.clippingId, index: r.index,
    corrected: Object.keys(r.corrections) as EditableField[], source: c.source, newspaper: c.newspaper,
    capturedAt: c.capturedAt,
  };
}
