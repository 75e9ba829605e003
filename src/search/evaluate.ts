/**
 * Runs a parsed query against the index: each clause's documents (all its terms present in an allowed field,
 * then the token sequence verified), groups intersected, OR alternatives united, exclusions removed, date and
 * collection filters applied, then sorted by BM25F score or by date.
 */
import type { FieldHits } from './codec.js';
import { type Matcher, matcherOf, positionsMatch } from './match.js';
import { type ParsedQuery, QuerySyntaxError, type TextClause, type TextField } from './query.js';
import { idf, termScore } from './rank.js';
import type { IndexReader } from './reader.js';

/** The fields each clause kind looks at (numbers as in codec.ts FIELDS). */
export const CLAUSE_FIELDS: Record<TextField, number[]> = { any: [0, 1, 2, 3], headline: [0], byline: [2], source: [3] };

export interface EvalDeps {
  /** Of `docs`, those whose text holds the clause in one of `fields` (for clauses positions cannot decide). */
  verifyText(docs: number[], m: Matcher, fields: number[]): Promise<Set<number>>;
  /** The documents in a collection; throws an error the user can read when it cannot be done. */
  inCollection(name: string, position: number): Promise<Set<number>>;
}

export interface Ranked {
  /** Every matching document, best first. */
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
  const terms = [...new Set(m.tokens.map((t) => t.term))];
  const positional = m.tokens.length > 1 && !m.needsText;
  const lists = await Promise.all(terms.map((t) => reader.postings(t, positional)));
  const order = terms.map((_, i) => i).sort((a, b) => lists[a]!.length - lists[b]!.length);
  // doc -> hits per term (in `terms` order)
  let cand = new Map<number, FieldHits[]>();
  for (const p of lists[order[0]!]!) {
    if (!fields.some((f) => p.hits[f])) continue;
    const row: FieldHits[] = new Array(terms.length);
    row[order[0]!] = p.hits;
    cand.set(p.doc, row);
  }
  for (const i of order.slice(1)) {
    if (!cand.size) break;
    const next = new Map<number, FieldHits[]>();
    for (const p of lists[i]!) {
      const row = cand.get(p.doc);
      if (row && fields.some((f) => p.hits[f])) {
        row[i] = p.hits;
        next.set(p.doc, row);
      }
    }
    cand = next;
  }
  let docs = [...cand.keys()];
  if (m.tokens.length > 1) {
    if (m.needsText) {
      const ok = await deps.verifyText(docs, m, fields);
      docs = docs.filter((d) => ok.has(d));
    } else {
      const at = new Map(terms.map((t, i) => [t, i]));
      docs = docs.filter((d) => {
        const row = cand.get(d)!;
        return positionsMatch(m, m.tokens.map((t) => row[at.get(t.term)!]!), fields);
      });
    }
  }
  const out = new Map<number, number>();
  if (!scored) {
    for (const d of docs) out.set(d, 0);
    return out;
  }
  const n = reader.meta.live, avg = reader.averages();
  const idfs = lists.map((l) => idf(n, l.length));
  for (const d of docs) {
    const row = cand.get(d)!;
    let s = 0;
    for (let i = 0; i < terms.length; i++) s += termScore(idfs[i]!, row[i]!, fields, (f) => reader.length(d, f), avg);
    out.set(d, s);
  }
  return out;
}

/**
 * Evaluates a query. Call inside a read transaction over the search tables, after `reader.refresh()`.
 * @example const { docs } = await evaluate(reader, parseQuery('汽车产业集群'), 'relevance', deps)
 */
export async function evaluate(reader: IndexReader, q: ParsedQuery, sort: 'relevance' | 'date', deps: EvalDeps): Promise<Ranked> {
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
  for (const col of q.collections) {
    const members = await deps.inCollection(col.name, col.start);
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
  docs.sort(byDate
    ? (a, b) => b.day - a.day || b.score - a.score || b.doc - a.doc
    : (a, b) => b.score - a.score || b.day - a.day || b.doc - a.doc);
  return { docs, matchers };
}
