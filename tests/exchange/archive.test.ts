import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_VERSION, SECTIONS, type Archive, type Section, type SectionRecords } from '../../src/exchange/format.js';
import { readArchive, type ArchiveItem } from '../../src/exchange/read.js';
import { writeArchive } from '../../src/exchange/write.js';
import type { Clipping } from '../../src/model/records.js';
import { parsePage } from '../../src/parse/index.js';
import { applyBoundaryEdits } from '../../src/store/boundaries.js';
import { deriveRecords } from '../../src/store/derive.js';

const JILIN = readFileSync(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url), 'utf8');
// ajv is CommonJS: its class is the default export under some loaders and the module itself under others.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module);
const SCHEMA = JSON.parse(readFileSync(new URL('../../src/exchange/presscut-archive.v1.schema.json', import.meta.url), 'utf8'));

/** A small archive with every kind of record: edits, corrections, a deletion, collections, tags and notes. */
function sample(): Archive {
  const t = 1_700_000_000_000;
  const clipping: Clipping = {
    id: 'cjilin', text: JILIN, source: { via: 'page', url: 'http://127.0.0.1/jilin', title: '吉林日报' }, hints: {},
    structured: null, capturedAt: t, parserVersion: '1.0.0', parseError: null, items: [], warnings: [], newspaper: '吉林日报',
    boundaryEdits: [], updatedAt: t,
  };
  const page = parsePage(JILIN);
  clipping.items = page.items;
  clipping.boundaryEdits = [{ kind: 'merge', at: page.articles[4]!.spans.paragraphs[0]![0]!.start, editedAt: t + 1 }];
  const articles = deriveRecords(clipping, applyBoundaryEdits(page.articles, clipping.boundaryEdits), [], t).records.map(({ sortKey: _s, ...r }) => r);
  articles[0]!.corrections.headline = { value: '中共中央政治局常委会召开会议', editedAt: t + 2 };
  articles[1]!.deletedAt = t + 3;
  return {
    format: 'presscut.archive', version: ARCHIVE_VERSION, exportedAt: new Date(t).toISOString(), generator: 'test',
    counts: { clippings: 1, articles: articles.length, collections: 1, memberships: 2, annotations: 1, links: 1 },
    clippings: [clipping], articles,
    collections: [{ id: 'k1', name: '疫情防控', order: 0, createdAt: t, updatedAt: t }],
    memberships: [0, 2].map((i) => ({ id: `k1|${articles[i]!.id}`, collectionId: 'k1', articleId: articles[i]!.id, addedAt: t })),
    annotations: [{ articleId: articles[0]!.id, tags: ['会议', '防疫'], note: '第一条\n第二条', updatedAt: t }],
    links: [{
      v: 1, id: 'l1', from: articles[2]!.id, to: articles[3]!.id, fromClipping: clipping.id, toClipping: clipping.id,
      state: 'unlinked', by: 'user', score: 0.8, createdAt: t, updatedAt: t + 4,
    }],
  };
}

async function text(a: Archive): Promise<string> {
  let out = '';
  const source = { counts: a.counts, async *records<S extends Section>(s: S) { for (const r of (a[s] ?? []) as SectionRecords[S][]) yield r; } };
  for await (const c of writeArchive(source, { generator: a.generator, exportedAt: a.exportedAt })) out += c;
  return out;
}

async function read(chunks: Iterable<string>): Promise<Archive> {
  const out: Record<string, unknown> = Object.fromEntries(SECTIONS.map((s) => [s, []]));
  for await (const it of readArchive(chunks)) {
    if (it.kind === 'header') Object.assign(out, it.header);
    else (out[it.section] as unknown[]).push(it.record);
  }
  return out as unknown as Archive;
}

const failure = async (s: string) => {
  try { for await (const _ of readArchive([s]) as AsyncGenerator<ArchiveItem>) { /* drain */ } } catch (e) { return (e as Error).message; }
  return 'no error';
};

describe('Presscut archive format', () => {
  it('round-trips an archive unchanged, one record per line', async () => {
    const a = sample();
    const s = await text(a);
    const lines = s.trimEnd().split('\n');
    const records = SECTIONS.reduce((n, k) => n + (a[k]?.length ?? 0), 0);
    expect(lines).toHaveLength(1 + 2 * SECTIONS.length + records);
    for (const line of lines.filter((l) => l.startsWith('{"id"') || l.startsWith('{"articleId"'))) expect(() => JSON.parse(line.replace(/,$/, ''))).not.toThrow();
    expect(await read([s])).toEqual(a);
  });

  it('reads the same records however the file is cut into chunks', async () => {
    const s = await text(sample());
    const whole = await read([s]);
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 40 }), async (sizes) => {
      const chunks: string[] = [];
      for (let i = 0, k = 0; i < s.length; i += sizes[k++ % sizes.length]!) chunks.push(s.slice(i, i + sizes[(k) % sizes.length]!));
      expect(await read(chunks)).toEqual(whole);
    }), { numRuns: 40 });
  });

  it('reads any other JSON layout of the same archive', async () => {
    const a = sample();
    expect(await read([JSON.stringify(a, null, 2)])).toEqual(a);
  });

  it('reads a file written before the links section existed (version 1 stays compatible)', async () => {
    const { links: _links, ...old } = sample();
    const { links: _count, ...counts } = old.counts;
    const s = await text({ ...old, counts } as Archive);
    expect(s).not.toContain('"links"');
    expect(s.trimEnd().endsWith(']}')).toBe(true);
    const back = await read([s]);
    expect(back.links).toEqual([]);
    expect(back.articles).toEqual(old.articles);
    expect(await read([JSON.stringify({ ...old, counts })])).toMatchObject({ articles: old.articles, links: [] });
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.compile(SCHEMA)(JSON.parse(s))).toBe(true);
  });

  it('is described by its JSON Schema', async () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(SCHEMA);
    expect(validate(sample()), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('a bad archive gets a message that says what is wrong and where', () => {
  const cases: [string, (s: string) => string, RegExp][] = [
    ['wrong format', (s) => s.replace('"presscut.archive"', '"pocket.export"'), /not a Presscut archive: "format" is "pocket.export".*\$\.format/],
    ['newer version', (s) => s.replace('"version":1', '"version":2'), /version 2 is not supported.*update Presscut/],
    ['truncated file', (s) => s.slice(0, Math.floor(s.length * 0.6)), /ends early, inside the "\w+" list: it is truncated.*line \d+/],
    ['bad field', (s) => s.replace(/"index":2,/, '"index":-2,'), /\$\.articles\[2\]\.index must be a whole number >= 0, not -2.*line \d+/],
    ['missing field', (s) => s.replace(/"note":"[^"]*",/, ''), /\$\.annotations\[0\]\.note is missing/],
    ['span outside its text', (s) => s.replace(/"extent":\[\{"start":(\d+),"end":(\d+)\}/, '"extent":[{"start":$1,"end":99999999}'), /outside its clipping's text.*\$\.articles\[\d\]\.extent\[0\]/],
    ['not JSON at all', () => 'hello', /not valid JSON/],
  ];
  for (const [name, corrupt, message] of cases) {
    it(name, async () => {
      const bad = corrupt(await text(sample()));
      expect(await failure(bad)).toMatch(message);
    });
  }

  it('the schema rejects the same corrupted records', async () => {
    const validate = new Ajv2020({ strict: false }).compile(SCHEMA);
    const good = await text(sample());
    expect(validate(JSON.parse(good))).toBe(true);
    for (const [name, corrupt] of cases.filter(([n]) => ['wrong format', 'newer version', 'bad field', 'missing field'].includes(n))) {
      expect(validate(JSON.parse(corrupt(good))), name).toBe(false);
    }
  });
});
