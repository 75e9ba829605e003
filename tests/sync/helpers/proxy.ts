// A small real HTTP proxy in front of a server, to put failures the server itself never makes on the wire.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';

export type Rule = (req: IncomingMessage, n: number) => { status: number; body: string } | 'pass' | 'drop';

export interface Proxy {
  url: string;
  /** Requests seen so far. */
  seen: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (http://host:port); `rule` may answer a request itself instead of forwarding it. */
export async function startProxy(target: string, rule: Rule): Promise<Proxy> {
  const t = new URL(target);
  const seen: Proxy['seen'] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    const verdict = rule(req, seen.length);
    if (verdict === 'drop') {
      req.socket.destroy();
      return;
    }
    if (verdict !== 'pass') {
      req.resume();
      res.writeHead(verdict.status, { 'content-type': 'application/json' });
      res.end(verdict.body);
      return;
    }
    const up = request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
