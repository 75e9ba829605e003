import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Clipping } from '../model/records.js';
import { convertArticles, exportArticles, storyOfArchive, TARGETS, type Target } from '../exchange/convert.js';
import { ArchiveError, readArchive, type ArchiveItem } from '../exchange/read.js';
import { writeArchive } from '../exchange/write.js';
import { newspaperOf } from '../exchange/page-facts.js';
import { SECTIONS, type Section, type SectionRecords } from '../exchange/format.js';
import { parsePage, PARSER_VERSION } from '../parse/index.js';
import { deriveRecords } from '../store/derive.js';
import { contentHash, normaliseForId } from '../store/hash.js';
import type { Command } from './args.js';
import { CliError } from './errors.js';
import { readInput } from './read-input.js';

async function* fileChunks(file: string): AsyncGenerator<string> {
  const stream = file === '-' ? process.stdin : createReadStream(file);
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) yield chunk as string;
  } catch (e) {
    throw new CliError(`cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Reads an archive, turning format problems into one clear line: what is wrong, the line, the JSON path. */
async function* archiveItems(file: string): AsyncGenerator<ArchiveItem> {
  try {
    yield* readArchive(fileChunks(file));
  } catch (e) {
    if (e instanceof ArchiveError) throw new CliError(`'${file}' is not a valid Presscut archive: ${e.message}`);
    throw e;
  }
}

async function write(chunks: AsyncIterable<string>): Promise<void> {
  for await (const c of chunks) if (!process.stdout.write(c)) await new Promise((r) => process.stdout.once('drain', r));
}

export const exportValidateCommand: Command = {
  usage: 'export-validate FILE',
  summary: 'check a Presscut JSON archive against its format (schema version 1); prints what it holds',
  options: [],
  async run({ positionals }) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new CliError('export-validate takes one FILE');
    const counts: Record<string, number> = {};
    for await (const it of archiveItems(file)) if (it.kind === 'record') counts[it.section] = (counts[it.section] ?? 0) + 1;
    process.stdout.write(`${file}: valid Presscut archive, ${SECTIONS.map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}\n`);
    return 0;
  },
};

export const convertCommand: Command = {
  usage: `convert FILE --to ${TARGETS.join('|')}`,
  summary: 'convert a Presscut JSON archive to CSL-JSON (Zotero), Markdown or NDJSON on standard output',
  options: ['--to'],
  async run({ positionals, values }) {
    const [file] = positionals;
    const to = values.get('--to') as Target | undefined;
    if (!file || positionals.length > 1) throw new CliError('convert takes one FILE');
    if (!to || !TARGETS.includes(to)) throw new CliError(`convert needs --to ${TARGETS.join(', ')} (got ${to ?? 'nothing'})`);
    await write(convertArticles(exportArticles(archiveItems(file), await storyOfArchive(archiveItems(file))), to, basename(file)));
    return 0;
  },
};

/** `parse FILE... --format presscut`: pages of text to one archive, so a folder of pages imports in one go. */
export async function parseToArchive(files: string[]): Promise<void> {
  const clippings: Clipping[] = [];
  const articles: SectionRecords['articles'][] = [];
  for (const file of files) {
    const input = await readInput(file);
    const now = Date.now();
    const page = parsePage(input.text);
    const clipping: Clipping = {
      id: 'c' + contentHash(normaliseForId(input.text)), text: input.text,
      source: { via: 'file', title: basename(file) }, hints: {}, structured: null, capturedAt: now,
      parserVersion: PARSER_VERSION, parseError: null, items: page.items, warnings: page.warnings, newspaper: newspaperOf(page),
      boundaryEdits: [], updatedAt: now,
    };
    if (clippings.some((c) => c.id === clipping.id)) continue; // the same page twice is one clipping
    clippings.push(clipping);
    for (const r of deriveRecords(clipping, page.articles, [], now).records) {
      const { sortKey: _sortKey, ...record } = r;
      articles.push(record);
    }
  }
  const lists: { [S in Section]: SectionRecords[S][] } = { clippings, articles, collections: [], memberships: [], annotations: [], links: [] };
  const counts = Object.fromEntries(SECTIONS.map((s) => [s, lists[s].length])) as Record<Section, number>;
  await write(writeArchive({
    counts,
    async *records<S extends Section>(section: S) { for (const r of lists[section] as SectionRecords[S][]) yield r; },
  }, { generator: `presscut cli, parser ${PARSER_VERSION}` }));
}
