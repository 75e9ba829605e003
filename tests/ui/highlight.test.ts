import { describe, expect, it } from 'vitest';
import { highlightRuns } from '../../ui/sidepanel/highlight.js';

describe('clipping view highlights', () => {
  it('draws an article spread over several lines as one block', () => {
    const text = '报头\n标题\n\n正文一\n正文二\n版权';
    const runs = highlightRuns(text, [[{ start: 3, end: 5 }, { start: 7, end: 10 }, { start: 11, end: 14 }]]);
    expect(runs.map((r) => [text.slice(r.start, r.end), r.article, r.block])).toEqual([
      ['报头\n', null, false], ['标题\n\n正文一\n正文二\n', 0, true], ['版权', null, false],
    ]);
  });

  it('keeps a story that starts mid-line inline, and keeps two articles apart', () => {
    const text = '甲的结尾本报讯 乙的开头\n乙的正文';
    const runs = highlightRuns(text, [[{ start: 0, end: 4 }], [{ start: 4, end: 12 }, { start: 13, end: 17 }]]);
    expect(runs.map((r) => [text.slice(r.start, r.end), r.article, r.block])).toEqual([
      ['甲的结尾', 0, false], ['本报讯 乙的开头\n乙的正文', 1, false],
    ]);
  });

  it('covers every character exactly once, overlapping or out-of-range spans included', () => {
    const text = 'abcdefghij';
    const runs = highlightRuns(text, [[{ start: 2, end: 6 }], [{ start: 4, end: 8 }, { start: 9, end: 40 }]]);
    expect(runs.map((r) => text.slice(r.start, r.end)).join('')).toBe(text);
    runs.slice(1).forEach((r, i) => expect(r.start).toBe(runs[i]!.end));
  });
});
