#!/usr/bin/env node
// The embedded sync server for one machine: PouchDB (LevelDB files in a folder) behind express-pouchdb, on
// 127.0.0.1, with a user and password required on every request and CORS open to one extension origin only.
//   npm run sync-server -- --user alice --password s3cret --origin chrome-extension://<id> [--data DIR] [--port 5984] [--host 127.0.0.1]
// The user and password may come from PRESSCUT_SYNC_USER / PRESSCUT_SYNC_PASSWORD instead, the origin from
// PRESSCUT_SYNC_ORIGIN (comma-separated for several).
import { timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';

const usage = 'usage: npm run sync-server -- --user NAME --password PASS [--origin chrome-extension://ID] [--data DIR] [--port N] [--host ADDR]';

function fail(msg) {
  console.error(`sync-server: ${msg}\n${usage}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      user: { type: 'string' }, password: { type: 'string' }, origin: { type: 'string', multiple: true },
      data: { type: 'string', default: './sync-data' }, port: { type: 'string', default: '5984' },
      host: { type: 'string', default: '127.0.0.1' }, help: { type: 'boolean' },
    },
  }).values;
} catch (e) {
  fail(e.message);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const user = args.user ?? process.env.PRESSCUT_SYNC_USER;
const password = args.password ?? process.env.PRESSCUT_SYNC_PASSWORD;
if (!user || !password) fail('a user and a password are required (--user/--password or PRESSCUT_SYNC_USER/PRESSCUT_SYNC_PASSWORD)');
const origins = new Set(args.origin ?? (process.env.PRESSCUT_SYNC_ORIGIN ?? '').split(',').filter(Boolean));
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`bad --port ${args.port}`);
const dataDir = resolve(args.data);
mkdirSync(dataDir, { recursive: true });

const expected = Buffer.from(`${user}:${password}`);
function authorized(header) {
  if (!header?.startsWith('Basic ')) return false;
  const given = Buffer.from(Buffer.from(header.slice(6), 'base64').toString('utf8'));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const DB = PouchDB.defaults({ prefix: dataDir + '/' });
const app = express();
app.disable('x-powered-by');

// CORS: a browser request from any origin but the extension's is refused outright, before it reaches the data.
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin === undefined) return next(); // not a browser page (the CLI, curl, other servers)
  if (!origins.has(origin)) return res.status(403).json({ error: 'forbidden', reason: `origin ${origin} not allowed` });
  res.set({
    'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin',
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept', 'Access-Control-Max-Age': '600',
  });
  if (req.method === 'OPTIONS') return res.status(204).end(); // preflights carry no credentials
  next();
});

app.use((req, res, next) => {
  if (authorized(req.headers.authorization)) return next();
  // No WWW-Authenticate header: browsers would pop up their own login dialog.
  res.status(401).json({ error: 'unauthorized', reason: 'user name or password required' });
});

app.use('/', expressPouchDB(DB, {
  mode: 'minimumForPouchDB',
  configPath: `${dataDir}/config.json`,
  logPath: `${dataDir}/log.txt`,
}));

const server = app.listen(port, args.host, () => {
  const a = server.address();
  console.log(`sync-server: listening on http://${args.host}:${a.port}/ (data in ${dataDir}; origins: ${[...origins].join(', ') || 'none'})`);
});
server.on('error', (e) => {
  console.error(`sync-server: ${e.message}`);
  process.exit(1);
});
// Live clients hold longpolls open for many seconds: end them too, or a stop would wait for every one of them.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
