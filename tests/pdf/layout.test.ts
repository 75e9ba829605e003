/**
 * The layout reader on made-up text runs (no PDF, no pdf.js): reading order, paragraphs, roles by type size and
 * position, furniture, captions, and the text it emits.
 */
import { describe, expect, it } from 'vitest';
import type { LayoutRole } from '../../src/model/page.js';
import { layoutPage } from '../../src/pdf/layout.js';
import { cleanRun } from '../../src/pdf/lines.js';
import type { Box, Run } from '../../src/pdf/types.js';
import { normalizeGlyphs } from '../../src/pdf/unicode.js';
import { run } from './helpers.js';

const W = 600, H = 800, BODY = 10;

/**
 * A CJK paragraph set in a column at `x` from `top`, `per` characters a line at 10 pt, the first line indented
 * two characters (justified: every line but the last fills the measure). Returns the runs and the next top.
 */
function para(text: string, x: number, top: number, per = 10, font = 'Body'): { runs: Run[]; next: number } {
  const runs: Run[] = [];
  let i = 0, line = 0;
  const chars = [...text];
  while (i < chars.length) {
    const indent = line === 0 ? 2 : 0;
    const take = chars.slice(i, i + per - indent);
    runs.push(run(take.join(''), x + indent * BODY, top + line * 15, BODY, font));
    i += take.length;
    line++;
  }
  return { runs, next: top + line * 15 };
}

/** The emitted text's lines with their roles. */
function roles(text: string, lines: { start: number; role: LayoutRole }[]): [string, LayoutRole][] {
  return lines.map((l) => [text.slice(l.start, text.indexOf('\n', l.start)), l.role]);
}

const P1 = '第一段文字从这里开始一直写到这一栏的最底下然后转到下一栏';
const P2 = '第二段在第二栏接着写完。';

describe('reading order', () => {
  it('reads two columns one after the other, and a paragraph runs on from the foot of one to the head of the next', () => {
    const col1 = para(P1.slice(0, 18), 20, 100).runs; // 8 characters after the indent, then a full line
    // The second column picks the paragraph up mid-sentence: its first line is not indented.
    const col2 = [run(P1.slice(18), 140, 100, BODY), ...para(P2, 140, 115).runs];
    const out = layoutPage([...col2, ...col1], [], W, H); // content-stream order: column 2 first
    expect(out.text.trim().split('\n').filter(Boolean)).toEqual([P1, P2]);
  });

  it('keeps two columns apart when their lines share baselines, however the runs come', () => {
    const left = para('左栏的文字写在这里，一共有好几行，一直写到这里为止。', 20, 100).runs;
    const right = para('右栏的文字是另一篇稿子的正文，也写了好几行才结束。', 140, 100).runs;
    const interleaved = left.flatMap((r, i) => [r, right[i]!]).filter(Boolean);
    const out = layoutPage(interleaved, [], W, H);
    expect(out.text).toContain('左栏的文字写在这里，一共有好几行，一直写到这里为止。');
    expect(out.text).toContain('右栏的文字是另一篇稿子的正文，也写了好几行才结束。');
  });

  it('cuts a single line only where its pieces stand far apart (a footer), not at letter-spacing', () => {
    const runs = [
      ...para('正文第一段写在这里，有好几行的文字内容。', 20, 100).runs,
      run('本版责编：张三', 20, 780, 8), run('第 2 版', 540, 780, 8),
      run('向', 200, 60, 28), run('海', 245, 60, 28), run('图', 290, 60, 28), run('强', 335, 60, 28),
    ];
    const out = layoutPage(runs, [], W, H);
    expect(out.text).toContain('向海图强\n'); // letter-spaced headline: one line, spacing gone
    expect(out.text).toMatch(/本版责编：张三\n第 2 版/); // the footer's two ends are two pieces
  });
});

describe('roles by type size and position', () => {
  it('gives a title block kicker, headline and subtitle by size, and places it before its body', () => {
    const body = para('本报北京9月20日电（记者王强）会议今天召开，研究部署有关工作。', 20, 200).runs;
    const title = [
      run('全国秋粮收购工作会议在京召开', 40, 120, 14),
      run('抓实秋粮收购守牢粮食安全底线', 20, 150, 24),
      run('——各地多措并举保障农民利益', 40, 175, 14),
    ];
    const out = layoutPage([...body, ...title], [], W, H); // the body first in the content stream
    expect(roles(out.text, out.layout.lines)).toEqual([
      ['全国秋粮收购工作会议在京召开', 'kicker'],
      ['抓实秋粮收购守牢粮食安全底线', 'headline'],
      ['——各地多措并举保障农民利益', 'subtitle'],
      ['本报北京9月20日电（记者王强）会议今天召开，研究部署有关工作。', 'body'],
    ]);
  });

  it('reads stories side by side, each under its own headline, one after the other', () => {
    const runs = [
      run('左边的标题', 20, 60, 20), ...para('左边稿子的正文写在这里，写了好几行。', 20, 90).runs,
      run('右边的标题', 260, 60, 20), ...para('右边稿子的正文写在这里，也写了几行。', 260, 90).runs,
    ];
    const out = layoutPage(runs, [], W, H);
    expect(out.text.trim().split('\n').filter(Boolean)).toEqual([
      '左边的标题', '左边稿子的正文写在这里，写了好几行。', '右边的标题', '右边稿子的正文写在这里，也写了几行。',
    ]);
  });

  it('reads a centred headline before the outer columns of its story', () => {
    const runs = [
      ...para('第一栏的正文从这里开始写，写了好几行字。', 20, 100).runs,
      ...para('第二栏的正文从这里开始写，写了好几行字。', 140, 100).runs,
      ...para('第三栏的正文从这里开始写，写了好几行字。', 260, 100).runs,
      run('居中的大标题', 150, 70, 20, 'Head', 90),
    ];
    const lines = layoutPage(runs, [], W, H).text.trim().split('\n').filter(Boolean);
    expect(lines[0]).toBe('居中的大标题');
    expect(lines.slice(1).map((l) => l.slice(0, 3))).toEqual(['第一栏', '第二栏', '第三栏']);
  });

  it('makes furniture of a masthead with its ears and of the footer, captions of text under a picture', () => {
    const picture: Box = { x0: 260, y0: 200, x1: 380, y1: 280 };
    const runs = [
      run('网址：example.cn', 20, 40, 9, 'Body', 80), run('晨光日报', 200, 50, 40), run('2026年9月21日', 480, 40, 9, 'Body', 80),
      run('标题在这里', 20, 150, 20), ...para('正文从这里开始写，一共写了好几行字。', 20, 180).runs,
      run('图为收割机在田间作业。', 260, 295, 9, 'Caption', 110),
      run('本版责编：张三', 20, 785, 8),
    ];
    const out = layoutPage(runs, [picture], W, H);
    const got = Object.fromEntries(roles(out.text, out.layout.lines));
    expect(got).toMatchObject({
      '网址：example.cn': 'furniture', '晨光日报': 'furniture', '2026年9月21日': 'furniture',
      '标题在这里': 'headline', '图为收割机在田间作业。': 'caption', '本版责编：张三': 'furniture',
    });
  });

  it('makes a short body-size line in another face a subhead, and a byline under a headline a byline', () => {
    const a = para('第一段正文写在这里，一共写了好几行字。', 20, 200);
    const sub = run('加开夜间高铁', 40, a.next + 5, BODY, 'Bold');
    const b = para('第二段正文写在这里，也写了好几行字。', 20, a.next + 25);
    const runs = [run('标题在这里', 20, 150, 20), run('本报记者 张三', 40, 175, BODY, 'Body', 70), ...a.runs, sub, ...b.runs];
    const got = roles(layoutPage(runs, [], W, H).text, layoutPage(runs, [], W, H).layout.lines);
    expect(got.map(([, r]) => r)).toEqual(['headline', 'byline', 'body', 'subhead', 'body']);
    expect(got[1]![0]).toBe('本报记者 张三');
  });
});

describe('text', () => {
  it('drops the spaces pdf.js reads into justified and letter-spaced CJK, keeps those between Latin words', () => {
    expect(cleanRun('从 秋 意 渐 浓 的 中 国')).toBe('从秋意渐浓的中国');
    expect(cleanRun('24 小 时 的 新 德 里 之 行 ，')).toBe('24小时的新德里之行，');
    expect(cleanRun('New  York City')).toBe('New York City');
    expect(cleanRun('共享 AI 技术')).toBe('共享 AI 技术');
  });

  it('reads radicals that fonts map their shared glyphs to as the ideographs', () => {
    expect(normalizeGlyphs('粮\u2edd工作 9\u2f49 \u2e3a论')).toBe('粮食工作 9月 ——论');
  });

  it('joins wrapped Latin lines with a space and drops a hyphen only for a word the page prints whole', () => {
    const runs = [
      run('The council voted to approve the new', 20, 100, 10, 'Body', 200),
      run('government building and the gov-', 20, 115, 10, 'Body', 200),
      run('ernment agreed. A well-', 20, 130, 10, 'Body', 200),
      run('known critic objected.', 20, 145, 10, 'Body', 110),
    ];
    expect(layoutPage(runs, [], W, H).text).toBe('The council voted to approve the new government building and the government agreed. A well-known critic objected.\n');
  });
});
