import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markSegments } from '../../ui/common/marks.js';

describe('search highlight segments', () => {
  it('marks the ranges and leaves the rest', () => {
    expect(markSegments('长春市汽车产业集群上榜', [{ start: 3, end: 9 }])).toEqual([
      { text: '长春市', marked: false }, { text: '汽车产业集群', marked: true }, { text: '上榜', marked: false },
    ]);
  });

  it('sorts, merges overlapping and touching ranges, and clamps ranges past the text', () => {
    expect(markSegments('abcdefgh', [{ start: 6, end: 20 }, { start: 0, end: 2 }, { start: 1, end: 3 }, { start: 3, end: 4 }])).toEqual([
      { text: 'abcd', marked: true }, { text: 'ef', marked: false }, { text: 'gh', marked: true },
    ]);
    expect(markSegments('abc', [{ start: 5, end: 9 }, { start: 2, end: 2 }])).toEqual([{ text: 'abc', marked: false }]);
  });

  it('covers the text exactly, in order, and marks exactly the characters in some range', () => {
    const range = fc.tuple(fc.integer({ min: -2, max: 30 }), fc.integer({ min: 0, max: 12 })).map(([start, n]) => ({ start, end: start + n }));
    fc.assert(fc.property(fc.string({ maxLength: 25 }), fc.array(range, { maxLength: 6 }), (text, ranges) => {
      const segments = markSegments(text, ranges);
      expect(segments.map((s) => s.text).join('')).toBe(text);
      let at = 0;
      for (const s of segments) {
        for (let i = at; i < at + s.text.length; i++) expect(s.marked).toBe(ranges.some((r) => i >= r.start && i < r.end));
        at += s.text.length;
      }
    }));
  });
});
