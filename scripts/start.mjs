// npm start: serves the demo pages and opens Chromium with the freshly built extension (dist/chrome) in a new
// profile, on the demo page. Without a display it says how to load the extension by hand instead, and keeps the
// demo pages served until Ctrl-C.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemoServer } from './demo-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromeDir = join(root, 'dist', 'chrome');
const firefoxDir = join(root, 'dist', 'firefox');
const PORT = Number(process.env.PORT ?? 8787);

/** The preferred port, or any free one when something else holds it. */
async function serve() {
  try {
    return await startDemoServer({ root, port: PORT });
  } catch (e) {
    if (e.code !== 'EADDRINUSE') throw e;
    return startDemoServer({ root });
  }
}

const server = await serve();

if (!process.env.DISPLAY) {
  console.log(`No display ($DISPLAY is not set), so no browser window can open here. Load the extension by hand:

  Chrome / Chromium  chrome://extensions -> turn on Developer mode -> Load unpacked -> ${chromeDir}
  Firefox            about:debugging#/runtime/this-firefox -> Load Temporary Add-on... -> ${join(firefoxDir, 'manifest.json')}

Then open the demo pages at ${server.url} and clip one with the Presscut toolbar button.
(With Xvfb installed, 'xvfb-run -a npm start' opens the browser in a virtual display.)
Serving the demo pages until Ctrl-C.`);
  process.on('SIGINT', () => server.close().then(() => process.exit(0)));
} else {
  const profile = await mkdtemp(join(tmpdir(), 'presscut-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${chromeDir}`, `--load-extension=${chromeDir}`, '--no-first-run', '--no-default-browser-check'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(server.url);
  console.log(`Chromium is open with Presscut (a fresh profile) on ${server.url}. Close the browser or press Ctrl-C to stop.`);
  const stop = async () => {
    await context.close().catch(() => undefined);
    await server.close();
    await rm(profile, { recursive: true, force: true });
    process.exit(0);
  };
  context.on('close', stop);
  process.on('SIGINT', stop);
}
