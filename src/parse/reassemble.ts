import { affinity, type Gram, grams } from './affinity.js';
import { isHan } from './chars.js';
import type { Story } from './attach.js';
import type { Look } from './features.js';
import type { Unit } from './units.js';

/**
 * Puts back together what a PDF extractor scattered. pdftotext emits text blocks in content-stream order, so on
 * a busy page one story's columns can be printed apart, with another story's headline between them
 * (`…会议正式拉开大幕，一` here, `场围绕…` three blocks later). Three repairs, each taken only on lexical
 * evidence from the page itself:
 *
 * 1. A headline block whose lines fit two different bodies better than the one it sits next to is split
 *    between them (a two-headline block such as `向 海 图 强` + `中共中央办公厅…印发《…规划》`).
 * 2. A body fragment left with no headline and no dateline joins the unfinished story (one whose last line
 *    stops mid-sentence) it shares most words with.
 * 3. A story that still stops mid-sentence (`…主持会议的莫迪总`) takes the tail of another story from a paragraph
 *    start that completes a word the page uses (`理在代表…` -> 总理) and whose vocabulary is closer to its own.
 */
export function reassemble(text: string, units: Unit[], looks: Look[], stories: Story[]): Story[] {
  // The repairs compare stories pairwise: they are meant for one page (a few dozen stories), and a paste of a
  // whole issue skips them rather than spend quadratic time.
  if (stories.length > MAX_STORIES) return stories;
  const S = new Sides(text, units, looks);
  splitHeadlineBlocks(S, stories);
  let out = mergeFragments(S, stories);
  out = moveTails(S, out);
  return out.filter((s) => s.seg.body.length || s.seg.dateline.length || s.block || s.seg.jumpTo !== null || s.seg.jumpFrom !== null);
}

const MAX_STORIES = 60;
/** Unfinished stories beyond which tails are not moved. */
const MAX_OPEN = 8;
/** Paragraph starts tried per story when looking for a stray tail. */
const MAX_SPLITS = 60;

class Sides {
  constructor(readonly text: string, readonly units: Unit[], readonly looks: Look[]) {}
  str(idx: number[]): string {
    return idx.map((i) => this.text.slice(this.units[i]!.s, this.units[i]!.e)).join('');
  }
  grams(idx: number[]): Set<Gram> {
    return grams(this.str(idx));
  }
  display(s: Story): number[] {
    return s.block ? s.block.lines.filter((i) => this.units[i]!.role === 'display') : [];
  }
  /** A story is unfinished when its text stops mid-sentence and no jump marker says where it goes on. */
  open(s: Story): boolean {
    const last = s.seg.body[s.seg.body.length - 1];
    return last !== undefined && s.seg.jumpTo === null && !this.looks[last]!.sentence && !this.looks[last]!.clause;
  }
}

function splitHeadlineBlocks(S: Sides, stories: Story[]): void {
  if (!stories.some((s) => S.display(s).length >= 2)) return;
  const bodyGrams = new Map(stories.map((s) => [s, S.grams(s.seg.body)]));
  const headless = (s: Story) => S.display(s).every((i) => S.looks[i]!.dash);
  for (const host of stories) {
    const lines = S.display(host);
    if (lines.length < 2) continue;
    const base = affinity(S.grams(lines), bodyGrams.get(host)!);
    let best: { k: number; top: Story; bot: Story; score: number } | null = null;
    const eligible = stories.filter((x) => x === host || headless(x));
    for (let k = 1; k < lines.length; k++) {
      const top = S.grams(lines.slice(0, k)), bot = S.grams(lines.slice(k));
      // Best two bodies for each half, so the pair can always avoid giving both halves to one body.
      const rank = (g: Set<Gram>) => eligible.map((x) => ({ x, a: affinity(g, bodyGrams.get(x)!) }))
        .filter((c) => c.a >= 0.6).sort((p, q) => q.a - p.a).slice(0, 2);
      const tops = rank(top), bots = rank(bot);
      for (const t of tops) for (const b of bots) {
        if (t.x === b.x) continue;
        const score = (t.a + b.a) / 2;
        if (score > base + 0.25 && (!best || score > best.score)) best = { k, top: t.x, bot: b.x, score };
      }
    }
    if (!best) continue;
    const topLines = lines.slice(0, best.k), botLines = lines.slice(best.k);
    const keep = host.block!.lines.filter((i) => !lines.includes(i));
    host.block = null;
    for (const [target, moved] of [[best.top, topLines], [best.bot, botLines]] as const) {
      const own = target === host ? keep : target.block?.lines ?? [];
      target.block = { lines: [...moved, ...own].sort((a, b) => a - b) };
    }
    if (best.top !== host && best.bot !== host && keep.length) host.block = { lines: keep };
  }
}

function similarity(a: Set<Gram>, b: Set<Gram>): number {
  if (!a.size || !b.size) return 0;
  let hit = 0;
  for (const g of a) if (b.has(g)) hit++;
  return hit / Math.min(a.size, b.size);
}

function mergeFragments(S: Sides, stories: Story[]): Story[] {
  const out = [...stories];
  // A body's grams are asked for once per fragment otherwise: kept until the body grows.
  const known = new Map<Story, Set<Gram>>();
  const gramsOf = (s: Story) => known.get(s) ?? known.set(s, S.grams(s.seg.body)).get(s)!;
  for (const frag of stories) {
    if (frag.block || frag.seg.dateline.length || frag.seg.jumpFrom !== null || !frag.seg.soft || !frag.seg.body.length) continue;
    const g = gramsOf(frag);
    let best: Story | null = null, bestSim = 0.2;
    for (const s of out) {
      if (s === frag || !S.open(s)) continue;
      const sim = similarity(g, gramsOf(s));
      if (sim > bestSim) { best = s; bestSim = sim; }
    }
    if (!best) continue;
    known.delete(best);
    best.seg.body.push(...frag.seg.body);
    best.seg.jumpTo = frag.seg.jumpTo;
    out.splice(out.indexOf(frag), 1);
  }
  return out;
}

function moveTails(S: Sides, stories: Story[]): Story[] {
  let pairs: Set<string> | null = null; // every pair of adjacent characters of the page, built on first need
  const used = (pair: string) => {
    if (!pairs) {
      pairs = new Set();
      const flat = S.text.replace(/\s+/g, '');
      for (let i = 0; i + 1 < flat.length; i++) pairs.add(flat.slice(i, i + 2));
    }
    return pairs.has(pair);
  };
  const lineGrams = new Map<number, Gram[]>();
  const gramsOfLine = (i: number) => {
    let g = lineGrams.get(i);
    if (!g) lineGrams.set(i, (g = [...S.grams([i])]));
    return g;
  };
  const unfinished = stories.filter((s) => S.open(s));
  // A page with many unfinished stories is fragmented beyond what this repair can judge: leave it as it is.
  if (unfinished.length > MAX_OPEN) return stories;
  for (const open of unfinished) {
    const og = S.grams(open.seg.body);
    const openText = S.str(open.seg.body).replace(/\s+/g, '');
    const lastChar = openText[openText.length - 1];
    if (!lastChar || !isHan(lastChar.charCodeAt(0))) continue;
    let best: { host: Story; at: number; gain: number } | null = null;
    for (const host of stories) {
      if (host === open || host.seg.body.length < 4) continue;
      const body = host.seg.body;
      // Only paragraph starts that complete a word the page uses (总 + 理 -> 总理) are candidates.
      const starts = new Set<number>();
      for (let k = 2; k < body.length && starts.size < MAX_SPLITS; k++) {
        const u = S.units[body[k]!]!;
        if (u.lineStart && S.looks[body[k - 1]!]!.sentence && used(lastChar + S.text.slice(u.s, u.s + 1))) starts.add(k);
      }
      if (!starts.size) continue;
      sweepSplits(body.map(gramsOfLine), og, starts, (k, toOpen, toHead) => {
        const gain = toOpen - toHead;
        if (gain > 0.05 && (!best || gain > best.gain)) best = { host, at: k, gain };
      });
    }
    if (!best) continue;
    const { host, at } = best as { host: Story; at: number };
    open.seg.body.push(...host.seg.body.splice(at));
    open.seg.jumpTo = host.seg.jumpTo;
    host.seg.jumpTo = null;
  }
  return stories;
}

/**
 * Walks the split points of a body once, keeping gram counts of head and tail up to date, and reports for each
 * split in `at` how similar the tail is to `other` and to the head (shared grams over the smaller set).
 * Linear in the body's grams, where recomputing both halves at every split would be quadratic.
 */
function sweepSplits(lines: Gram[][], other: Set<Gram>, at: Set<number>, report: (k: number, toOther: number, toHead: number) => void): void {
  const tail = new Map<Gram, number>(), head = new Map<Gram, number>();
  for (const line of lines) for (const g of line) tail.set(g, (tail.get(g) ?? 0) + 1);
  let tailSize = tail.size, headSize = 0, tailOther = 0, both = 0;
  for (const g of tail.keys()) if (other.has(g)) tailOther++;
  for (let k = 1; k < lines.length; k++) {
    for (const g of lines[k - 1]!) {
      const t0 = tail.get(g)!, h0 = head.get(g) ?? 0;
      tail.set(g, t0 - 1);
      head.set(g, h0 + 1);
      both += Number(t0 > 1) - Number(h0 > 0);
      if (h0 === 0) headSize++;
      if (t0 === 1) { tailSize--; if (other.has(g)) tailOther--; }
    }
    if (!at.has(k)) continue;
    const toOther = tailSize && other.size ? tailOther / Math.min(tailSize, other.size) : 0;
    const toHead = tailSize && headSize ? both / Math.min(tailSize, headSize) : 0;
    report(k, toOther, toHead);
  }
}
