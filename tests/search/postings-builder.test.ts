import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listRange, packBlock, termIndex, unpackBlock } from '../../src/search/blocks.js';
import { decodePostings, FIELD_COUNT, PostingList, type Posting } from '../../src/search/codec.js';
import { normalise } from '../../src/search/normalize.js';
import { PostingsBuilder, sortedOrder } from '../../src/search/postings-builder.js';
import { termsOf } from '../../src/search/tables.js';
import { fieldTerms, termString } from '../../src/search/tokenize.js';

/** The postings the documents should give, from fieldTerms, term by term. */
function expected(docs: { no: number; fields: string[] }[]): Map<string, Posting[]> {
  const out = new Map<string, Posting[]>();
  for (const { no, fields } of docs) {
    fields.forEach((text, f) => {
      for (const [k, hits] of fieldTerms(text).terms) {
        const term = termString(k);
        const l = out.get(term) ?? [];
        out.set(term, l);
        let p = l[l.length - 1];
        if (p?.doc !== no) l.push((p = { doc: no, hits: new Array(FIELD_COUNT) }));
        p.hits[f] = hits;
      }
    });
  }
  return out;
}

function decoded(docs: { no: number; fields: string[] }[]): Map<string, Posting[]> {
  const b = new PostingsBuilder();
  for (const d of docs) b.add(d.no, d.fields);
  if (b.empty) return new Map();
  const block = b.done();
  const terms = termsOf(block);
  expect([...terms].sort()).toEqual(terms);
  // As a row stores it, and back: list i's place and last document survive.
  const lo = docs[0]!.no, stored = { ...packBlock(block, lo), lo };
  expect(unpackBlock(stored)).toEqual(block);
  return new Map(terms.map((t, i) => {
    expect(listRange(stored, i)).toEqual([block.offs[i], block.offs[i + 1]]);
    const list = decodePostings(block.data.subarray(block.offs[i], block.offs[i + 1]), 0, true);
    expect(block.last[i]).toBe(list[list.length - 1]!.doc);
    return [t, list];
  }));
}

const piece = fc.oneof(
  fc.array(fc.constantFrom(...'长春市汽车产业集群默想认的发展铁路北京人民日报がのか한국'), { minLength: 1, maxLength: 9 }).map((a) => a.join('')),
  fc.constantFrom(' ', '，', '\n', '12306', 'pdf', 'the', ' 𠀋𠀋 ', '𠀋', '車'),
);
const field = fc.array(piece, { maxLength: 14 }).map((a) => normalise(a.join('')));
const docs = fc.array(fc.tuple(fc.nat(3), fc.array(field, { minLength: 4, maxLength: 4 })), { maxLength: 8 })
  .map((ds) => { let no = 0; return ds.map(([gap, fields]) => ({ no: (no += gap + 1), fields })); });

describe('PostingsBuilder', () => {
  it('writes the lists fieldTerms describes, terms sorted, each list in document order', () => {
    fc.assert(fc.property(docs, (ds) => {
      expect(Object.fromEntries(decoded(ds))).toEqual(Object.fromEntries(expected(ds)));
    }), { numRuns: 300 });
  });

  it('keeps every term of a write that holds more than fifteen thousand distinct terms', () => {
    // Characters from all over the CJK block, so that the term table grows many times over.
    const text = (seed: number) => Array.from({ length: 1500 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919 + seed * 104729) % 20000))).join('');
    const ds = Array.from({ length: 8 }, (_, i) => ({ no: i * 3 + 1, fields: [text(i), text(i + 50), '', '吉林日报'] }));
    const got = decoded(ds);
    expect(got.size).toBeGreaterThan(15_000);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected(ds)));
  });

  it('orders terms as strings compare, one- and two-unit terms among longer ones', () => {
    const unit = fc.constantFrom('长', '春', 'a', 'z', '\u3000', '\uffff', '\ud840', '\udc0b', '1');
    const term = fc.array(unit, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.uniqueArray(term, { maxLength: 60 }), (terms) => {
      expect(Array.from(sortedOrder(terms), (i) => terms[i])).toEqual([...terms].sort((a, b) => (a < b ? -1 : 1)));
    }), { numRuns: 300 });
  });

  it('gives each field its length in tokens', () => {
    const b = new PostingsBuilder();
    expect(b.add(0, ['长春', '长春市汽车 pdf', '', 'the daily'])).toEqual([1, 5, 0, 2]);
  });

  it('keeps every position of a term seen more often than one short entry holds, or in two fields', () => {
    const many = Array.from({ length: 70 }, () => '长春').join(' ');
    const got = decoded([{ no: 5, fields: ['长春', many, '', ''] }, { no: 9, fields: ['', many.slice(0, 182), '', ''] }]);
    const hits = got.get('长春')!;
    expect(hits.map((p) => p.doc)).toEqual([5, 9]);
    expect(hits[0]!.hits[0]).toEqual([1, 0]);
    expect(hits[0]!.hits[1]).toEqual([70, ...Array.from({ length: 70 }, (_, k) => k * 2)]);
    expect(hits[1]!.hits[1]).toEqual([61, ...Array.from({ length: 61 }, (_, k) => k * 2)]);
  });

  it('gives a query the same documents, masks and positions whichever form an entry took', () => {
    const b = new PostingsBuilder();
    const texts = ['长春', '长春 长春', Array.from({ length: 65 }, () => '长春').join(' ')];
    texts.forEach((t, i) => b.add(i, i === 1 ? [t, t, '', ''] : ['', t, '', '']));
    const block = b.done(), i = termsOf(block).indexOf('长春');
    const list = new PostingList();
    list.add(block.data, block.offs[i]!, block.offs[i + 1]!, () => true);
    expect(list.docs).toEqual([0, 1, 2]);
    expect(list.masks).toEqual([2, 3, 2]);
    const out = { a: new Int32Array(1) };
    expect([0, 1, 2].map((k) => list.positionsInto(k, 1, out))).toEqual([1, 2, 65]);
    expect(list.positionsInto(0, 0, out)).toBe(-1);
    expect(list.positionsInto(1, 0, out)).toBe(2);
    expect([...out.a.subarray(0, 2)]).toEqual([0, 2]);
  });

  it('counts a character inside a run without placing it, and places a lone one', () => {
    const got = decoded([{ no: 3, fields: ['', '长春长，车', '', ''] }]);
    expect(got.get('长')).toEqual([{ doc: 3, hits: [undefined, [2], undefined, undefined] }]);
    expect(got.get('车')).toEqual([{ doc: 3, hits: [undefined, [1, 4], undefined, undefined] }]); // ord 2, not glued
  });
});

describe('termIndex', () => {
  it('finds a term in a joined list where the list holds it, and never a part of another term', () => {
    const unit = fc.constantFrom('长', '春', '市', 'a', 'b', 'ab');
    const term = fc.array(unit, { minLength: 1, maxLength: 3 }).map((u) => u.join(''));
    fc.assert(fc.property(fc.uniqueArray(term, { maxLength: 30 }), term, (list, probe) => {
      const terms = [...list].sort();
      expect(termIndex(terms.join('\n'), probe)).toBe(terms.indexOf(probe));
      for (const [i, t] of terms.entries()) expect(termIndex(terms.join('\n'), t)).toBe(i);
    }));
  });
});
