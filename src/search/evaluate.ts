/**
 * Runs a parsed query against the index: each clause's documents (all its terms present in an allowed field,
 * then the token sequence verified), groups intersected, OR alternatives united, exclusions removed, date and
 * collection and tag filters applied, then sorted by BM25F score or by date.
 */
import type { PostingList } from './codec.js';
import { type Matcher, matcherOf, sequenceAt } from './match.js';
import { type ParsedQuery, QuerySyntaxError, type SetFilter, type TextClause, type TextField } from './query.js';
import { idf, termScore } from './rank.js';
import type { IndexReader } from './reader.js';

/** The fields each clause kind looks at (numbers as in codec.ts FIELDS). */
export const CLAUSE_FIELDS: Record<TextField, number[]> = { any: [0, 1, 2, 3], headline: [0], byline: [2], source: [3] };

export interface EvalDeps {
  /** Of `docs`, those whose text holds the clause in one of `fields` (for clauses positions cannot decide). */
  verifyText(docs: number[], m: Matcher, fields: number[]): Promise<Set<number>>;
  /** The documents in a collection (`in:`) or with a tag (`tag:`); throws an error the user can read when there is none. */
  members(filter: SetFilter): Promise<Set<number>>;
}

export interface Ranked {
  /** How many documents match. */
  total: number;
  /** The matching documents, best first: all of them, or the first `top` when evaluate was given one. */
  docs: { doc: number; score: number; day: number }[];
  /** Matchers of the clauses to highlight (all positive clauses). */
  matchers: { matcher: Matcher; fields: number[] }[];
}

/** Builds a clause's matcher or says why it has nothing to search for. */
function matcherFor(c: TextClause): Matcher {
  const m = matcherOf(c.text);
  if (!m) throw new QuerySyntaxError('nothingToSearch', [c.text], c.start, c.end - c.start);
  return m;
}

/**
 * A clause ready to evaluate: its documents with their scores when an earlier query found them (the reader keeps
 * them until the index changes), else its terms' posting lists; and how many documents it may match.
 */
interface Prepared {
  m: Matcher;
  fields: number[];
  key: string;
  cached: Map<number, number> | undefined;
  terms: string[];
  lists: PostingList[];
  /** At most this many documents match (its rarest term's, or exactly its cached result's). */
  bound: number;
}

async function prepare(reader: IndexReader, c: TextClause): Promise<Prepared> {
  const m = matcherFor(c);
  const fields = CLAUSE_FIELDS[c.field], key = `${c.field}|${m.regex.source}`, cached = reader.clauseResult(key);
  if (cached) return { m, fields, key, cached, terms: [], lists: [], bound: cached.size };
  const terms = [...new Set(m.tokens.map((t) => t.term))];
  const lists = await Promise.all(terms.map((t) => reader.postings(t)));
  return { m, fields, key, cached, terms, lists, bound: Math.min(...lists.map((l) => l.length)) };
}

/**
 * Documents matching one clause, with their score for it; with `within`, only documents in it are considered
 * (a query's later groups and its exclusions check the documents its rarest group left, not all of theirs).
 */
async function clauseDocs(reader: IndexReader, p: Prepared, deps: EvalDeps, scored: boolean, within?: Map<number, number>): Promise<Map<number, number>> {
  if (p.cached) {
    if (!within) return p.cached;
    const out = new Map<number, number>();
    for (const d of within.keys()) {
      const s = p.cached.get(d);
      if (s !== undefined) out.set(d, s);
    }
    return out;
  }
  const { m, fields, terms, lists } = p;
  const fieldMask = fields.reduce((x, f) => x | (1 << f), 0);
  const positional = m.tokens.length > 1 && !m.needsText;
  // Intersect the document lists, rarest first, on document numbers and field masks alone; `at[i][n]` is the
  // entry of candidate n in list i.
  const order = terms.map((_, i) => i).sort((a, b) => lists[a]!.length - lists[b]!.length);
  const first = lists[order[0]!]!;
  let cand: number[] = [];
  const at: number[][] = terms.map(() => []);
  for (let k = 0; k < first.length; k++) {
    if (!(first.masks[k]! & fieldMask) || (within && !within.has(first.docs[k]!))) continue;
    cand.push(first.docs[k]!);
    at[order[0]!]!.push(k);
  }
  for (const i of order.slice(1)) {
    if (!cand.length) break;
    const l = lists[i]!, keep: number[] = [], mine: number[] = [];
    let k = 0;
    for (let n = 0; n < cand.length; n++) {
      const d = cand[n]!;
      while (k < l.length && l.docs[k]! < d) k++;
      if (k < l.length && l.docs[k] === d && l.masks[k]! & fieldMask) {
        keep.push(n);
        mine.push(k);
      }
    }
    for (const j of order) if (at[j]!.length) at[j] = keep.map((n) => at[j]![n]!);
    at[i] = mine;
    cand = keep.map((n) => cand[n]!);
  }
  // Of the candidates, those that hold the clause (n: their places in `cand`): checked on the text, on positions
  // decoded into scratch arrays (no objects per candidate: a phrase of two common words has tens of thousands), or
  // by the term lists alone.
  let found: number[] = cand.map((_, n) => n);
  if (m.tokens.length > 1 && m.needsText) {
    const ok = await deps.verifyText(cand, m, fields);
    found = found.filter((n) => ok.has(cand[n]!));
  } else if (positional) {
    const idx = new Map(terms.map((t, i) => [t, i]));
    const listOf = m.tokens.map((t) => idx.get(t.term)!), glued = m.tokens.map((t) => t.glued);
    const scratch = m.tokens.map(() => ({ a: new Int32Array(64) })), lens = m.tokens.map(() => 0);
    const holds = (n: number, f: number) => {
      for (let j = 0; j < listOf.length; j++) {
        const i = listOf[j]!;
        lens[j] = lists[i]!.positionsInto(at[i]![n]!, f, scratch[j]!);
        if (lens[j]! <= 0) return false;
      }
      return sequenceAt(scratch.map((s) => s.a), lens, glued);
    };
    found = found.filter((n) => fields.some((f) => holds(n, f)));
  }
  const out = new Map<number, number>();
  if (!scored) {
    for (const n of found) out.set(cand[n]!, 0);
    return out;
  }
  const n = reader.meta.live, avg = reader.averages();
  const idfs = lists.map((l) => idf(n, l.length));
  for (const k of found) {
    const d = cand[k]!, row = lists.map((l, i) => l.hits(at[i]![k]!, false));
    let s = 0;
    for (let i = 0; i < terms.length; i++) s += termScore(idfs[i]!, row[i]!, fields, (f) => reader.length(d, f), avg);
    out.set(d, s);
  }
  if (!within) reader.rememberClause(p.key, out);
  return out;
}

/**
 * Evaluates a query. Call inside a read transaction over the search tables, after `reader.refresh()`. With `top`,
 * only the best `top` documents are ordered and returned (a page of results needs no full sort of 30,000).
 * @example const { docs } = await evaluate(reader, parseQuery('汽车产业集群'), 'relevance', deps)
 */
export async function evaluate(reader: IndexReader, q: ParsedQuery, sort: 'relevance' | 'date', deps: EvalDeps, top = Infinity): Promise<Ranked> {
  // Every clause's lists are read at once (the reads overlap), then the groups go rarest first.
  const groups = await Promise.all(q.groups.map((g) => Promise.all(g.map((c) => prepare(reader, c)))));
  const excluded = await Promise.all(q.exclude.map((c) => prepare(reader, c)));
  const matchers: Ranked['matchers'] = groups.flat().map((p) => ({ matcher: p.m, fields: p.fields }));
  const bound = (g: Prepared[]) => g.reduce((n, p) => n + p.bound, 0);
  groups.sort((a, b) => bound(a) - bound(b));

  let result: Map<number, number> | undefined;
  for (const group of groups) {
    const merged = new Map<number, number>();
    for (const p of group) {
      for (const [d, s] of await clauseDocs(reader, p, deps, true, result)) merged.set(d, (merged.get(d) ?? 0) + s);
    }
    if (result) for (const [d, s] of merged) merged.set(d, s + result.get(d)!);
    result = merged;
    if (!result.size) break;
  }
  result ??= new Map(reader.allDocs().map((d) => [d, 0]));
  for (const p of excluded) {
    if (!result.size) break;
    for (const d of (await clauseDocs(reader, p, deps, false, result)).keys()) result.delete(d);
  }
  for (const set of q.sets) {
    const members = await deps.members(set);
    for (const d of [...result.keys()]) if (!members.has(d)) result.delete(d);
  }
  const docs: Ranked['docs'] = [];
  for (const [doc, score] of result) {
    const day = reader.day(doc);
    if (q.after !== null && day < q.after) continue;
    if (q.before !== null && day >= q.before) continue;
    docs.push({ doc, score, day });
  }
  const byDate = sort === 'date' || !groups.length;
  const cmp: Cmp = byDate
    ? (a, b) => b.day - a.day || b.score - a.score || b.doc - a.doc
    : (a, b) => b.score - a.score || b.day - a.day || b.doc - a.doc;
  return { total: docs.length, docs: best(docs, top, cmp), matchers };
}

type Cmp = (a: Ranked['docs'][number], b: Ranked['docs'][number]) => number;

/** The first `n` of `items` in `cmp` order, without sorting the rest. */
function best<T>(items: T[], n: number, cmp: (a: T, b: T) => number): T[] {
  if (items.length <= n * 4) return items.sort(cmp).slice(0, n);
  const kept: T[] = [];
  for (const x of items) {
    if (kept.length === n && cmp(x, kept[n - 1]!) >= 0) continue;
    let lo = 0, hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(kept[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, x);
    if (kept.length > n) kept.pop();
  }
  return kept;
}
