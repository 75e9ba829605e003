/**
 * Properties of `parsePage` that hold for any input (fast-check):
 * (a) the coverage invariant: spans are disjoint, every non-white-space input character is in exactly one span, and
 *     every field's text is the text of its spans (helpers.ts `invariantProblems`);
 * (b) it never throws;
 * (c) its work grows linearly with the input. Time is never asserted: work is counted, as the number of basic
 *     blocks V8 executes in src/parse (precise block coverage through node:inspector) plus the characters regular
 *     expressions scan (RegExp.prototype.exec wrapped while the parse runs).
 *
 * The work counter starts and stops V8 precise coverage itself; do not run this file under `vitest --coverage`.
 *
 * Counterexamples found once are kept as fast-check `examples`, so they are tried on every run.
 */
import { Session } from 'node:inspector/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, invariantProblems, parsePage } from './helpers.js';

const RUNS = 200;
const JILIN = fixture('jilin-2022-11-11-p1.txt');

// ---------------------------------------------------------------------------------------------------------------
// Generators: page-like soup of CJK, Latin, digits, punctuation, line breaks, spaces and fragments of cue words.

const cjkChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const cjkRun = fc.array(cjkChar, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const latinWord = fc.stringMatching(/^[A-Za-z]{1,9}$/);
const CUES = [
  '本报讯', '本报', '讯', '电', '新华社', '新华社北京11月10日电 ', '本报11月10日讯', '本报 11 月 10 日讯', '（记者张三）', '(记者李四',
  '记者', '）', '本报评论员', '——', '摄', '本报记者 王五 摄', '责任编辑：', '2022年11月11日', '星期五', '强 化 举 措', '11 月 8',
  'By ', 'By JANE DOE', 'WASHINGTON — ', 'WASHINGTON (AP) — ', 'HOUSTON, Jan 27 (Reuters) - ', 'gov-\nernment', 'well-\nknown',
  '-\n', '　　', 'XIN SHAN/The Stanford Daily',
];
const PUNCT = ['。', '，', '、', '“', '”', '（', '）', '\n', '\n', '\n\n', ' ', ' ', '.', ',', '—', '：'];
// Jump markers sharing their line with body text; a bare marker is `BARE_JUMPS`, exercised below.
const gluedJump = fc.oneof(
  cjkRun.map((s) => `${s}（下转第二版）`),
  cjkRun.map((s) => `（上接第一版）${s}`),
  latinWord.map((w) => `${w} said. Continued on Page A12`),
  latinWord.map((w) => `Continued from Page 1 ${w}`),
);
const BARE_JUMPS = ['（下转第二版）', '（上接第一版）', 'Continued on Page A12', 'Continued from Page 1'];

const soup = (jumps: fc.Arbitrary<string>) => fc.array(fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CUES) },
  { weight: 6, arbitrary: cjkRun },
  { weight: 2, arbitrary: latinWord },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{1,4}$/) },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: jumps },
), { maxLength: 80 }).map((a) => a.join(''));

const pageSoup = soup(gluedJump);
const pageSoupWithBareJumps = soup(fc.oneof(gluedJump, fc.constantFrom(...BARE_JUMPS)));

function assertInvariant(text: string): void {
  const problems = invariantProblems(text, parsePage(text));
  expect(problems, JSON.stringify(text)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------------
describe('(a) coverage invariant', () => {
  it('holds on the Jilin page', () => {
    assertInvariant(JILIN);
  });

  it('holds on the Jilin page with every line doubled by a blank line, and with CRLF line ends', () => {
    assertInvariant(JILIN.split('\n').join('\n\n'));
    assertInvariant(JILIN.replace(/\n/g, '\r\n'));
  });

  it('holds on random page soup (CJK, Latin, digits, punctuation, cue fragments; jump markers next to body text)', () => {
    fc.assert(fc.property(pageSoup, assertInvariant), { numRuns: RUNS });
  });

  // A jump marker with no body text, dateline or headline in its segment is dropped (the final filter of
  // reassemble() in src/parse/reassemble.ts): "（下转第二版）" alone parses to no article and no item, so its
  // characters are in no span.
  it('holds on random page soup with bare jump markers (（下转第二版） or Continued on Page A12 alone)', () => {
    fc.assert(fc.property(pageSoupWithBareJumps, assertInvariant), {
      numRuns: RUNS,
      examples: [['（下转第二版）'], ['Continued on Page A12']],
    });
  });

  it('holds on random strings of any code points', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), assertInvariant), { numRuns: RUNS });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('(b) never throws', () => {
  const parses = (text: string) => {
    const page = parsePage(text);
    expect(Array.isArray(page.articles) && Array.isArray(page.items)).toBe(true);
  };
  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
  const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
  // White space the segmenter treats as such: ASCII, NBSP, U+2000–U+200B, U+3000, BOM.
  const space = fc.constantFrom(' ', '\t', '\r', '\v', '\f', '\u00a0', '\u2002', '\u200b', '\u3000', '\ufeff');
  const hostile = (extra: fc.Arbitrary<string>[]) => fc.array(fc.oneof(
    loneSurrogate, control, fc.constant('\0'), space, cjkRun, latinWord, fc.constantFrom(...CUES, ...BARE_JUMPS, ...PUNCT), ...extra,
  ), { maxLength: 60 }).map((a) => a.join(''));

  it('on printable ASCII strings (fc.string)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), parses), { numRuns: RUNS });
  });

  it('on strings of any Unicode code points, astral ones included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), parses), { numRuns: RUNS });
  });

  it('on strings of UTF-16 code units (lone surrogates)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 400 }), parses), { numRuns: RUNS });
  });

  it('on cue soup mixed with lone surrogates, NULs, control characters and every kind of space', () => {
    fc.assert(fc.property(hostile([]), parses), { numRuns: RUNS });
  });

  // U+2028 LINE SEPARATOR (and U+2029, U+1680, U+202F, U+205F) is white space to `\s` but not to the segmenter's
  // isSpace: "本报讯\u2028" makes a body of one such character, and moveTails (src/parse/reassemble.ts) reads the last
  // character of its white-space-stripped text, which is empty: TypeError "reading 'charCodeAt'".
  it('on text holding U+2028 / U+2029 / U+1680 / U+202F / U+205F (e.g. "本报讯\\u2028")', () => {
    const jsOnlySpace = fc.constantFrom('\u2028', '\u2029', '\u1680', '\u202f', '\u205f');
    fc.assert(fc.property(hostile([jsOnlySpace]), parses), { numRuns: RUNS, examples: [['本报讯\u2028'], ['新华社北京11月10日电 \u2029']] });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('(c) linear work', () => {
  const session = new Session();
  beforeAll(async () => {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  });
  afterAll(async () => {
    await session.post('Profiler.stopPreciseCoverage');
    await session.post('Profiler.disable');
    session.disconnect();
  });

  /** Basic blocks executed in src/parse plus characters scanned by regular expressions while parsing `text`. */
  async function work(text: string): Promise<number> {
    await session.post('Profiler.takePreciseCoverage'); // resets the counters
    let scanned = 0;
    const exec = RegExp.prototype.exec;
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const m = exec.call(this, s);
      // A sticky or ^-anchored expression tries one position; others scan on to a match or to the end.
      const oneTry = this.sticky || (this.source.startsWith('^') && !this.multiline);
      scanned += m ? m.index + m[0].length - from : oneTry ? 1 : String(s).length - from;
      return m;
    };
    try {
      parsePage(text);
    } finally {
      RegExp.prototype.exec = exec;
    }
    const { result } = await session.post('Profiler.takePreciseCoverage');
    let blocks = 0;
    for (const script of result) {
      if (!script.url.includes('/src/parse/')) continue;
      for (const f of script.functions) for (const r of f.ranges) blocks += r.count;
    }
    return blocks + scanned;
  }

  /** Work for 4n over work for n: about 4 when linear, about 16 when quadratic. */
  async function growth(make: (n: number) => string, n: number): Promise<number> {
    await work(make(n)); // warm-up: compile and reach steady state before counting
    const small = await work(make(n)), large = await work(make(4 * n));
    return large / small;
  }

  const ENGLISH = [
    'Senate Passes Stopgap Bill', 'By JANE DOE', 'WASHINGTON (AP) — The Senate voted', 'on Thursday to pass a gov-',
    'ernment funding bill, the', 'government said.', 'Continued on Page A12', '',
  ].join('\n');

  it('keeps the article count in proportion when a page is repeated 10 and 40 times', () => {
    const one = parsePage(JILIN).articles.length;
    const n = parsePage(`${JILIN}\n`.repeat(10)).articles.length, n4 = parsePage(`${JILIN}\n`.repeat(40)).articles.length;
    expect(one).toBe(7);
    expect(Math.abs(n - 10 * one)).toBeLessThanOrEqual(1);
    expect(Math.abs(n4 - 4 * n)).toBeLessThanOrEqual(4);
  }, 30_000);

  it.each<[string, (n: number) => string, number]>([
    ['the Jilin page repeated (10 vs 40 copies)', (n) => `${JILIN}\n`.repeat(n), 10],
    ['an English wire story repeated', (n) => ENGLISH.repeat(n), 100],
    ['lines that each end a sentence', (n) => '这是一句完整的话。\n'.repeat(n), 300],
    ['short unpunctuated lines (headline candidates)', (n) => '这是一个标题\n'.repeat(n), 300],
    ['wrapped Chinese paragraphs', (n) => '这是一句完整的话，后面还有\n很多内容。\n'.repeat(n), 300],
    ['datelines each on its own line', (n) => '本报讯（记者\n'.repeat(n), 300],
    ['credit, byline and staff lines', (n) => '本报记者 王五 摄\n本报记者 王五\n责任编辑：王五\n'.repeat(n), 300],
    ['one long line of running text', (n) => '这是一句完整的话，后面还有很多内容'.repeat(n), 300],
    ['one long letter-spaced line', (n) => '强 化 '.repeat(5 * n), 300],
    ['one long line of capitals ending in a dash', (n) => `${'WASHINGTON '.repeat(3 * n)}—`, 300],
    ['one long line of spaced dates (1 月 1 月 …)', (n) => '1 月 '.repeat(3 * n), 300],
    ['one long line of glued jump markers', (n) => '文（下转第二版）'.repeat(n), 300],
    ['one long line of opening parentheses', (n) => '（'.repeat(10 * n), 300],
  ])('grows linearly on %s', async (_name, make, n) => {
    expect(await growth(make, n)).toBeLessThan(6);
  }, 60_000);

  // cutLine (src/parse/units.ts) calls findDateline once per dateline, and each call runs the 电头 expression over
  // the rest of the line: work grows with (datelines on the line) × (line length).
  it('grows linearly on one long line of glued 讯头 (本报讯（记者本报讯（记者…)', async () => {
    expect(await growth((n) => '本报讯（记者'.repeat(n), 300)).toBeLessThan(6);
  }, 60_000);

  it('grows linearly on one long line of glued 电头 (新华社北京11月10日电 新华社…)', async () => {
    expect(await growth((n) => '新华社北京11月10日电 '.repeat(n), 300)).toBeLessThan(6);
  }, 60_000);

  // joinWrapped (src/parse/render.ts) tests /[A-Za-z]-$/ against the whole paragraph rendered so far at every
  // line-end hyphen: one paragraph of n hyphenated lines costs n² (20 000 lines take about 25 s).
  it('grows linearly on one paragraph with a line-end hyphen on every line', async () => {
    expect(await growth((n) => 'the gov-\nernment said '.repeat(n), 300)).toBeLessThan(6);
  }, 60_000);

  it.each([
    ['本报 × 20 000', '本报'.repeat(20_000)],
    ['（ × 50 000', '（'.repeat(50_000)],
    ['A × 100 000 + " —"', `${'A'.repeat(100_000)} —`],
    ['"1 月 " × 30 000', '1 月 '.repeat(30_000)],
    ['本报讯 × 5 000', '本报讯'.repeat(5_000)],
    ['新华社北京 × 20 000', '新华社北京'.repeat(20_000)],
    ['"By " × 30 000', 'By '.repeat(30_000)],
    ['— × 100 000', '—'.repeat(100_000)],
    ['"（下转第" × 20 000', '（下转第'.repeat(20_000)],
    ['"See BUDGET " × 10 000', 'See BUDGET '.repeat(10_000)],
    ['"A -⏎" × 30 000', 'A -\n'.repeat(30_000)],
  ])('parses the pathological input %s, keeping the coverage invariant', (_name, text) => {
    assertInvariant(text);
  }, 30_000);
});
