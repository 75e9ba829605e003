/** Which rows of a long list to draw and which pages of rows to fetch, for a scroll position. */
export interface RowWindow {
  /** First row drawn (inclusive). */
  first: number;
  /** Last row drawn (exclusive). */
  last: number;
  /** Pages of rows needed to draw them, each `pageSize` rows from `page * pageSize`. */
  pages: number[];
}

/**
 * The rows in view plus `overscan` on each side, and the pages holding them. The row before the first is fetched
 * too: whether a row starts a new clipping depends on the row above it.
 * @example rowWindow({ scrollTop: 5600, height: 560, rowHeight: 56, total: 100_000, overscan: 5, pageSize: 100 })
 *   // { first: 95, last: 115, pages: [0, 1] }
 */
export function rowWindow(o: { scrollTop: number; height: number; rowHeight: number; total: number; overscan: number; pageSize: number }): RowWindow {
  const first = Math.max(0, Math.min(o.total, Math.floor(o.scrollTop / o.rowHeight) - o.overscan));
  const last = Math.max(first, Math.min(o.total, Math.ceil((o.scrollTop + o.height) / o.rowHeight) + o.overscan));
  const pages: number[] = [];
  if (last > first) {
    for (let p = Math.floor(Math.max(0, first - 1) / o.pageSize); p <= Math.floor((last - 1) / o.pageSize); p++) pages.push(p);
  }
  return { first, last, pages };
}
