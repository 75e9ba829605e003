// A static server on 127.0.0.1 for the demo pages: what `npm start` opens, and what the e2e tests and the bench
// clip. The Jilin front page is served twice from the test fixture: as text/plain, and inside an HTML page.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const JILIN = 'tests/fixtures/jilin-2022-11-11-p1.txt';

/** The Jilin page as a web page would hold text copied out of a PDF: a `<pre>` block and nothing else. */
function jilinHtml(text) {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>吉林日报 2022年11月11日 第1版</title></head>\n` +
    `<body><pre style="font: 16px/1.7 serif; white-space: pre-wrap">${escaped}</pre></body></html>\n`;
}

/**
 * Serves demo/ (and the Jilin page) until `close()` is called. With `pdfDir`, also the PDFs in it under `/pdf/`,
 * as application/pdf, by their name with or without `.pdf` (a PDF whose URL does not say so, as some e-paper
 * sites serve them).
 * @param {{ root: string, port?: number, pdfDir?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startDemoServer({ root, port = 0, pdfDir }) {
  const routes = {
    '/': async () => [TYPES['.html'], await readFile(join(root, 'demo', 'index.html'))],
    '/jilin-2022-11-11-p1.txt': async () => [TYPES['.txt'], await readFile(join(root, JILIN))],
    '/jilin-2022-11-11-p1.html': async () => [TYPES['.html'], jilinHtml(await readFile(join(root, JILIN), 'utf8'))],
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    try {
      const pdf = pdfDir && path.startsWith('/pdf/') ? normalize(path.slice(4)).replace(/\.pdf$/, '') + '.pdf' : null;
      const route = routes[path] ?? (pdf ? async () => ['application/pdf', await readFile(join(pdfDir, pdf))] : null) ?? (async () => {
        const file = normalize(path); // an absolute path: '..' cannot climb above demo/
        return [TYPES[extname(file)] ?? 'application/octet-stream', await readFile(join(root, 'demo', file))];
      });
      const [type, body] = await route();
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.txt'] });
      res.end(`not found: ${path}\n`);
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address();
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
