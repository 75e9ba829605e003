/**
 * Plain article lists: what other tools (and Presscut's own NDJSON export) write, one article per entry with its
 * fields and no raw page text. Two layouts: NDJSON (one JSON object a line) and a JSON array of objects. Each
 * entry becomes a clipping of its own, whose text is what its fields spell (as a clipped article page), parsed as
 * one article whose stated fields win, so re-parsing later keeps them. Field names are those of the NDJSON export
 * (`headline`, `paragraphs`, `newspaper`, `url`, `date`, `tags`, …); `text` or `body` may stand for `paragraphs`.
 */
import { composeArticleText } from '../extract/compose.js';
import type { ArticleRecord, Clipping, StructuredArticle } from '../model/records.js';
import { parsePage, PARSER_VERSION } from '../parse/index.js';
import { deriveRecords } from '../store/derive.js';
import { contentHash, normaliseForId } from '../store/hash.js';
import { withStructure } from '../store/structure.js';
import { newspaperOf } from './page-facts.js';
import { ArchiveError } from './read.js';

/** One entry of a plain list, checked. */
export interface PlainArticle {
  /** The id it had where it came from (a Presscut export's article id), if any. */
  id: string | null;
  fields: StructuredArticle;
  paragraphs: string[];
  url: string | null;
  sourceTitle: string | null;
  capturedAt: number | null;
  tags: string[];
  note: string;
  collections: string[];
}

/**
 * Whether a file starting with `head` is a plain list: a JSON array, or a first line that is a whole JSON object
 * without Presscut's `format` (an archive's header line has it; a pretty-printed archive's first line is `{`).
 */
export function isPlainList(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return true;
  const nl = text.indexOf('\n');
  const first = (nl < 0 ? text : text.slice(0, nl)).trim();
  if (!first.startsWith('{')) return false;
  try {
    const o = JSON.parse(first) as unknown;
    return typeof o === 'object' && o !== null && !Array.isArray(o) && !('format' in o);
  } catch {
    return false;
  }
}

/**
 * Reads and checks a whole plain list; the first problem throws an ArchiveError naming the entry, the field and the
 * line, e.g. `$[2].tags must be a list of text, not 5 (at $[2].tags, line 3)`.
 * @example readPlainList('{"headline":"Council backs bridge","paragraphs":["The council voted…"]}\n')[0].fields.headline
 */
export function readPlainList(text: string): PlainArticle[] {
  const body = text.replace(/^\uFEFF/, '');
  const entries: { value: unknown; line: number }[] = [];
  if (body.trimStart().startsWith('[')) {
    let list: unknown;
    try {
      list = JSON.parse(body);
    } catch (e) {
      throw new ArchiveError(`the file is not valid JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(list)) throw new ArchiveError('a list of articles must be a JSON array of objects', 1, '$');
    const lines = lineStarts(body);
    list.forEach((value, i) => entries.push({ value, line: lines(i) }));
  } else {
    body.split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      try {
        entries.push({ value: JSON.parse(line), line: i + 1 });
      } catch (e) {
        throw new ArchiveError(`line ${i + 1} is not a JSON object: ${(e as Error).message}`, i + 1, `$[${entries.length}]`);
      }
    });
  }
  if (!entries.length) throw new ArchiveError('the list holds no articles');
  return entries.map(({ value, line }, i) => checkPlain(value, `$[${i}]`, line));
}

/** Line numbers of a JSON array's entries, told by where each top-level object starts. */
function lineStarts(text: string): (i: number) => number {
  const at: number[] = [];
  let depth = 0, line = 1, inString = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') k++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') { if (depth++ === 1) at.push(line); }
    else if (c === '}' || c === ']') depth--;
  }
  return (i) => at[i] ?? 1;
}

function checkPlain(v: unknown, path: string, line: number): PlainArticle {
  const bad = (field: string, want: string, got: unknown): never => {
    throw new ArchiveError(`${path}.${field} must be ${want}, not ${JSON.stringify(got)?.slice(0, 40) ?? String(got)}`, line, `${path}.${field}`);
  };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ArchiveError(`${path} must be an object with an article's fields`, line, path);
  const o = v as Record<string, unknown>;
  const text = (k: string): string | null => {
    const x = o[k];
    if (x === undefined || x === null) return null;
    if (typeof x !== 'string') return bad(k, 'text or null', x);
    return x.trim() || null;
  };
  const list = (k: string): string[] => {
    const x = o[k];
    if (x === undefined || x === null) return [];
    if (!Array.isArray(x) || x.some((y) => typeof y !== 'string')) return bad(k, 'a list of text', x);
    return (x as string[]).map((y) => y.trim()).filter(Boolean);
  };
  let paragraphs = list('paragraphs');
  if (!paragraphs.length) {
    const whole = text('text') ?? text('body');
    if (whole) paragraphs = whole.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
  }
  const fields: StructuredArticle = {
    kicker: text('kicker'), headline: text('headline') ?? text('title'), subtitle: text('subtitle'), byline: text('byline'),
    dateline: text('dateline'), authors: list('authors'), newspaper: text('newspaper'), published: date(o.date, () => bad('date', 'a date as "YYYY-MM-DD"', o.date)),
  };
  if (!fields.headline && !paragraphs.length) throw new ArchiveError(`${path} has neither a headline nor any paragraphs: there is nothing to import`, line, path);
  const capturedAt = o.capturedAt;
  if (capturedAt !== undefined && capturedAt !== null && (typeof capturedAt !== 'number' || !Number.isFinite(capturedAt) || capturedAt < 0)) {
    bad('capturedAt', 'a time in milliseconds since 1970', capturedAt);
  }
  return {
    id: text('id'), fields, paragraphs, url: text('url'), sourceTitle: text('sourceTitle'),
    capturedAt: typeof capturedAt === 'number' ? capturedAt : null,
    tags: [...new Set(list('tags'))], note: text('note') ?? '', collections: [...new Set(list('collections'))],
  };
}

/** `"2022-11-11"` or `[2022, 11, 11]` (as the NDJSON and CSL exports write dates) as ISO 8601, or null. */
function date(v: unknown, bad: () => never): string | null {
  if (v === undefined || v === null || v === '') return null;
  const parts = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)?.slice(1).map(Number) : Array.isArray(v) && v.length === 3 ? v : null;
  if (!parts || parts.some((n) => typeof n !== 'number' || !Number.isInteger(n))) return bad();
  const [y, m, d] = parts as number[];
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const real = new Date(Date.UTC(y!, m! - 1, d!));
  return real.getUTCFullYear() === y && real.getUTCMonth() === m! - 1 && real.getUTCDate() === d ? iso : bad();
}

/**
 * A plain article as the clipping and article records an archive holds: the text its fields spell, segmented
 * as a clipped article page is, its stated fields winning. The same article imported twice is the same clipping.
 */
export function plainRecords(a: PlainArticle, capturedAt: number): { clipping: Clipping; articles: ArticleRecord[] } {
  const text = composeArticleText(a.fields, a.paragraphs);
  const hints = { channel: 'web' as const };
  const page = parsePage(text, hints);
  const structured = Object.fromEntries(Object.entries(a.fields).filter(([, x]) => x !== null && !(Array.isArray(x) && !x.length))) as StructuredArticle;
  const at = a.capturedAt ?? capturedAt;
  const clipping: Clipping = {
    id: 'c' + contentHash(normaliseForId(text)), text,
    source: { via: 'file', ...(a.url ? { url: a.url } : {}), ...(a.sourceTitle ? { title: a.sourceTitle } : {}) },
    hints, structured, capturedAt: at, parserVersion: PARSER_VERSION, parseError: null, items: page.items, warnings: page.warnings,
    newspaper: a.fields.newspaper ?? newspaperOf(page), boundaryEdits: [], updatedAt: at,
  };
  const articles = deriveRecords(clipping, withStructure(page.articles, structured), [], at).records.map(({ sortKey: _sortKey, ...r }) => r);
  return { clipping, articles };
}
