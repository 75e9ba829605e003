import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../ui/sidepanel/window-range.js';

const at = (scrollTop: number, total = 100_000) => rowWindow({ scrollTop, height: 560, rowHeight: 56, total, overscan: 5, pageSize: 100 });

describe('archive list window', () => {
  it('draws only the rows in view and a few around them, whatever the archive size', () => {
    expect(at(0)).toEqual({ first: 0, last: 15, pages: [0] });
    const deep = at(56 * 50_000);
    expect(deep.last - deep.first).toBe(20);
    expect(deep.pages).toEqual([499, 500]);
  });

  it('fetches the page holding the row above the first, which decides whether a clipping starts', () => {
    expect(at(56 * 105)).toMatchObject({ first: 100, pages: [0, 1] });
  });

  it('stops at the end of the list and draws nothing for an empty one', () => {
    expect(at(56 * 99_995)).toMatchObject({ last: 100_000, pages: [999] });
    expect(at(0, 0)).toEqual({ first: 0, last: 0, pages: [] });
  });
});
