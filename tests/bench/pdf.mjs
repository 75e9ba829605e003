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
// segmenter after it; each run opens the PDF afresh, as clipping one does. Median of --runs.
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
console.log('Worker: the same code runs in the Engine worker; its figure belongs to the extension benchmark.');
