// Bundles every entry point with esbuild. One list of entries so that the extension's entries (background,
// content, offscreen, worker, popup, ...) can be added as one line each, sharing the defaults below.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Defaults every entry starts from; an entry overrides what differs (platform, format, banner, ...). */
const defaults = { bundle: true, format: 'esm', sourcemap: false, logLevel: 'warning', absWorkingDir: root };

const node = { platform: 'node', target: 'node20' };

/** @type {Array<{ in: string, out: string, executable?: boolean, options?: import('esbuild').BuildOptions }>} */
const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.mjs', executable: true,
    options: { ...node, banner: { js: '#!/usr/bin/env node' } } },
  // The benchmark imports the segmenter as plain JS, without a TypeScript loader in the way of the timings.
  { in: 'src/parse/index.ts', out: 'dist/parse.mjs', options: node },
];

try {
  await Promise.all(entries.map(async (e) => {
    await build({ ...defaults, ...e.options, entryPoints: [e.in], outfile: e.out });
    if (e.executable) await chmod(join(root, e.out), 0o755);
  }));
} catch {
  // esbuild has already printed the errors with their locations; its stack trace would only bury them.
  process.exit(1);
}
