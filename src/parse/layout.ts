import type { Channel } from '../model/page.js';
import { candidate, capsByline, look, type Look } from './features.js';
import type { Unit } from './units.js';

/**
 * The column measure around unit `i`: the median width of full lines of running text, looking `dir` from `i`.
 * Measures are read from the text itself, never assumed, since they change from article to article.
 */
export function measureAround(units: Unit[], looks: Look[], i: number, dir: 1 | -1, count = 8): number {
  const ws: number[] = [];
  // Bounded walk: the measure is local, and an unbounded one would make the whole pass quadratic.
  for (let k = i, steps = 0; k >= 0 && k < units.length && ws.length < count && steps < 40; k += dir, steps++) {
    const u = units[k]!;
    if (u.kind === 'furniture' || u.kind === 'credit') continue;
    if (u.kind !== 'text' && u.kind !== 'dateline') break;
    if (u.lineStart && u.lineEnd && !looks[k]!.sentence && u.kind === 'text') ws.push(u.width);
  }
  if (ws.length < 3) return 0; // too few lines to know the measure: claim nothing from widths
  ws.sort((a, b) => a - b);
  return ws[ws.length >> 1]!;
}

/** The median width of all full lines of running text on the page: the fallback where a local measure is unknown. */
function measureOfPage(units: Unit[], looks: Look[]): number {
  // A histogram in half-em steps: widths are small numbers, and a sort of every line would cost more.
  const counts = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind !== 'text' || !u.lineStart || !u.lineEnd || looks[i]!.sentence) continue;
    counts.set(u.width, (counts.get(u.width) ?? 0) + 1);
    n++;
  }
  if (n < 5) return 0;
  let seen = 0;
  for (const w of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(w)!;
    if (seen > n >> 1) return w;
  }
  return 0;
}

/** Whether `u` has the look of display type relative to the measure `m` of the running text near it. */
function displayEvidence(u: Unit, l: Look, m: number, channel: Channel): boolean {
  // Copied web pages keep one paragraph a line: a line with no clause mark at all is a title there.
  if (l.spaced || l.dash || channel === 'web') return true;
  if (l.latin) return l.caps || l.titleCase || (m > 0 && u.width < 0.6 * m);
  if (l.phraseSpace) return true;
  return m > 0 && (u.width < 0.7 * m || u.width > 1.35 * m);
}

const isSkippable = (u: Unit) => u.kind === 'furniture' || u.kind === 'credit';

/**
 * Decides, for every text unit, whether it is display type (a headline line), a body subhead, or running text.
 *
 * A headline block can only start where running text has come to a stop (a sentence end, a jump marker, a
 * dateline-free edge). From there, a run of lines that could be headline lines is display when what follows
 * it is a dateline, a byline, a stranded 电, the end of the page or a continuation marker; when running text
 * follows, only the lines that look like display type (letter-spaced, off-measure, a phrase space) are.
 */
export function assignRoles(text: string, units: Unit[], channel: Channel): Look[] {
  const looks = units.map((u) => look(text, u));
  const pageMeasure = measureOfPage(units, looks);
  let boundary = true, seenText = false;
  for (let i = 0; i < units.length; ) {
    const u = units[i]!;
    if (isSkippable(u)) { if (u.kind === 'credit') boundary = true; i++; continue; }
    if (u.kind !== 'text') {
      boundary = (u.kind !== 'dateline' || !!u.dateline?.trailing) && !(u.kind === 'jump' && u.jump?.dir === 'from');
      i++;
      continue;
    }
    const l = looks[i]!;
    if (!candidate(text, u, l) || (!boundary && !headsAByline(units, looks, i))) {
      u.role = 'body';
      boundary = l.sentence;
      seenText = true;
      i++;
      continue;
    }
    // Collect the run of candidate lines (furniture inside a PDF headline block does not break it).
    const run: number[] = [i];
    let j = i + 1;
    for (; j < units.length; j++) {
      const k = units[j]!;
      if (isSkippable(k)) { if (channel === 'web') break; continue; }
      // A wrapped English headline goes on in lower case (`Voters head to polls` ⏎ `in record numbers`).
      const wraps = looks[j]!.lower && k.kind === 'text' && !looks[j]!.clause && !looks[j]!.innerStop && !looks[run[run.length - 1]!]!.sentence;
      if (!candidate(text, k, looks[j]!) && !wraps) break;
      run.push(j);
    }
    while (j < units.length && isSkippable(units[j]!)) j++;
    decideRun(text, units, looks, run, j, channel, pageMeasure, !seenText);
    seenText = true;
    const last = units[run[run.length - 1]!]!;
    boundary = last.role !== 'body' || looks[run[run.length - 1]!]!.sentence;
    i = run[run.length - 1]! + 1;
  }
  markSubheads(units, looks, channel);
  return looks;
}

/** A `——` subtitle or letter-spaced line right above a byline is display even in the middle of running text. */
function headsAByline(units: Unit[], looks: Look[], i: number): boolean {
  const l = looks[i]!;
  return (l.dash || l.spaced) && units[i + 1]?.kind === 'byline';
}

function decideRun(text: string, units: Unit[], looks: Look[], run: number[], next: number, channel: Channel, pageMeasure: number, pageStart = false): void {
  const nu = units[next];
  // An all-caps name line under a headline is its byline (English pages print them so).
  for (let r = 1; r < run.length; r++) {
    const by = capsByline(text, units[run[r]!]!);
    if (!by || looks[run[r]!]!.sentence) continue;
    const u = units[run[r]!]!;
    u.kind = 'byline'; u.role = 'byline'; u.byline = by;
    for (const k of run.slice(0, r)) units[k]!.role = 'display';
    const rest = run.slice(r + 1);
    if (rest.length) decideRun(text, units, looks, rest, next, channel, pageMeasure);
    return;
  }
  const hard = !nu || (nu.kind === 'dateline' && !nu.dateline?.trailing) || nu.kind === 'byline' || (nu.kind === 'jump' && nu.jump?.dir === 'from');
  if (hard) {
    // Above a `——` subtitle only display type is headline; a plain line at the measure of the text before it
    // is that text's last line (the subtitle's own headline went elsewhere in the extraction).
    const dash = run.findIndex((k) => looks[k]!.dash);
    let r = 0;
    if (dash > 0) {
      const m = measureAround(units, looks, run[0]! - 1, -1);
      while (m > 0 && r < dash && !displayEvidence(units[run[r]!]!, looks[run[r]!]!, m, channel)) units[run[r++]!]!.role = 'body';
    }
    for (; r < run.length; r++) units[run[r]!]!.role = 'display';
    return;
  }
  if (nu.kind === 'jump') { for (const k of run) units[k]!.role = 'body'; return; }
  const m = measureAround(units, looks, next, 1) || pageMeasure;
  let r = 0;
  // The first line of a paste, free of any clause mark, is its headline even when no measure says so.
  if (pageStart && !/[，、：；,;:]/.test(text.slice(units[run[0]!]!.s, units[run[0]!]!.e))) units[run[r++]!]!.role = 'display';
  for (; r < run.length && displayEvidence(units[run[r]!]!, looks[run[r]!]!, m, channel); r++) units[run[r]!]!.role = 'display';
  for (; r < run.length; r++) units[run[r]!]!.role = 'body';
}

/**
 * A single display line between two stretches of running text of the same measure, with no dateline or byline
 * after it, is a subhead inside an article (插题/小标题), not a new article.
 */
function markSubheads(units: Unit[], looks: Look[], channel: Channel): void {
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.role !== 'display' || looks[i]!.spaced) continue;
    let p = i - 1;
    while (p >= 0 && isSkippable(units[p]!)) p--;
    let n = i + 1;
    while (n < units.length && isSkippable(units[n]!)) n++;
    const prev = units[p], next = units[n];
    if (!prev || !next || prev.role !== 'body' || next.role !== 'body' || !looks[p]!.sentence) continue;
    const before = measureAround(units, looks, p, -1), after = measureAround(units, looks, n, 1);
    if (channel === 'web' || (before && after && after / before > 0.85 && after / before < 1.18)) u.role = 'subhead';
  }
}
