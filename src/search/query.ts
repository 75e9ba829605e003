/**
 * The query language. A query is a list of clauses, all of which must hold:
 *
 *   长春 汽车产业集群        words and CJK strings (a CJK string matches where the text contains it)
 *   "climate change"        an exact phrase
 *   -疫情                   exclude articles that match
 *   上海 OR 北京             either (OR binds tighter than the implied AND: `a OR b c` is `(a OR b) c`)
 *   headline:汽车            in the kicker, headline or subtitle;  byline:黄鹭  in the dateline, byline or authors
 *   source:吉林日报          the newspaper or site (source:nytimes.com)
 *   in:"Reading list"        a collection;  tag:transport  articles with that tag
 *   after:2022-11-01  before:2023-01-01    publication day: after is inclusive, before exclusive
 *   sort:date  sort:relevance
 *
 * A field name is only special before a colon with a value after it; other `word:word` text is searched as is
 * (http://…, 10:30). Errors name the position (0-based, in UTF-16 units) of what is wrong.
 */
import { dayInText } from './fields.js';

export type TextField = 'any' | 'headline' | 'byline' | 'source';

/** One piece of text to find. */
export interface TextClause {
  text: string;
  field: TextField;
  /** Written in quotes. */
  phrase: boolean;
  /** Offsets of the clause in the query (for messages and the UI). */
  start: number;
  end: number;
}

/** `in:NAME` (a collection) or `tag:NAME`; `start` is the filter's offset in the query. */
export interface SetFilter {
  kind: 'in' | 'tag';
  name: string;
  start: number;
}

export interface ParsedQuery {
  /** Each group must match; a group matches when any of its alternatives does. */
  groups: TextClause[][];
  exclude: TextClause[];
  /** Days since the epoch; `after` inclusive, `before` exclusive. */
  after: number | null;
  before: number | null;
  /** `in:` collections and `tag:` tags the articles must belong to / carry. */
  sets: SetFilter[];
  sort: 'relevance' | 'date' | null;
}

/**
 * What can be wrong with a query, by code, in English with `$1`, `$2` for the details. The code and the details
 * travel with the error so that a UI can say it in the user's language (`_locales/*: queryError_<code>`).
 */
export const QUERY_ERRORS = {
  fieldNeedsValue: '"$1:" needs a value right after the colon',
  unclosedQuote: 'this quote is never closed: add a closing "',
  dashAlone: '"-" must be followed by what to exclude',
  orNoLeft: 'OR needs something to search for on its left',
  orNoRight: 'OR needs something to search for on its right',
  orJoinsText: 'OR can only join words, phrases and headline:/byline:/source: filters',
  filterExcluded: '"-$1:" cannot be excluded; use the opposite filter',
  emptyQuotes: 'empty quotes: put the words to find between them',
  afterNotBeforeBefore: 'after: must be earlier than before:, or nothing can match',
  notADate: '"$1" is not a date: write $2:YYYY-MM-DD, e.g. $2:2022-11-01',
  badSort: 'sort by "date" or "relevance", not "$1"',
  noSuchCollection: 'there is no collection named "$1"',
  noSuchTag: 'no article has the tag "$1"',
  nothingToSearch: '"$1" has no letters, digits or characters to search for',
} as const;

export type QueryErrorCode = keyof typeof QUERY_ERRORS;

/** A query error's text: the template of `code` with `$1`, `$2` replaced by `args`. */
export function queryErrorText(code: QueryErrorCode, args: readonly string[]): string {
  return QUERY_ERRORS[code].replace(/\$(\d)/g, (m, n: string) => args[Number(n) - 1] ?? m);
}

export class QuerySyntaxError extends Error {
  constructor(readonly code: QueryErrorCode, readonly args: string[], readonly position: number, readonly length = 1) {
    super(`${queryErrorText(code, args)} (at position ${position + 1})`);
    this.name = 'QuerySyntaxError';
  }
}

const FIELDS = new Set(['headline', 'byline', 'source', 'in', 'tag', 'after', 'before', 'sort']);

interface Lexeme {
  text: string;
  quoted: boolean;
  negated: boolean;
  field: string | null;
  start: number;
  end: number;
  /** An unquoted `OR`. */
  or: boolean;
}

const isSpace = (c: string) => /\s/.test(c);

function lex(q: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < q.length) {
    if (isSpace(q[i]!)) { i++; continue; }
    const start = i;
    let negated = false, field: string | null = null;
    if (q[i] === '-' && i + 1 < q.length && !isSpace(q[i + 1]!)) { negated = true; i++; }
    const m = /^([a-z]+):/i.exec(q.slice(i, i + 10));
    if (m && FIELDS.has(m[1]!.toLowerCase())) {
      field = m[1]!.toLowerCase();
      i += m[0].length;
      if (i >= q.length || isSpace(q[i]!)) throw new QuerySyntaxError('fieldNeedsValue', [m[1]!], i - 1);
    }
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      if (close < 0) throw new QuerySyntaxError('unclosedQuote', [], i);
      out.push({ text: q.slice(i + 1, close), quoted: true, negated, field, start, end: close + 1, or: false });
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < q.length && !isSpace(q[j]!)) j++;
    const text = q.slice(i, j);
    if (text === '-' && !field) throw new QuerySyntaxError('dashAlone', [], start);
    out.push({ text, quoted: false, negated, field, start, end: j, or: !negated && !field && text === 'OR' });
    i = j;
  }
  return out;
}

/**
 * Parses a query; throws {@link QuerySyntaxError} with the position of the first problem.
 * @example parseQuery('headline:汽车 -疫情 after:2022-11-01').groups[0][0] // { text: '汽车', field: 'headline', … }
 */
export function parseQuery(q: string): ParsedQuery {
  const out: ParsedQuery = { groups: [], exclude: [], after: null, before: null, sets: [], sort: null };
  const lexemes = lex(q);
  let joinNext = false;
  for (let k = 0; k < lexemes.length; k++) {
    const x = lexemes[k]!;
    if (x.or) {
      const prev = lexemes[k - 1], next = lexemes[k + 1];
      if (!prev || !out.groups.length || prev.or || prev.negated || (prev.field && !isTextField(prev.field))) {
        throw new QuerySyntaxError('orNoLeft', [], x.start, 2);
      }
      if (!next || next.or) throw new QuerySyntaxError('orNoRight', [], x.start, 2);
      if (next.negated || (next.field && !isTextField(next.field))) {
        throw new QuerySyntaxError('orJoinsText', [], next.start, next.end - next.start);
      }
      joinNext = true;
      continue;
    }
    if (x.field && !isTextField(x.field)) {
      if (x.negated) throw new QuerySyntaxError('filterExcluded', [x.field], x.start);
      filter(out, x);
      continue;
    }
    const clause: TextClause = { text: x.text, field: (x.field ?? 'any') as TextField, phrase: x.quoted, start: x.start, end: x.end };
    if (!x.text.trim()) throw new QuerySyntaxError('emptyQuotes', [], x.start, x.end - x.start);
    if (x.negated) out.exclude.push(clause);
    else if (joinNext) out.groups[out.groups.length - 1]!.push(clause);
    else out.groups.push([clause]);
    joinNext = false;
  }
  if (out.after !== null && out.before !== null && out.after >= out.before) {
    throw new QuerySyntaxError('afterNotBeforeBefore', [], q.search(/after:/i));
  }
  return out;
}

const isTextField = (f: string) => f === 'headline' || f === 'byline' || f === 'source';

function filter(out: ParsedQuery, x: Lexeme): void {
  const value = x.text, at = x.end - (x.quoted ? value.length + 1 : value.length);
  switch (x.field) {
    case 'after':
    case 'before': {
      const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayInText(value) : null;
      if (day === null || new Date(day * 86_400_000).toISOString().slice(0, 10) !== value) {
        throw new QuerySyntaxError('notADate', [value, x.field], at, value.length);
      }
      out[x.field] = day;
      return;
    }
    case 'sort':
      if (value !== 'date' && value !== 'relevance') throw new QuerySyntaxError('badSort', [value], at, value.length);
      out.sort = value;
      return;
    case 'in':
    case 'tag':
      out.sets.push({ kind: x.field, name: value, start: x.start });
      return;
  }
}
