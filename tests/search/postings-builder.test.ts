import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePostings, FIELD_COUNT, type Posting } from '../../src/search/codec.js';
import { normalise } from '../../src/search/normalize.js';
import { PostingsBuilder } from '../../src/search/postings-builder.js';
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
  return new Map(terms.map((t, i) => {
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

  it('gives each field its length in tokens', () => {
    const b = new PostingsBuilder();
    expect(b.add(0, ['长春', '长春市汽车 pdf', '', 'the daily'])).toEqual([1, 5, 0, 2]);
  });

  it('counts a character inside a run without placing it, and places a lone one', () => {
    const got = decoded([{ no: 3, fields: ['', '长春长，车', '', ''] }]);
    expect(got.get('长')).toEqual([{ doc: 3, hits: [undefined, [2], undefined, undefined] }]);
    expect(got.get('车')).toEqual([{ doc: 3, hits: [undefined, [1, 4], undefined, undefined] }]); // ord 2, not glued
  });
});
