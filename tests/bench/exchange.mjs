// Export and import benchmark: Presscut's archive (streamed JSON, validated, journaled, indexed on import) side by
// side with dexie-export-import, the add-on a Dexie user would otherwise pick, on the same database, in one run.
//   node --expose-gc tests/bench/exchange.mjs [--articles 100000]
// Runs in Node over fake-indexeddb (the same IndexedDB semantics as the browser, not its speed): compare the
// ratios, not the absolute times. Peak memory is sampled RSS and heap during each step.
import 'fake-indexeddb/auto';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const i = process.argv.indexOf('--articles');
const N = i > 0 ? Number(process.argv[i + 1]) : 20_000; // --articles 100000 for the archive-scale run (about 40 minutes here)
const out = join(root, 'dist', 'bench-exchange.mjs');
await build({
  stdin: {
    contents: `export { createEngine } from './src/engine/engine.ts';
      export { PresscutDB } from './src/store/db.ts';
      export { parsePage } from './src/parse/index.ts';
      export { deriveRecords } from './src/store/derive.ts';`,
    resolveDir: root, loader: 'ts',
  },
  // One Dexie for both: dexie-export-import must see the same Dexie as the database it reads.
  bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: out, logLevel: 'warning', external: ['dexie'],
});
const { createEngine, PresscutDB, parsePage, deriveRecords } = await import(pathToFileURL(out).href);
globalThis.self ??= globalThis; // dexie-export-import looks for a worker's global
// and reads Blobs with the browser's FileReader: a faithful minimal one over Blob.text()/arrayBuffer().
globalThis.FileReader ??= class {
  readAsText(blob) { blob.text().then((r) => { this.result = r; this.onload?.({ target: this }); }, (e) => this.onerror?.(e)); }
  readAsArrayBuffer(blob) { blob.arrayBuffer().then((r) => { this.result = r; this.onload?.({ target: this }); }, (e) => this.onerror?.(e)); }
};
const { exportDB, importInto } = await import('dexie-export-import');

const JILIN = readFileSync(join(root, 'tests', 'fixtures', 'jilin-2022-11-11-p1.txt'), 'utf8');
const page = parsePage(JILIN);

/** N articles in N/7 clippings of the Jilin page's shape, written straight to the tables (no parsing per page). */
async function seed(db) {
  const perPage = page.articles.length;
  for (let p = 0; p * perPage < N; p += 500) {
    const clippings = [], articles = [];
    for (let k = p; k < p + 500 && k * perPage < N; k++) {
      const c = { id: `c${k}`, text: `${JILIN}\n第${k}期`, source: { via: 'paste' }, hints: {}, structured: null, capturedAt: 1_700_000_000_000 + k,
        parserVersion: '1', parseError: null, items: page.items, warnings: [], newspaper: '吉林日报', boundaryEdits: [], updatedAt: 0 };
      clippings.push(c);
      articles.push(...deriveRecords(c, page.articles, [], 0).records);
    }
    await db.clippings.bulkAdd(clippings);
    await db.articles.bulkAdd(articles);
  }
}

/**
 * Peak memory during a step, above what the process held when it started: the source database lives in this
 * process's heap (fake-indexeddb), so the step's own cost is the rise over that baseline.
 */
function sampler() {
  const base = process.memoryUsage();
  let rss = base.rss, heap = base.heapUsed;
  const tick = () => { const m = process.memoryUsage(); rss = Math.max(rss, m.rss); heap = Math.max(heap, m.heapUsed); };
  const t = setInterval(tick, 50);
  return () => { clearInterval(t); tick(); return { rss: (rss - base.rss) / 2 ** 20, heap: (heap - base.heapUsed) / 2 ** 20, baseHeap: base.heapUsed / 2 ** 20 }; };
}

async function measure(label, fn) {
  globalThis.gc?.();
  const stop = sampler();
  const t0 = performance.now();
  const value = await fn();
  const s = (performance.now() - t0) / 1000;
  const mem = stop();
  return { label, s, ...mem, value };
}

let n = 0;
const fresh = () => new PresscutDB(`bench-exchange-${process.pid}-${++n}`);
const src = fresh();
const tSeed = performance.now();
await seed(src);
const articles = await src.articles.count();
console.log(`\nPresscut export/import bench: ${articles} articles in ${await src.clippings.count()} clippings (seeded in ${((performance.now() - tSeed) / 1000).toFixed(1)} s), fake-indexeddb\n`);

const engine = createEngine(src);
const row = (m) => `${m.label.padEnd(44)} ${m.s.toFixed(1).padStart(7)} s ${(articles / m.s).toFixed(0).padStart(8)} art/s ${m.rss.toFixed(0).padStart(7)} MB RSS ${m.heap.toFixed(0).padStart(7)} MB heap   (heap before: ${m.baseHeap.toFixed(0)} MB)`;
// RSS is not handed back to the system after a step, so a later step's RSS rise can read 0: only the heap rise
// (after a full GC at each step's start) compares the two tools.
const ratio = (m, ref) => `${m.label.padEnd(44)} time ${(m.s / ref.s).toFixed(2)}×, peak heap rise ${(m.heap / ref.heap).toFixed(2)}× dexie-export-import's`;
/** Each step's row as soon as it is done: a long run shows what it has so far. */
const step = async (label, fn) => { const m = await measure(label, fn); console.log(row(m)); return m; };
console.log(`${'step'.padEnd(44)} ${'time'.padStart(9)} ${'throughput'.padStart(14)}   peak rise over the step's start`);
const ours = await step('Presscut export (JSON, streamed)', async () => (await engine.exportArchive({ kind: 'all' }, 'presscut')).blob);
const theirs = await step('dexie-export-import exportDB', () => exportDB(src));
// overwriteValues: the listing table is also kept by a middleware as articles arrive, so its exported rows overwrite
// the ones already written rather than collide with them.
const theirsIn = await step('dexie-export-import importInto', async () => {
  const db = fresh();
  await db.open();
  await importInto(db, theirs.value, { acceptVersionDiff: true, acceptNameDiff: true, overwriteValues: true });
});
let oursInDb;
const oursIn = await step('Presscut import (validate, journal, index)', () => createEngine(oursInDb = fresh()).importArchive(ours.value));

console.log(`\n${ratio(ours, theirs)}\n${ratio(oursIn, theirsIn)}`);
console.log(`file size: Presscut ${(ours.value.size / 2 ** 20).toFixed(1)} MB, dexie-export-import ${(theirs.value.size / 2 ** 20).toFixed(1)} MB`);
console.log(`imported: ${await oursInDb.articles.count()} articles (of ${articles})`);
console.log('Presscut import validates every record first, journals what it replaces and builds the search index from the articles;');
console.log('dexie-export-import copies every table as it is (the search index\'s rows too) without checking them.');
