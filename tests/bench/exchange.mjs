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
const N = i > 0 ? Number(process.argv[i + 1]) : 20_000; // --articles 100000 for the archive-scale run (about 20 minutes here)
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

function sampler() {
  let rss = 0, heap = 0;
  const tick = () => { const m = process.memoryUsage(); rss = Math.max(rss, m.rss); heap = Math.max(heap, m.heapUsed); };
  const t = setInterval(tick, 50);
  return () => { clearInterval(t); tick(); return { rss: rss / 2 ** 20, heap: heap / 2 ** 20 }; };
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
const ours = await measure('Presscut export (JSON, streamed)', async () => (await engine.exportArchive({ kind: 'all' }, 'presscut')).blob);
const theirs = await measure('dexie-export-import exportDB', () => exportDB(src));
const oursIn = await measure('Presscut import (validate, journal, index)', () => createEngine(fresh()).importArchive(ours.value));
const theirsIn = await measure('dexie-export-import importInto', async () => { const db = fresh(); await db.open(); await importInto(db, theirs.value, { acceptVersionDiff: true, acceptNameDiff: true }); });

const row = (m, ref) => `${m.label.padEnd(44)} ${m.s.toFixed(1).padStart(7)} s ${(articles / m.s).toFixed(0).padStart(8)} art/s ${m.rss.toFixed(0).padStart(7)} MB RSS ${m.heap.toFixed(0).padStart(7)} MB heap` + (ref ? `   time ratio ${(m.s / ref.s).toFixed(2)}` : '');
console.log(`${'step'.padEnd(44)} ${'time'.padStart(9)} ${'throughput'.padStart(14)} ${'peak'.padStart(14)}`);
console.log(row(ours, theirs));
console.log(row(theirs));
console.log(row(oursIn, theirsIn));
console.log(row(theirsIn));
console.log(`\nfile size: Presscut ${(ours.value.size / 2 ** 20).toFixed(1)} MB, dexie-export-import ${(theirs.value.size / 2 ** 20).toFixed(1)} MB`);
console.log('Presscut import also validates every record first and builds the search index; dexie-export-import does neither.');
