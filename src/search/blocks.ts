/**
 * Blocks of posting lists as rows store them. In memory a block locates list i by `offs` and `last` (tables.ts,
 * ListBlock); stored, both are packed into one byte array of varints, per term the list's length in bytes and
 * its last document less the row's first: about 3 bytes a term where two 32-bit arrays took 8. Most terms of a
 * small segment have one or two documents, so this was a third of what every flush and merge wrote.
 */
import { Cursor, Writer } from './codec.js';
import type { ListBlock, StoredBlock } from './tables.js';

/**
 * The stored form of block `b`, whose documents are all at least `lo`.
 * @example unpackBlock({ ...packBlock(b, 512), lo: 512 }) // equal to b
 */
export function packBlock(b: ListBlock, lo: number): StoredBlock {
  const w = new Writer();
  for (let i = 0; i < b.last.length; i++) {
    w.varint(b.offs[i + 1]! - b.offs[i]!);
    w.varint(b.last[i]! - lo);
  }
  return { terms: b.terms, dict: w.done(), data: b.data };
}

/** The in-memory form of a stored block (`lo` the row's first document). */
export function unpackBlock(row: StoredBlock & { lo: number }): ListBlock {
  const c = new Cursor(row.dict, 0);
  const offs: number[] = [0], last: number[] = [];
  let end = 0;
  while (c.i < row.dict.length) {
    offs.push((end += c.varint()));
    last.push(row.lo + c.varint());
  }
  return { terms: row.terms, offs: Uint32Array.from(offs), last: Int32Array.from(last), data: row.data };
}

/** Where list i of a stored block lies in its data, `[start, end)`, without unpacking the others' ends. */
export function listRange(row: StoredBlock, i: number): [number, number] {
  const c = new Cursor(row.dict, 0);
  let start = 0;
  for (let k = 0; k < i; k++) {
    start += c.varint();
    c.skip(1);
  }
  return [start, start + c.varint()];
}

/**
 * The index of `term` in a block's joined term list, or -1: found in the string itself, where splitting it would
 * make thousands of strings for every row a query reads (a seventh of what queries cost at 100,000 articles).
 * @example termIndex('上海\n长春\n默想', '长春') // 1
 */
export function termIndex(terms: string, term: string): number {
  let at: number;
  if (terms.startsWith(term) && (terms.length === term.length || terms.charCodeAt(term.length) === NL)) at = 0;
  else {
    at = terms.indexOf(`\n${term}\n`) + 1;
    if (!at) {
      if (!terms.endsWith(`\n${term}`)) return -1;
      at = terms.length - term.length;
    }
  }
  let i = 0;
  for (let k = 0; k < at; k++) if (terms.charCodeAt(k) === NL) i++;
  return i;
}

const NL = 10;
