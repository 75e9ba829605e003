/**
 * What every e2e test needs: the built Chrome extension loaded into a real Chromium (headless, a persistent profile,
 * as extensions require), the demo server, and helpers to open the extension's pages as tabs.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo-server.mjs';

export const ROOT = join(import.meta.dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
export const JILIN_TEXT = () => readFile(join(ROOT, 'tests', 'fixtures', 'jilin-2022-11-11-p1.txt'), 'utf8');

export interface Extension {
  context: BrowserContext;
  sw: Worker;
  id: string;
  page(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A copy of dist/chrome that may also run on the test server's pages. A user grants that per tab with a click
 * (activeTab), which a test cannot make; the copy asks for 127.0.0.1 up front instead. dist/chrome itself asks
 * for no host at all.
 */
export async function testExtensionDir(extraHosts: string[] = []): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'presscut-ext-'));
  await cp(join(ROOT, 'dist', 'chrome'), dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*', ...extraHosts];
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Launches Chromium on `profile` with the extension at `extDir` (the same dir keeps the same extension id and data). */
export async function launch(extDir: string, profile: string, options: { lang?: string } = {}): Promise<Extension> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 420, height: 800 },
    locale: options.lang ?? 'en-US',
    args: [
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang.replace('-', '_'), LANG: `${options.lang.replace('-', '_')}.UTF-8` } } : {}),
  });
  const sw = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const id = new URL(sw.url()).host;
  return {
    context, sw, id,
    async page(path) {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${id}/${path}`);
      return p;
    },
    close: () => context.close(),
  };
}

/** A fresh copy of the test extension in a fresh profile; `dispose` closes the browser and deletes both. */
export async function freshExtension(options: { lang?: string; extraHosts?: string[] } = {}): Promise<Extension & { dispose(): Promise<void> }> {
  const extDir = await testExtensionDir(options.extraHosts);
  const profile = await tempProfile();
  const ext = await launch(extDir, profile, options);
  return { ...ext, async dispose() { await ext.close(); await removeDir(profile); await removeDir(extDir); } };
}

/** Starts the demo server for one test file; with `pdfDir`, its PDFs are served under `/pdf/`. */
export function demoServer(pdfDir?: string) {
  return startDemoServer({ root: ROOT, ...(pdfDir ? { pdfDir } : {}) });
}

export async function tempProfile(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'presscut-profile-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** The headlines the archive list shows, top to bottom, once it shows `count` rows. */
export async function archiveHeadlines(panel: Page, count: number): Promise<string[]> {
  // Count and texts are read in one evaluation: read apart, a list redrawn in between (a filter applied, pages
  // fetched again) could pass the count with one set of rows and return the texts of another.
  const found = await panel.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('.archive .row')];
    if (rows.length !== n || rows.some((r) => !r.querySelector('.row-headline'))) return null;
    return rows.map((r) => r.querySelector('.row-headline')!.textContent ?? '');
  }, count, { timeout: 15_000 });
  return (await found.jsonValue())!;
}

/** The article count in the side panel's header, e.g. 7 for "7 articles". */
export async function headerCount(panel: Page): Promise<number> {
  await panel.waitForFunction(() => /\d/.test(document.querySelector('.count')?.textContent ?? ''));
  return Number((await panel.locator('.count').textContent())!.replace(/\D/g, ''));
}

/** Opens the article whose row shows `headline` and waits for the reader. */
export async function openArticle(panel: Page, headline: string): Promise<void> {
  await panel.locator('.row-button', { hasText: headline }).first().click();
  await panel.locator('.article .headline').waitFor();
}

/** Waits for a notice containing `text` and returns the notice's full text. */
export async function noticeText(page: Page, text: string | RegExp): Promise<string> {
  const notice = page.locator('.notice', { hasText: text }).first();
  await notice.waitFor({ timeout: 15_000 });
  return (await notice.textContent()) ?? '';
}

/** Playwright's own screenshots of extension pages, kept for a person to look at (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
