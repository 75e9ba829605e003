/**
 * Engine.search: parse, evaluate on the index, then build the page of results (headline, source, date, snippet
 * with highlights) from the articles themselves.
 */
import type { Dexie } from 'dexie';
import type { Clipping } from '../model/records.js';
import type { StoredArticle } from '../store/db.js';
import { applyCorrections } from '../store/view.js';
import { evaluate, type EvalDeps, type Ranked } from './evaluate.js';
import { bodyText, fieldTexts, isoDay, sourceLabel } from './fields.js';
import { findInText, type Matcher } from './match.js';
import { normaliseWithMap } from './normalize.js';
import { parseQuery, QuerySyntaxError } from './query.js';
import type { IndexReader } from './reader.js';
import { makeSnippet } from './snippet.js';
import { collapseStories } from './stories.js';
import { idEntriesOf, searchTableList, searchTables } from './tables.js';
import type { SearchHit, SearchOptions, SearchResponse } from './types.js';

const MAX_LIMIT = 200;

/** Documents' live articles by document number (dropping any deleted meanwhile). */
async function loadArticles(db: Dexie, reader: IndexReader, docs: number[]): Promise<Map<number, StoredArticle>> {
  const ids = docs.map((d) => reader.articleId(d));
  const rows = await db.table('articles').bulkGet(ids.filter(Boolean)) as (StoredArticle | undefined)[];
  const byId = new Map(rows.flatMap((r) => (r && r.deletedAt === null ? [[r.id, r] as const] : [])));
  const out = new Map<number, StoredArticle>();
  docs.forEach((d, i) => {
    const r = byId.get(ids[i]!);
    if (r) out.set(d, r);
  });
  return out;
}

/** Clippings by id. */
async function loadClippings(db: Dexie, ids: Iterable<string>): Promise<Map<string, Clipping>> {
  const rows = await db.table('clippings').bulkGet([...new Set(ids)]) as (Clipping | undefined)[];
  return new Map(rows.flatMap((c) => (c ? [[c.id, c] as const] : [])));
}

/** Documents' articles and clippings by document number (dropping any deleted meanwhile). */
async function load(db: Dexie, reader: IndexReader, docs: number[]): Promise<Map<number, { r: StoredArticle; c: Clipping }>> {
  const articles = await loadArticles(db, reader, docs);
  const clips = await loadClippings(db, [...articles.values()].map((r) => r.clippingId));
  const out = new Map<number, { r: StoredArticle; c: Clipping }>();
  for (const [d, r] of articles) {
    const c = clips.get(r.clippingId);
    if (c) out.set(d, { r, c });
  }
  return out;
}

/**
 * A page of results: each document's article and source label. The index holds the labels, so the clippings
 * (each with its page's whole raw text) are read only for documents indexed before it did.
 */
async function loadResults(db: Dexie, reader: IndexReader, docs: number[]): Promise<Map<number, { r: StoredArticle; source: string | null }>> {
  const articles = await loadArticles(db, reader, docs);
  const missing = [...articles].filter(([d]) => reader.source(d) === undefined).map(([, r]) => r.clippingId);
  const clips = missing.length ? await loadClippings(db, missing) : new Map<string, Clipping>();
  const out = new Map<number, { r: StoredArticle; source: string | null }>();
  for (const [d, r] of articles) {
    const known = reader.source(d), c = clips.get(r.clippingId);
    if (known !== undefined) out.set(d, { r, source: known });
    else if (c) out.set(d, { r, source: sourceLabel(c) });
  }
  return out;
}

/**
 * Searches the archive.
 * @example
 * const res = await search(db, reader, '汽车产业集群 after:2022-11-01', { limit: 10 });
 * res.hits[0].headline; res.hits[0].snippet.highlights; res.total
 */
export async function search(db: Dexie, reader: IndexReader, query: string, options: SearchOptions = {},
  members: EvalDeps['members'] = setResolver(db)): Promise<SearchResponse> {
  const t0 = performance.now();
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const limit = Math.min(MAX_LIMIT, Math.max(0, Math.floor(options.limit ?? 20)));
  const empty = (error: SearchResponse['error']): SearchResponse => ({ query, total: 0, hits: [], error, tookMs: performance.now() - t0 });
  let found: { ranked: Ranked; total: number; page: Ranked['docs']; loaded: Awaited<ReturnType<typeof loadResults>> };
  try {
    const q = parseQuery(query);
    if (!q.groups.length && !q.exclude.length && !q.sets.length && q.after === null && q.before === null) return empty(null);
    const deps: EvalDeps = { verifyText: (docs, m, fields) => verifyText(db, reader, docs, m, fields), members };
    // One read transaction for all of it: in Chromium each transaction costs a round trip or two.
    found = await db.transaction('r', queryTables(db), async () => {
      await reader.refresh();
      // Parts of a continued story collapse into one hit, which takes the whole ranking; without links the first
      // pages are ranked alone.
      const whole = db.tables.some((t) => t.name === 'links') && (await db.table('links').count()) > 0;
      const ranked = await evaluate(reader, q, q.sort ?? options.sort ?? 'relevance', deps, whole ? Infinity : offset + limit);
      const docs = whole ? await collapseStories(db, (d) => reader.articleId(d), ranked.docs) : ranked.docs;
      const page = docs.slice(offset, offset + limit);
      return { ranked, total: whole ? docs.length : ranked.total, page, loaded: await loadResults(db, reader, page.map((d) => d.doc)) };
    });
  } catch (e) {
    if (e instanceof QuerySyntaxError) return empty({ message: e.message, code: e.code, args: e.args, position: e.position, length: e.length });
    throw e;
  }
  const { ranked, page, loaded } = found;
  const hits: SearchHit[] = [];
  for (const d of page) {
    const x = loaded.get(d.doc);
    if (x) hits.push(hitOf(x.r, x.source, d.score, d.day, ranked.matchers));
  }
  return { query, total: found.total, hits, error: null, tookMs: performance.now() - t0 };
}

function hitOf(r: StoredArticle, source: string | null, score: number, day: number, matchers: Ranked['matchers']): SearchHit {
  const a = applyCorrections(r);
  const body = bodyText(a);
  const nb = normaliseWithMap(body);
  const matches = matchers.filter((m) => m.fields.includes(1)).map((m) => findInText(m.matcher, nb));
  const headline = a.headline;
  let headlineHighlights: SearchHit['headlineHighlights'] = [];
  if (headline) {
    const nh = normaliseWithMap(headline);
    headlineHighlights = matchers.filter((m) => m.fields.includes(0)).flatMap((m) => findInText(m.matcher, nh)).sort((x, y) => x.start - y.start);
  }
  return {
    articleId: r.id, clippingId: r.clippingId, headline, kicker: a.kicker, headlineHighlights,
    source, date: isoDay(day), snippet: makeSnippet(body, matches), score,
  };
}

/** Text verification for clauses the positions cannot decide (see match.ts). */
async function verifyText(db: Dexie, reader: IndexReader, docs: number[], m: Matcher, fields: number[]): Promise<Set<number>> {
  const ok = new Set<number>();
  for (let i = 0; i < docs.length; i += 500) {
    const part = docs.slice(i, i + 500);
    for (const [doc, { r, c }] of await load(db, reader, part)) {
      const texts = fieldTexts(applyCorrections(r), c);
      if (fields.some((f) => findInText(m, normaliseWithMap(texts[f]!)).length)) ok.add(doc);
    }
  }
  return ok;
}

/**
 * `in:NAME`: the articles of the collection of that name, one `memberships` row each; `tag:NAME`: the articles
 * whose annotation carries the tag. Names compare case-insensitively, as the UI keeps them unique that way.
 */
function setResolver(db: Dexie): EvalDeps['members'] {
  return async ({ kind, name, start }) => {
    const length = kind.length + 1 + name.length;
    let articleIds: string[];
    if (kind === 'in') {
      const wanted = name.toLowerCase();
      const cols = (await db.table('collections').toArray()) as { id: string; name: string }[];
      const ids = cols.filter((c) => c.name.toLowerCase() === wanted).map((c) => c.id);
      if (!ids.length) throw new QuerySyntaxError('noSuchCollection', [name], start, length);
      articleIds = ((await db.table('memberships').where('collectionId').anyOf(ids).toArray()) as { articleId: string }[]).map((m) => m.articleId);
    } else {
      articleIds = ((await db.table('annotations').where('tags').equalsIgnoreCase(name).toArray()) as { articleId: string }[]).map((a) => a.articleId);
      if (!articleIds.length) throw new QuerySyntaxError('noSuchTag', [name], start, length);
    }
    return new Set([...(await idEntriesOf(searchTables(db), articleIds)).values()].map((e) => e.docNo));
  };
}

/**
 * The tables a query reads: the index, the articles (text checks, results), collections and their members (in:),
 * tags (tag:), story links (collapsing).
 */
function queryTables(db: Dexie) {
  const extra = ['articles', 'clippings', 'collections', 'memberships', 'annotations', 'links'].filter((n) => db.tables.some((t) => t.name === n));
  return [...searchTableList(db), ...extra.map((n) => db.table(n))];
}

/**
 * The ids of every article a query matches, best first (no paging, no snippets): for "select all results",
 * exports and the benchmark's recall/precision. Throws QuerySyntaxError on a malformed query.
 */
export async function matchingIds(db: Dexie, reader: IndexReader, query: string, members: EvalDeps['members'] = setResolver(db)): Promise<string[]> {
  const q = parseQuery(query);
  const deps: EvalDeps = { verifyText: (docs, m, fields) => verifyText(db, reader, docs, m, fields), members };
  const ranked = await db.transaction('r', queryTables(db), async () => {
    await reader.refresh();
    return evaluate(reader, q, q.sort ?? 'relevance', deps);
  });
  return ranked.docs.map((d) => reader.articleId(d.doc)).filter(Boolean);
}
