// The quick half of the search bench: the synthetic archive (synthetic.mjs) ingested into Chromium's IndexedDB
// only, in a profile that is kept, then the query set timed there. No ground truth, no libraries, no Node run:
// for working on the index, where the full bench (search.mjs) takes half an hour at 100,000 articles.
//   node tests/bench/search-chromium.mjs [--articles 100000] [--profile DIR] [--rebuild] [--cpu-profile FILE] [--more K] [--merged] [--batch 256]
// --more K ingests K more articles into a built profile (with --cpu-profile, profiled): ingest at that size.
// --merged does every merge due before the queries (the bench page's engine does none by itself).
// A second run over the same profile skips the ingest and compares each query's total with the first run's.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBenchPage } from './chromium-page.mjs';
import { makeQueries, nextPage, pick, zhWords } from './synthetic.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('articles', 100_000));
const profile = arg('profile', `/tmp/presscut-search-chromium-${N}`);
const cpuProfile = arg('cpu-profile', null);
const MORE = Number(arg('more', 0));
const BATCH = Number(arg('batch', 256)); // pages a call of Engine.ingestMany, as search.mjs hands them
const fmt = (x, d = 1) => x.toFixed(d);
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))]; };

const markerPath = join(profile, 'presscut-bench.json');
let marker = !process.argv.includes('--rebuild') && existsSync(markerPath) ? JSON.parse(readFileSync(markerPath, 'utf8')) : null;
if (marker && marker.articles < N) marker = null;
if (!marker && existsSync(profile)) {
  // Only a profile this harness made (or Chromium's) is wiped for a new build.
  if (!existsSync(markerPath) && !existsSync(join(profile, 'Default'))) throw new Error(`${profile} is not a bench profile: choose another --profile`);
  (await import('node:fs')).rmSync(profile, { recursive: true, force: true });
}

const run = await startBenchPage(profile, marker?.port);

/** Self time by function over a CPU profile, the top rows. */
function hotspots(prof, top = 30) {
  const self = new Map(), byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const dt = prof.timeDeltas, total = prof.endTime - prof.startTime;
  prof.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${fmt((100 * us) / total, 1).padStart(5)} %  ${k}`).join('\n');
}
async function profiled(label, fn) {
  if (!cpuProfile) return fn();
  const cdp = await run.context.newCDPSession(run.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await fn();
  const { profile: prof } = await cdp.send('Profiler.stop');
  writeFileSync(`${cpuProfile}.${label}.cpuprofile`, JSON.stringify(prof));
  console.log(`\nCPU profile of ${label} (self time):\n${hotspots(prof)}`);
  return r;
}

if (!marker) {
  let articles = 0, ms = 0, pages = 0;
  const t0 = performance.now();
  await profiled('ingest', async () => {
    while (articles < N) {
      const texts = Array.from({ length: BATCH }, nextPage);
      const r = await run.page.evaluate((t) => window.bench.ingest(t), texts);
      ms += r.ms;
      articles += r.articles;
      pages += BATCH;
      if ((pages / BATCH) % Math.max(1, Math.round(1280 / BATCH)) === 0) console.log(`  ${articles.toLocaleString('en')} articles, ${fmt(articles / (ms / 1000), 0)} articles/s`);
    }
  });
  console.log(`ingest: ${articles.toLocaleString('en')} articles in ${pages} pages, ${fmt(articles / (ms / 1000), 0)} articles/s in batches of ${BATCH} (wall ${fmt((performance.now() - t0) / 1000, 0)} s)`);
  // Headline queries take a bigram of a common word here, as no article texts are at hand.
  const docs = Array.from({ length: 50 }, () => ({ norm: [pick(zhWords.slice(0, 3000))] }));
  marker = { articles, pages, port: run.port, rate: articles / (ms / 1000), queries: makeQueries(docs).map((q) => ({ q: q.q, kind: q.kind })), totals: null };
}

if (MORE) {
  // The generator where the build and the --more runs before left it: pages seen again would be duplicates.
  for (let p = 0; p < marker.pages + (marker.morePages ?? 0); p++) nextPage();
  let articles = 0, ms = 0;
  await profiled('more', async () => {
    while (articles < MORE) {
      const r = await run.page.evaluate((t) => window.bench.ingest(t), Array.from({ length: BATCH }, nextPage));
      ms += r.ms;
      articles += r.articles;
      marker.morePages = (marker.morePages ?? 0) + BATCH;
    }
  });
  writeFileSync(markerPath, JSON.stringify(marker));
  console.log(`${articles.toLocaleString('en')} more articles after ${marker.articles.toLocaleString('en')}: ${fmt(articles / (ms / 1000), 0)} articles/s`);
  await run.stop();
  process.exit(0);
}

const qs = marker.queries;
if (process.argv.includes('--merged')) {
  // The archive at rest, as an idle extension leaves it.
  const m = await run.page.evaluate(() => window.bench.mergeAll());
  console.log(`merges done first: ${m.steps} steps, ${fmt(m.ms / 1000)} s`);
}
await run.reload();
const cold = await run.page.evaluate((q) => window.bench.cold(q), qs[0].q);
const rows = await profiled('queries', async () => {
  const out = [];
  for (let i = 0; i < qs.length; i += 25) out.push(...await run.page.evaluate((q) => window.bench.time(q), qs.slice(i, i + 25).map((x) => x.q)));
  return out;
});
// Again on a fresh page (a reader keeps clause results until the next write; this pass starts without them).
await run.reload();
await run.page.evaluate((q) => window.bench.cold(q), qs[0].q);
const again = await run.page.evaluate((q) => window.bench.time(q), qs.map((x) => x.q));
const errors = rows.filter((r) => r.error);
if (errors.length) console.log(`errors: ${errors.map((r) => r.error).join('; ')}`);
const totals = rows.map((r) => r.total);
if (marker.totals) {
  const diff = totals.flatMap((t, i) => (t === marker.totals[i] ? [] : [`${qs[i].q}: ${marker.totals[i]} -> ${t}`]));
  console.log(diff.length ? `TOTALS CHANGED (${diff.length}):\n  ${diff.slice(0, 20).join('\n  ')}` : 'totals: all as in the first run');
} else {
  marker.totals = totals;
}
writeFileSync(markerPath, JSON.stringify(marker));

const kinds = ['all', ...new Set(qs.map((q) => q.kind.split(' ')[0].replace(/^zh\d$/, 'zh')))];
console.log(`\n${marker.articles.toLocaleString('en')} articles (ingested at ${fmt(marker.rate, 0)} articles/s), cold start ${fmt(cold.ms, 0)} ms`);
console.log('| queries | n | p50 ms | p95 ms | again, fresh page: p50 | p95 |');
for (const k of kinds) {
  const pick = (rs) => rs.filter((_, i) => k === 'all' || qs[i].kind.split(' ')[0].replace(/^zh\d$/, 'zh') === k).map((r) => r.ms);
  const a = pick(rows), b = pick(again);
  console.log(`| ${k} | ${a.length} | ${fmt(pct(a, 0.5))} | ${fmt(pct(a, 0.95))} | ${fmt(pct(b, 0.5))} | ${fmt(pct(b, 0.95))} |`);
}
const slow = rows.map((r, i) => ({ ...r, q: qs[i].q, again: again[i].ms })).sort((a, b) => b.ms - a.ms).slice(0, 12);
console.log(`slowest: ${slow.map((r) => `${r.q} (${r.total}) ${fmt(r.ms)}/${fmt(r.again)} ms`).join(' · ')}`);
await run.stop();
