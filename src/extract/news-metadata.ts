import type { StructuredArticle } from '../engine/types.js';

/** What a news article page states about itself in JSON-LD or Open Graph. */
export interface NewsMetadata {
  structured: StructuredArticle;
  /** JSON-LD `articleBody`, when the page ships its text there. */
  articleBody: string | null;
}

type Json = Record<string, unknown>;

/** schema.org types of a news story: NewsArticle and its subtypes, and the plain Article many sites use. */
const ARTICLE_TYPE = /^(?:Article|NewsArticle|ReportageNews|\w+NewsArticle)$/;

/** Reads JSON-LD first (it names authors and publisher precisely), then Open Graph; null when the page has neither. */
export function readNewsMetadata(doc: Document): NewsMetadata | null {
  const ld = jsonLdArticle(doc);
  const meta = (key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content')?.trim() || null;
  const ogArticle = meta('og:type') === 'article';
  if (!ld && !ogArticle) return null;

  const authors = ld ? names(ld['author']) : [];
  if (!authors.length && meta('author')) authors.push(meta('author')!);
  return {
    structured: {
      headline: text(ld?.['headline']) ?? meta('og:title'),
      subtitle: text(ld?.['alternativeHeadline']),
      authors,
      newspaper: names(ld?.['publisher'])[0] ?? meta('og:site_name'),
      published: text(ld?.['datePublished']) ?? meta('article:published_time'),
    },
    articleBody: text(ld?.['articleBody']),
  };
}

function jsonLdArticle(doc: Document): Json | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a site's broken JSON-LD is its problem; Open Graph or the page text still serve
    }
    const found = flatten(data).find((node) => types(node).some((t) => ARTICLE_TYPE.test(t)));
    if (found) return found;
  }
  return null;
}

/** Every object of a JSON-LD document: top-level arrays and `@graph` hold several. */
function flatten(data: unknown): Json[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (!data || typeof data !== 'object') return [];
  const node = data as Json;
  return [node, ...flatten(node['@graph'])];
}

function types(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** `"Jane Doe"`, `{ "name": "Jane Doe" }` or a list of either. */
function names(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (v && typeof v === 'object') {
    const name = text((v as Json)['name']);
    return name ? [name] : [];
  }
  return [];
}
