/**
 * Background maintenance of the index's LSM tree (see tables.ts): merges `fanout` segments of a level into one
 * of the next level, and rewrites a segment that has accumulated many dead documents (edits and deletions leave
 * them) without them. Each step is one small transaction that moves a few source buckets, so a search waits for
 * at most one step; a term's rows move in one step, so every query sees each document's postings exactly once.
 */
import type { Dexie } from 'dexie';
import { aliveTest, Grouper } from './segments.js';
import {
  bucketsOf, type MergeState, type MetaRow, type SearchTables, type SegmentInfo, type SegmentRow, searchTableList, searchTables, tuning,
} from './tables.js';

/** The next merge to do, if any: the lowest level with `fanout` segments, else a segment worth purging. */
function plan(meta: MetaRow): MergeState | null {
  const levels = [...new Set(meta.segments.map((s) => s.level))].sort((a, b) => a - b);
  const start = (from: SegmentInfo[], level: number): MergeState => ({
    from: from.map((s) => s.id), to: meta.nextSeg++, level, next: 0, buckets: bucketsOf(from[0]!.level),
    deadAtStart: from.reduce((n, s) => n + s.dead, 0),
  });
  for (const level of levels) {
    const at = meta.segments.filter((s) => s.level === level).sort((a, b) => a.lo - b.lo);
    if (at.length >= tuning.fanout) return start(at.slice(0, tuning.fanout), level + 1);
  }
  const worst = meta.segments.find((s) => s.dead >= tuning.purgeMin && s.dead >= tuning.purgeShare * (s.hi - s.lo + 1));
  return worst ? start([worst], worst.level) : null;
}

/** Whether a merge is in progress or due (without planning it). */
export function mergeDue(meta: MetaRow): boolean {
  return meta.merge !== null || plan({ ...meta, segments: meta.segments }) !== null;
}

/** The alive test of a merge, read once for its steps (safe: documents never come back to life). */
let aliveCache: { key: string; test: ((doc: number) => boolean) | undefined } | null = null;

async function aliveOf(t: SearchTables, key: string, lo: number, hi: number) {
  if (aliveCache?.key !== key) aliveCache = { key, test: await aliveTest(t, lo, hi) };
  return aliveCache.test;
}

/**
 * Does one step of maintenance in its own transaction. Returns false when there was nothing to do.
 * @example while (await mergeStep(db));
 */
export async function mergeStep(db: Dexie): Promise<boolean> {
  return db.transaction('rw', searchTableList(db), async () => {
    const t = searchTables(db);
    const meta = await t.meta.get('meta');
    if (!meta) return false;
    const m = meta.merge ?? plan(meta);
    if (!m) return false;
    meta.merge = m;
    const from = m.from.map((id) => meta.segments.find((s) => s.id === id)!).sort((a, b) => a.lo - b.lo);
    const level = from[0]!.level;
    const lo = from[0]!.lo, hi = from[from.length - 1]!.hi;
    // A source bucket is a row of each merged segment, and it spreads over `spread` rows of the target level.
    const spread = bucketsOf(m.level) / m.buckets;
    const end = Math.min(m.buckets, m.next + Math.max(1, Math.floor(tuning.mergeRows / Math.max(from.length, spread))));
    const keep = from.some((s) => s.dead > 0) ? await aliveOf(t, `${meta.epoch}:${m.to}`, lo, hi) : undefined;
    // A source bucket at a time: its terms are its own, and a k-way merge of a row a segment is cheaper than one of
    // every row the step read. Every bucket's read is issued first, and each bucket's rows are written as soon as
    // they are built, so IndexedDB reads and writes while the rows of the next bucket are built.
    const reads: Promise<(SegmentRow | undefined)[]>[] = [];
    for (let b = m.next; b < end; b++) reads.push(t.segments.bulkGet(from.map((s) => [level * 65536 + b, s.id])));
    const rows: SegmentRow[] = [], writes: Promise<unknown>[] = [];
    for (const read of reads) {
      const g = new Grouper();
      for (const r of await read) if (r) { g.add(r); rows.push(r); }
      // The target rows' keys are never among the source rows' (a purge's target id is new).
      writes.push(t.segments.bulkPut(g.rows(m.level, m.to, lo, hi, keep)));
    }
    await Promise.all([...writes, dropSourceRows(t, meta, from, m.next, end, rows)]);
    m.next = end;
    if (m.next >= m.buckets) {
      const dead = from.reduce((n, s) => n + s.dead, 0) - m.deadAtStart;
      meta.segments = meta.segments.filter((s) => !m.from.includes(s.id));
      meta.segments.push({ id: m.to, level: m.level, lo, hi, dead });
      meta.merge = null;
    }
    await t.meta.put(meta);
    return true;
  });
}

/**
 * Deletes the rows of source buckets [b0, b1) that a merge step has moved. Rows are keyed [bucket, seg], so when
 * no other segment of the level has an id between the sources' lowest and highest (always, except after a
 * purge), a bucket's source rows are one key range: two requests a bucket (Dexie counts, then deletes the range),
 * all buckets at once, rather than one a row, and a delete request cost Chromium about as much as a put.
 */
function dropSourceRows(t: SearchTables, meta: MetaRow, from: SegmentInfo[], b0: number, b1: number, rows: SegmentRow[]): Promise<unknown> {
  const level = from[0]!.level, ids = from.map((s) => s.id);
  const min = Math.min(...ids), max = Math.max(...ids);
  if (meta.segments.some((s) => s.level === level && s.id > min && s.id < max && !ids.includes(s.id))) {
    return t.segments.bulkDelete(rows.map((r) => [r.bucket, r.seg] as [number, number]));
  }
  const ranges: Promise<number>[] = [];
  for (let b = b0; b < b1; b++) {
    const key = level * 65536 + b;
    ranges.push(t.segments.where(':id').between([key, min], [key, max], true, true).delete());
  }
  return Promise.all(ranges);
}

/**
 * Runs maintenance steps for about `budgetMs` (one at least when there is work). Returns whether work remains.
 * The Engine calls it after each write, so an archive that grows keeps its segments few.
 */
export async function maintainIndex(db: Dexie, budgetMs: number): Promise<boolean> {
  const t0 = performance.now();
  do {
    if (!(await mergeStep(db))) return false;
  } while (performance.now() - t0 < budgetMs);
  return true;
}
