import type { Article, ArticleSpans, Span } from '../model/page.js';
import type { BoundaryEdit } from '../model/records.js';

/** Every span of an article, in input order: what the clipping view highlights. */
export function extentOf(a: Article): Span[] {
  const s = a.spans;
  return [...s.kicker, ...s.headline, ...s.subtitle, ...s.dateline, ...s.byline, ...s.paragraphs.flat(),
    ...s.continuedTo, ...s.continuedFrom, ...s.captions.flat()].sort((x, y) => x.start - y.start);
}

/** Where an article's text starts: its first body span, else its first span of any kind. */
export function anchorOf(a: Article): number {
  return a.spans.paragraphs[0]?.[0]?.start ?? extentOf(a)[0]?.start ?? 0;
}

const contains = (a: Article, at: number) => extentOf(a).some((s) => s.start <= at && at < s.end) || anchorOf(a) === at;

/** Joins `b` onto `a`: a's headline block, both bodies, b's forward jump. */
export function mergeArticles(a: Article, b: Article): Article {
  const spans: ArticleSpans = {
    kicker: a.spans.kicker.length ? a.spans.kicker : b.spans.kicker,
    headline: a.spans.headline.length ? a.spans.headline : b.spans.headline,
    subtitle: a.spans.subtitle.length ? a.spans.subtitle : b.spans.subtitle,
    dateline: a.spans.dateline.length ? a.spans.dateline : b.spans.dateline,
    byline: [...a.spans.byline, ...b.spans.byline],
    paragraphs: [...a.spans.paragraphs, ...b.spans.paragraphs],
    continuedTo: b.spans.continuedTo.length ? b.spans.continuedTo : a.spans.continuedTo,
    continuedFrom: a.spans.continuedFrom.length ? a.spans.continuedFrom : b.spans.continuedFrom,
    captions: [...a.spans.captions, ...b.spans.captions],
  };
  return {
    ...a,
    kicker: a.kicker ?? b.kicker, headline: a.headline ?? b.headline, subtitle: a.subtitle ?? b.subtitle,
    dateline: a.dateline ?? b.dateline,
    byline: [a.byline, b.byline].filter(Boolean).join(' ') || null,
    authors: [...new Set([...a.authors, ...b.authors])],
    paragraphs: [...a.paragraphs, ...b.paragraphs],
    continuedTo: b.continuedTo ?? a.continuedTo, continuedFrom: a.continuedFrom ?? b.continuedFrom,
    captions: [...a.captions, ...b.captions],
    spans,
  };
}

/** Splits before paragraph `p` (0 < p < paragraphs.length): the second part has no headline block of its own. */
export function splitArticle(a: Article, p: number): [Article, Article] {
  const none: Span[] = [];
  const first: Article = {
    ...a, paragraphs: a.paragraphs.slice(0, p), continuedTo: null,
    spans: { ...a.spans, paragraphs: a.spans.paragraphs.slice(0, p), continuedTo: none },
  };
  const second: Article = {
    ...a, kicker: null, headline: null, subtitle: null, dateline: null, byline: null, authors: [], section: null,
    paragraphs: a.paragraphs.slice(p), continuedFrom: null, captions: [],
    spans: { kicker: none, headline: none, subtitle: none, dateline: none, byline: none, paragraphs: a.spans.paragraphs.slice(p),
      continuedTo: a.spans.continuedTo, continuedFrom: none, captions: [] },
  };
  return [first, second];
}

/**
 * Replays a user's merges and splits, in the order they were made, on a fresh segmentation. Edits are anchored
 * to raw-text offsets, so they apply to whatever articles the current parser produces around those offsets;
 * an edit whose place no longer exists (a split at a paragraph the parser now starts elsewhere) is skipped.
 */
export function applyBoundaryEdits(articles: Article[], edits: BoundaryEdit[]): Article[] {
  let out = articles.slice();
  for (const e of [...edits].sort((x, y) => x.editedAt - y.editedAt)) {
    const i = out.findIndex((a) => contains(a, e.at));
    if (i < 0) continue;
    const a = out[i]!;
    if (e.kind === 'merge') {
      const b = out[i + 1];
      if (b) out.splice(i, 2, mergeArticles(a, b));
    } else {
      const p = a.spans.paragraphs.findIndex((sp) => sp[0]?.start === e.at);
      if (p > 0) out.splice(i, 1, ...splitArticle(a, p));
    }
  }
  out = out.filter((a) => a.paragraphs.length || a.headline);
  return out;
}
