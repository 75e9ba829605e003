// Sync throughput: first sync of 10,000 article-sized records (push from one Dexie database, pull into a fresh
// one) and an incremental sync of one edited record, against PouchDB replicating the same documents through the
// same server (pouchdb-server --in-memory, started here), in one run, with the ratio.
//   npm run bench            (runs after the other benches)
//   node tests/bench/sync.mjs [--docs N]
// Our side stores in fake-indexeddb (IndexedDB in JS, as in the tests); PouchDB's baseline in memdown. Both are
// in-memory JavaScript stores; fake-indexeddb is the slower of the two, so the ratio is on the pessimistic side.
import 'fake-indexeddb/auto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts } = parseArgs({ options: { docs: { type: 'string', default: '10000' } } });
const N = Number(opts.docs);

// The library as plain JS (no TypeScript loader in the timings); Dexie stays a shared import.
const bundle = join(root, 'dist', 'sync-bench.mjs');
await build({ entryPoints: [join(root, 'src/sync/index.ts')], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: bundle, external: ['dexie'], logLevel: 'warning' });
const { createSync, syncStores } = await import(bundle);
const { default: Dexie } = await import('dexie');
const { default: PouchDB } = await import('pouchdb');
const { default: memory } = await import('pouchdb-adapter-memory');
PouchDB.plugin(memory);

function freePort() {
  return new Promise((resolve) => {
    const s = netServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startPouchServer() {
  const dir = join(root, 'tests', 'sync', 'server');
  const bin = join(dir, 'node_modules', '.bin', 'pouchdb-server');
  if (!existsSync(bin)) spawnSync('npm', ['ci', '--omit=optional', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  const port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), 'pouchdb-server-bench-'));
  const child = spawn(bin, ['--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'], { cwd, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      await (await fetch(url)).arrayBuffer();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, stop: () => { child.kill(); rmSync(cwd, { recursive: true, force: true }); } };
}

/** A counting pass-through proxy, so both clients' requests are counted the same way. */
async function countingProxy(target) {
  const t = new URL(target);
  const counter = { n: 0 };
  const server = createServer((req, res) => {
    counter.n++;
    const up = request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, counter, close: () => { server.closeAllConnections(); server.close(); } };
}

/** Deterministic article-like records (~1.5 KB of text each). */
function articles(n) {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const words = 'the council said on monday that new rail line will open next year after years of delay 新华社 记者 报道 城市 发展'.split(' ');
  const text = (k) => Array.from({ length: k }, () => words[Math.floor(rnd() * words.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    id: `a${String(i).padStart(6, '0')}`, headline: text(8), byline: text(3), dateline: '2024-05-0' + (i % 9 + 1),
    paragraphs: [text(60), text(60), text(60)], tags: [words[i % words.length]], savedAt: 1_700_000_000_000 + i,
  }));
}

function makeDb(name) {
  const db = new Dexie(name);
  db.version(1).stores({ articles: 'id', ...syncStores() });
  return db;
}

const secs = (ms) => ms / 1000;
const rate = (n, ms) => Math.round(n / secs(ms));

const server = await startPouchServer();
const proxy = await countingProxy(server.url);
const docs = articles(N);
const results = {};
try {
  // --- ours: Dexie -> server -> fresh Dexie
  const a = makeDb(`bench-a-${Date.now()}`);
  const b = makeDb(`bench-b-${Date.now()}`);
  const remote = `${proxy.url}/ours`;
  const sa = createSync(a, { remote, tables: ['articles'] });
  const sb = createSync(b, { remote, tables: ['articles'] });
  let t = performance.now();
  await a.table('articles').bulkPut(docs);
  results.ourLocalWrite = performance.now() - t;
  t = performance.now();
  const pa = await sa.syncOnce();
  results.ourPush = performance.now() - t;
  t = performance.now();
  const pb = await sb.syncOnce();
  results.ourPull = performance.now() - t;
  if (!pa.ok || !pb.ok || pa.pushed !== N || pb.pulled !== N) throw new Error(`ours: ${JSON.stringify({ pa, pb })}`);
  if ((await b.table('articles').count()) !== N) throw new Error('ours: pulled count differs');
  // settle: each side sees the other's first sync once (A reads back its own pushes), as after any first sync
  await sa.syncOnce();
  await sb.syncOnce();
  // incremental: one edited article, from A to B
  await a.table('articles').update(docs[17].id, { headline: 'edited' });
  let before = proxy.counter.n;
  t = performance.now();
  await sa.syncOnce();
  results.ourIncPushRequests = proxy.counter.n - before;
  before = proxy.counter.n;
  await sb.syncOnce();
  results.ourInc = performance.now() - t;
  results.ourIncPullRequests = proxy.counter.n - before;
  if ((await b.table('articles').get(docs[17].id)).headline !== 'edited') throw new Error('ours: edit did not arrive');

  // --- baseline: PouchDB -> server -> fresh PouchDB (same documents, same server, same proxy)
  const p1 = new PouchDB(`bench-p1-${Date.now()}`, { adapter: 'memory' });
  const p2 = new PouchDB(`bench-p2-${Date.now()}`, { adapter: 'memory' });
  const premote = `${proxy.url}/baseline`;
  await p1.bulkDocs(docs.map((d) => ({ _id: `articles:${d.id}`, ...d })));
  t = performance.now();
  await PouchDB.replicate(p1, premote, { batch_size: 500 });
  results.pouchPush = performance.now() - t;
  t = performance.now();
  await PouchDB.replicate(premote, p2, { batch_size: 500 });
  results.pouchPull = performance.now() - t;
  await PouchDB.replicate(premote, p1, { batch_size: 500 });
  await PouchDB.replicate(p2, premote, { batch_size: 500 });
  const d17 = await p1.get(`articles:${docs[17].id}`);
  await p1.put({ ...d17, headline: 'edited' });
  before = proxy.counter.n;
  t = performance.now();
  await PouchDB.replicate(p1, premote, { batch_size: 500 });
  results.pouchIncPushRequests = proxy.counter.n - before;
  before = proxy.counter.n;
  await PouchDB.replicate(premote, p2, { batch_size: 500 });
  results.pouchInc = performance.now() - t;
  results.pouchIncPullRequests = proxy.counter.n - before;
} finally {
  proxy.close();
  server.stop();
  rmSync(bundle, { force: true });
}

const r = results;
const ourFirst = r.ourPush + r.ourPull;
const pouchFirst = r.pouchPush + r.pouchPull;
console.log(`\nSync: ${N} articles (~${Math.round(JSON.stringify(docs).length / N)} B each) through pouchdb-server --in-memory`);
console.log('                      ours (Dexie/fake-indexeddb)   PouchDB (memory)   ratio ours/PouchDB');
const row = (label, ours, pouch, n) => console.log(`${label.padEnd(22)}${`${secs(ours).toFixed(2)} s  ${rate(n, ours)} docs/s`.padEnd(30)}${`${secs(pouch).toFixed(2)} s  ${rate(n, pouch)} docs/s`.padEnd(19)}${(ours / pouch).toFixed(2)}`);
row('first sync: push', r.ourPush, r.pouchPush, N);
row('first sync: pull', r.ourPull, r.pouchPull, N);
row('first sync: total', ourFirst, pouchFirst, 2 * N);
row('one edit: push+pull', r.ourInc, r.pouchInc, 1);
console.log(`requests for one edit: ours push ${r.ourIncPushRequests}, pull ${r.ourIncPullRequests}; PouchDB push ${r.pouchIncPushRequests}, pull ${r.pouchIncPullRequests}`);
console.log(`(local tracked bulkPut of ${N} records before the first sync: ${secs(r.ourLocalWrite).toFixed(2)} s, not in the figures)`);
process.exit(0);
