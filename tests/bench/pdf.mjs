// PDF benchmark: how well and how fast Presscut reads newspaper PDFs with their layout (src/pdf), against the
// text path (the text a PDF extractor gives, pasted into the segmenter), on the same pages.
//   npm run bench                         (chained after the other benchmarks)
//   node tests/bench/pdf.mjs [--runs 3]
// Pages: ../shared/corpus/dev/*.pdf (with their truth) when present, and the pages of tests/pdf/pages.mjs that
// Chromium prints (tests/pdf/print.mjs, cached). Quality: the shared scorer (../shared/eval/score.mjs) on
//   pdf        src/pdf: positions and type sizes -> text + layout hints -> segmenter
//   pdftotext  poppler's pdftotext (as the dev page's .txt was made; skipped when not installed)
//   pdf.js     the text layer in content-stream order, as a viewer's select-all copy gives it
// Speed: pages per second in Node for reading (pdf.js: fonts, text layer, pictures) plus layout, and with the
// segmenter after it; each run opens the PDF afresh, as clipping one does. Median of --runs. The same in a Chromium
// web worker, and "Clip page" on a PDF tab through the built extension (dist/chrome), when /usr/bin/chromium exists.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('runs', 3);

// The reader and the segmenter as plain JS (pdf.js itself stays a package, as in the CLI).
const out = join(root, 'dist', 'bench-pdf.mjs');
await build({
  stdin: {
    contents: `export { readPdf, parsePdfPage } from './src/pdf/index.ts';
      export { openPdf, loadPdfjs } from './src/pdf/document.ts';
      export { readRuns } from './src/pdf/runs.ts';
      export { readImages } from './src/pdf/images.ts';
      export { layoutPage } from './src/pdf/layout.ts';
      export { parsePage } from './src/parse/index.ts';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: out, logLevel: 'warning',
  external: ['pdfjs-dist', 'pdfjs-dist/*'],
});
const lib = await import(pathToFileURL(out).href);
const { printFixtures } = await import(pathToFileURL(join(root, 'tests', 'pdf', 'print.mjs')).href);
const pdfjsRoot = join(root, 'node_modules', 'pdfjs-dist');
const ASSETS = { cMapUrl: join(pdfjsRoot, 'cmaps') + '/', standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/' };

const scorerPath = join(root, '..', 'shared', 'eval', 'score.mjs');
const scorer = existsSync(scorerPath) ? await import(pathToFileURL(scorerPath).href) : null;
const havePdftotext = existsSync('/usr/bin/pdftotext');

/** Every PAGE.pdf with a PAGE.truth.json beside it. */
function pagesIn(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.pdf') && existsSync(join(dir, f.replace(/\.pdf$/, '.truth.json'))))
    .map((f) => ({ name: f, file: join(dir, f), truth: JSON.parse(readFileSync(join(dir, f.replace(/\.pdf$/, '.truth.json')), 'utf8')) }));
}

const fixtureDir = await printFixtures();
const sets = [
  { label: 'dev (人民日报 p1)', pages: pagesIn(join(root, '..', 'shared', 'corpus', 'dev')) },
  { label: 'Chromium-typeset', pages: pagesIn(join(fixtureDir, 'corpus')) },
].filter((s) => s.pages.length);

/** The text layer in content-stream order, lines ended where pdf.js marks an end of line. */
async function streamText(bytes) {
  const doc = await lib.openPdf(bytes, ASSETS);
  try {
    const page = await doc.getPage(1);
    const tc = await page.getTextContent();
    return tc.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join('');
  } finally {
    await doc.destroy();
  }
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const fmt = (x) => (x === undefined ? '–' : String(x));

console.log(`\nPDF pages: quality (shared scorer) and speed, Node ${process.version}, ${RUNS} runs each\n`);
if (scorer) {
  console.log('| pages | path | articles | article F1 | title attribution | title roles | jumps | body similarity | paragraph F1 |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const set of sets) {
    const rows = { pdf: [], pdftotext: [], 'pdf.js stream': [] };
    for (const p of set.pages) {
      const bytes = new Uint8Array(readFileSync(p.file));
      const [page] = await lib.readPdf(bytes, ASSETS);
      rows.pdf.push(scorer.scorePage(p.truth, lib.parsePdfPage(page)));
      if (havePdftotext) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', p.file, '-'], { encoding: 'utf8' });
        rows.pdftotext.push(scorer.scorePage(p.truth, lib.parsePage(text)));
      }
      rows['pdf.js stream'].push(scorer.scorePage(p.truth, lib.parsePage(await streamText(bytes))));
    }
    for (const [path, scores] of Object.entries(rows)) {
      if (!scores.length) continue;
      const s = scorer.summarise(scores);
      console.log(`| ${set.label} (${set.pages.length}) | ${path} | ${s.truthArticles} | ${s.articleF1} | ${s.titleAttribution} | ${s.titleRoles} | ${s.jumps} | ${s.bodySimilarity} | ${s.paragraphF1} |`);
    }
  }
  if (!havePdftotext) console.log('(pdftotext not installed: apt-get install poppler-utils for its row)');
} else console.log('(../shared/eval/score.mjs not found: quality skipped)');

// Speed. Reading = open + operator list (pictures, fonts) + text layer; layout = XY-cut, lines, paragraphs, roles.
console.log('\n| pages | read + layout, pages/s | + segmenter, pages/s | of which pdf.js | layout | segmenter |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const set of sets) {
  const read = [], lay = [], seg = [];
  for (const p of set.pages) {
    const bytes = new Uint8Array(readFileSync(p.file));
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const doc = await lib.openPdf(bytes, ASSETS);
      const page = await doc.getPage(1);
      const images = await lib.readImages(page);
      const runs = await lib.readRuns(page);
      const { width, height } = page.getViewport({ scale: 1 });
      await doc.destroy();
      const t1 = performance.now();
      const laid = lib.layoutPage(runs, images, width, height);
      const t2 = performance.now();
      lib.parsePage(laid.text, { channel: 'pdf', layout: laid.layout });
      const t3 = performance.now();
      read.push({ page: p.name, ms: t1 - t0 }); lay.push({ page: p.name, ms: t2 - t1 }); seg.push({ page: p.name, ms: t3 - t2 });
    }
  }
  // Per page: the median of its runs; then the mean over pages.
  const per = (list) => set.pages.map((p) => median(list.filter((x) => x.page === p.name).map((x) => x.ms)));
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const r = mean(per(read)), l = mean(per(lay)), s = mean(per(seg));
  console.log(`| ${set.label} (${set.pages.length}) | ${fmt((1000 / (r + l)).toFixed(2))} | ${fmt((1000 / (r + l + s)).toFixed(2))} | ${r.toFixed(0)} ms | ${l.toFixed(1)} ms | ${s.toFixed(1)} ms |`);
}

// A whole issue in one PDF: the fonts are loaded once for all its pages.
const issue = join(fixtureDir, 'zh-issue.pdf');
if (existsSync(issue)) {
  const bytes = new Uint8Array(readFileSync(issue));
  const times = [];
  let n = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const pages = await lib.readPdf(bytes, ASSETS);
    pages.forEach((p) => lib.parsePdfPage(p));
    times.push(performance.now() - t0);
    n = pages.length;
  }
  console.log(`\nWhole issue (zh-issue.pdf, ${n} pages, read + layout + segmenter): ${(n * 1000 / median(times)).toFixed(2)} pages/s`);
}

// The same code in a Chromium web worker, bundled as the extension bundles it (IIFE, pdf.js inside), its CMaps and
// standard fonts fetched over HTTP as the engine worker fetches them from the extension: warm worker, each run opens
// the PDF afresh. Then the extension end to end: "Clip page" on a tab showing the whole issue in Chromium's PDF
// viewer (bytes fetched in the tab, handed to the offscreen document's engine worker, read, segmented, stored).
if (existsSync('/usr/bin/chromium')) {
  const { chromium } = await import('playwright-core');
  const { createServer } = await import('node:http');
  const bundle = await build({
    stdin: {
      contents: `import { readPdfPages, parsePdfPage } from './src/pdf/index.ts';
        self.onmessage = async ({ data }) => {
          let t = performance.now(), read = 0, seg = 0, n = 0;
          for await (const p of readPdfPages(data.bytes, data.assets)) {
            const t1 = performance.now(); read += t1 - t; parsePdfPage(p);
            t = performance.now(); seg += t - t1; n++;
          }
          self.postMessage({ read, seg, n });
        };`,
      resolveDir: root, loader: 'ts',
    },
    bundle: true, write: false, format: 'iife', platform: 'browser', target: ['chrome120'], logLevel: 'error',
  });
  const code = bundle.outputFiles[0].text;
  const server = createServer((req, res) => {
    if (req.url === '/worker.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(code); return; }
    if (req.url === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><title>bench</title>'); return; }
    const file = req.url.startsWith('/pdf/') ? join(fixtureDir, decodeURIComponent(req.url.slice(5))) : join(pdfjsRoot, decodeURIComponent(req.url));
    try { const body = readFileSync(file); res.writeHead(200, { 'content-type': file.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream' }); res.end(body); }
    catch { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(base);
    await page.evaluate(() => { globalThis.benchWorker = new Worker('/worker.js'); });
    const inWorker = (b64) => page.evaluate(({ b64, base }) => new Promise((resolve, reject) => {
      const w = globalThis.benchWorker;
      w.onerror = (e) => reject(new Error(e.message));
      w.onmessage = (e) => resolve(e.data);
      w.postMessage({ bytes: Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)), assets: { cMapUrl: base + 'cmaps/', standardFontDataUrl: base + 'standard_fonts/' } });
    }), { b64, base });
    console.log(`\nIn a Chromium ${browser.version()} web worker (warm; median of ${RUNS} runs per page, mean over pages):\n`);
    console.log('| pages | read + layout, pages/s | + segmenter, pages/s |');
    console.log('| --- | --- | --- |');
    for (const set of sets) {
      const reads = [], totals = [];
      for (const p of set.pages) {
        const b64 = readFileSync(p.file).toString('base64');
        await inWorker(b64); // warm-up: pdf.js's code compiled, the page's CMaps cached
        const runs = [];
        for (let r = 0; r < RUNS; r++) runs.push(await inWorker(b64));
        reads.push(median(runs.map((x) => x.read))); totals.push(median(runs.map((x) => x.read + x.seg)));
      }
      const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
      console.log(`| ${set.label} (${set.pages.length}) | ${(1000 / mean(reads)).toFixed(2)} | ${(1000 / mean(totals)).toFixed(2)} |`);
    }
    const whole = readFileSync(issue).toString('base64');
    await inWorker(whole);
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await inWorker(whole));
    const w = runs.sort((a, b) => a.read + a.seg - b.read - b.seg)[runs.length >> 1];
    console.log(`\nWhole issue in the worker (zh-issue.pdf, ${w.n} pages, read + layout + segmenter): ${(w.n * 1000 / (w.read + w.seg)).toFixed(2)} pages/s`);
  } finally {
    await browser.close();
    server.close();
  }
  await extensionClip();
}

/** "Clip page" on the whole issue in Chromium's PDF viewer, through the built extension (dist/chrome), timed. */
async function extensionClip() {
  const dist = join(root, 'dist', 'chrome');
  if (!existsSync(join(dist, 'pdf-reader.js'))) { console.log('(dist/chrome not built: npm run build for the extension figure)'); return; }
  const { chromium } = await import('playwright-core');
  const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { startDemoServer } = await import(pathToFileURL(join(root, 'scripts', 'demo-server.mjs')).href);
  // As the e2e tests do: the copy asks for 127.0.0.1, the grant a user's click (activeTab) gives.
  const ext = mkdtempSync(join(tmpdir(), 'presscut-bench-ext-')), profile = mkdtempSync(join(tmpdir(), 'presscut-bench-profile-'));
  cpSync(dist, ext, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  const server = await startDemoServer({ root, pdfDir: fixtureDir });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  try {
    const sw = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
    const times = [];
    let pages = 0;
    // Each run a fresh profile would cost a browser start; instead each run clips the issue under another URL
    // (a new page of the database would be written only once: the same text is one clipping), after a warm-up.
    for (let r = 0; r <= RUNS; r++) {
      const url = `${server.url}pdf/zh-issue.pdf?run=${r}`;
      const tab = await context.newPage();
      await tab.goto(url).catch(() => undefined);
      await tab.waitForFunction(() => document.contentType === 'application/pdf');
      const { ms, n } = await sw.evaluate(async (url) => {
        const [t] = await chrome.tabs.query({ url });
        const t0 = performance.now();
        const outcome = await globalThis.presscut.clip(t.id, 'auto');
        return { ms: performance.now() - t0, n: outcome.pages };
      }, url);
      await tab.close();
      if (r > 0) times.push(ms);
      pages = n;
    }
    console.log(`Extension, "Clip page" on the issue in Chromium's PDF viewer (${pages} pages: fetched in the tab, read and segmented in the engine worker, stored): ${(pages * 1000 / median(times)).toFixed(2)} pages/s (${median(times).toFixed(0)} ms, median of ${RUNS}; warm)`);
  } finally {
    await context.close();
    await server.close();
    rmSync(ext, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
