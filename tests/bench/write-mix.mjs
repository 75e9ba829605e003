// What a bulk ingest writes, table by table: rows and bytes (the structured-clone size of every put) per article,
// merges included, through the Engine as the extension opens it (sync's change tracking on). Chromium's
// IndexedDB charges by the row more than by the byte (idb-rows.mjs), so this says where ingest time can go.
// Node over fake-indexeddb: the counts are the same as in Chromium, the times are not measured here.
//   node tests/bench/write-mix.mjs [--articles 4000]
import 'fake-indexeddb/auto';
import { serialize } from 'node:v8';
import { P } from './engine-bundle.mjs';
import { nextPage } from './synthetic.mjs';

const i = process.argv.indexOf('--articles');
const N = i > 0 ? Number(process.argv[i + 1]) : 4000;
const BATCH = 32;

const tables = new Map();
for (const method of ['put', 'add']) {
  const original = IDBObjectStore.prototype[method];
  IDBObjectStore.prototype[method] = function (value, key) {
    const t = tables.get(this.name) ?? { rows: 0, bytes: 0 };
    tables.set(this.name, t);
    t.rows++;
    t.bytes += serialize(value).length;
    return original.call(this, value, key);
  };
}

const db = P.openDatabase('presscut-write-mix');
const engine = P.createEngine(db);
let articles = 0;
while (articles < N) {
  const results = await engine.ingestMany(Array.from({ length: BATCH }, () => ({ text: nextPage(), source: { via: 'paste' } })));
  for (const r of results) articles += r.articleIds?.length ?? 0;
}
// What the ingest left to merge is written later, as an idle extension does it; it counts too.
while (await P.mergeStep(db)) { /* until no merge is due */ }

const rows = [...tables].sort((a, b) => b[1].rows - a[1].rows);
const sum = rows.reduce((s, [, t]) => ({ rows: s.rows + t.rows, bytes: s.bytes + t.bytes }), { rows: 0, bytes: 0 });
console.log(`${articles.toLocaleString('en')} articles in batches of ${BATCH} pages, per article:`);
console.log('| table | rows | share of rows | kB | share of bytes |\n| --- | --: | --: | --: | --: |');
for (const [name, t] of [...rows, ['all', sum]]) {
  console.log(`| ${name} | ${(t.rows / articles).toFixed(2)} | ${((100 * t.rows) / sum.rows).toFixed(0)} % | ${(t.bytes / articles / 1024).toFixed(2)} | ${((100 * t.bytes) / sum.bytes).toFixed(0)} % |`);
}
