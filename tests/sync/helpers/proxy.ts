// A small real HTTP proxy in front of a server, to put failures the server itself never makes on the wire.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';

/** 'hang': accept the request and never answer. */
export type Rule = (req: IncomingMessage, n: number) => { status: number; body: string } | 'pass' | 'drop' | 'hang';

export interface Proxy {
  url: string;
  /** Requests seen so far. */
  seen: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

/** Rewrites a forwarded JSON answer (for requests whose path it accepts). */
export type Rewrite = (path: string, body: unknown) => unknown;

/**
 * Starts a proxy to `target` (http://host:port); `rule` may answer a request itself instead of forwarding it,
 * `rewrite` may change forwarded JSON answers.
 */
export async function startProxy(target: string, rule: Rule, rewrite?: Rewrite): Promise<Proxy> {
  const t = new URL(target);
  const seen: Proxy['seen'] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    const verdict = rule(req, seen.length);
    if (verdict === 'drop') {
      req.socket.destroy();
      return;
    }
    if (verdict === 'hang') return;
    if (verdict !== 'pass') {
      req.resume();
      res.writeHead(verdict.status, { 'content-type': 'application/json' });
      res.end(verdict.body);
      return;
    }
    const up = request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (ur) => {
      if (!rewrite) {
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        ur.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      ur.on('data', (c: Buffer) => chunks.push(c));
      ur.on('end', () => {
        let text = Buffer.concat(chunks).toString('utf8');
        try {
          text = JSON.stringify(rewrite(req.url ?? '/', JSON.parse(text)));
        } catch {
          // not JSON: pass it on unchanged
        }
        const { 'content-length': _l, 'transfer-encoding': _t, ...headers } = ur.headers;
        res.writeHead(ur.statusCode ?? 502, headers);
        res.end(text);
      });
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
