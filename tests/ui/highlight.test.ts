import { describe, expect, it } from 'vitest';
import { highlightRuns } from '../../ui/sidepanel/highlight.js';

const show = (text: string, runs: ReturnType<typeof highlightRuns>) => runs.map((r) => [text.slice(r.start, r.end), r.article, r.block]);

describe('clipping view highlights', () => {
  it('draws an article spread over several lines, blank lines and indents included, as one block', () => {
    const text = '报头\n 标题\n\n正文一\n正文二\n版权';
    const runs = highlightRuns(text, [[{ start: 4, end: 6 }, { start: 8, end: 11 }, { start: 12, end: 15 }]]);
    expect(show(text, runs)).toEqual([['报头\n', null, false], [' 标题\n\n正文一\n正文二\n', 0, true], ['版权', null, false]]);
  });

  it('keeps a line two stories share inline, and keeps the stories apart', () => {
    const text = '甲的正文\n甲的结尾本报讯 乙的开头\n乙的正文';
    const runs = highlightRuns(text, [[{ start: 0, end: 4 }, { start: 5, end: 9 }], [{ start: 9, end: 17 }, { start: 18, end: 22 }]]);
    expect(show(text, runs)).toEqual([
      ['甲的正文\n', 0, true], ['甲的结尾', 0, false], ['本报讯 乙的开头', 1, false], ['\n', null, false], ['乙的正文', 1, true],
    ]);
  });

  it('leaves blank lines between two different articles unhighlighted', () => {
    const text = 'A1\n\nB1';
    expect(show(text, highlightRuns(text, [[{ start: 0, end: 2 }], [{ start: 4, end: 6 }]]))).toEqual([
      ['A1\n', 0, true], ['\n', null, false], ['B1', 1, true],
    ]);
  });

  it('covers every character exactly once, overlapping or out-of-range spans included', () => {
    const text = 'abc\ndefg\nhij';
    const runs = highlightRuns(text, [[{ start: 2, end: 6 }], [{ start: 4, end: 8 }, { start: 9, end: 40 }]]);
    expect(runs.map((r) => text.slice(r.start, r.end)).join('')).toBe(text);
    runs.slice(1).forEach((r, i) => expect(r.start).toBe(runs[i]!.end));
    expect(highlightRuns('', [])).toEqual([]);
  });
});
