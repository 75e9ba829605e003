import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/search/evaluate.js';
import { applyChanges } from '../../src/search/indexer.js';
import { normalise } from '../../src/search/normalize.js';
import { parseQuery } from '../../src/search/query.js';
import { IndexReader } from '../../src/search/reader.js';
import { searchTables } from '../../src/search/tables.js';
import { PresscutDB } from '../../src/store/db.js';

const han = fc.constantFrom(...'长春市汽车产业集群默想认的发展铁路北京上海中國人民日報'.split(''));
const run = fc.array(han, { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
const body = fc.array(fc.oneof(run, run, fc.constantFrom('，', '。', ' ', '12306', 'pdf', 'Ａ')), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));

let k = 0;
/** Indexes the texts (one document each) and returns a function running a query to the matching document numbers. */
async function indexed(texts: string[], titles: string[] = []) {
  const db = new PresscutDB(`prop-${process.pid}-${++k}`);
  const t = searchTables(db);
  await db.transaction('rw', Object.values(t), () => applyChanges(t, [], texts.map((text, i) => (
    { articleId: `a${i}`, fields: [titles[i] ?? '', text, '', ''], day: 0, source: null, hash: String(i) }))));
  const reader = new IndexReader(db);
  const deps = { verifyText: async () => new Set<number>(), members: async () => new Set<number>() };
  const run = async (q: string) => db.transaction('r', Object.values(t), async () => {
    await reader.refresh();
    return (await evaluate(reader, parseQuery(q), 'relevance', deps)).docs.map((d) => d.doc).sort((a, b) => a - b);
  });
  return { run, close: () => db.close() };
}

describe('search properties', () => {
  it('finds every substring of two or more Han characters, exactly where the normalised text contains it', async () => {
    await fc.assert(fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), async (texts, picks) => {
      const idx = await indexed(texts);
      const norm = texts.map((t) => normalise(t));
      const subs = new Set<string>();
      for (const p of picks) {
        const runs = norm.flatMap((n) => n.match(/[\u4e00-\u9fff]{2,}/g) ?? []);
        if (!runs.length) break;
        const r = runs[p % runs.length]!;
        const len = 2 + (p % Math.max(1, r.length - 1));
        const at = p % Math.max(1, r.length - len + 1);
        subs.add(r.slice(at, at + len));
      }
      for (const s of subs) {
        const want = norm.flatMap((n, i) => (n.includes(normalise(s)) ? [i] : []));
        expect(await idx.run(s)).toEqual(want);
      }
      idx.close();
    }), { numRuns: 30 });
  }, 60_000); // 30 databases, each opened through every schema version: slow on a loaded machine

  it('never finds a Han string that the text does not contain', async () => {
    await fc.assert(fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 4 }), run.filter((r) => r.length >= 2), async (texts, q) => {
      const idx = await indexed(texts);
      const want = texts.flatMap((t, i) => (normalise(t).includes(normalise(q)) ? [i] : []));
      expect(await idx.run(q)).toEqual(want);
      idx.close();
    }), { numRuns: 40 });
  }, 60_000);

  it('finds an English phrase exactly where a field holds its words in sequence', async () => {
    const word = fc.constantFrom('the', 'of', 'news', 'paper', 'city');
    const words = fc.array(word, { minLength: 1, maxLength: 12 }).map((a) => a.join(' '));
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(words, words), { minLength: 1, maxLength: 4 }), word, word, async (docs, a, b) => {
      const idx = await indexed(docs.map((d) => d[1]), docs.map((d) => d[0]));
      const has = (s: string) => ` ${s} `.includes(` ${a} ${b} `);
      expect(await idx.run(`"${a} ${b}"`)).toEqual(docs.flatMap((d, i) => (has(d[0]) || has(d[1]) ? [i] : [])));
      idx.close();
    }), { numRuns: 40 });
  }, 60_000);
});
