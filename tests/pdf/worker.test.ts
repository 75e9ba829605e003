/**
 * src/pdf is platform-free: bundled as the extension bundles its worker (esbuild, IIFE), it reads a PDF inside a
 * web worker in Chromium, and pdf.js's own worker code stays quiet there instead of answering the worker's
 * messages.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixturePath, ROOT } from './helpers.js';

describe('in a web worker', () => {
  it('reads a PDF and segments it, with no stray messages from pdf.js', { timeout: 120_000 }, async () => {
    const bundle = await build({
      stdin: { contents: "import { readPdf, parsePdfPage } from './src/pdf/index.ts'; self.presscutPdf = { readPdf, parsePdfPage };", resolveDir: ROOT, loader: 'ts' },
      bundle: true, write: false, format: 'iife', platform: 'browser', target: ['chrome120', 'firefox142'], logLevel: 'error',
    });
    const code = bundle.outputFiles[0]!.text + `
      const seen = [];
      self.onmessage = async (e) => {
        seen.push(typeof e.data);
        const [page] = await self.presscutPdf.readPdf(e.data);
        const parsed = self.presscutPdf.parsePdfPage(page);
        self.postMessage({ headlines: parsed.articles.map((a) => a.headline), seen });
      };`;
    const bytes = [...readFileSync(fixturePath('corpus/en-front.pdf'))];
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const result = await page.evaluate(async ({ code, bytes }) => {
        const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        const messages: unknown[] = [];
        return new Promise((resolve, reject) => {
          worker.onerror = (e) => reject(new Error(e.message));
          worker.onmessage = (e) => {
            messages.push(e.data);
            if (e.data && typeof e.data === 'object' && 'headlines' in e.data) resolve({ messages, last: e.data });
          };
          worker.postMessage(new Uint8Array(bytes));
        });
      }, { code, bytes }) as { messages: unknown[]; last: { headlines: string[]; seen: string[] } };
      expect(result.last.headlines[0]).toBe('Senate Passes Spending Bill After Late Night Deal');
      expect(result.last.headlines).toHaveLength(4);
      expect(result.messages).toHaveLength(1); // only the worker's own answer
      expect(result.last.seen).toEqual(['object']); // and it saw only its own request
    } finally {
      await browser.close();
    }
  });
});
