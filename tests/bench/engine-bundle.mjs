// The Engine and the search internals, bundled as plain JS for the search benches (so no TypeScript loader sits
// in the timings), and the same bundled for a browser page.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'dist', 'bench-search.mjs');
await build({
  stdin: {
    contents: `export { createEngine, openDatabase } from './src/engine/engine.ts';
      export { normalise } from './src/search/normalize.ts';
      export { tokenize } from './src/search/tokenize.ts';
      export { IndexReader } from './src/search/reader.ts';
      export { matchingIds } from './src/search/search.ts';
      export { searchTables } from './src/search/tables.ts';
      export { mergeStep } from './src/search/merge.ts';
      export { fieldTexts, dayOf } from './src/search/fields.ts';
      export { applyCorrections } from './src/store/view.ts';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: out, logLevel: 'warning',
  external: ['fake-indexeddb'],
});

/** The bundle's exports (the Engine, openDatabase, normalise, …). */
export const P = await import(pathToFileURL(out).href);
