/**
 * Runs a parsed query against the index: each clause's documents (all its terms present in an allowed field,
 * then the token sequence verified), groups intersected, OR alternatives united, exclusions removed, date and
 * collection and tag filters applied, then sorted by BM25F score or by date.
 */
import type { FieldHits } from './codec.js';
import { type Matcher, matcherOf, positionsMatch } from './match.js';
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

/** Documents matching one clause, with their score for it. */
async function clauseDocs(reader: IndexReader, c: TextClause, m: Matcher, deps: EvalDeps, scored: boolean): Promise<Map<number, number>> {
  const fields = CLAUSE_FIELDS[c.field];
  const fieldMask = fields.reduce((x, f) => x | (1 << f), 0);
  const terms = [...new Set(m.tokens.map((t) => t.term))];
  const positional = m.tokens.length > 1 && !m.needsText;
  const lists = await Promise.all(terms.map((t) => reader.postings(t)));
  // Intersect the document lists, rarest first, on document numbers and field masks alone; `at[i][n]` is the
  // entry of candidate n in list i.
  const order = terms.map((_, i) => i).sort((a, b) => lists[a]!.length - lists[b]!.length);
  const first = lists[order[0]!]!;
  let cand: number[] = [];
  const at: number[][] = terms.map(() => []);
  for (let k = 0; k < first.length; k++) {
    if (!(first.masks[k]! & fieldMask)) continue;
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
  // Hits only for the candidates: positions where the clause needs them, term frequencies for the score.
  const need = positional || scored;
  const hitsOf = (n: number) => lists.map((l, i) => l.hits(at[i]![n]!, positional));
  let docs: number[] = [];
  const hits = new Map<number, FieldHits[]>();
  if (m.tokens.length > 1 && m.needsText) {
    const ok = await deps.verifyText(cand, m, fields);
    cand.forEach((d, n) => {
      if (!ok.has(d)) return;
      docs.push(d);
      if (scored) hits.set(d, hitsOf(n));
    });
  } else if (need) {
    const idx = new Map(terms.map((t, i) => [t, i]));
    cand.forEach((d, n) => {
      const row = hitsOf(n);
      if (positional && !positionsMatch(m, m.tokens.map((t) => row[idx.get(t.term)!]!), fields)) return;
      docs.push(d);
      hits.set(d, row);
    });
  } else {
    docs = cand;
  }
  const out = new Map<number, number>();
  if (!scored) {
    for (const d of docs) out.set(d, 0);
    return out;
  }
  const n = reader.meta.live, avg = reader.averages();
  const idfs = lists.map((l) => idf(n, l.length));
  for (const d of docs) {
    const row = hits.get(d)!;
    let s = 0;
    for (let i = 0; i < terms.length; i++) s += termScore(idfs[i]!, row[i]!, fields, (f) => reader.length(d, f), avg);
    out.set(d, s);
  }
  return out;
}

/**
 * Evaluates a query. Call inside a read transaction over the search tables, after `reader.refresh()`. With `top`,
 * only the best `top` documents are ordered and returned (a page of results needs no full sort of 30,000).
 * @example const { docs } = await evaluate(reader, parseQuery('汽车产业集群'), 'relevance', deps)
 */
export async function evaluate(reader: IndexReader, q: ParsedQuery, sort: 'relevance' | 'date', deps: EvalDeps, top = Infinity): Promise<Ranked> {
  const matchers: Ranked['matchers'] = [];
  const groups: Map<number, number>[] = [];
  for (const group of q.groups) {
    const merged = new Map<number, number>();
    for (const c of group) {
      const m = matcherFor(c);
      matchers.push({ matcher: m, fields: CLAUSE_FIELDS[c.field] });
      for (const [d, s] of await clauseDocs(reader, c, m, deps, true)) merged.set(d, (merged.get(d) ?? 0) + s);
    }
    groups.push(merged);
  }
  const excludeMatchers = q.exclude.map((c) => [c, matcherFor(c)] as const);

  groups.sort((a, b) => a.size - b.size);
  let result: Map<number, number>;
  if (groups.length) {
    result = groups[0]!;
    for (const g of groups.slice(1)) {
      const next = new Map<number, number>();
      for (const [d, s] of result) {
        const t = g.get(d);
        if (t !== undefined) next.set(d, s + t);
      }
      result = next;
    }
  } else {
    result = new Map(reader.allDocs().map((d) => [d, 0]));
  }
  for (const [c, m] of excludeMatchers) {
    if (!result.size) break;
    for (const d of (await clauseDocs(reader, c, m, deps, false)).keys()) result.delete(d);
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
