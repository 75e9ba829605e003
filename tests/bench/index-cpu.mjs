// The CPU of the index's two in-memory passes, without IndexedDB: building a write's postings (PostingsBuilder,
// then packBlock: what every write does) and grouping written blocks into a segment's bucket rows (Grouper: what
// every flush and merge does), over the synthetic archive's pages cut into documents of eight lines. Median of
// the rounds, in Node; for comparing two versions of the code on one machine.
//   node tests/bench/index-cpu.mjs [--rounds 7]
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './engine-bundle.mjs';
import { nextPage } from './synthetic.mjs';

const i = process.argv.indexOf('--rounds');
const rounds = i > 0 ? Number(process.argv[i + 1]) : 7;
const out = join(root, 'dist', 'bench-index-cpu.mjs');
await build({
  stdin: {
    contents: `export { PostingsBuilder } from './src/search/postings-builder.ts';
      export { Grouper } from './src/search/segments.ts';
      export { packBlock } from './src/search/blocks.ts';
      export { normalise } from './src/search/normalize.ts';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: out, logLevel: 'warning',
});
const M = await import(pathToFileURL(out).href);

const docs = [];
for (let p = 0; p < 300; p++) {
  const lines = nextPage().split('\n');
  for (let k = 0; k + 8 < lines.length; k += 8) docs.push([lines[k], lines.slice(k + 1, k + 8).join('\n'), '', '吉林日报'].map(M.normalise));
}
const WRITE = 200; // documents a write
const times = { build: [], group: [] };
for (let r = 0; r < rounds; r++) {
  let t = performance.now();
  const rows = [];
  for (let b = 0; b < docs.length; b += WRITE) {
    const pb = new M.PostingsBuilder();
    for (let d = b; d < Math.min(docs.length, b + WRITE); d++) pb.add(d, docs[d]);
    rows.push({ lo: b, ...M.packBlock(pb.done(), b) });
  }
  times.build.push(performance.now() - t);
  t = performance.now();
  const g = new M.Grouper();
  for (const row of rows) g.add(row);
  g.rows(1, 0, 0, docs.length - 1);
  times.group.push(performance.now() - t);
}
const perDoc = (a) => `${(([...a].sort((x, y) => x - y)[a.length >> 1] / docs.length) * 1000).toFixed(1)} µs a document`;
console.log(`${docs.length.toLocaleString('en')} documents, ${rounds} rounds: building postings ${perDoc(times.build)}, grouping into a segment ${perDoc(times.group)}`);
