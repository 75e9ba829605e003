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

/** Our client: Dexie A -> server -> fresh Dexie B, then one edited record. */
async function runOurs(remote, proxy, round) {
  const out = {};
  const a = makeDb(`bench-a-${round}-${Date.now()}`);
  const b = makeDb(`bench-b-${round}-${Date.now()}`);
  const sa = createSync(a, { remote, tables: ['articles'] });
  const sb = createSync(b, { remote, tables: ['articles'] });
  let t = performance.now();
  await a.table('articles').bulkPut(docs);
  out.localWrite = performance.now() - t;
  t = performance.now();
  const pa = await sa.syncOnce();
  out.push = performance.now() - t;
  t = performance.now();
  const pb = await sb.syncOnce();
  out.pull = performance.now() - t;
  if (!pa.ok || !pb.ok || pa.pushed !== N || pb.pulled !== N) throw new Error(`ours: ${JSON.stringify({ pa, pb })}`);
  if ((await b.table('articles').count()) !== N) throw new Error('ours: pulled count differs');
  // settle: each side sees the other's first sync once (A reads back its own pushes), as after any first sync
  await sa.syncOnce();
  await sb.syncOnce();
  await a.table('articles').update(docs[17].id, { headline: 'edited' });
  let before = proxy.counter.n;
  t = performance.now();
  await sa.syncOnce();
  out.incPushRequests = proxy.counter.n - before;
  before = proxy.counter.n;
  await sb.syncOnce();
  out.inc = performance.now() - t;
  out.incPullRequests = proxy.counter.n - before;
  if ((await b.table('articles').get(docs[17].id)).headline !== 'edited') throw new Error('ours: edit did not arrive');
  a.close();
  b.close();
  await Dexie.delete(a.name);
  await Dexie.delete(b.name);
  return out;
}

/** The baseline: PouchDB -> server -> fresh PouchDB (same documents, same server, same proxy). */
async function runPouch(remote, proxy, round) {
  const out = {};
  const p1 = new PouchDB(`bench-p1-${round}-${Date.now()}`, { adapter: 'memory' });
  const p2 = new PouchDB(`bench-p2-${round}-${Date.now()}`, { adapter: 'memory' });
  await p1.bulkDocs(docs.map((d) => ({ _id: `articles:${d.id}`, ...d })));
  let t = performance.now();
  await PouchDB.replicate(p1, remote, { batch_size: 500 });
  out.push = performance.now() - t;
  t = performance.now();
  await PouchDB.replicate(remote, p2, { batch_size: 500 });
  out.pull = performance.now() - t;
  await PouchDB.replicate(remote, p1, { batch_size: 500 });
  await PouchDB.replicate(p2, remote, { batch_size: 500 });
  const d17 = await p1.get(`articles:${docs[17].id}`);
  await p1.put({ ...d17, headline: 'edited' });
  let before = proxy.counter.n;
  t = performance.now();
  await PouchDB.replicate(p1, remote, { batch_size: 500 });
  out.incPushRequests = proxy.counter.n - before;
  before = proxy.counter.n;
  await PouchDB.replicate(remote, p2, { batch_size: 500 });
  out.inc = performance.now() - t;
  out.incPullRequests = proxy.counter.n - before;
  await p1.destroy();
  await p2.destroy();
  return out;
}

const server = await startPouchServer();
const proxy = await countingProxy(server.url);
const docs = articles(N);
// Alternating rounds, best of each: this machine is shared, and the load moves between runs.
const ROUNDS = 2;
const ours = [];
const pouch = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(await runOurs(`${proxy.url}/ours-${round}`, proxy, round));
    pouch.push(await runPouch(`${proxy.url}/baseline-${round}`, proxy, round));
  }
} finally {
  proxy.close();
  server.stop();
  rmSync(bundle, { force: true });
}
const best = (runs, k) => Math.min(...runs.map((x) => x[k]));
const results = {
  ourLocalWrite: best(ours, 'localWrite'), ourPush: best(ours, 'push'), ourPull: best(ours, 'pull'), ourInc: best(ours, 'inc'),
  ourIncPushRequests: ours[0].incPushRequests, ourIncPullRequests: ours[0].incPullRequests,
  pouchPush: best(pouch, 'push'), pouchPull: best(pouch, 'pull'), pouchInc: best(pouch, 'inc'),
  pouchIncPushRequests: pouch[0].incPushRequests, pouchIncPullRequests: pouch[0].incPullRequests,
};
const sum = (run) => run.push + run.pull;

const r = results;
const ourFirst = Math.min(...ours.map(sum));
const pouchFirst = Math.min(...pouch.map(sum));
console.log(`\nSync: ${N} articles (~${Math.round(JSON.stringify(docs).length / N)} B each) through pouchdb-server --in-memory, best of ${ROUNDS} alternating rounds`);
console.log('                      ours (Dexie/fake-indexeddb)   PouchDB (memory)   ratio ours/PouchDB');
const row = (label, mine, theirs, n) => console.log(`${label.padEnd(22)}${`${secs(mine).toFixed(2)} s  ${rate(n, mine)} docs/s`.padEnd(30)}${`${secs(theirs).toFixed(2)} s  ${rate(n, theirs)} docs/s`.padEnd(22)}${(mine / theirs).toFixed(2)}`);
row('first sync: push', r.ourPush, r.pouchPush, N);
row('first sync: pull', r.ourPull, r.pouchPull, N);
row('first sync: total', ourFirst, pouchFirst, 2 * N);
row('one edit: push+pull', r.ourInc, r.pouchInc, 1);
console.log(`requests for one edit: ours push ${r.ourIncPushRequests}, pull ${r.ourIncPullRequests}; PouchDB push ${r.pouchIncPushRequests}, pull ${r.pouchIncPullRequests}`);
console.log(`(local tracked bulkPut of ${N} records before the first sync: ${secs(r.ourLocalWrite).toFixed(2)} s, not in the figures)`);
process.exit(0);
