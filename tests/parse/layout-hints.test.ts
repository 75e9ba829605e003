/**
 * `parsePage(text, { layout })`: line roles from a layout reader (the PDF path) win over the text heuristics;
 * without them nothing changes.
 */
import { describe, expect, it } from 'vitest';
import type { LayoutLine, LayoutRole, PageLayout } from '../../src/model/page.js';
import { invariantProblems, lines, parsePage, summary } from './helpers.js';

/** Text and a layout from [line, role] pairs: one layout line per text line. */
function laidOut(rows: [string, LayoutRole][]): { text: string; layout: PageLayout } {
  const out: LayoutLine[] = [];
  let at = 0;
  for (const [line, role] of rows) {
    out.push({ start: at, role });
    at += line.length + 1;
  }
  return { text: lines(...rows.map(([l]) => l)) + '\n', layout: { lines: out } };
}

describe('layout hints', () => {
  it('takes kicker, headline and subtitle from the layout, however the lines look', () => {
    // Without the layout, a two-line block with no clause marks reads as one wrapped headline.
    const { text, layout } = laidOut([
      ['全国秋粮收购工作会议在京召开', 'kicker'],
      ['抓实秋粮收购守牢粮食安全底线', 'headline'],
      ['各地多措并举保障农民利益', 'subtitle'],
      ['本报北京9月20日电（记者王强）会议今天召开。', 'body'],
      ['会议指出，要切实抓好收购工作。', 'body'],
    ]);
    const a = parsePage(text, { channel: 'pdf', layout }).articles;
    expect(a.map(summary)).toEqual([{
      kicker: '全国秋粮收购工作会议在京召开', headline: '抓实秋粮收购守牢粮食安全底线', subtitle: '各地多措并举保障农民利益',
      dateline: '本报北京9月20日电（记者王强）', byline: null, authors: ['王强'], first: '会议今天召开。', paras: 2, to: null, from: null,
    }]);
  });

  it('reads every line as a paragraph, a subhead as one of them, and headline blocks before their bodies', () => {
    const { text, layout } = laidOut([
      ['第一篇的标题', 'headline'],
      ['第一篇的第一段。', 'body'],
      ['小标题', 'subhead'],
      ['第一篇的第二段', 'body'], // no sentence end: the text heuristics would run it into what follows
      ['第二篇的标题', 'headline'],
      ['本报记者 张三', 'byline'],
      ['第二篇的正文。', 'body'],
    ]);
    const page = parsePage(text, { channel: 'pdf', layout });
    expect(page.headlineOrder).toBe('before');
    expect(page.articles.map((a) => [a.headline, a.byline, a.paragraphs])).toEqual([
      ['第一篇的标题', null, ['第一篇的第一段。', '小标题', '第一篇的第二段']],
      ['第二篇的标题', '本报记者', ['第二篇的正文。']],
    ]);
    expect(page.articles[1]!.authors).toEqual(['张三']);
    expect(invariantProblems(text, page)).toEqual([]);
  });

  it('makes page items of furniture and captions, and keeps jump markers found in the text', () => {
    const { text, layout } = laidOut([
      ['晨光日报', 'furniture'],
      ['标题在这里', 'headline'],
      ['正文写在这里，一直写到最后', 'body'],
      ['（下转第二版）', 'body'],
      ['图为收割机在田间作业。', 'caption'],
      ['本版责编：张三', 'furniture'],
    ]);
    const page = parsePage(text, { channel: 'pdf', layout });
    expect(page.articles.map(summary)).toEqual([expect.objectContaining({ headline: '标题在这里', paras: 1, to: '2' })]);
    expect(page.items.map((i) => [i.kind, i.text])).toEqual([
      ['furniture', '晨光日报'], ['caption', '图为收割机在田间作业。'], ['furniture', '本版责编：张三'],
    ]);
    expect(invariantProblems(text, page)).toEqual([]);
  });

  it('changes nothing when absent', () => {
    const text = lines('韩俊到通化市调研时强调', '强 化 举 措 解 决 问 题', '本报讯（记者于小博）今天，省长韩俊到通化市调研。');
    expect(parsePage(text, { channel: 'pdf' })).toEqual(parsePage(text, { channel: 'pdf', layout: undefined }));
    expect(parsePage(text).articles[0]!.kicker).toBe('韩俊到通化市调研时强调');
  });
});
