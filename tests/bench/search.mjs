// Search benchmark: Presscut's IndexedDB index (through the Engine, fake-indexeddb in Node) side by side with
// MiniSearch (bigram tokenizer) and FlexSearch (CJK charset) in memory, on one deterministic synthetic archive.
//   npm run bench                       (chained after the segmenter bench)
//   node --expose-gc --max-old-space-size=12000 tests/bench/search.mjs [--articles 100000] [--check 10000]
// Reports recall and precision against "the normalised text contains the query", latency p50/p95, cold start,
// ingest throughput with indexing on, index size and memory, at --check articles and at --articles.
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { P } from './engine-bundle.mjs';
import { FIELD, isCjkText, makeQueries, nextPage } from './synthetic.mjs';
import { startBenchPage } from './chromium-page.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('articles', 100_000);
const CHECK = arg('check', 10_000);
const LIB_BUDGET_S = arg('lib-budget', 150);
const CHROMIUM = !process.argv.includes('--no-chromium') && (await import('node:fs')).existsSync('/usr/bin/chromium');
if (process.argv.includes('--build-only')) process.exit(0);
const { default: MiniSearch } = await import('minisearch');
const FlexSearch = await import('flexsearch');

// ---------------------------------------------------------------------------------------------------------
// Presscut: ingest through the Engine with indexing on.

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const mb = (b) => fmt(b / 1e6, 1);
const gc = () => globalThis.gc?.();
const heap = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))]; };

const dbName = `bench-search-${process.pid}`;
let db = P.openDatabase(dbName);
let engine = P.createEngine(db, (() => { let t = 1_600_000_000_000; return () => (t += 1000); })());

console.log(`# Search bench: ${N.toLocaleString('en')} articles (70% Chinese, 1 Chinese page in 10 Traditional), checkpoint at ${CHECK.toLocaleString('en')}`);
console.log(`Node ${process.version}, fake-indexeddb (in-memory IndexedDB), ${new Date().toISOString().slice(0, 10)}\n`);

let articles = 0, pages = 0, ingestMs = 0, chars = 0;
/** Every page ingested, in order, and the article count after it: the Chromium run ingests the same. */
const pageTexts = [];
/**
 * Pages handed to Engine.ingestMany at a time, as a folder of pages dropped on the side panel is (one call for
 * all of it): the Engine writes 32 a transaction and parses each 32 while the 32 before them are written.
 */
const BATCH = 256;
async function ingestUntil(target) {
  while (articles < target) {
    const batch = [];
    for (let i = 0; i < BATCH; i++) {
      const text = nextPage();
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
  const block = (r) => { bytes += r.data.byteLength + r.dict.byteLength + Buffer.byteLength(r.terms); };
  await t.segments.each(block);
  await t.recent.each(block);
  await t.norms.each((r) => { bytes += r.len.byteLength + r.day.byteLength + r.alive.byteLength; });
  await t.ids.each((r) => { r.ids.forEach((id, k) => { bytes += id.length + r.hashes[k].length + 8; }); });
  return bytes;
}

async function runPresscut(docs, queries) {
  // Cold start: a new connection and Engine (nothing cached), the first query to its first result.
  db.close();
  db = P.openDatabase(dbName);
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

/** Starts Chromium on the bench page (chromium-page.mjs). */
async function startChromium() {
  const run = Object.assign(await startBenchPage(), { done: 0, ms: 0, articles: 0 });
  console.log(`\n(Chromium ${run.context.browser()?.version() ?? ''} started for the same pages: real IndexedDB, headless, a page on 127.0.0.1)`);
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
  await run.reload();
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
    // A fresh page: the merged index read with cold caches (a reader keeps clause results until the next write).
    await run.reload();
    const again = [];
    for (let i = 0; i < cp.queries.length; i += 25) again.push(...await run.page.evaluate((qs) => window.bench.query(qs), cp.queries.slice(i, i + 25)));
    printTable(`The same queries once every merge due is done (${merged.steps} merge steps, ${fmt(merged.ms / 1000, 1)} s), on a fresh page`, summarise(again));
  }
}

async function stopChromium(run) {
  await run.stop();
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

