// The embedded sync server (scripts/sync-server.mjs) as a child process the tests start, kill and restart on the
// same data folder and port, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitForHttp } from '../server.setup.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface EmbeddedServer {
  /** http://127.0.0.1:PORT */
  url: string;
  start(): Promise<void>;
  /** SIGTERM closes it cleanly; SIGKILL is a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A server on `port` keeping its data in `dataDir`, for `user`/`password`, open to the browser origin `origin`. */
export function embeddedServer(o: { dataDir: string; port: number; origin: string; user: string; password: string }): EmbeddedServer {
  let child: ChildProcess | undefined;
  const url = `http://127.0.0.1:${o.port}`;
  return {
    url,
    async start() {
      child = spawn(process.execPath, ['scripts/sync-server.mjs', '--data', o.dataDir, '--port', String(o.port), '--origin', o.origin], {
        cwd: root, stdio: 'ignore', env: { ...process.env, PRESSCUT_SYNC_USER: o.user, PRESSCUT_SYNC_PASSWORD: o.password },
      });
      await waitForHttp(`${url}/`);
    },
    async stop(signal = 'SIGTERM') {
      const c = child;
      child = undefined;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((r) => {
        c.once('exit', () => r());
        c.kill(signal);
      });
    },
  };
}
