/**
 * Which article picks up which: pure scoring of (jumps-to, continued-from) pairs of story parts. Facts that
 * disagree rule a pair out (another paper, another day, another page, another keyword); facts that agree, the
 * repeated or shortened headline and a sentence left open at the jump make it likelier.
 */
import type { StoryPart } from './types.js';

/** A pair the linker proposes: `from` jumps to the page that `to` is on and continues it. */
export interface Proposal {
  from: string;
  to: string;
  fromClipping: string;
  toClipping: string;
  score: number;
}

const fold = (s: string | null) => (s ?? '').normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const cs = [...s];
  for (let i = 0; i + 1 < cs.length; i++) { const k = cs[i]! + cs[i + 1]!; m.set(k, (m.get(k) ?? 0) + 1); }
  return m;
}

/**
 * How alike two headlines are (0–1): the continuation often repeats the headline whole or shortened, so a
 * headline contained in the other counts as the same; otherwise the Dice coefficient of character bigrams.
 */
export function headlineLikeness(a: string | null, b: string | null): number {
  const x = fold(a), y = fold(b);
  if (x.length < 2 || y.length < 2) return 0;
  if (x.includes(y) || y.includes(x)) return 1;
  const bx = bigrams(x), by = bigrams(y);
  let shared = 0, total = 0;
  for (const [k, n] of bx) { shared += Math.min(n, by.get(k) ?? 0); total += n; }
  for (const n of by.values()) total += n;
  return total ? (2 * shared) / total : 0;
}

const CLOSED = /[。！？.!?”"’』」）)…]$/u;

/** Whether the jump cut a sentence (the first part ends open and the second does not start a new one). */
export function continuesText(tail: string, head: string): boolean {
  const t = tail.trimEnd(), h = head.trimStart();
  if (!t || !h) return false;
  if (CLOSED.test(t)) return false;
  return /^[\p{Ll}\p{Script=Han}，、；：,;]/u.test(h);
}

/**
 * Scores `a` (jumps to another page) continued by `b` (continued from another page), 0–1, or null when the two
 * cannot be one story.
 */
export function scorePair(a: StoryPart, b: StoryPart): number | null {
  if (!a.to || !b.from || a.articleId === b.articleId || a.clippingId === b.clippingId) return null;
  if (a.newspaper && b.newspaper && a.newspaper !== b.newspaper) return null;
  if (a.date && b.date && a.date !== b.date) return null;
  // Without the paper and the day on both pages, only pages of one PDF (one source) are known to be one edition.
  const sameSource = !!a.source && a.source === b.source;
  if (!(a.newspaper && b.newspaper && a.date && b.date) && !sameSource) return null;
  if (b.page && b.page !== a.to) return null;
  if (a.page && a.page !== b.from) return null;
  if (a.toKey && b.fromKey && a.toKey !== b.fromKey) return null;
  const pagesShown = Number(!!b.page) + Number(!!a.page);
  const keyed = !!a.toKey && (a.toKey === b.fromKey || fold(a.toKey) === fold(b.kicker));
  if (!pagesShown && !keyed) return null;
  const title = Math.max(headlineLikeness(a.headline, b.headline), headlineLikeness(a.kicker, b.headline), headlineLikeness(a.headline, b.kicker));
  let score = 0.3 + 0.15 * pagesShown + 0.25 * title + (keyed ? 0.15 : 0) + (continuesText(a.tail, b.head) ? 0.1 : 0);
  return Math.min(1, score);
}

/**
 * Proposes links among parts: every valid pair scored, then taken best first so that each part is linked once.
 * `taken` holds the articles already in a link on that side (`from|ID` / `to|ID`); `refused` the pairs a user
 * unlinked (`FROM>TO`), never proposed again. Two equally good partners for one part are a guess: neither is taken.
 */
export function propose(parts: StoryPart[], taken: Set<string>, refused: Set<string>): Proposal[] {
  const pairs: Proposal[] = [];
  for (const a of parts) {
    if (!a.to || taken.has(`from|${a.articleId}`)) continue;
    for (const b of parts) {
      if (!b.from || taken.has(`to|${b.articleId}`) || refused.has(`${a.articleId}>${b.articleId}`)) continue;
      const score = scorePair(a, b);
      if (score !== null) pairs.push({ from: a.articleId, to: b.articleId, fromClipping: a.clippingId, toClipping: b.clippingId, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score);
  const out: Proposal[] = [];
  const used = new Set<string>();
  for (const p of pairs) {
    if (used.has(`from|${p.from}`) || used.has(`to|${p.to}`)) continue;
    const tie = pairs.some((q) => q !== p && Math.abs(q.score - p.score) < 1e-9 && (q.from === p.from || q.to === p.to)
      && !used.has(`from|${q.from}`) && !used.has(`to|${q.to}`));
    used.add(`from|${p.from}`);
    used.add(`to|${p.to}`);
    if (!tie) out.push(p);
  }
  return out;
}
