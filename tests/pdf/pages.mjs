// Newspaper-like pages typeset in HTML for Chromium to print to PDF, each with its truth in the shared scorer's
// format (../shared/eval/score.mjs). Stories are data; their HTML and their truth are both made from it, so the
// two cannot drift apart. Used by the PDF tests (tests/pdf) and the PDF benchmark (tests/bench/pdf.mjs).

/** Page size in CSS pixels (Chromium prints 96 px to the inch: 825 × 1125 pt). */
export const WIDTH = 1100;
export const HEIGHT = 1500;

const ZH_FONT = "'Noto Serif CJK SC', 'Noto Sans CJK SC', serif";
const ZH_SANS = "'Noto Sans CJK SC', sans-serif";
const EN_FONT = "'DejaVu Serif', serif";

const CSS = `
@page { size: ${WIDTH}px ${HEIGHT}px; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
.sheet { width: ${WIDTH}px; height: ${HEIGHT}px; padding: 28px 36px; position: relative; overflow: hidden; break-after: page; }
.sheet:last-child { break-after: auto; }
.zh { font-family: ${ZH_FONT}; }
.zh.sans { font-family: ${ZH_SANS}; }
.sans .body { font-size: 12px; line-height: 1.5; }
.en { font-family: ${EN_FONT}; }
.masthead { display: flex; justify-content: space-between; align-items: center; height: 96px; border-bottom: 3px double #000; }
.masthead .ear { font-size: 12px; line-height: 1.5; width: 220px; }
.masthead .ear.right { text-align: right; }
.masthead .name { font-size: 60px; font-weight: 900; letter-spacing: 0.3em; }
.runninghead { display: flex; justify-content: space-between; font-size: 12px; border-bottom: 1px solid #000; padding-bottom: 4px; }
.grid { display: grid; grid-template-columns: repeat(6, 1fr); column-gap: 30px; row-gap: 26px; margin-top: 22px; }
.story { break-inside: avoid; }
.story.reverse { display: flex; flex-direction: column-reverse; }
.head { text-align: center; margin-bottom: 14px; }
.kicker { font-size: 17px; margin: 0 0 6px; }
.headline { font-size: 36px; font-weight: 700; margin: 0 0 8px; line-height: 1.2; }
.headline.small { font-size: 26px; }
.subtitle { font-size: 18px; margin: 0 0 6px; }
.byline { font-size: 13px; margin: 4px 0 0; }
.body { font-size: 13px; line-height: 1.6; text-align: justify; column-gap: 18px; }
.zh .body p { text-indent: 2em; margin: 0; }
.en .body p { text-indent: 1.2em; margin: 0; }
.body h4 { font-family: ${ZH_SANS}; font-size: 13px; font-weight: 700; text-align: center; margin: 6px 0; }
.en .body h4 { font-family: 'DejaVu Sans', sans-serif; }
.body .jump { text-align: right; text-indent: 0; }
.body .from { text-indent: 0; }
figure { margin: 0; }
figure canvas { width: 100%; display: block; }
figcaption { font-family: 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif; font-size: 11.5px; line-height: 1.5; margin-top: 6px; }
.side { display: grid; grid-template-columns: 170px 1fr; column-gap: 30px; }
.side .head { text-align: left; }
.footer { position: absolute; left: 36px; right: 36px; bottom: 22px; display: flex; justify-content: space-between; font-size: 11px; border-top: 1px solid #000; padding-top: 4px; }
`;

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * One story as HTML. `s.cols` sets the CSS columns of its body; `s.layout` is 'above' (headline block over the
 * body), 'reverse' (the same on the page, but the body comes first in the content stream, as on the pages
 * pdftotext gets wrong) or 'side' (the headline block to the left of the body).
 */
function storyHtml(s) {
  const head = [
    s.kicker ? `<p class="kicker">${esc(s.kicker)}</p>` : '',
    s.headline ? `<h2 class="headline${s.small ? ' small' : ''}">${esc(s.headline)}</h2>` : '',
    s.subtitle ? `<p class="subtitle">${esc(s.subtitle)}</p>` : '',
    s.byline ? `<p class="byline">${esc(s.byline)}</p>` : '',
  ].join('');
  const paras = [];
  if (s.fromText) paras.push(`<p class="from">${esc(s.fromText)}</p>`);
  s.paragraphs.forEach((p, i) => {
    if (typeof p === 'object') { paras.push(`<h4>${esc(p.subhead)}</h4>`); return; }
    const dl = i === 0 && s.dateline ? `${esc(s.dateline)}${s.en ? ' ' : (s.datelineSpace ? '　' : '')}` : '';
    paras.push(`<p>${dl}${esc(p)}</p>`);
  });
  if (s.jumpText) paras.push(`<p class="jump">${esc(s.jumpText)}</p>`);
  const body = `<div class="body" style="column-count:${s.cols ?? 1}">${paras.join('')}</div>`;
  const style = `grid-column: span ${s.span ?? 6}`;
  const headDiv = head ? `<div class="head">${head}</div>` : '';
  if (s.layout === 'reverse') return `<section class="story reverse" style="${style}">${body}${headDiv}</section>`;
  if (s.layout === 'side') return `<section class="story side" style="${style}">${headDiv}${body}</section>`;
  return `<section class="story" style="${style}">${headDiv}${body}</section>`;
}

/** The story's truth article, in the scorer's format. */
function truthOf(s) {
  const title = {};
  if (s.kicker) title.kicker = s.kicker;
  if (s.headline) title.headline = s.headline;
  if (s.subtitle) title.subtitle = s.subtitle;
  return {
    titles: [title],
    dateline: s.dateline ?? null,
    authors: s.authors ?? [],
    byline: s.bylineTruth ?? null,
    paragraphs: s.paragraphs.map((p) => (typeof p === 'object' ? p.subhead : p)),
    continuedTo: s.jumpTo ?? null,
    continuedFrom: s.jumpFrom ?? null,
  };
}

function photo(span, caption) {
  return `<figure style="grid-column: span ${span}"><canvas data-photo width="600" height="340" style="height:${Math.round(340 * span / 6 * 1.4)}px"></canvas><figcaption>${esc(caption)}</figcaption></figure>`;
}

/** A whole sheet: masthead or running head, the grid of stories and pictures, the footer. */
function sheet({ lang, top, items, footer }) {
  const grid = items.map((it) => (typeof it === 'string' ? it : storyHtml(it))).join('\n');
  return `<div class="sheet ${lang}">${top}<div class="grid">${grid}</div><div class="footer">${footer.map((f) => `<span>${esc(f)}</span>`).join('')}</div></div>`;
}

const zhMasthead = (date, issue) => `<div class="masthead"><div class="ear">本报网址：www.presscut.example<br>国内统一连续出版物号 CN 99-0001</div><div class="name">晨光日报</div><div class="ear right">${date}<br>${issue}</div></div>`;
const zhRunningHead = (no, label, date, paper = '晨光日报') => `<div class="runninghead"><span>${paper}</span><span>第${no}版　${label}</span><span>${date}</span></div>`;
const enMasthead = `<div class="masthead"><div class="ear">VOL. CXII · NO. 38,412<br>Late Edition</div><div class="name" style="letter-spacing:0.05em;font-size:48px">The Presscut Times</div><div class="ear right">MONDAY, SEPTEMBER 21, 2026<br>$3.00</div></div>`;

// ---- stories ---------------------------------------------------------------------------------------------

const grainLead = {
  kicker: '全国秋粮收购工作会议在京召开',
  headline: '抓实秋粮收购 守牢粮食安全底线',
  subtitle: '各地多措并举保障农民种粮有钱挣卖粮不发愁',
  dateline: '本报北京9月20日电（记者王强、李娜）', authors: ['王强', '李娜'],
  paragraphs: [
    '全国秋粮收购工作会议20日在北京召开。会议总结今年夏粮收购工作，分析当前粮食市场形势，部署秋粮收购重点任务，要求各地切实抓好政策性收购和市场化收购，确保农民售粮顺畅。',
    '会议指出，今年秋粮生产形势总体较好，预计收购量保持较高水平。各地要提前做好仓容、资金、人员和设备准备，合理布设收购网点，方便农民就近售粮，坚决防止出现卖粮难。',
    '会议强调，要认真落实最低收购价政策，在主产区适时启动托市收购，充分发挥政策托底作用。要引导多元主体积极入市，活跃市场购销，促进粮价保持在合理水平。',
    { subhead: '压实责任 确保收购平稳有序' },
    '会议要求，各级粮食和物资储备部门要压实属地责任，加强收购现场监督检查，严厉打击压级压价、打白条等损害农民利益的行为。要畅通举报渠道，及时回应农民关切。',
    '据介绍，今年以来，国家有关部门加大对粮食收购贷款的支持力度，农业发展银行安排秋粮收购资金充足，商业银行也积极为各类收购主体提供信贷服务。',
    '多地粮食部门负责人表示，将把秋粮收购作为当前重要工作，统筹做好收购、储存、运输等各环节工作，确保颗粒归仓，让农民种粮有钱挣、卖粮不发愁。',
  ],
  jumpText: '（下转第二版）', jumpTo: '2', cols: 4, span: 4,
};

const evSide = {
  headline: '我国新能源汽车产销量连续十年全球第一', small: true,
  dateline: '新华社北京9月20日电（记者陈晨）', authors: ['陈晨'],
  paragraphs: [
    '记者从中国汽车工业协会获悉，今年前8个月，我国新能源汽车产销量继续保持较快增长，产销量已连续十年位居全球第一。',
    '中国汽车工业协会有关负责人表示，新能源汽车技术水平不断提升，充电基础设施日益完善，消费者购买意愿持续增强，市场渗透率稳步提高。',
    '业内人士认为，随着动力电池成本下降和智能化水平提升，新能源汽车产业将继续保持良好发展势头，出口规模也有望进一步扩大。',
  ],
  cols: 2, span: 2,
};

const harvest = {
  headline: '秋分时节农事忙', small: true,
  subtitle: '各地抢抓晴好天气收获晚稻',
  dateline: '本报讯（记者赵敏）', authors: ['赵敏'],
  paragraphs: [
    '秋分前后，南方各地晚稻陆续进入收获期。连日来，江西、湖南、广西等地农民抢抓晴好天气，组织收割机具下田作业，田间地头一派繁忙景象。',
    '农业农村部门派出技术人员深入田间，指导农民适时收获、及时晾晒，减少损失。不少合作社还提供烘干服务，解决农民晾晒难题。',
  ],
  layout: 'reverse', cols: 2, span: 3,
};

const commentary = {
  headline: '让每一粒粮食都颗粒归仓', small: true,
  subtitle: '——论做好新形势下粮食收储工作',
  byline: '本报评论员', bylineTruth: '本报评论员',
  paragraphs: [
    '粮食安全是国之大者。做好秋粮收购，既关系农民切身利益，也关系国家粮食安全大局。',
    '越是丰收之年，越要把收购工作抓紧抓实。各地要坚持问题导向，把工作做在前面，确保农民手中的粮食卖得出、卖得好。',
    '守住管好天下粮仓，需要久久为功。只要各方协同发力，就一定能把好事办好、实事办实。',
  ],
  cols: 2, span: 3,
};

const railway = {
  headline: '全国铁路国庆黄金周运输方案出台', small: true,
  dateline: '本报北京9月20日讯（记者孙丽）', authors: ['孙丽'],
  paragraphs: [
    '记者从国铁集团获悉，今年国庆黄金周铁路运输自9月30日起至10月8日止，预计发送旅客超过1.6亿人次，同比增长约6%。',
    { subhead: '加开夜间高铁' },
    '铁路部门将充分利用新线开通和运力增加的有利条件，加开夜间高铁和普速旅客列车，优化客流集中区段运力安排，最大限度满足旅客出行需求。',
    '铁路部门提醒广大旅客，合理安排出行时间，通过官方渠道购票，注意保管好个人物品。',
  ],
  cols: 2, span: 4,
};

const enLead = {
  kicker: 'BUDGET',
  headline: 'Senate Passes Spending Bill After Late Night Deal',
  subtitle: 'Compromise keeps the government open through December',
  byline: 'By JANE DOE and RICHARD ROE', bylineTruth: 'By JANE DOE and RICHARD ROE', authors: ['JANE DOE', 'RICHARD ROE'],
  dateline: 'WASHINGTON —', en: true,
  paragraphs: [
    'The Senate voted early on Monday to approve a stopgap spending bill, ending a standoff that had threatened to close federal offices across the country by the end of the week.',
    'The measure, which passed with support from both parties, keeps agencies funded at current levels through mid-December and includes money for disaster relief in several western states.',
    'Leaders of both parties said the agreement bought time for negotiations on a full-year budget, though deep differences remain over military spending and domestic programs.',
    'The House is expected to take up the bill on Tuesday. Several members said they would oppose it, arguing that short-term measures have become a habit rather than an exception.',
    'Budget analysts said a shutdown would have delayed payments to contractors and closed national parks during the busy autumn season, at a cost of billions of dollars.',
  ],
  jumpText: 'Continued on Page A4', jumpTo: 'A4', cols: 3, span: 4,
};

const enSide = {
  headline: 'City Opens New Library for Old Newspapers', small: true,
  byline: 'By MARIA LOPEZ', bylineTruth: 'By MARIA LOPEZ', authors: ['MARIA LOPEZ'],
  paragraphs: [
    'The city opened a new reading room on Sunday where residents can browse more than a century of local newspapers, many of them scanned for the first time.',
    'Librarians said the collection includes editions that survived a warehouse fire in 1962 and had not been available to the public since then.',
    'Visitors lined up before the doors opened, and several families searched for stories about their grandparents.',
  ],
  cols: 1, span: 2,
};

const enWeather = {
  headline: 'Early Frost Threatens Apple Harvest', small: true,
  dateline: 'ALBANY, N.Y. —', en: true,
  paragraphs: [
    'Growers across the Hudson Valley rushed to pick fruit over the weekend as forecasters warned of the earliest frost in nearly two decades.',
    'Farm owners said most of the crop could be saved if temperatures stayed above freezing until Wednesday, when pickers would finish the last orchards.',
  ],
  layout: 'reverse', cols: 2, span: 3,
};

const enOpinion = {
  headline: 'The Quiet Value of a Printed Page', small: true,
  subtitle: 'Why archives still matter in a digital age',
  paragraphs: [
    'Every generation believes its records will last forever. Few do. Paper, for all its fragility, has outlived many of the formats that promised to replace it.',
    'A library of newspapers is not nostalgia. It is the raw material of history, and it deserves the same care we give to any other public good.',
  ],
  cols: 2, span: 3,
};

const issueP1Lead = {
  ...grainLead,
  paragraphs: grainLead.paragraphs.slice(0, 3),
};
const issueP2Cont = {
  headline: '抓实秋粮收购 守牢粮食安全底线', small: true,
  fromText: '（上接第一版）', jumpFrom: '1',
  paragraphs: grainLead.paragraphs.slice(4),
  cols: 3, span: 6,
};
const issueP2Other = {
  headline: '多地开展粮食安全宣传周活动', small: true,
  dateline: '本报讯（记者周云）', authors: ['周云'],
  paragraphs: [
    '连日来，多地围绕“践行大食物观 共筑粮食安全”主题开展宣传活动，通过展览、讲座、进社区等形式，普及粮食安全知识，倡导节约粮食。',
    '不少学校组织学生走进粮库和田间，了解粮食从种植到餐桌的全过程，增强爱粮节粮意识。',
  ],
  cols: 3, span: 6,
};

const sideStory = {
  headline: '小城书店的坚守', small: true,
  subtitle: '——记一家开了三十年的社区书店',
  byline: '本报记者 钱多多', bylineTruth: '本报记者', authors: ['钱多多'],
  paragraphs: [
    '在城南一条老街上，有一家开了三十年的小书店。店面不大，书架却塞得满满当当，常有附近的老人和孩子来这里看书。',
    '店主说，书店的收入并不高，但看到读者在店里安安静静读书，就觉得一切都值得。这些年，书店还办起了读书会，吸引了不少年轻人。',
    '街坊们说，这家书店已经成了社区的一部分，希望它能一直开下去。',
  ],
  layout: 'side', cols: 3, span: 6,
};

const insideLead = {
  kicker: '聚焦科技创新 培育新质生产力',
  headline: '创新链产业链深度融合',
  subtitle: '——来自长三角地区的调研',
  byline: '本报记者 李四 王五', bylineTruth: '本报记者', authors: ['李四', '王五'],
  paragraphs: [
    '走进位于上海张江的一家集成电路企业，工程师们正在调试新一代芯片测试设备。企业负责人介绍，过去三年，企业与高校联合攻关，突破了多项关键技术。',
    '在长三角，这样的故事并不少见。近年来，三省一市加强科技创新协同，共建创新平台，共享科研设施，推动创新链和产业链深度融合。',
    '“企业出题、高校答题、政府助题”的合作模式，让科研成果更快走出实验室。江苏一家新材料企业与研究院合作开发的新型复合材料，从立项到量产只用了十八个月。',
    '专家表示，推动科技创新和产业创新深度融合，关键在于打通从基础研究到产业应用的各个环节，让创新要素在区域内充分流动。',
    '下一步，长三角地区将继续完善协同创新机制，培育一批具有国际竞争力的创新型企业和产业集群。',
  ],
  cols: 3, span: 4,
};

const insideBrief = {
  headline: '全国首条跨省地铁线路开通运营', small: true,
  dateline: '本报上海9月20日电（记者郑洁）', authors: ['郑洁'],
  paragraphs: [
    '连接上海与江苏昆山的地铁线路20日开通运营，成为全国首条跨省地铁线路。',
    '据介绍，线路全长约六公里，设站三座，开通后两地居民通勤时间将大幅缩短。',
  ],
  cols: 1, span: 2,
};

const insideJump = {
  kicker: '金秋时节',
  headline: '乡村旅游迎来消费旺季', small: true,
  dateline: '新华社杭州9月20日电', authors: [],
  paragraphs: [
    '金秋时节，浙江各地乡村旅游迎来消费旺季。在安吉县的一处茶园，不少游客体验采茶制茶，感受乡村慢生活。',
    '当地文旅部门负责人说，今年以来，乡村旅游接待游客人次同比增长两成以上，民宿入住率持续走高，带动村民增收致富。',
    '业内人士认为，乡村旅游要在特色上下功夫，避免同质化竞争，让游客留得住、愿意再来。',
  ],
  jumpText: '（转第四版）', jumpTo: '4', cols: 2, span: 3,
};

const insideSide = {
  headline: '老街新貌', small: true,
  subtitle: '古城更新留住烟火气',
  dateline: '本报讯（记者冯雪）', authors: ['冯雪'],
  paragraphs: [
    '青石板路、白墙黛瓦，经过一年多的改造提升，古城老街重新开街迎客。改造坚持“修旧如旧”，保留了街巷肌理和历史建筑。',
    '老街上，传统手工艺店铺和新式咖啡馆比邻而居，吸引了不少年轻人前来打卡。居民们说，老街变美了，生活也更方便了。',
  ],
  layout: 'side', cols: 2, span: 3,
};

const enContinued = {
  kicker: 'BUDGET',
  headline: 'Senate Passes Spending Bill', small: true,
  fromText: 'Continued from Page A1', jumpFrom: 'A1',
  paragraphs: [
    'Several senators said the agreement reflected months of quiet talks between committee leaders, who met almost daily during the summer recess.',
    'The bill also extends a program that helps rural hospitals pay for emergency staff, a provision that had broad support in both chambers.',
    'Critics argued that the measure did little to address the long-term deficit and warned that the same fight would return before the holidays.',
  ],
  cols: 3, span: 6,
};

const enSchools = {
  headline: 'Schools Add Evening Classes for Adults', small: true,
  subtitle: 'Demand for language and computer courses has doubled since spring',
  byline: 'By SAM LEE', bylineTruth: 'By SAM LEE', authors: ['SAM LEE'],
  paragraphs: [
    'Public schools in three counties will open their classrooms in the evening this fall, offering courses to adults who want to learn a language or improve their computer skills.',
    'Officials said the program was paid for by a state grant and would hire retired teachers as instructors.',
    'Registration opens next week, and classes are free for residents.',
  ],
  cols: 2, span: 4,
};

const enTransit = {
  headline: 'New Bus Routes Start Monday', small: true,
  dateline: 'BOSTON —', en: true,
  paragraphs: [
    'The transit authority will add four bus routes on Monday, connecting neighborhoods that have no subway station.',
    'Riders can use the same cards and passes as on existing routes.',
  ],
  cols: 1, span: 2,
};

// ---- pages -----------------------------------------------------------------------------------------------

const zhFooter = ['本版责编：张三　李四', '晨光日报社出版'];

/**
 * The fixture pages. Each sheet is one PDF page with its truth; a fixture with several sheets prints as one
 * multi-page PDF (a whole issue), and each sheet can also be printed on its own for the scorer.
 */
export function fixtures() {
  return [
    {
      name: 'zh-front', lang: 'zh', sheets: [{
        html: sheet({ lang: 'zh', top: zhMasthead('2026年9月21日', '星期一'), footer: zhFooter, items: [
          grainLead, evSide, harvest, commentary,
          photo(2, '9月19日，江西省南昌县农民驾驶收割机抢收晚稻。本报记者 刘洋 摄'), railway,
        ] }),
        truth: [grainLead, evSide, harvest, commentary, railway],
      }],
    },
    {
      name: 'en-front', lang: 'en', sheets: [{
        html: sheet({ lang: 'en', top: enMasthead, footer: ['© 2026 The Presscut Times Company', 'A1'], items: [
          enLead, enSide, enWeather, enOpinion,
        ] }),
        truth: [enLead, enSide, enWeather, enOpinion],
      }],
    },
    {
      name: 'zh-inside', lang: 'zh', sheets: [{
        html: sheet({ lang: 'zh sans', top: zhRunningHead('03', '经济', '2026年9月21日　星期一'), footer: ['本版责编：赵六', '3'], items: [
          insideLead, insideBrief, insideJump, photo(3, '游客在浙江安吉县一处茶园体验采茶。新华社记者 徐昱 摄'), insideSide,
        ] }),
        truth: [insideLead, insideBrief, insideJump, insideSide],
      }],
    },
    {
      name: 'en-inside', lang: 'en', sheets: [{
        html: sheet({ lang: 'en', top: `<div class="runninghead"><span>A4</span><span>THE PRESSCUT TIMES</span><span>MONDAY, SEPTEMBER 21, 2026</span></div>`, footer: ['A4', 'N'], items: [
          enContinued, enSchools, enTransit,
        ] }),
        truth: [enContinued, enSchools, enTransit],
      }],
    },
    {
      name: 'zh-issue', lang: 'zh', sheets: [
        {
          html: sheet({ lang: 'zh', top: zhMasthead('2026年9月21日', '星期一'), footer: zhFooter, items: [issueP1Lead, evSide, commentary, harvest] }),
          truth: [issueP1Lead, evSide, commentary, harvest],
        },
        {
          html: sheet({ lang: 'zh', top: zhRunningHead('02', '要闻', '2026年9月21日　星期一'), footer: ['本版责编：王五', '2'], items: [issueP2Cont, sideStory, issueP2Other] }),
          truth: [issueP2Cont, sideStory, issueP2Other],
        },
      ],
    },
  ];
}

/**
 * Page 2 of the two-page issue as another day's paper and as another paper's: the same 上接第一版 story, which
 * must not be linked to page 1 of 晨光日报 of 21 September (tests/link).
 */
export function linkVariants() {
  const p2 = (head) => sheet({ lang: 'zh', top: head, footer: ['本版责编：王五', '2'], items: [issueP2Cont, sideStory, issueP2Other] });
  return [
    { name: 'zh-issue-p2-nextday', html: p2(zhRunningHead('02', '要闻', '2026年9月22日　星期二')) },
    { name: 'zh-issue-p2-otherpaper', html: p2(zhRunningHead('02', '要闻', '2026年9月21日　星期一', '江城晚报')) },
  ];
}

/** A page with no text layer: a picture of text, as a scanner makes. */
export const SCAN_HTML = `<div class="sheet"><canvas data-scan width="825" height="1125" style="width:100%;height:100%"></canvas></div>`;

/** The full HTML document for some sheets' bodies. */
export function documentHtml(bodies) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>${bodies.join('\n')}</body></html>`;
}

/** The truth file content for one sheet. */
export function truthJson(name, lang, stories) {
  return { source: `tests/pdf/pages.mjs ${name}`, language: lang, channel: 'pdf-chromium', articles: stories.map(truthOf) };
}

/**
 * Paints the pictures in the page (run in the browser before printing): photos get a gradient, the scan gets
 * grey bars where lines of text would be. Both print as images, not text.
 */
export function paintPictures() {
  for (const c of document.querySelectorAll('canvas[data-photo]')) {
    const g = c.getContext('2d');
    const grad = g.createLinearGradient(0, 0, c.width, c.height);
    grad.addColorStop(0, '#6b8e23'); grad.addColorStop(1, '#deb887');
    g.fillStyle = grad; g.fillRect(0, 0, c.width, c.height);
  }
  for (const c of document.querySelectorAll('canvas[data-scan]')) {
    const g = c.getContext('2d');
    g.fillStyle = '#f4f1e8'; g.fillRect(0, 0, c.width, c.height);
    g.fillStyle = '#333';
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let col = 0; col < 4; col++) for (let y = 120; y < c.height - 60; y += 16) g.fillRect(40 + col * 190, y, 150 - rand() * 40, 9);
    g.font = 'bold 48px serif'; g.fillRect(200, 40, 420, 44);
  }
}
