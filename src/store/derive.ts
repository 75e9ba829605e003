import type { Article, Span } from '../model/page.js';
import type { Clipping, Correction, EditableField } from '../model/records.js';
import { anchorOf, extentOf } from './boundaries.js';
import { sortKey, type StoredArticle } from './db.js';
import { contentHash } from './hash.js';

function overlap(a: Span[], b: Span[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

const size = (spans: Span[]) => spans.reduce((n, s) => n + s.end - s.start, 0);

export interface Derived {
  records: StoredArticle[];
  /** Old records with corrections or a deletion that found no article in the new segmentation. */
  orphaned: number;
  /** Old article id -> the new article that took most of its text (for memberships, tags and notes). */
  moved: Map<string, string>;
}

/**
 * Makes the stored rows for a clipping's articles. What the user did to the previous rows (field corrections,
 * deletions) moves to the new article that covers most of the same raw text, so re-parsing with a better parser
 * never loses a manual correction silently: one that finds no home is counted.
 */
export function deriveRecords(clipping: Clipping, articles: Article[], previous: StoredArticle[], now: number): Derived {
  const records: StoredArticle[] = articles.map((a, index) => {
    const extent = extentOf(a);
    const id = 'a' + contentHash(`${clipping.id}|${extent.map((s) => `${s.start}-${s.end}`).join(',')}`);
    return {
      id, clippingId: clipping.id, index, parsed: a, corrections: {}, anchor: anchorOf(a), extent,
      capturedAt: clipping.capturedAt, updatedAt: now, deletedAt: null,
      sortKey: sortKey(clipping.capturedAt, clipping.id, index),
    };
  });
  let orphaned = 0;
  const moved = new Map<string, string>();
  for (const old of previous) {
    const carries = Object.keys(old.corrections).length > 0 || old.deletedAt !== null;
    let best: StoredArticle | null = null, bestOverlap = 0;
    for (const r of records) {
      const o = overlap(old.extent, r.extent);
      if (o > bestOverlap) { best = r; bestOverlap = o; }
    }
    // Half of the old article's text must be in the new one, or the correction would land on another story.
    if (!best || bestOverlap < size(old.extent) / 2) { if (carries) orphaned++; continue; }
    moved.set(old.id, best.id);
    if (!carries) continue;
    for (const [field, c] of Object.entries(old.corrections) as [EditableField, Correction][]) {
      const mine = best.corrections[field];
      if (!mine || mine.editedAt < c.editedAt) best.corrections[field] = c;
    }
    if (old.deletedAt !== null) { best.deletedAt = old.deletedAt; delete best.sortKey; }
  }
  return { records, orphaned, moved };
}
