/**
 * Page furniture: text that belongs to the page, not to any article (mastheads, folios, date lines, staff
 * lines, e-paper navigation, copyright). Each test looks at one trimmed line.
 */

const STAFF = /^(?:本版)?(?:责任编辑|责编|编辑|美编|美术编辑|版式设计|版式|视觉设计|校对|组版|制版|图片编辑|图编|排版)[ \t\u3000]*[：:]/;
const ZH_DATE = /^[0-9０-９]{4}[ \t]*年[ \t]*[0-9０-９]{1,2}[ \t]*月[ \t]*[0-9０-９]{1,2}[ \t]*日(?:[ \t]*(?:星期|周)[一二三四五六日天])?(?:[ \t]*农历.{0,12})?$/;
const WEEKDAY = /^(?:星期|周)[一二三四五六日天]$|^农历[\u4e00-\u9fff]{2,12}$/;
const EN_WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const EN_MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const EN_DATE = new RegExp(`^(?:${EN_WEEKDAY},? )?${EN_MONTH} \\d{1,2},? \\d{4}$|^${EN_WEEKDAY},? \\d{1,2} ${EN_MONTH},? \\d{4}$`, 'i');
// Web article meta lines: `Updated 4:12 PM EST, Mon March 2, 2020`, `Published March 2, 2020`.
const WEB_STAMP = /^(?:Updated|Published|Posted|Last updated)[:\s][^.!?]{0,60}\d{4}$/i;
const PAGE_LABEL = /^第[ \t]*[0-9０-９A-Za-z]{1,4}[ \t]*版(?:[：:].{0,12})?$|^(?:PAGE|Page|P\.)[ \t]?[A-Z]?\d{1,3}$|^[A-Z]\d{1,2}$/;
const CHROME = /^Skip to (?:main )?content$|^(?:Advertisement|Sign in|Log in|Subscribe|Menu|Share|Share this article)$|PDF下载|返回目录|往期回顾|版面导航|上一版|下一版|上一篇|下一篇|版权所有|未经.{0,6}授权|Copyright ?©|All rights reserved|出版物号|邮发代号|ISSN|网址[：:]|https?:\/\/|www\.[a-z0-9-]+\.|社出版$|^本版(?:邮箱|热线)|^(?:导读|图片报道)$/i;
const SOURCE_LINE = /^《[^》]{2,12}》[（(]\d{4}年\d{1,2}月\d{1,2}日[ \t]*第[ \t]*\d{1,3}[ \t]*版[）)]$/;
const FOLIO = new RegExp(`^[A-Z]?\\d{1,3}[ \\t]*[|│·•][^|]{0,60}${EN_MONTH}|${EN_MONTH} \\d{1,2}, \\d{4}[ \\t]*[|│·•]`, 'i');
const ZH_MASTHEAD = /^[\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|商报|晨报|都市报|青年报|法治报|法制报|经济报|新闻|周报|日報|晚報|時報)$/;
const EN_MASTHEAD = /^The [A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}$/i;
const EN_MASTHEAD_WORD = /(?:Daily|Times|Post|Herald|Tribune|Journal|Gazette|News|Chronicle|Observer|Star|Globe|Sun|Guardian|Telegraph|Independent|Record|Review|Examiner|Inquirer|Courier|Dispatch|Bulletin|Register|Sentinel|Standard|Mirror|Express)$/i;

/**
 * Whether a whole line is page furniture. `nearEdge` says the line is among the first or last few lines of the
 * page, where a bare paper name is a masthead rather than a headline.
 */
export function isFurniture(line: string, nearEdge: boolean): boolean {
  const t = line.trim();
  // Furniture is short; running text never needs the dozen patterns below.
  if (!t || t.length > 160) return false;
  if (STAFF.test(t) || ZH_DATE.test(t) || WEEKDAY.test(t) || EN_DATE.test(t) || PAGE_LABEL.test(t) || WEB_STAMP.test(t)) return true;
  if ((t[0] === '《' && SOURCE_LINE.test(t.replace(/\s+/g, ''))) || FOLIO.test(t)) return true;
  if (t.length <= 120 && CHROME.test(t)) return true;
  // Pipe-separated navigation: 人民日报社概况 | 关于人民网 | 报社招聘
  if ((t.match(/[|｜]/g)?.length ?? 0) >= 2 && !/[。！？]/.test(t)) return true;
  return nearEdge && isMasthead(t);
}

/** A newspaper's name as its masthead prints it: `人民日报`, `The Stanford Daily`. */
export function isMasthead(line: string): boolean {
  const t = line.trim();
  return ZH_MASTHEAD.test(t) || (EN_MASTHEAD.test(t) && EN_MASTHEAD_WORD.test(t));
}
