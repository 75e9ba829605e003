import type { Box, Run } from './types.js';

interface Gap {
  a: number;
  b: number;
}

/**
 * Orders a page's runs for reading: a recursive XY-cut. A region is cut along the white space that crosses it
 * whole, either across (bands, read top to bottom) or down (columns, read left to right), until no such white
 * space is left; the pieces are the leaves, in reading order.
 *
 * Columns of type on a common grid leave white space both ways (the gaps between lines line up across
 * columns), so where both cuts are possible the one that keeps the page's structure wins: columns when each
 * piece starts with display type (a row of stories side by side, each under its own headline); bands when a
 * piece starts lower, under a headline standing in another piece (the outer columns of a story under a centred
 * headline), or when some band has gutters the region as a whole does not (a story's columns above another
 * story's); columns otherwise. Down the page the widest
 * gutters are cut first: the white space between stories is usually a little wider than between the columns of
 * one story, and a centred headline leaves its story's outer columns with gutters of their own.
 *
 * @param body the page's body type size: white space is measured against it.
 */
export function readingOrder(runs: Run[], body: number): Run[][] {
  const out: Run[][] = [];
  cut(runs, body, out, 0);
  return out;
}

const MAX_DEPTH = 64;

function cut(runs: Run[], body: number, out: Run[][], depth: number): void {
  if (runs.length <= 1 || depth > MAX_DEPTH) { if (runs.length) out.push(runs); return; }
  const across = gaps(runs, 'y').filter((g) => g.b - g.a >= 0.7 * body);
  // One line is cut only where its pieces stand far apart (a footer's left and right ends): the gaps inside a
  // line are word spaces, letter-spacing and justification, and reading it left to right is right anyway.
  const down = across.length || !oneLine(runs) ? gutters(runs, body) : gaps(runs, 'x').filter((g) => g.b - g.a >= 4 * maxSize(runs));
  if (!across.length && !down.length) { out.push(runs); return; }
  let useDown = across.length === 0;
  let bandCuts: Gap[] = [];
  if (across.length) {
    // The widest white space across; others about as wide go with it (a page of stacked stories).
    const widestAcross = Math.max(...across.map((g) => g.b - g.a));
    bandCuts = across.filter((g) => g.b - g.a >= 0.75 * widestAcross);
    if (down.length) {
      // Side by side, each under its own headline: the columns are stories, read one after the other.
      const pieces = split(runs, 'x', widest(down));
      if (pieces.every((part) => topIsDisplay(part, body))) useDown = true;
      // A column that starts below a headline standing beside it is that headline's column: cut across first.
      else if (hasWing(runs, pieces, body)) useDown = false;
      else useDown = split(runs, 'y', bandCuts).every((band) => gutters(band, body).every((g) => down.some((d) => overlaps(g, d))));
    }
  }
  const parts = split(runs, useDown ? 'x' : 'y', useDown ? widest(down) : bandCuts);
  if (parts.length < 2) { out.push(runs); return; } // the gaps fell inside runs' middles: nothing to cut
  for (const part of parts) cut(part, body, out, depth + 1);
}

/** The widest gutters (within 5 %): where a region is cut down first. */
function widest(down: Gap[]): Gap[] {
  const max = Math.max(0, ...down.map((g) => g.b - g.a));
  return down.filter((g) => g.b - g.a >= 0.95 * max);
}

/** The topmost line of the runs is display type (a kicker or headline). */
function topIsDisplay(runs: Run[], body: number): boolean {
  let top = runs[0]!;
  for (const r of runs) if (r.y0 < top.y0) top = r;
  return runs.some((r) => r.size >= 1.2 * body && r.y0 < top.y1);
}

/** Some piece starts well below the region's top, under display type that stands in another piece. */
function hasWing(runs: Run[], pieces: Run[][], body: number): boolean {
  const top = Math.min(...runs.map((r) => r.y0));
  return pieces.some((piece) => {
    const pieceTop = Math.min(...piece.map((r) => r.y0));
    if (pieceTop <= top + body) return false;
    const inPiece = new Set(piece);
    return runs.some((r) => !inPiece.has(r) && r.size >= 1.2 * body && r.y1 <= pieceTop + 0.5 * body);
  });
}

/**
 * Gaps down the region wide enough to be gutters between columns, relative to the type they separate. Justified
 * Latin text has word spaces up to about an em, which can line up down a few lines (a river): there a gutter
 * must be wider than that. CJK is set solid, and its columns may stand closer.
 */
function gutters(runs: Run[], body: number): Gap[] {
  const min = Math.max((latin(runs) ? 1.2 : 0.6) * body, 0.5 * maxSize(runs));
  return gaps(runs, 'x').filter((g) => g.b - g.a >= min);
}

/** Most of the region's letters are Latin. */
function latin(runs: Run[]): boolean {
  let letters = 0, all = 0;
  for (const r of runs) {
    for (let i = 0; i < r.text.length; i++) {
      const c = r.text.charCodeAt(i) | 0x20;
      if (c >= 0x61 && c <= 0x7a) letters++;
      if (r.text.charCodeAt(i) > 0x20) all++;
    }
  }
  return letters > 0.5 * all;
}

function maxSize(runs: Run[]): number {
  let max = 0;
  for (const r of runs) if (r.size > max) max = r.size;
  return max;
}

/** All runs overlap one another vertically: a single line of type. */
function oneLine(runs: Run[]): boolean {
  let y0 = -Infinity, y1 = Infinity;
  for (const r of runs) { y0 = Math.max(y0, r.y0); y1 = Math.min(y1, r.y1); }
  return y1 > y0;
}

/** The stretches of the region's extent along `axis` that no run covers. */
function gaps(boxes: Box[], axis: 'x' | 'y'): Gap[] {
  const lo = axis === 'x' ? (b: Box) => b.x0 : (b: Box) => b.y0;
  const hi = axis === 'x' ? (b: Box) => b.x1 : (b: Box) => b.y1;
  const sorted = boxes.slice().sort((p, q) => lo(p) - lo(q));
  const out: Gap[] = [];
  let reach = hi(sorted[0]!);
  for (const b of sorted) {
    if (lo(b) > reach) out.push({ a: reach, b: lo(b) });
    if (hi(b) > reach) reach = hi(b);
  }
  return out;
}

/** Splits runs at the given gaps (sorted along the axis); each run goes to the piece its middle falls in. */
function split(runs: Run[], axis: 'x' | 'y', at: Gap[]): Run[][] {
  const cuts = at.map((g) => (g.a + g.b) / 2).sort((p, q) => p - q);
  const parts: Run[][] = cuts.map(() => []);
  parts.push([]);
  for (const r of runs) {
    const mid = axis === 'x' ? (r.x0 + r.x1) / 2 : (r.y0 + r.y1) / 2;
    let k = 0;
    while (k < cuts.length && mid > cuts[k]!) k++;
    parts[k]!.push(r);
  }
  return parts.filter((p) => p.length);
}

const overlaps = (g: Gap, d: Gap) => Math.min(g.b, d.b) > Math.max(g.a, d.a);
