// A Chromium page on 127.0.0.1 that loads the Engine bundled for the browser, for the search benches: real
// IndexedDB in a persistent profile, driven through window.bench. Timings are taken inside the page
// (performance.now), so the DevTools protocol's transfer is not in them. The database is opened as the
// extension's worker opens it (openDatabase: sync's change tracking on), so every write costs what it costs there.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './engine-bundle.mjs';

const PAGE_JS = `import { createEngine, openDatabase } from './src/engine/engine.ts';
        import { IndexReader } from './src/search/reader.ts';
        import { matchingIds } from './src/search/search.ts';
        import { mergeStep } from './src/search/merge.ts';
        const t0 = performance.now();
        let db = openDatabase('bench'), engine = createEngine(db);
        window.bench = {
          async cold(q) {
            // From the script's start (the side panel opening) to the first result: open, load, query.
            const r = await engine.search(q, { limit: 20 });
            return { ms: performance.now() - t0, total: r.total, heap: performance.memory?.usedJSHeapSize ?? null };
          },
          async ingest(texts) {
            const s = performance.now();
            let n = 0;
            for (const r of await engine.ingestMany(texts.map((text) => ({ text, source: { via: 'paste' } })))) n += r.articleIds.length;
            return { ms: performance.now() - s, articles: n };
          },
          async ingestSingly(texts) {
            // Page at a time, as clipping by hand does, into a database of its own that is dropped after.
            const other = openDatabase('bench-singly'), e = createEngine(other);
            const s = performance.now();
            let n = 0;
            for (const text of texts) n += (await e.ingest({ text, source: { via: 'paste' } })).articleIds.length;
            const ms = performance.now() - s;
            other.close();
            await other.delete();
            return { ms, articles: n };
          },
          async query(qs) {
            const reader = new IndexReader(db), rows = [];
            for (const q of qs) {
              const s = performance.now();
              const r = await engine.search(q.q, { limit: 20 });
              const ms = performance.now() - s;
              if (r.error) throw new Error(q.q + ': ' + r.error.message);
              const found = new Set(await matchingIds(db, reader, q.q)), want = new Set(q.expected);
              let tp = 0;
              for (const x of found) if (want.has(x)) tp++;
              rows.push({ kind: q.kind, ms, recall: want.size ? tp / want.size : (found.size ? 0 : 1), precision: found.size ? tp / found.size : (want.size ? 0 : 1) });
            }
            return rows;
          },
          async time(qs) {
            // Latency and total only (the quick run: search-chromium.mjs).
            const rows = [];
            for (const q of qs) {
              const s = performance.now();
              const r = await engine.search(q, { limit: 20 });
              rows.push({ ms: performance.now() - s, total: r.total, error: r.error?.message ?? null });
            }
            return rows;
          },
          database: () => db,
          async usage() { return (await navigator.storage.estimate()).usage; },
          async mergeAll() {
            // Every merge due, now: the index as an idle archive ends up, against the one ingest left behind.
            const s = performance.now();
            let steps = 0;
            while (await mergeStep(db)) steps++;
            return { ms: performance.now() - s, steps };
          },
        };`;

/**
 * Starts Chromium on the bench page. `profile` is the profile directory to use (kept), else a temporary one
 * (removed by stop()); `port` the server's port, else a free one (IndexedDB is kept per origin, port included).
 */
export async function startBenchPage(profile, port = 0) {
  const js = (await build({
    stdin: { contents: PAGE_JS, resolveDir: root, loader: 'ts' },
    bundle: true, format: 'esm', platform: 'browser', target: 'chrome120', write: false, logLevel: 'warning',
  })).outputFiles[0].text;
  // Kept beside the other bundles, for reading the line numbers of a CPU profile.
  writeFileSync(join(root, 'dist', 'bench-page.js'), js);
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(js); return; }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><meta charset="utf-8"><title>search bench</title><script type="module" src="/bench.js"></script>');
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const temporary = !profile;
  profile ??= await mkdtemp(join(tmpdir(), 'presscut-search-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
  const run = {
    server, profile, context, port: server.address().port, url: `http://127.0.0.1:${server.address().port}/`, page: null,
    /** A fresh page over the same profile (cold caches, as a side panel opening). */
    async reload() {
      await run.page?.close();
      run.page = await context.newPage();
      await run.page.goto(run.url);
      await run.page.waitForFunction(() => window.bench);
      return run.page;
    },
    async stop() {
      await context.close();
      server.close();
      if (temporary) await rm(profile, { recursive: true, force: true });
    },
  };
  await run.reload();
  return run;
}
