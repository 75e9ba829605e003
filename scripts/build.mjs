// Bundles every entry point with esbuild. One list of entries so that the extension's entries (background,
// content, offscreen, worker, popup, ...) can be added as one line each, sharing the defaults below.
import { build } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageExtension } from './extension.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Defaults every entry starts from; an entry overrides what differs (platform, format, banner, ...). */
const defaults = { bundle: true, format: 'esm', sourcemap: false, logLevel: 'warning', absWorkingDir: root };

// pdf.js stays a package the CLI loads from node_modules when it meets a PDF (with its CMaps beside it), not
// 3 MB in every command's start-up.
const node = { platform: 'node', target: 'node20', external: ['pdfjs-dist', 'pdfjs-dist/*'] };
// Classic scripts, not modules: one format serves Chrome's service worker, Firefox's event page, the pages and
// the workers, which each accept classic scripts but not all of them modules.
const extension = { platform: 'browser', format: 'iife', target: ['chrome120', 'firefox142'] };
const CHROME = 'dist/chrome';
const FIREFOX = 'dist/firefox';

/** @type {Array<{ in: string, out: string, executable?: boolean, options?: import('esbuild').BuildOptions }>} */
const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.mjs', executable: true,
    options: { ...node, banner: { js: '#!/usr/bin/env node' } } },
  // The benchmark imports the segmenter as plain JS, without a TypeScript loader in the way of the timings.
  { in: 'src/parse/index.ts', out: 'dist/parse.mjs', options: node },
  { in: 'src/extension/background/main.ts', out: `${CHROME}/background.js`, options: extension },
  { in: 'src/extension/offscreen/main.ts', out: `${CHROME}/offscreen.js`, options: extension },
  { in: 'src/extension/content/extract.ts', out: `${CHROME}/extract.js`, options: extension },
  { in: 'workers/engine.worker.ts', out: `${CHROME}/engine.worker.js`, options: extension },
  // The PDF reader with pdf.js (about 2 MB): the engine worker loads it only when a PDF comes.
  { in: 'workers/pdf-reader.ts', out: `${CHROME}/pdf-reader.js`, options: extension },
  { in: 'ui/popup/main.tsx', out: `${CHROME}/popup.js`, options: extension },
  { in: 'ui/sidepanel/main.tsx', out: `${CHROME}/sidepanel.js`, options: extension },
  { in: 'ui/options/main.tsx', out: `${CHROME}/options.js`, options: extension },
];

try {
  // Files of a previous build (a renamed page, an old bundle) must not linger in the packages.
  await Promise.all([CHROME, FIREFOX].map((dir) => rm(join(root, dir), { recursive: true, force: true })));
  await Promise.all(entries.map(async (e) => {
    await build({ ...defaults, ...e.options, entryPoints: [e.in], outfile: e.out });
    if (e.executable) await chmod(join(root, e.out), 0o755);
  }));
  await packageExtension(root, CHROME, FIREFOX);
} catch (e) {
  // esbuild has already printed its errors with their locations; its stack trace would only bury them.
  if (!e?.errors) console.error(e);
  process.exit(1);
}
