// What a write costs Chromium's IndexedDB by rows and by bytes: the same 16 MB in rows of 4 kB to 4 MB, and
// 4,096 small rows, each put in one transaction (median of 3). The index's layout (src/search/tables.ts) is sized
// from these figures.
//   node tests/bench/idb-rows.mjs
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const profile = await mkdtemp(join(tmpdir(), 'presscut-idb-rows-'));
const server = createServer((_, res) => res.end('<!doctype html><title>idb rows</title>'));
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
const lines = await page.evaluate(async () => {
  const db = await new Promise((ok, no) => {
    const r = indexedDB.open('rows', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('s');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });
  let key = 0;
  // Incompressible bytes, as packed postings are.
  const row = (size) => {
    const a = new Uint8Array(size);
    for (let i = 0; i < size; i += 65536) crypto.getRandomValues(a.subarray(i, Math.min(size, i + 65536)));
    return { data: a };
  };
  const put = (n, size) => new Promise((ok) => {
    const rows = Array.from({ length: n }, () => row(size));
    const t0 = performance.now();
    const tx = db.transaction('s', 'readwrite'), s = tx.objectStore('s');
    for (const r of rows) s.put(r, key++);
    tx.oncomplete = () => ok(performance.now() - t0);
  });
  const out = [];
  for (const [n, size] of [[4096, 100], [4096, 4000], [1024, 16000], [256, 64000], [16, 1024000], [4, 4096000]]) {
    const ms = [];
    for (let k = 0; k < 3; k++) ms.push(await put(n, size));
    const m = ms.sort((a, b) => a - b)[1];
    out.push(`| ${n.toLocaleString('en')} × ${size.toLocaleString('en')} B | ${(n * size / 1e6).toFixed(1)} MB | ${m.toFixed(0)} ms | ${(m / n).toFixed(3)} ms | ${(n * size / 1e6 / (m / 1000)).toFixed(0)} MB/s |`);
  }
  return out;
});
console.log(`Chromium ${context.browser()?.version() ?? ''}, one transaction per line, median of 3\n| rows | bytes | commit | a row | throughput |\n| --- | --: | --: | --: | --: |\n${lines.join('\n')}`);
await context.close();
server.close();
await rm(profile, { recursive: true, force: true });
