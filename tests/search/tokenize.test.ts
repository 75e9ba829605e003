import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, normaliseWithMap } from '../../src/search/normalize.js';
import { fieldTerms, isCjk, termKey, termString, tokenize } from '../../src/search/tokenize.js';

const terms = (s: string) => tokenize(normalise(s)).map((t) => t.term);

describe('tokenizer', () => {
  it('makes overlapping bigrams of a CJK run and keeps a lone character as a unigram', () => {
    expect(terms('长春市')).toEqual(['长春', '春市']);
    expect(terms('车，长春')).toEqual(['车', '长春']);
    expect(tokenize('车')[0]!.unigram).toBe(true);
  });

  it('splits where scripts meet: 铁路12306, 解析pdf文件', () => {
    expect(terms('铁路12306')).toEqual(['铁路', '12306']);
    expect(terms('解析pdf文件')).toEqual(['解析', 'pdf', '文件']);
    const t = tokenize('铁路12306');
    expect(t[1]!.glued).toBe(true);
    expect(tokenize('铁路 12306')[1]!.glued).toBe(false);
  });

  it('folds case, diacritics, full-width forms and Traditional characters', () => {
    expect(terms('Ｃａｆé ÉCOLE Straße')).toEqual(['cafe', 'ecole', 'straße']);
    expect(terms('ＰＤＦ１２３')).toEqual(['pdf123']);
    expect(terms('長春市汽車產業')).toEqual(terms('长春市汽车产业'));
    expect(normalise('臺灣 綫 裡')).toBe('台湾 线 里');
  });

  it('keeps the way back to the original offsets', () => {
    const n = normaliseWithMap('ＡＢ發展ﬁne');
    expect(n.text).toBe('ab发展fine');
    expect([n.start[2], n.end[3]]).toEqual([2, 4]);
    expect([n.start[4], n.start[5], n.end[5]]).toEqual([4, 4, 5]); // the ligature ﬁ is two units from one character
  });

  it('indexes every CJK character as a unigram with its frequency', () => {
    const ft = fieldTerms('长春长');
    expect(ft.terms.get(termKey('长'))![0]).toBe(2);
    expect(ft.terms.get(termKey('长春'))).toEqual([1, 0]);
    expect(ft.terms.get(termKey('春长'))).toEqual([1, 3]); // ord 1, glued
    expect(ft.length).toBe(2);
  });
});

const han = fc.constantFrom(...'长春市汽车产业集群默想认的发展铁路北京上海中国人民日报'.split(''));
const piece = fc.oneof(
  fc.array(han, { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
  fc.constantFrom(' ', '，', '。', '\n', '12306', 'pdf', 'Ａ', '發展', ' the '),
);
const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));

describe('tokenizer properties', () => {
  it('indexes exactly the tokens tokenize() makes, with their positions, plus a unigram per CJK character', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 30 })), (raw) => {
      const s = normalise(raw);
      const want = new Map<string, number[]>();
      for (const t of tokenize(s)) {
        const e = want.get(t.term) ?? [0];
        if (!t.unigram) e[0]!++;
        e.push(t.ord * 2 + (t.glued ? 1 : 0));
        want.set(t.term, e);
      }
      for (const ch of s) if (isCjk(ch.codePointAt(0)!)) {
        const e = want.get(ch) ?? [0];
        e[0]!++;
        want.set(ch, e);
      }
      const got = new Map([...fieldTerms(s).terms].map(([k, v]) => [termString(k), v]));
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
      expect(fieldTerms(s).length).toBe(tokenize(s).length);
    }), { numRuns: 300 });
  });

  it('normalising is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normalise(normalise(s)) === normalise(s)), { numRuns: 300 });
  });

  it('every bigram of a CJK run is a term, at consecutive ordinals, glued', () => {
    fc.assert(fc.property(text, (s) => {
      const n = normalise(s);
      const toks = tokenize(n);
      for (const run of n.match(/[\u4e00-\u9fff]{2,}/g) ?? []) {
        for (let i = 0; i + 1 < run.length; i++) expect(toks.some((t) => t.term === run.slice(i, i + 2))).toBe(true);
      }
      toks.forEach((t, i) => expect(t.ord).toBe(i));
    }), { numRuns: 300 });
  });
});
