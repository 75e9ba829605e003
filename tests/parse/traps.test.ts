/**
 * One small hand-written page per trap of ../shared/docs/ANATOMY.md §6 and Appendix A, asserting what a user sees:
 * field values and the number of articles. The texts are invented for these tests (PDF-style: hard-wrapped at a
 * column measure of about 16 characters for Chinese, 35–40 for English).
 */
import { describe, expect, it } from 'vitest';
import { bodies, lines, parseN, parseOne, parsePage, summary } from './helpers.js';

// Two short local stories, used in both page-wide orders.
const BOOK_FAIR = [
  '本报讯（记者李明）10月12日，市',
  '文化旅游局在滨江公园举办秋季读书',
  '节开幕式，全市三十余家图书馆和书',
  '店参加。',
  '读书节为期一个月，将组织讲座、展',
  '览和换书集市等活动。市民王女士说：',
  '“每年都带孩子来，今年的换书集市',
  '最热闹。”',
];
const METRO = [
  '本报讯（记者赵红）地铁五号线南段',
  '将于本月底开通试运营，沿线设站十',
  '二座，全长二十一公里。',
  '届时从南站到市中心的时间将缩短至',
  '二十五分钟，沿线居民出行更加便利。',
];
const BOOK_FAIR_HEAD = '滨江公园秋季读书节开幕';
const METRO_HEAD = '地铁五号线南段月底试运营';
const BOOK_FAIR_P1 = '10月12日，市文化旅游局在滨江公园举办秋季读书节开幕式，全市三十余家图书馆和书店参加。';
const BOOK_FAIR_P2 = '读书节为期一个月，将组织讲座、展览和换书集市等活动。市民王女士说：“每年都带孩子来，今年的换书集市最热闹。”';

describe('headline blocks and page-wide order', () => {
  it('gives a headline printed after its body (PDF content order) to that body, for every story of the page', () => {
    const page = parseN(lines(...BOOK_FAIR, BOOK_FAIR_HEAD, ...METRO, METRO_HEAD), 2);
    expect(page.headlineOrder).toBe('after');
    const [a, b] = page.articles;
    expect(a!.headline).toBe(BOOK_FAIR_HEAD);
    expect(a!.dateline).toBe('本报讯（记者李明）');
    expect(a!.paragraphs).toEqual([BOOK_FAIR_P1, BOOK_FAIR_P2]);
    expect(b!.headline).toBe(METRO_HEAD);
    expect(b!.dateline).toBe('本报讯（记者赵红）');
    expect(b!.paragraphs[0]).toMatch(/^地铁五号线南段将于本月底/);
  });

  it('gives a headline printed before its body to the body that follows it', () => {
    const page = parseN(lines(BOOK_FAIR_HEAD, ...BOOK_FAIR, METRO_HEAD, ...METRO), 2);
    expect(page.headlineOrder).toBe('before');
    expect(page.articles.map((a) => [a.headline, a.dateline])).toEqual([
      [BOOK_FAIR_HEAD, '本报讯（记者李明）'],
      [METRO_HEAD, '本报讯（记者赵红）'],
    ]);
    expect(page.articles[0]!.paragraphs).toEqual([BOOK_FAIR_P1, BOOK_FAIR_P2]);
  });

  it('keeps a headline out of the body text in both orders', () => {
    for (const text of [lines(...BOOK_FAIR, BOOK_FAIR_HEAD, ...METRO, METRO_HEAD), lines(BOOK_FAIR_HEAD, ...BOOK_FAIR, METRO_HEAD, ...METRO)]) {
      const body = bodies(parsePage(text));
      expect(body).not.toContain(BOOK_FAIR_HEAD);
      expect(body).not.toContain(METRO_HEAD);
    }
  });

  it('gives a commentary block (主题, ——副题, 本报评论员) between two bodies to the body after it on a headline-first page', () => {
    const page = parseN(lines(
      BOOK_FAIR_HEAD, ...BOOK_FAIR.slice(0, 4),
      '读书节为期一个月，将组织讲座、展',
      '览和换书集市等活动。',
      '让书香浸润城市',
      '——三论建设学习型城市',
      '本报评论员',
      ' 读书是一座城市的底色。近年来，我',
      '市持续推进全民阅读，图书馆和书店',
      '遍布街巷，阅读空间延伸到公园和社',
      '区。',
    ), 2);
    const [a, b] = page.articles;
    expect(a!.paragraphs).toEqual([BOOK_FAIR_P1, '读书节为期一个月，将组织讲座、展览和换书集市等活动。']);
    expect(b!.headline).toBe('让书香浸润城市');
    expect(b!.subtitle).toBe('——三论建设学习型城市');
    expect(b!.byline).toBe('本报评论员');
    expect(b!.paragraphs).toEqual(['读书是一座城市的底色。近年来，我市持续推进全民阅读，图书馆和书店遍布街巷，阅读空间延伸到公园和社区。']);
  });
});

describe('letter-spaced display type', () => {
  const WINTER = [
    '本报讯（记者周平）11月3日，市政',
    '府召开专题会议，研究部署今冬供暖',
    '保障工作。会议要求各供热企业提前',
    '储备燃煤，确保居民室温达标。',
    '会议强调，要畅通投诉渠道，对群众',
    '反映的问题限时办结。',
  ];

  it('undoes the letter-spacing of a spaced headline line (强 化 举 措 -> 强化举措)', () => {
    const a = parseOne(lines('市政府召开专题会议时强调', '抓 紧 抓 实 冬 季 供 暖 保 障', ...WINTER));
    expect(a.headline).toBe('抓紧抓实冬季供暖保障');
    expect(a.kicker).toBe('市政府召开专题会议时强调');
    expect(a.dateline).toBe('本报讯（记者周平）');
    expect(a.paragraphs[0]).toMatch(/^11月3日，市政府召开专题会议/);
  });

  it('joins a two-line letter-spaced 对仗 headline into one headline with one space, not two articles', () => {
    const a = parseOne(lines('市政府召开专题会议时强调', '守 护 万 家 温 暖', '筑 牢 安 全 底 线', ...WINTER));
    expect(a.kicker).toBe('市政府召开专题会议时强调');
    expect(a.headline).toBe('守护万家温暖 筑牢安全底线');
    expect(a.subtitle).toBeNull();
  });
});

describe('引题 / 主题 / 副题 roles', () => {
  const SCHOOL = [
    '本报讯（记者孙丽）连日来，全市三',
    '百余所中小学开展秋季安全教育活动，',
    '组织消防疏散演练和交通安全课堂。',
    '市教育局有关负责人表示，安全教育',
    '将贯穿整个学期。',
  ];

  it('reads three plain headline lines as kicker, headline and subtitle', () => {
    const a = parseOne(lines('全市中小学开展秋季安全教育', '守护校园平安', '三百余所学校参与演练', ...SCHOOL));
    expect([a.kicker, a.headline, a.subtitle]).toEqual(['全市中小学开展秋季安全教育', '守护校园平安', '三百余所学校参与演练']);
    expect(a.dateline).toBe('本报讯（记者孙丽）');
  });

  it('reads an occasion line ending in 强调 above the headline as its kicker', () => {
    const a = parseOne(lines('市长在全市安全教育工作会议上强调', '守护校园平安', ...SCHOOL));
    expect([a.kicker, a.headline, a.subtitle]).toEqual(['市长在全市安全教育工作会议上强调', '守护校园平安', null]);
  });

  it('keeps the leading —— of a 通讯 subtitle and does not make it a headline of its own', () => {
    const page = parseN(lines(BOOK_FAIR_HEAD, ...BOOK_FAIR, '校园里的“安全第一课”', '——我市中小学秋季安全教育见闻', ...SCHOOL), 2);
    const a = page.articles[1]!;
    expect(a.headline).toBe('校园里的“安全第一课”');
    expect(a.subtitle).toBe('——我市中小学秋季安全教育见闻');
    expect(a.dateline).toBe('本报讯（记者孙丽）');
  });

  // The same block as the first thing on the page: the 主题 above the `——` line becomes a body of its own
  // (an extra article) because no text before it gives a column measure.
  it('reads 主题 + ——副题 at the very top of the page as the headline block of the story below', () => {
    const a = parseOne(lines('校园里的“安全第一课”', '——我市中小学秋季安全教育见闻', ...SCHOOL));
    expect(a.headline).toBe('校园里的“安全第一课”');
    expect(a.subtitle).toBe('——我市中小学秋季安全教育见闻');
  });
});

describe('a subtitle glued to the next dateline (韩俊主持本报讯…)', () => {
  // Headline-after-body page: the block 引题 / 主题 / 副题 follows its body, and the 副题 "陈刚主持" was extracted on
  // the same line as the next story's 讯头.
  const text = lines(
    '本报10月20日讯（记者周平）今天，市长陈刚',
    '主持召开市政府常务会议，研究部署冬季安',
    '全生产工作。',
    '会议要求，各地要压实责任，开展隐患排查，',
    '坚决遏制重特大事故发生。',
    '市政府召开常务会议',
    '全 面 排 查 隐 患 守 牢 安 全 底 线',
    '陈刚主持本报讯（记者华明）日前，全省首批智慧',
    '农业示范园区名单公布，我市三家园区入选。',
    '入选园区将获得专项资金支持。',
    '示范园区建设以来，亩均效益明显提高，带动',
    '周边农户增收。',
    '我市三家园区入选全省智慧农业示范园区',
  );

  it('makes the prefix the subtitle of the previous article and starts the next article at the dateline', () => {
    const page = parseN(text, 2);
    const [a, b] = page.articles;
    expect(a!.kicker).toBe('市政府召开常务会议');
    expect(a!.headline).toBe('全面排查隐患守牢安全底线');
    expect(a!.subtitle).toBe('陈刚主持');
    expect(a!.dateline).toBe('本报10月20日讯（记者周平）');
    expect(b!.dateline).toBe('本报讯（记者华明）');
    expect(b!.authors).toEqual(['华明']);
    expect(b!.paragraphs[0]).toMatch(/^日前，全省首批智慧农业示范园区名单公布/);
    expect(b!.headline).toBe('我市三家园区入选全省智慧农业示范园区');
    expect(bodies(page)).not.toContain('陈刚主持本报讯');
  });
});

describe('Chinese datelines (讯头 / 电头)', () => {
  const BODY = ['今天，全省秋粮收购工作全面展开，各', '地粮库延长收购时间，方便农民就近', '售粮。'];
  const story = (first: string) => lines('秋粮收购全面展开', first + BODY[0], ...BODY.slice(1));

  it.each([
    ['本报讯（记者王红）', '本报讯（记者王红）', ['王红']],
    ['本报讯(记者张三)', '本报讯(记者张三)', ['张三']],
    ['本报11月10日讯（记者王红）', '本报11月10日讯（记者王红）', ['王红']],
    ['本报 11 月 10 日讯（记者王红）', '本报11月10日讯（记者王红）', ['王红']],
    ['本报北京11月10日电（记者 张三）', '本报北京11月10日电（记者张三）', ['张三']],
    ['本报长春１１月１０日电（记者王红）', '本报长春１１月１０日电（记者王红）', ['王红']],
    ['新华社北京11月10日电 ', '新华社北京11月10日电', []],
    ['据新华社北京11月10日电 ', '据新华社北京11月10日电', []],
    ['新华社北京十二月三十一日电(中央人民广播电台记者刘振英、新华社记者张宿堂)',
      '新华社北京十二月三十一日电(中央人民广播电台记者刘振英、新华社记者张宿堂)', ['刘振英', '张宿堂']],
    ['本报讯（记者王红、李强）', '本报讯（记者王红、李强）', ['王红', '李强']],
  ])('reads %j as the dateline, takes its reporters as authors and starts the body after it', (printed, dateline, authors) => {
    const a = parseOne(story(printed));
    expect(a.dateline).toBe(dateline);
    expect(a.authors).toEqual(authors);
    expect(a.headline).toBe('秋粮收购全面展开');
    expect(a.paragraphs).toEqual(['今天，全省秋粮收购工作全面展开，各地粮库延长收购时间，方便农民就近售粮。']);
  });

  it('keeps 本报X月X日讯（记者X 通讯员Y） whole and takes both people as authors', () => {
    const a = parseOne(story('本报11月10日讯（记者王红 通讯员李强）'));
    expect(a.dateline?.replace(/\s+/g, '')).toBe('本报11月10日讯（记者王红通讯员李强）');
    expect(a.authors).toEqual(['王红', '李强']);
  });

  it('follows a reporter parenthesis wrapped over two lines, mid-name', () => {
    const a = parseOne(lines(
      '秋粮收购全面展开',
      '本报 11月 10日讯（记者于小',
      '博）今天，全省秋粮收购工作全面展开，各地粮',
      '库延长收购时间，方便农民就近售粮。',
    ));
    expect(a.dateline).toBe('本报11月10日讯（记者于小博）');
    expect(a.authors).toEqual(['于小博']);
    expect(a.paragraphs).toEqual(['今天，全省秋粮收购工作全面展开，各地粮库延长收购时间，方便农民就近售粮。']);
  });

  it('follows a wrapped reporter parenthesis that lists two reporters', () => {
    const a = parseOne(lines('秋粮收购全面展开', '本报讯（记者王红、李', '强）今天，全省秋粮收购工作全面展开，各地粮', '库延长收购时间，方便农民就近售粮。'));
    expect(a.authors).toEqual(['王红', '李强']);
    expect(a.paragraphs[0]).toMatch(/^今天，/);
  });

  // ANATOMY §1.3: split reporter names on explicit delimiters — 、, a space, 记者, 通讯员.
  it('splits two reporters separated by a space inside the parenthesis (本报讯（记者王红 李强）)', () => {
    const a = parseOne(story('本报讯（记者王红 李强）'));
    expect(a.authors).toEqual(['王红', '李强']);
  });

  it('reads a wire dateline with no parenthesis, the body starting after the space', () => {
    const a = parseOne(lines('新华社北京11月10日电 国务院新闻办公室10日举行', '新闻发布会，介绍秋粮收购有关情况。'));
    expect(a.dateline).toBe('新华社北京11月10日电');
    expect(a.paragraphs).toEqual(['国务院新闻办公室10日举行新闻发布会，介绍秋粮收购有关情况。']);
  });
});

describe('English datelines and bylines', () => {
  const AP = lines(
    'Senate Passes Stopgap Bill',
    'By JANE DOE',
    'Associated Press',
    'WASHINGTON (AP) — The Senate passed a',
    'stopgap spending bill late Thursday,',
    'sending the measure to the president',
    'hours before the midnight deadline',
    'set by law.',
    'The vote was 68 to 31.',
  );
  const REUTERS = lines(
    'Oil Producer Names New Chief',
    'HOUSTON, Jan 27 (Reuters) - The new',
    'chief executive of a large oil',
    'producer said on Monday the company',
    'would raise spending this year.',
  );

  it('reads WASHINGTON (AP) — as the dateline, By JANE DOE as the byline, and starts the body at "The Senate"', () => {
    const a = parseOne(AP);
    expect(a.headline).toBe('Senate Passes Stopgap Bill');
    expect(a.dateline?.replace(/\s+/g, '')).toBe('WASHINGTON(AP)—');
    expect(a.byline).toMatch(/^By JANE DOE\b/);
    expect(a.authors).toEqual(['JANE DOE']);
    expect(a.paragraphs).toEqual([
      'The Senate passed a stopgap spending bill late Thursday, sending the measure to the president hours before the midnight deadline set by law.',
      'The vote was 68 to 31.',
    ]);
  });

  // The model documents the field "as printed, spacing artefacts removed", with this very example; the space
  // before an English em dash is not an artefact.
  it('prints the AP dateline as WASHINGTON (AP) — (keeps the space before the em dash)', () => {
    expect(parseOne(AP).dateline).toBe('WASHINGTON (AP) —');
  });

  it('reads HOUSTON, Jan 27 (Reuters) - as the dateline', () => {
    const a = parseOne(REUTERS);
    expect(a.headline).toBe('Oil Producer Names New Chief');
    expect(a.dateline).toBe('HOUSTON, Jan 27 (Reuters) -');
    expect(a.paragraphs).toEqual(['The new chief executive of a large oil producer said on Monday the company would raise spending this year.']);
  });

  it('splits a page of two wire stories at their headlines', () => {
    const page = parseN(lines(AP, REUTERS), 2);
    expect(page.articles.map((a) => a.headline)).toEqual(['Senate Passes Stopgap Bill', 'Oil Producer Names New Chief']);
    expect(page.articles[1]!.dateline).toBe('HOUSTON, Jan 27 (Reuters) -');
    expect(page.articles[1]!.byline).toBeNull();
  });
});

describe('institutional byline', () => {
  it('takes 本报评论员 as the byline of a commentary, with no personal author and no dateline', () => {
    const page = parseN(lines(
      METRO_HEAD, ...METRO,
      '让书香浸润城市',
      '——三论建设学习型城市',
      '本报评论员',
      ' 读书是一座城市的底色。近年来，我',
      '市持续推进全民阅读，图书馆和书店',
      '遍布街巷，阅读空间延伸到公园和社',
      '区。',
    ), 2);
    const a = page.articles[1]!;
    expect(a.byline).toBe('本报评论员');
    expect(a.authors).toEqual([]);
    expect(a.dateline).toBeNull();
    expect(a.headline).toBe('让书香浸润城市');
    expect(a.subtitle).toBe('——三论建设学习型城市');
    expect(a.type).toBe('commentary');
    expect(a.paragraphs).toEqual(['读书是一座城市的底色。近年来，我市持续推进全民阅读，图书馆和书店遍布街巷，阅读空间延伸到公园和社区。']);
  });

  // ANATOMY trap 13's block, pasted on its own: 让书香浸润城市 comes out as a separate one-paragraph article.
  it('reads the commentary block correctly when it opens the paste', () => {
    const a = parseOne(lines(
      '让书香浸润城市',
      '——三论建设学习型城市',
      '本报评论员',
      ' 读书是一座城市的底色。近年来，我',
      '市持续推进全民阅读，图书馆和书店',
      '遍布街巷，阅读空间延伸到公园和社',
      '区。',
    ));
    expect(a.byline).toBe('本报评论员');
    expect(a.authors).toEqual([]);
    expect(a.dateline).toBeNull();
    expect(a.headline).toBe('让书香浸润城市');
    expect(a.subtitle).toBe('——三论建设学习型城市');
    expect(a.type).toBe('commentary');
    expect(a.paragraphs).toEqual(['读书是一座城市的底色。近年来，我市持续推进全民阅读，图书馆和书店遍布街巷，阅读空间延伸到公园和社区。']);
  });
});

describe('jump markers', () => {
  it('moves （下转第二版） glued to the last body line into continuedTo "2" and out of the body', () => {
    const a = parseOne(lines(
      BOOK_FAIR_HEAD, ...BOOK_FAIR.slice(0, 4),
      '读书节为期一个月，将组织讲座、展',
      '览和换书集市等活动， （下转第二版）',
    ));
    expect(a.continuedTo).toBe('2');
    expect(a.continuedFrom).toBeNull();
    expect(a.paragraphs.at(-1)).toBe('读书节为期一个月，将组织讲座、展览和换书集市等活动，');
    expect(a.paragraphs.join('')).not.toMatch(/下转|第二版/);
  });

  it('reads （上接第一版） as continuedFrom "1" and keeps the continued text apart from the next story', () => {
    const page = parseN(lines(
      '（上接第一版）市图书馆还将推出“一城',
      '一书”共读计划，邀请作家走进社区，',
      '与读者面对面交流。',
      METRO_HEAD,
      ...METRO,
    ), 2);
    const [a, b] = page.articles;
    expect(a!.continuedFrom).toBe('1');
    expect(a!.paragraphs).toEqual(['市图书馆还将推出“一城一书”共读计划，邀请作家走进社区，与读者面对面交流。']);
    expect(b!.headline).toBe(METRO_HEAD);
    expect(b!.continuedFrom).toBeNull();
  });

  it('reads Continued on Page A12 as continuedTo "A12"', () => {
    const a = parseOne(lines(
      'Council Approves New Budget',
      'By JANE DOE',
      'The city council approved a new',
      'budget on Tuesday after a long',
      'debate over school funding, the',
      'council said.',
      'Continued on Page A12',
    ));
    expect(a.continuedTo).toBe('A12');
    expect(a.paragraphs.join(' ')).not.toMatch(/Continued/);
    expect(a.paragraphs).toEqual(['The city council approved a new budget on Tuesday after a long debate over school funding, the council said.']);
  });

  it('reads Continued from Page 1 as continuedFrom "1"', () => {
    const a = parseOne(lines(
      'Council Budget',
      'Continued from Page 1',
      'The vote came after three hours of',
      'public comment, with most speakers',
      'asking for more money for schools.',
    ));
    expect(a.continuedFrom).toBe('1');
    expect(a.headline).toBe('Council Budget');
    expect(a.paragraphs).toEqual(['The vote came after three hours of public comment, with most speakers asking for more money for schools.']);
  });
});

describe('photo credits', () => {
  it('keeps 本报记者 王五 摄 out of the body, as a caption item, without splitting the article', () => {
    const page = parseN(lines(
      BOOK_FAIR_HEAD, ...BOOK_FAIR.slice(0, 4),
      '本报记者 王五 摄',
      ...BOOK_FAIR.slice(4),
    ), 1);
    const a = page.articles[0]!;
    expect(a.paragraphs).toEqual([BOOK_FAIR_P1, BOOK_FAIR_P2]);
    expect(bodies(page)).not.toMatch(/王五|摄/);
    expect([...page.items.filter((i) => i.kind === 'caption').map((i) => i.text), ...a.captions]).toContain('本报记者 王五 摄');
  });

  it('keeps XIN SHAN/The Stanford Daily out of the body', () => {
    const page = parseN(lines(
      'Library Reopens After Flood',
      'By JANE DOE',
      'The main library reopened on Monday',
      'after a flood closed it for three',
      'months, officials said.',
      'XIN SHAN/The Stanford Daily',
      'Visitors returned to the reading',
      'rooms by the hundreds.',
    ), 1);
    expect(page.articles[0]!.paragraphs).toEqual([
      'The main library reopened on Monday after a flood closed it for three months, officials said.',
      'Visitors returned to the reading rooms by the hundreds.',
    ]);
    expect([...page.items.filter((i) => i.kind === 'caption').map((i) => i.text), ...page.articles[0]!.captions]).toContain('XIN SHAN/The Stanford Daily');
  });

  // ANATOMY trap 15: a credit is a caption "even when the credit wraps across lines".
  it('keeps a credit wrapped over two lines (本报记者 ⏎ 王五 摄) out of the body without starting a new article', () => {
    const page = parseN(lines(BOOK_FAIR_HEAD, ...BOOK_FAIR.slice(0, 4), '本报记者', '王五 摄', ...BOOK_FAIR.slice(4)), 1);
    expect(page.articles[0]!.paragraphs).toEqual([BOOK_FAIR_P1, BOOK_FAIR_P2]);
    expect(page.articles[0]!.byline).toBeNull();
  });

  it('keeps a body line that merely ends in 拍摄 in the body (it is not a photo credit)', () => {
    const a = parseOne(lines(
      BOOK_FAIR_HEAD,
      '本报讯（记者李明）10月12日，滨江公园',
      '举办秋季读书节，不少游客拿出手机拍摄',
      '换书集市的热闹场面。读书节为期一个月，',
      '将组织讲座、展览等活动。',
    ));
    expect(a.paragraphs).toEqual(['10月12日，滨江公园举办秋季读书节，不少游客拿出手机拍摄换书集市的热闹场面。读书节为期一个月，将组织讲座、展览等活动。']);
  });
});

describe('page furniture', () => {
  it('puts a date header, a page label and a staff line into furniture items, not into articles', () => {
    const page = parseN(lines(
      '2022年10月13日 星期四',
      '第03版：城市',
      BOOK_FAIR_HEAD, ...BOOK_FAIR,
      '责任编辑：王五 美编：赵六 校对：孙七',
    ), 1);
    const furniture = page.items.filter((i) => i.kind === 'furniture').map((i) => i.text);
    expect(furniture).toEqual(['2022年10月13日 星期四', '第03版：城市', '责任编辑：王五 美编：赵六 校对：孙七']);
    const a = page.articles[0]!;
    expect(a.headline).toBe(BOOK_FAIR_HEAD);
    expect(a.paragraphs).toEqual([BOOK_FAIR_P1, BOOK_FAIR_P2]);
  });

  it('takes 责任编辑：王五 out of the middle of a story without splitting it', () => {
    const page = parseN(lines(BOOK_FAIR_HEAD, ...BOOK_FAIR.slice(0, 4), '责任编辑：王五', ...BOOK_FAIR.slice(4)), 1);
    expect(page.articles[0]!.paragraphs).toEqual([BOOK_FAIR_P1, BOOK_FAIR_P2]);
    expect(page.items.map((i) => [i.kind, i.text])).toContainEqual(['furniture', '责任编辑：王五']);
  });

  it('puts an English date line and folio into furniture items', () => {
    const page = parseN(lines(
      'Tuesday, March 3, 2020',
      'Library Reopens After Flood',
      'By JANE DOE',
      'The main library reopened on Monday',
      'after a flood closed it for three',
      'months, officials said.',
      'A4 | Tuesday, March 3, 2020 | The Daily News',
    ), 1);
    expect(page.items.filter((i) => i.kind === 'furniture').map((i) => i.text)).toEqual([
      'Tuesday, March 3, 2020', 'A4 | Tuesday, March 3, 2020 | The Daily News',
    ]);
    expect(page.articles[0]!.headline).toBe('Library Reopens After Flood');
  });
});

describe('joining wrapped lines', () => {
  it('joins wrapped Chinese lines without spaces, also across a date split over two lines (11 月 8 ⏎ 日—9日)', () => {
    const a = parseOne(lines(
      '秋粮收购全面展开',
      '本报讯（记者于小博）11 月 8',
      '日—9日，省粮食和物资储备局到长',
      '春、吉林等地检查秋粮收购工作。',
    ));
    expect(a.paragraphs).toEqual(['11月8日—9日，省粮食和物资储备局到长春、吉林等地检查秋粮收购工作。']);
  });

  it('joins wrapped Latin lines with exactly one space', () => {
    const a = parseOne(lines(
      'Library Reopens After Flood',
      'The main library reopened on Monday',
      'after a flood closed it for three',
      'months, officials said.',
    ));
    expect(a.paragraphs).toEqual(['The main library reopened on Monday after a flood closed it for three months, officials said.']);
  });

  // Lines that stop mid-sentence ("late", "before a") are wrapped lines whatever the column width.
  it('joins English lines wrapped at a wide measure (about 64 characters) into paragraphs', () => {
    const page = parseN(lines(
      'Senate Passes Stopgap Spending Bill',
      'By JANE DOE',
      'WASHINGTON (AP) — The Senate passed a stopgap spending bill late',
      'Thursday, sending the measure to the president hours before a',
      'midnight deadline.',
      'Oil Producer Names New Chief',
      'HOUSTON, Jan 27 (Reuters) - The new chief executive of a large',
      'oil producer said on Monday the company would raise spending',
      'on offshore fields this year.',
    ), 2);
    expect(page.articles.map((a) => a.paragraphs)).toEqual([
      ['The Senate passed a stopgap spending bill late Thursday, sending the measure to the president hours before a midnight deadline.'],
      ['The new chief executive of a large oil producer said on Monday the company would raise spending on offshore fields this year.'],
    ]);
  });

  it('drops a line-end hyphen when the joined word occurs unhyphenated elsewhere on the page (gov- ⏎ ernment)', () => {
    const a = parseOne(lines(
      'Council Approves School Plan',
      'The city council said the gov-',
      'ernment would pay for the new',
      'school, a project that the',
      'government first proposed in 2019.',
    ));
    expect(a.paragraphs[0]).toContain('said the government would pay');
    expect(a.paragraphs[0]).not.toContain('gov-');
  });

  it('keeps the hyphen of a compound split at the line end (well- ⏎ known)', () => {
    const a = parseOne(lines(
      'Council Approves School Plan',
      'The new school, a well-',
      'known project, will open in',
      'September, the council said.',
    ));
    expect(a.paragraphs).toEqual(['The new school, a well-known project, will open in September, the council said.']);
  });

  it('removes justified spacing in Chinese body text (10 时 40 分 许 ，)', () => {
    const a = parseOne(lines(
      BOOK_FAIR_HEAD,
      '本报讯（记者李明）10 月 12 日 10 时 40 分',
      '许 ，市文化旅游局在滨江公园举办秋季读书节开幕',
      '式，全市三十余家图书馆和书店参加，预计接待',
      '读者 2 万 人 次 。',
    ));
    expect(a.paragraphs).toEqual(['10月12日10时40分许，市文化旅游局在滨江公园举办秋季读书节开幕式，全市三十余家图书馆和书店参加，预计接待读者2万人次。']);
  });

  // An English em dash is spaced as printed; only spaces beside CJK characters are layout artefacts.
  it('keeps the spaces around an English em dash in body text (voted — narrowly — on)', () => {
    const a = parseOne(lines(
      'Budget Vote Delayed',
      'By JOHN ROE',
      'The Senate voted — narrowly — on a',
      'motion to delay the budget vote.',
    ));
    expect(a.paragraphs).toEqual(['The Senate voted — narrowly — on a motion to delay the budget vote.']);
  });
});

describe('false-positive guards (ANATOMY Appendix A)', () => {
  it('does not read 本报记者王五电话采访了… as a dateline, neither at the top of a body nor inside one', () => {
    const top = parseOne(lines(BOOK_FAIR_HEAD, '本报记者王五电话采访了市图书馆馆长。', '馆长表示，读书节期间图书馆将延长开', '放时间。'));
    expect(top.dateline).toBeNull();
    expect(top.authors).toEqual([]);
    expect(top.paragraphs.join('')).toBe('本报记者王五电话采访了市图书馆馆长。馆长表示，读书节期间图书馆将延长开放时间。');

    const page = parseN(lines(BOOK_FAIR_HEAD, ...BOOK_FAIR.slice(0, 4), '本报记者王五电话采访了市图书馆馆', '长。馆长表示，读书节期间图书馆将', '延长开放时间。'), 1);
    expect(page.articles[0]!.dateline).toBe('本报讯（记者李明）');
    expect(page.articles[0]!.paragraphs.at(-1)).toBe('本报记者王五电话采访了市图书馆馆长。馆长表示，读书节期间图书馆将延长开放时间。');
  });

  it('does not read "By the time the vote was called…" as a byline, even right under a headline', () => {
    const a = parseOne(lines(
      'Budget Vote Delayed',
      'By the time the vote was called, most',
      'members had already left the chamber',
      'for the weekend.',
    ));
    expect(a.byline).toBeNull();
    expect(a.authors).toEqual([]);
    expect(a.headline).toBe('Budget Vote Delayed');
    expect(a.paragraphs).toEqual(['By the time the vote was called, most members had already left the chamber for the weekend.']);
  });

  it('does not read "The Senate voted — narrowly — on" as a dateline', () => {
    const a = parseOne(lines(
      'Budget Vote Delayed',
      'By JOHN ROE',
      'The Senate voted — narrowly — on a',
      'motion to delay the budget vote.',
    ));
    expect(a.dateline).toBeNull();
    expect(a.byline).toBe('By JOHN ROE');
    expect(a.paragraphs).toHaveLength(1);
    expect(a.paragraphs[0]).toMatch(/^The Senate voted/);
    expect(a.paragraphs[0]).toMatch(/motion to delay the budget vote\.$/);
  });

  it('does not read 记者从省统计局获悉… as a byline', () => {
    const a = parseOne(lines(
      '前三季度我市经济稳中向好',
      '记者从省统计局获悉，前三季度全省地',
      '区生产总值同比增长百分之五，增速高',
      '于全国平均水平。',
    ));
    expect(a.byline).toBeNull();
    expect(a.authors).toEqual([]);
    expect(a.headline).toBe('前三季度我市经济稳中向好');
    expect(a.paragraphs).toEqual(['记者从省统计局获悉，前三季度全省地区生产总值同比增长百分之五，增速高于全国平均水平。']);
  });
});

describe('body subheads and blank lines', () => {
  // The paragraph after the subhead; its second line ends on a comma.
  const P2 = [
    '读书节为期一个月，将组织讲座、展',
    '览、换书集市和亲子共读等活动，',
    '全市各区图书馆同步设立分会场，方',
    '便市民就近参加。图书馆还将延长开',
    '放时间至晚上九点，并提供免费借阅',
    '服务。',
  ];
  const P2_TEXT = '读书节为期一个月，将组织讲座、展览、换书集市和亲子共读等活动，全市各区图书馆同步设立分会场，方便市民就近参加。图书馆还将延长开放时间至晚上九点，并提供免费借阅服务。';

  it('keeps a short subhead line between two paragraphs inside the article, as a paragraph of its own', () => {
    const page = parseN(lines(BOOK_FAIR_HEAD, ...BOOK_FAIR.slice(0, 4), '换书集市最热闹', ...P2), 1);
    const a = page.articles[0]!;
    expect([a.kicker, a.headline, a.subtitle]).toEqual([null, BOOK_FAIR_HEAD, null]);
    expect(a.paragraphs).toEqual([BOOK_FAIR_P1, '换书集市最热闹', P2_TEXT]);
  });

  it('keeps a quoted subhead (“邻居就是亲戚”) inside the article, as a paragraph of its own', () => {
    const page = parseN(lines(BOOK_FAIR_HEAD, ...BOOK_FAIR.slice(0, 4), '“书香就是乡愁”', ...P2), 1);
    expect(page.articles[0]!.paragraphs).toEqual([BOOK_FAIR_P1, '“书香就是乡愁”', P2_TEXT]);
  });

  // Every line of this paragraph but the last is at full measure and ends mid-word, the commonest layout.
  const FULL_P2 = [
    '读书节为期一个月，将组织讲座、展',
    '览、换书集市和亲子共读等活动，全',
    '市各区图书馆同步设立分会场，方便',
    '市民就近参加。',
  ];
  const FULL_P2_TEXT = '读书节为期一个月，将组织讲座、展览、换书集市和亲子共读等活动，全市各区图书馆同步设立分会场，方便市民就近参加。';

  it('does not start a new article at a subhead followed by full-measure lines or by a short last paragraph', () => {
    for (const [after, text] of [[FULL_P2, FULL_P2_TEXT], [BOOK_FAIR.slice(4), BOOK_FAIR_P2]] as const) {
      const page = parseN(lines(BOOK_FAIR_HEAD, ...BOOK_FAIR.slice(0, 4), '换书集市最热闹', ...after), 1);
      const a = page.articles[0]!;
      expect([a.kicker, a.headline, a.subtitle]).toEqual([null, BOOK_FAIR_HEAD, null]);
      expect(a.paragraphs.join('')).toBe(BOOK_FAIR_P1 + '换书集市最热闹' + text);
    }
  });

  // Same page: the subhead (7 characters in a 16-character column, no punctuation) is glued to the start of the
  // paragraph after it ("换书集市最热闹读书节为期一个月…").
  it('keeps a subhead followed by full-measure lines as a paragraph of its own', () => {
    const page = parseN(lines(BOOK_FAIR_HEAD, ...BOOK_FAIR.slice(0, 4), '换书集市最热闹', ...FULL_P2), 1);
    expect(page.articles[0]!.paragraphs).toEqual([BOOK_FAIR_P1, '换书集市最热闹', FULL_P2_TEXT]);
  });

  it('gives the same articles when every line is followed by a blank line (Chinese, both stories)', () => {
    const plain = lines(BOOK_FAIR_HEAD, ...BOOK_FAIR, METRO_HEAD, ...METRO);
    const spaced = plain.split('\n').join('\n\n') + '\n\n\n';
    const a = parseN(plain, 2), b = parseN(spaced, 2);
    expect(b.articles.map(summary)).toEqual(a.articles.map(summary));
    expect(b.articles.map((x) => x.paragraphs)).toEqual(a.articles.map((x) => x.paragraphs));
  });

  it('does not split an English story at blank lines between its wrapped lines', () => {
    const a = parseOne(lines(
      'Library Reopens After Flood', '',
      'By JANE DOE', '',
      'The main library reopened on Monday', '',
      'after a flood closed it for three', '',
      'months, officials said.', '', '',
      'Visitors returned to the reading', '',
      'rooms by the hundreds.',
    ));
    expect(a.headline).toBe('Library Reopens After Flood');
    expect(a.paragraphs).toEqual([
      'The main library reopened on Monday after a flood closed it for three months, officials said.',
      'Visitors returned to the reading rooms by the hundreds.',
    ]);
  });
});

describe('a paragraph whose first line lost its two-cell indent (narrow PDF columns)', () => {
  // Full lines are 16 cells. A full line ending a sentence is followed once by a line one cell short (the same
  // paragraph goes on), once by a line three cells short (the indent the extractor dropped), once after a dash.
  const CANAL = lines(
    '运河新港迎来首航',
    '本报讯（记者周航）9月14日，满载',
    '集装箱的货船在新运河试航，驶向南',
    '部港区码头，沿岸群众挥手相迎作别。',
    '船员们鸣笛致意后驶入了主航道，',
    '两岸掌声不断，汽笛声回荡在江面。',
    '运河即将全线通航，山区的货',
    '物第一次可以走水路直达海港，一年',
    '能省下上千万元运费。',
    '一域可观全局。铺开地图看西部——',
    '有“舍近求远”的痛，也有“量',
    '大价优”的盼，水运成本远低于铁路',
    '和公路。',
  );

  it('starts a paragraph there, after a sentence or a dash, and nowhere else', () => {
    const a = parseOne(CANAL);
    expect(a.headline).toBe('运河新港迎来首航');
    expect(a.paragraphs).toEqual([
      '9月14日，满载集装箱的货船在新运河试航，驶向南部港区码头，沿岸群众挥手相迎作别。船员们鸣笛致意后驶入了主航道，两岸掌声不断，汽笛声回荡在江面。',
      '运河即将全线通航，山区的货物第一次可以走水路直达海港，一年能省下上千万元运费。',
      '一域可观全局。铺开地图看西部——',
      '有“舍近求远”的痛，也有“量大价优”的盼，水运成本远低于铁路和公路。',
    ]);
  });
});
