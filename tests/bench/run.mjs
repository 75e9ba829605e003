// Parse throughput of the built segmenter (dist/parse.mjs, bundled by `npm run build`) on the shared corpus
// pages and on synthetic pages of 100 KB, 1 MB and 10 MB, side by side with what a user would do without
// Presscut: split on blank lines and join the lines. Plain JS, so no TypeScript loader sits in the timings.
//   npm run bench
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './prng.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const bundle = join(root, 'dist', 'parse.mjs');
if (!existsSync(bundle)) fail(`${bundle} is missing: run 'npm run bench', which builds it first`);
if (!existsSync(corpus)) fail(`${corpus} is missing: the bench reads the shared corpus beside the repo`);
const { parsePage, PARSER_VERSION } = await import(bundle);

// Each sample repeats the call until it lasts SAMPLE_MS, so that timer resolution does not dominate small pages.
const WARM_MS = 200;
const SAMPLE_MS = 20;
const BUDGET_MS = 1500;
const MIN_SAMPLES = 5;
const MAX_SAMPLES = 21;
const MB = 1e6;
const BLANK_LINE = /\n[^\S\n]*\n/;

/** The user's alternative: blank lines end paragraphs, line breaks inside a paragraph become spaces. */
function naiveSplit(text) {
  return text.split(BLANK_LINE).map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join(' '))
    .filter(Boolean);
}


/** About `bytes` of UTF-8 made of the page's blank-line blocks, reshuffled for every copy of the page. */
function synthetic(pageText, bytes, seed) {
  const blocks = pageText.split(BLANK_LINE).map((b) => b.trim()).filter(Boolean)
    .map((b) => ({ text: b, bytes: Buffer.byteLength(b) + 2 }));
  const random = mulberry32(seed);
  const out = [];
  let size = 0;
  while (size < bytes) {
    const order = blocks.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const b of order) {
      if (size >= bytes) break;
      out.push(b.text);
      size += b.bytes;
    }
  }
  return out.join('\n\n') + '\n\n';
}

let peakHeap = 0; // sampled after each timing sample: the live results plus garbage not yet collected
let sink = 0; // every result feeds it, so no timed call is dead code
const use = (x) => { sink = (sink + (Array.isArray(x) ? x.length : x.articles.length + x.items.length)) | 0; };

/** Median milliseconds per call of fn(text), after a warm-up that lets V8 optimise the hot paths. */
function measure(fn, text) {
  const warmStart = performance.now();
  let calls = 0;
  do {
    use(fn(text));
    calls++;
  } while (calls < 2 || performance.now() - warmStart < WARM_MS);
  const batch = Math.max(1, Math.ceil(SAMPLE_MS / ((performance.now() - warmStart) / calls)));
  const samples = [];
  const start = performance.now();
  while (samples.length < MIN_SAMPLES || (samples.length < MAX_SAMPLES && performance.now() - start < BUDGET_MS)) {
    const s = performance.now();
    for (let i = 0; i < batch; i++) use(fn(text));
    samples.push((performance.now() - s) / batch);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

/**
 * Heap held by one parse result: what an archive pays per page kept in memory. Measured before the timing loops,
 * whose garbage would be collected in the middle of the measurement, and over enough copies of a small page that
 * the collector's own noise (~100 KB) does not swamp it. Needs --expose-gc.
 */
function retainedHeap(text) {
  const copies = Math.max(1, Math.min(100, Math.round(MB / Buffer.byteLength(text))));
  globalThis.gc?.();
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: copies }, () => parsePage(text, {}));
  globalThis.gc?.();
  const after = process.memoryUsage().heapUsed;
  peakHeap = Math.max(peakHeap, after);
  const held = after - before;
  kept.forEach(use);
  return Math.max(0, held / copies);
}

const pages = (dir) => existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }))
  : [];
const corpusPages = [...pages(corpus), ...pages(join(corpus, 'dev')).map((p) => ({ ...p, name: `dev/${p.name}` }))];
const jilin = corpusPages.find((p) => basename(p.name).startsWith('jilin'));
if (!jilin) fail(`no jilin-*.txt page in ${corpus}: the synthetic inputs are made from it`);
const sizes = [['synthetic 100 KB', 100e3], ['synthetic 1 MB', 1e6], ['synthetic 10 MB', 10e6]];
const inputs = [...corpusPages, ...sizes.map(([name, bytes], i) => ({ name, text: synthetic(jilin.text, bytes, 1 + i) }))];

const num = (n) => (n >= 100 ? n.toFixed(0) : n.toPrecision(3));
const fmtBytes = (n) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} KB`);
const columns = [['input', 44], ['size', 9], ['presscut MB/s', 14], ['baseline MB/s', 14], ['time ratio', 11], ['page heap', 10]];
const row = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(columns[i][1]) : String(c).padStart(columns[i][1]))).join(' ');

console.log(`Presscut bench: parser ${PARSER_VERSION}, node ${process.version}, ${globalThis.gc ? 'gc exposed' : 'no --expose-gc: heap figures are rough'}`);
console.log('time ratio = Presscut time / baseline time (split on blank lines, join lines); median of runs after warm-up\n');
console.log(row(columns.map(([title]) => title)));
const perMb = new Map();
for (const { name, text } of inputs) {
  const bytes = Buffer.byteLength(text);
  const heap = retainedHeap(text);
  const presscut = measure((t) => parsePage(t, {}), text);
  const baseline = measure(naiveSplit, text);
  perMb.set(name, presscut / (bytes / MB));
  console.log(row([name, fmtBytes(bytes), num(bytes / MB / (presscut / 1e3)), num(bytes / MB / (baseline / 1e3)),
    num(presscut / baseline), fmtBytes(heap)]));
}

const [small, mid, big] = sizes.map(([name]) => perMb.get(name));
console.log(`\ntime per MB: ${num(small)} ms at 100 KB, ${num(mid)} ms at 1 MB, ${num(big)} ms at 10 MB;`
  + ` per-MB cost 10 MB / 100 KB = ${num(big / small)} (1.00 = linear)`);
console.log(`peak RSS ${fmtBytes(process.resourceUsage().maxRSS * 1024)}, peak heap used ${fmtBytes(peakHeap)} (sampled)`);

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}
