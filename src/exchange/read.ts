import { ARCHIVE_FORMAT, ARCHIVE_VERSION, OPTIONAL_SECTIONS, SECTIONS, type ArchiveHeader, type ArchiveRecord, type Section } from './format.js';
import { checkRecord } from './validate.js';

/** A problem with an archive file: what is wrong and where (line, JSON path). */
export class ArchiveError extends Error {
  constructor(message: string, readonly line?: number, readonly path?: string) {
    super(message + (path ? ` (at ${path}` + (line ? `, line ${line})` : ')') : line ? ` (line ${line})` : ''));
    this.name = 'ArchiveError';
  }
}

export type ArchiveItem = { kind: 'header'; header: ArchiveHeader } | ({ kind: 'record' } & ArchiveRecord);

function checkHeader(h: unknown, line?: number): ArchiveHeader {
  const o = h as Partial<ArchiveHeader> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new ArchiveError('not a Presscut archive: the file is not a JSON object', line);
  if (o.format !== ARCHIVE_FORMAT) {
    throw new ArchiveError(`not a Presscut archive: "format" is ${JSON.stringify(o.format ?? null)}, expected "${ARCHIVE_FORMAT}"`, line, '$.format');
  }
  if (o.version !== ARCHIVE_VERSION) {
    const newer = typeof o.version === 'number' && o.version > ARCHIVE_VERSION;
    throw new ArchiveError(`archive version ${JSON.stringify(o.version)} is not supported (this Presscut reads version ${ARCHIVE_VERSION}${newer ? '; update Presscut' : ''})`, line, '$.version');
  }
  // Only the header's own fields: a whole document also holds the record lists.
  return { format: o.format, version: o.version, exportedAt: String(o.exportedAt ?? ''), generator: String(o.generator ?? ''), counts: o.counts ?? ({} as ArchiveHeader['counts']) };
}

/** Where JSON.parse stopped, as a line number of `text` (V8 says "at position N"). */
function lineOfError(text: string, e: Error, base = 1): number | undefined {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return undefined;
  let line = base;
  for (let i = 0, n = Number(m[1]); i < n && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Reads an archive from text chunks, validating every record before it is handed on; the first problem throws an
 * ArchiveError naming it, its line and its JSON path. Files in Presscut's own one-record-per-line layout are read
 * as a stream; any other JSON layout is parsed whole.
 */
export async function* readArchive(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<ArchiveItem> {
  const it = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : (chunks as Iterable<string>)[Symbol.iterator]()) as AsyncIterator<string> | Iterator<string>;
  const next = async (): Promise<string | null> => {
    const r = await it.next();
    return r.done ? null : r.value;
  };
  let buf = '';
  for (let c = ''; buf.indexOf('\n') < 0; buf += c) {
    const got = await next();
    if (got === null) break;
    c = got;
  }
  const nl = buf.indexOf('\n');
  const firstLine = (nl >= 0 ? buf.slice(0, nl) : buf).replace(/^\uFEFF/, '');
  if (/^\{"format":.*,$/.test(firstLine)) {
    yield* readLines(buf, next);
    return;
  }
  for (let c = await next(); c !== null; c = await next()) buf += c;
  yield* readWhole(buf.replace(/^\uFEFF/, ''));
}

async function* readLines(start: string, next: () => Promise<string | null>): AsyncGenerator<ArchiveItem> {
  let buf = start, lineNo = 0, section: Section | null = null, nextSection = 0, index = 0, ended = false, eof = false;
  const clippingLength = new Map<string, number>();
  for (;;) {
    let nl = buf.indexOf('\n');
    while (nl < 0 && !eof) {
      const c = await next();
      if (c === null) eof = true;
      else { buf += c; nl = buf.indexOf('\n'); }
    }
    if (nl < 0 && !buf) break;
    const raw = nl < 0 ? buf : buf.slice(0, nl);
    buf = nl < 0 ? '' : buf.slice(nl + 1);
    lineNo++;
    const line = raw.replace(/\r$/, '');
    if (lineNo === 1) {
      let h: unknown;
      try { h = JSON.parse(line.replace(/^\uFEFF/, '').slice(0, -1) + '}'); } catch (e) {
        throw new ArchiveError(`the header is not valid JSON: ${(e as Error).message}`, 1);
      }
      yield { kind: 'header', header: checkHeader(h, 1) };
      continue;
    }
    if (ended) { if (line.trim()) throw new ArchiveError('text after the end of the archive', lineNo); continue; }
    const open = /^"(\w+)":\[$/.exec(line);
    if (section === null) {
      const expected = SECTIONS[nextSection];
      if (!open || open[1] !== expected) throw new ArchiveError(`expected the "${expected}" list to start here, found ${JSON.stringify(line.slice(0, 40))}`, lineNo);
      section = expected!; nextSection++; index = 0;
      continue;
    }
    if (line === '],' || line === ']}') {
      const rest = SECTIONS.slice(nextSection);
      const mayEnd = rest.every((s) => OPTIONAL_SECTIONS.has(s));
      if (line === ']}' ? !mayEnd : !rest.length) {
        throw new ArchiveError(line === ']}' ? `the archive ends before its "${SECTIONS[nextSection]}" list` : 'a list too many', lineNo);
      }
      section = null;
      ended = line === ']}';
      continue;
    }
    const path = `$.${section}[${index}]`;
    let value: unknown;
    try { value = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line); } catch (e) {
      // A last line cut short (no newline after it) is a file that stops mid-record: say so, not "bad JSON".
      if (nl < 0) throw new ArchiveError(`the file ends early, inside the "${section}" list: it is truncated`, lineNo, path);
      throw new ArchiveError(`not valid JSON: ${(e as Error).message}`, lineNo, path);
    }
    yield validated(section, value, path, lineNo, clippingLength);
    index++;
  }
  if (!ended) throw new ArchiveError(`the file ends early, inside ${section ? `the "${section}" list` : 'the archive'}: it is truncated`, lineNo);
}

async function* readWhole(text: string): AsyncGenerator<ArchiveItem> {
  let doc: Record<string, unknown>;
  try { doc = JSON.parse(text); } catch (e) {
    const truncated = /end of (JSON )?input|Unterminated/i.test((e as Error).message);
    throw new ArchiveError(truncated ? 'the file ends early: it is truncated' : `not valid JSON: ${(e as Error).message}`, lineOfError(text, e as Error));
  }
  yield { kind: 'header', header: checkHeader(doc) };
  const clippingLength = new Map<string, number>();
  for (const section of SECTIONS) {
    const list = doc[section] ?? [];
    if (!Array.isArray(list)) throw new ArchiveError(`"${section}" must be a list`, undefined, `$.${section}`);
    for (let i = 0; i < list.length; i++) yield validated(section, list[i], `$.${section}[${i}]`, 0, clippingLength);
  }
}

function validated(section: Section, value: unknown, path: string, line: number, clippingLength: Map<string, number>): ArchiveItem {
  const problem = checkRecord(section, value, path);
  if (problem) throw new ArchiveError(problem, line || undefined, path);
  if (section === 'clippings') {
    const c = value as { id: string; text: string };
    clippingLength.set(c.id, c.text.length);
  } else if (section === 'articles') {
    // Spans must point into their clipping's text, which came earlier in the file.
    const a = value as { clippingId: string; extent: { start: number; end: number }[] };
    const len = clippingLength.get(a.clippingId);
    if (len === undefined) throw new ArchiveError(`the article's clipping "${a.clippingId}" is not in the file`, line || undefined, `${path}.clippingId`);
    const bad = a.extent.findIndex((s) => s.end > len || s.start > s.end);
    if (bad >= 0) throw new ArchiveError(`span ${JSON.stringify(a.extent[bad])} lies outside its clipping's text (${len} characters)`, line || undefined, `${path}.extent[${bad}]`);
  }
  return { kind: 'record', section, record: value, line, path } as ArchiveItem;
}
