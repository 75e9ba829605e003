import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the pouchdb-server the sync tests share (each test uses its own database names). */
    pouchServer: string;
  }
}

const serverDir = fileURLToPath(new URL('./server', import.meta.url));
const bin = join(serverDir, 'node_modules', '.bin', 'pouchdb-server');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await r.arrayBuffer();
      return;
    } catch (err) {
      if (Date.now() > end) throw new Error(`${url} did not answer: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * vitest global setup: starts pouchdb-server 4.2.0 --in-memory on 127.0.0.1 for the sync tests (installing it
 * from tests/sync/server first when CI's step did not), and stops it at the end.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (!existsSync(bin)) {
    const r = spawnSync('npm', ['ci', '--omit=optional', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: serverDir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`could not install pouchdb-server in ${serverDir}`);
  }
  const port = await freePort();
  // It writes config.json and log.txt into its working directory: keep them out of the repository.
  const cwd = mkdtempSync(join(tmpdir(), 'pouchdb-server-'));
  const child: ChildProcess = spawn(bin, ['--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'], { cwd, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url);
  project.provide('pouchServer', url);
  return () => {
    child.kill();
    rmSync(cwd, { recursive: true, force: true });
  };
}
