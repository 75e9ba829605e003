/** Focused tests of the cue recognisers (src/parse/cues/*) and of the field renderer (src/parse/render.ts). */
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/model/page.js';
import { parseByline } from '../../src/parse/cues/byline.js';
import { isCredit } from '../../src/parse/cues/credit.js';
import { findDateline } from '../../src/parse/cues/dateline.js';
import { isFurniture } from '../../src/parse/cues/furniture.js';
import { findJumps } from '../../src/parse/cues/jump.js';
import { splitZhNames } from '../../src/parse/cues/names.js';
import { pageRef, parseNumeral } from '../../src/parse/cues/numbers.js';
import { cleanInline, pageLexicon, renderSpans } from '../../src/parse/render.js';

/** findDateline on the first line of `text`; returns the matched text and authors. */
function dateline(text: string, from = 0) {
  const nl = text.indexOf('\n', from);
  const d = findDateline(text, from, nl < 0 ? text.length : nl);
  return d && { text: text.slice(d.start, d.end), start: d.start, authors: d.authors, complete: d.complete };
}

describe('findDateline', () => {
  it.each([
    ['本报讯（记者于小博）11 月 8', '本报讯（记者于小博）', ['于小博']],
    ['本报讯(记者张三)今天', '本报讯(记者张三)', ['张三']],
    ['本报 11月 10日讯（记者于小博）今天', '本报 11月 10日讯（记者于小博）', ['于小博']],
    ['本报11月10日讯（记者黄鹭）', '本报11月10日讯（记者黄鹭）', ['黄鹭']],
    ['本报北京11月10日电（记者 张三）今天', '本报北京11月10日电（记者 张三）', ['张三']],
    ['本报长春１１月１０日电 今天', '本报长春１１月１０日电', []],
    ['新华社北京11月10日电 中共中央政治局', '新华社北京11月10日电', []],
    ['据新华社北京11月10日电 ', '据新华社北京11月10日电', []],
    ['中新社香港11月10日电（记者 张三）', '中新社香港11月10日电（记者 张三）', ['张三']],
    ['新华社北京十二月三十一日电(中央人民广播电台记者刘振英、新华社记者张宿堂)今天是一九九七年的最后一天。',
      '新华社北京十二月三十一日电(中央人民广播电台记者刘振英、新华社记者张宿堂)', ['刘振英', '张宿堂']],
    ['本报讯(张三、李四)今天', '本报讯(张三、李四)', ['张三', '李四']],
    ['本报讯（记者王红 通讯员李强）今天', '本报讯（记者王红 通讯员李强）', ['王红', '李强']],
  ])('finds the dateline of %j', (line, text, authors) => {
    const d = dateline(line);
    expect(d).toMatchObject({ text, start: 0, authors, complete: true });
  });

  it('finds a dateline glued to the tail of a headline, with offsets into the whole input', () => {
    const input = '标题\n韩俊主持本报讯（记者华泰来）日前，在';
    const d = findDateline(input, 3, input.length);
    expect(d && input.slice(d.start, d.end)).toBe('本报讯（记者华泰来）');
    expect(d?.start).toBe(7);
    expect(d?.authors).toEqual(['华泰来']);
  });

  it('follows a reporter parenthesis that wraps onto the next line', () => {
    const input = '本报 11月 10日讯（记者于小\n博）今天，省委副书记';
    const d = findDateline(input, 0, input.indexOf('\n'));
    expect(d && input.slice(d.start, d.end)).toBe('本报 11月 10日讯（记者于小\n博）');
    expect(d?.end).toBeGreaterThan(input.indexOf('\n'));
    expect(d?.authors).toEqual(['于小博']);
  });

  it('accepts a wire dateline whose 电 was stranded elsewhere only at the end of the line, as incomplete', () => {
    expect(dateline('新华社北京11月10日')).toMatchObject({ text: '新华社北京11月10日', complete: false });
    expect(dateline('新华社北京11月10日召开会议')).toBeNull();
  });

  it('marks a dateline printed in brackets after the body as trailing', () => {
    const input = '抓好贯彻落实。（新华社北京9月14日电）';
    const d = findDateline(input, 0, input.length);
    expect(d && input.slice(d.start, d.end)).toBe('（新华社北京9月14日电）');
    expect(d?.trailing).toBe(true);
  });

  it('leaves out a parenthesis that holds no reporter, or that does not close nearby', () => {
    expect(dateline('本报讯（今天。天气）')?.text).toBe('本报讯');
    expect(dateline('本报讯（记者于小博')?.text).toBe('本报讯');
  });

  it.each([
    '本报记者王五电话采访了市长',
    '本报北京11月10日电话会议',
    '本报电视台今天播出',
    '本报驻京记者讯',
    '记者从省统计局获悉，',
    'The Senate voted — narrowly — on',
    'US — x',
    'I — x',
    'AP — wire copy',
  ])('finds no dateline in %j', (line) => {
    expect(dateline(line)).toBeNull();
  });

  it.each([
    ['WASHINGTON (AP) — The Senate', 'WASHINGTON (AP) —'],
    ['HOUSTON, Jan 27 (Reuters) - The new', 'HOUSTON, Jan 27 (Reuters) -'],
    ['KYIV, Ukraine (AP) — Ukrainian', 'KYIV, Ukraine (AP) —'],
    ['BEIRUT, Lebanon, June 2 — The', 'BEIRUT, Lebanon, June 2 —'],
    ['SAN FRANCISCO (AP) — The', 'SAN FRANCISCO (AP) —'],
    ['WASHINGTON (Reuters) - The', 'WASHINGTON (Reuters) -'],
    ['London, May 1.— The', 'London, May 1.—'],
  ])('finds the English dateline of %j', (line, text) => {
    expect(dateline(line)).toMatchObject({ text, start: 0, authors: [], complete: true });
  });

  it('finds an English dateline only at the start of the line', () => {
    expect(dateline('He said WASHINGTON (AP) — was wrong')).toBeNull();
  });

  // ANATOMY §1.3: names are split on explicit delimiters, and a space is one (as parseByline and splitZhNames do).
  it('splits reporters separated by a space inside the parenthesis (记者王红 李强)', () => {
    expect(dateline('本报讯（记者王红 李强）今天')?.authors).toEqual(['王红', '李强']);
  });
});

describe('findJumps', () => {
  const jumps = (line: string) => findJumps(line).map((j) => ({ text: line.slice(j.start, j.end), dir: j.dir, page: j.page }));

  it.each([
    ['艺装备水平， （下转第二版）', '（下转第二版）', 'to', '2'],
    ['（上接第一版）', '（上接第一版）', 'from', '1'],
    ['(下转A2版)', '(下转A2版)', 'to', 'A2'],
    ['（下转Ｂ２版）', '（下转Ｂ２版）', 'to', 'B2'],
    ['（下转第 2 版）', '（下转第 2 版）', 'to', '2'],
    ['（转第4版）', '（转第4版）', 'to', '4'],
    ['（接第3版）', '（接第3版）', 'from', '3'],
    ['（紧接第一版）', '（紧接第一版）', 'from', '1'],
    ['（续第十二版）', '（续第十二版）', 'from', '12'],
    ['the council said. Continued on Page A12', 'Continued on Page A12', 'to', 'A12'],
    ['continued on page 3', 'continued on page 3', 'to', '3'],
    ['the council said. See BUDGET, Page A4', 'See BUDGET, Page A4', 'to', 'A4'],
    ['Please see SCHOOLS on A6', 'Please see SCHOOLS on A6', 'to', 'A6'],
    ['Continued from Page 1', 'Continued from Page 1', 'from', '1'],
    ['From Page 1', 'From Page 1', 'from', '1'],
    ['BUDGET, from A1', 'BUDGET, from A1', 'from', 'A1'],
  ])('reads %j', (line, text, dir, page) => {
    expect(jumps(line)).toEqual([{ text, dir, page }]);
  });

  it.each([
    '会议还研究了其他事项。',
    '第二版',
    '（第二版）',
    'see the report on page 3',
    'from the start of the meeting',
    'We will continue on Tuesday.',
  ])('finds no jump in %j', (line) => {
    expect(findJumps(line)).toEqual([]);
  });

  // CONT_ON (src/parse/cues/jump.ts) has a `story continues on` branch, but the cheap gate in front of the English
  // expressions only lets lines with continued / cont'd / see / from through.
  it('reads "Story continues on P. 5" (the story-continues form of CONT_ON)', () => {
    expect(jumps('Story continues on P. 5')).toEqual([{ text: 'Story continues on P. 5', dir: 'to', page: '5' }]);
  });

  it('finds every marker of a line, in order', () => {
    expect(jumps('（上接第一版）正文（下转第三版）')).toEqual([
      { text: '（上接第一版）', dir: 'from', page: '1' },
      { text: '（下转第三版）', dir: 'to', page: '3' },
    ]);
  });
});

describe('isFurniture', () => {
  it.each([
    '责任编辑：王五',
    '责任编辑：王五 美编：赵六 校对：孙七',
    '本版责编：史一棋',
    '版式设计：李四',
    '2022年11月11日 星期五',
    '2022 年 11 月 11 日',
    '星期五',
    '第01版：要闻',
    '第 3 版',
    'PDF下载',
    '《人民日报》（2022年11月11日 第 01 版）',
    '人民日报社概况 | 关于人民网 | 报社招聘',
    'Tuesday, March 3, 2020',
    'March 3, 2020',
    'A4 | Tuesday, March 3, 2020 | The Daily News',
    'Page 4',
    'A4',
  ])('takes %j for furniture', (line) => {
    expect(isFurniture(line, false)).toBe(true);
  });

  it.each([
    '会议还研究了其他事项。',
    '编辑说，这是好事。',
    '编辑部的故事',
    '本报记者王五电话采访了',
    '11月10日',
    '记者从省统计局获悉，',
    'The Senate voted',
    '本报评论员',
  ])('does not take %j for furniture', (line) => {
    expect(isFurniture(line, false)).toBe(false);
    expect(isFurniture(line, true)).toBe(false);
  });

  it('takes a bare paper name for a masthead only near the edge of the page', () => {
    for (const name of ['吉林日报', 'The Daily News']) {
      expect(isFurniture(name, true)).toBe(true);
      expect(isFurniture(name, false)).toBe(false);
    }
  });

  // ANATOMY §1.7: full-width digits are common in extracted text; the year already accepts them.
  it('takes a date written in full-width digits (２０２２年１１月１１日) for furniture', () => {
    expect(isFurniture('２０２２年１１月１１日', false)).toBe(true);
  });
});

describe('isCredit', () => {
  it.each([
    '本报记者 王五 摄',
    '本报记者王五摄',
    '新华社记者 鞠鹏 摄',
    '记者 王五 李四 摄',
    '新华社发 李四摄',
    '新华社发',
    '图/张三',
    '制图：李四',
    '本版图片均由受访者提供',
    '视觉中国',
    'XIN SHAN/The Stanford Daily',
    'Protesters gather outside the Capitol on Tuesday. (AP Photo/Jane Doe)',
    'AP Photo/Jane Doe',
    'Photo by Jane Doe',
  ])('takes %j for a photo credit', (line) => {
    expect(isCredit(line)).toBe(true);
  });

  it.each([
    '他说摄影是一门艺术。',
    '本报记者王五电话采访了',
    'and/or',
    '本报记者 王五',
    'The main library reopened on Monday',
  ])('does not take %j for a photo credit', (line) => {
    expect(isCredit(line)).toBe(false);
  });

  // A wrapped body line that stops right after 拍摄: the comma shows it is running text, not a credit.
  it('does not take a body line that ends in 拍摄 for a credit (举办秋季读书节，不少游客拿出手机拍摄)', () => {
    expect(isCredit('举办秋季读书节，不少游客拿出手机拍摄')).toBe(false);
  });
});

describe('parseByline', () => {
  it.each([
    ['本报评论员', '本报评论员', []],
    ['特约评论员', '特约评论员', []],
    ['人民日报评论员', '人民日报评论员', []],
    ['本报编辑部', '本报编辑部', []],
    ['社论', '社论', []],
    ['本报记者 张三 李四', '本报记者', ['张三', '李四']],
    ['本报记者张三', '本报记者', ['张三']],
    ['记者 张三', '记者', ['张三']],
    ['新华社记者 郝薇薇 杨依军 本报记者 杜尚泽 陈振凯', '新华社记者 本报记者', ['郝薇薇', '杨依军', '杜尚泽', '陈振凯']],
    ['By JANE DOE', 'By JANE DOE', ['JANE DOE']],
    ['By Jane Doe and John Roe', 'By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['By JANE DOE, Associated Press', 'By JANE DOE, Associated Press', ['JANE DOE']],
    ['Associated Press', 'Associated Press', []],
  ])('reads %j', (line, text, authors) => {
    expect(parseByline(line)).toEqual({ text, authors });
  });

  it.each([
    'By the time the vote was called',
    'By the time',
    'By',
    '记者从省统计局获悉',
    '记者从省统计局获悉，',
    '本报记者王五电话采访了',
    '本报记者 王五 摄',
    '张三 李四',
    '会议还研究了其他事项。',
    'ERIC MESSINGER MANAGING EDITOR',
  ])('reads no byline in %j (all-caps names not allowed)', (line) => {
    expect(parseByline(line)).toBeNull();
  });

  it('reads an all-caps name line as a byline only when the caller allows it', () => {
    expect(parseByline('ERIC MESSINGER MANAGING EDITOR', true)).toEqual({ text: 'ERIC MESSINGER MANAGING EDITOR', authors: ['ERIC MESSINGER'] });
    expect(parseByline('VIVIANA ARCIA', true)).toEqual({ text: 'VIVIANA ARCIA', authors: ['VIVIANA ARCIA'] });
    expect(parseByline('VIVIANA ARCIA')).toBeNull();
  });

  // ANATOMY §1.3 lists `新华社记者刘开雄、刘羽佳` as a byline on its own line.
  it('reads a role word glued to names listed with 、 (新华社记者刘开雄、刘羽佳)', () => {
    expect(parseByline('新华社记者刘开雄、刘羽佳')?.authors).toEqual(['刘开雄', '刘羽佳']);
  });
});

describe('pageRef and parseNumeral', () => {
  it.each([
    ['第二版', '2'], ['二', '2'], ['十二', '12'], ['第十版', '10'], ['二十', '20'], ['第三版', '3'],
    ['A 12', 'A12'], ['a2', 'A2'], ['B２', 'B2'], ['２', '2'], ['Page 4', '4'], ['p.5', '5'], ['两', '2'],
  ])('pageRef(%j) is %j', (s, ref) => {
    expect(pageRef(s)).toBe(ref);
  });

  it.each([
    ['十二', 12], ['十', 10], ['二十', 20], ['二十一', 21], ['三十一', 31], ['一百零五', 105], ['百', 100],
    ['〇', 0], ['一九九七', 1997], ['１１', 11], ['12', 12], [' 7 ', 7],
  ])('parseNumeral(%j) is %d', (s, n) => {
    expect(parseNumeral(s)).toBe(n);
  });

  it.each(['', 'abc', '12a', '第二', 'A1'])('parseNumeral(%j) is NaN', (s) => {
    expect(parseNumeral(s)).toBeNaN();
  });
});

describe('splitZhNames', () => {
  it.each([
    ['记者于小博', ['于小博']],
    ['中央人民广播电台记者刘振英、新华社记者张宿堂', ['刘振英', '张宿堂']],
    ['记者王红 通讯员李强', ['王红', '李强']],
    ['记者王红 李强', ['王红', '李强']],
    ['记者 张三、李四', ['张三', '李四']],
    ['记者王红、李强、赵六', ['王红', '李强', '赵六']],
    ['本报记者 张三 李四', ['张三', '李四']],
    ['张三', ['张三']],
    ['李冬梅高瑶', ['李冬梅高瑶']],
    ['黄琬婷杨春竹记者孙宝福', ['孙宝福']],
  ])('splitZhNames(%j)', (s, names) => {
    expect(splitZhNames(s)).toEqual(names);
  });
});

describe('cleanInline', () => {
  it.each([
    ['强 化 举 措', '强化举措', '强化举措'],
    ['11 月 8', '11月8', '11月8'],
    ['本报 11月 10日讯', '本报11月10日讯', '本报11月10日讯'],
    ['10 时 40 分 许 ，', '10时40分许，', null],
    ['突破 200 万 套 ，国 际', '突破200万套，国际', null],
    ['增进民生福祉 着力保障和改善民生', '增进民生福祉着力保障和改善民生', '增进民生福祉 着力保障和改善民生'],
    ['  为民造福  ', '为民造福', '为民造福'],
    ['The  quick   brown', 'The quick brown', 'The quick brown'],
    ['一汽-大众', '一汽-大众', '一汽-大众'],
  ])('cleanInline(%j)', (s, body, title) => {
    expect(cleanInline(s, 'body')).toBe(body);
    if (title !== null) expect(cleanInline(s, 'title')).toBe(title);
  });
});

describe('renderSpans', () => {
  /** Renders every line of `text` as one span each, the way a field spanning several lines is rendered. */
  function render(text: string, mode: 'body' | 'title' = 'body'): string {
    const spans: Span[] = [];
    let at = 0;
    for (const l of text.split('\n')) {
      spans.push({ start: at, end: at + l.length });
      at += l.length + 1;
    }
    return renderSpans(text, spans.filter((s) => s.end > s.start), pageLexicon(text), mode);
  }

  it.each([
    ['中共中央政\n治局常务委员会', '中共中央政治局常务委员会'],
    ['11 月 8\n日—9日', '11月8日—9日'],
    ['他说：\n“好。”', '他说：“好。”'],
    ['2021\n年', '2021年'],
    ['汽车\nNEWS', '汽车NEWS'],
    ['The city\ncouncil', 'The city council'],
    ['U.S.\nofficials', 'U.S. officials'],
    ['  spaced  \n  out  ', 'spaced out'],
    ['a\n\nb', 'a b'],
    ['强 化 举 措\n解 决 问 题', '强化举措解决问题'],
  ])('joins %j into %j', (text, out) => {
    expect(render(text)).toBe(out);
  });

  it('drops a line-end hyphen when the joined word is on the page unhyphenated', () => {
    expect(render('the gov-\nernment said the government')).toBe('the government said the government');
    expect(render('e-\nmail and email')).toBe('email and email');
  });

  it('drops a line-end hyphen before a bare suffix', () => {
    expect(render('the develop-\nment plan')).toBe('the development plan');
  });

  it('keeps the hyphen of a compound split at the line end', () => {
    expect(render('a well-\nknown man')).toBe('a well-known man');
    expect(render('state-of-the-\nart')).toBe('state-of-the-art');
    expect(render('word-\n\nnext')).toBe('word-next');
  });

  it('never spaces an em dash at a line end in Chinese text', () => {
    expect(render('——论学习\n贯彻')).toBe('——论学习贯彻');
  });

  it('puts one space between two Latin spans of a field, and renders no spans as an empty string', () => {
    expect(renderSpans('abcdef', [{ start: 0, end: 3 }, { start: 3, end: 6 }], new Set(), 'body')).toBe('abc def');
    expect(renderSpans('abc', [], new Set(), 'body')).toBe('');
  });

  // ANATOMY §1.8: Latin lines join with one space "unless the line ends in a hyphen".
  it('joins a number range split after its hyphen without a space (2019- ⏎ 2020)', () => {
    expect(render('in 2019-\n2020')).toBe('in 2019-2020');
  });

  it('keeps the spaces around an em dash between English words (voted — narrowly — on)', () => {
    expect(render('The Senate voted — narrowly — on a')).toBe('The Senate voted — narrowly — on a');
  });
});
