// The embedded sync server (scripts/sync-server.mjs): credentials, origins, data kept across a restart, and a
// push cut by a crash that finishes from its checkpoint after the restart without duplicates.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSync } from '../../src/sync/index.js';
import { fastRetry, makeDb } from './helpers/env.js';
import { embeddedServer, type EmbeddedServer } from './helpers/embedded-server.js';
import { startProxy } from './helpers/proxy.js';
import { freePort } from './server.setup.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnop';
const auth = { username: 'alice', password: 's3cret pass' };
const basic = 'Basic ' + Buffer.from(`${auth.username}:${auth.password}`).toString('base64');

let dataDir: string;
let port: number;
let server: EmbeddedServer;
const startServer = () => server.start();
const stopServer = (signal?: NodeJS.Signals) => server.stop(signal);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sync-server-data-'));
  port = await freePort();
  server = embeddedServer({ dataDir, port, origin: ORIGIN, user: auth.username, password: auth.password });
  await startServer();
}, 30_000);

afterAll(async () => {
  await stopServer();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sync-server', () => {
  test('refuses requests without the right credentials, and from other origins', async () => {
    const url = `http://127.0.0.1:${port}/`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Basic ' + Buffer.from('alice:nope').toString('base64') } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: basic, origin: 'https://evil.example' } })).status).toBe(403);
    const ok = await fetch(url, { headers: { authorization: basic, origin: ORIGIN } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const pre = await fetch(url, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    const db = makeDb();
    const s = createSync(db, { remote: `http://127.0.0.1:${port}/wrong-password`, auth: { ...auth, password: 'x' }, tables: ['notes'], retry: fastRetry });
    expect((await s.syncOnce()).error?.code).toBe('unauthorized');
  });

  test('a crash in the middle of a push: after the restart the sync finishes from the checkpoint, nothing twice', async () => {
    let bulkDocs = 0;
    const proxy = await startProxy(`http://127.0.0.1:${port}`, (req) => {
      if (req.url?.includes('/_bulk_docs') && ++bulkDocs === 3) void stopServer('SIGKILL');
      return 'pass';
    });
    try {
      const remote = `${proxy.url}/crash`;
      const a = makeDb();
      const sa = createSync(a, { remote, auth, tables: ['notes'], batchSize: 50, retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 20 } });
      await a.table('notes').bulkPut(Array.from({ length: 200 }, (_, i) => ({ id: `n${String(i).padStart(3, '0')}`, i })));
      const first = await sa.syncOnce();
      expect(first.ok).toBe(false);
      expect(first.error?.code).toBe('network');
      await startServer();
      const bulkBefore = bulkDocs;
      const second = await sa.syncOnce();
      expect(second).toMatchObject({ ok: true });
      // resumed: at most the cut batch and the ones after it went again, not all four
      expect(bulkDocs - bulkBefore).toBeLessThanOrEqual(2);
      const all = await (await fetch(`http://127.0.0.1:${port}/crash/_all_docs?include_docs=true&conflicts=true`, { headers: { authorization: basic } })).json() as {
        rows: Array<{ id: string; value: { rev: string }; doc: { _conflicts?: string[] } }>;
      };
      expect(all.rows).toHaveLength(200);
      expect(all.rows.every((r) => r.value.rev.startsWith('1-') && !r.doc._conflicts)).toBe(true);
      // the data survived the restart: a new browser pulls all of it
      const b = makeDb();
      const sb = createSync(b, { remote: `http://127.0.0.1:${port}/crash`, auth, tables: ['notes'], retry: fastRetry });
      expect(await sb.syncOnce()).toMatchObject({ ok: true, pulled: 200 });
    } finally {
      await proxy.close();
    }
  }, 30_000);
});
