import { NUM } from './numbers.js';
import { splitZhNames } from './names.js';

export interface DatelineMatch {
  /** Offsets into the whole input. `end` may lie on the next line when the reporter parenthesis wraps. */
  start: number;
  end: number;
  /** Personal names from the reporter parenthesis. */
  authors: string[];
  /** False when the closing 电/讯 is missing (pdftotext can strand it in another text block). */
  complete: boolean;
  /** Printed in parentheses after the body, `…抓好贯彻落实。（新华社北京9月14日电）`: it closes its article. */
  trailing?: boolean;
}

const NOT_AFTER_DIAN = '(?![话视脑子力影站网台商器报])';
// 讯头: 本报讯, 本报11月10日讯, 本报北京11月10日电. The place may not contain 记者 etc., which keeps
// "本报记者王五电话采访" out.
const ZH_OWN = new RegExp(
  `(?:本报|本刊)[ \\t]*(?:(?:(?!记者|通讯员|评论员|讯|电)[\\u4e00-\\u9fff]){2,8}?[ \\t]*)?` +
    `(?:${NUM}[ \\t]*月[ \\t]*${NUM}[ \\t]*日[ \\t]*)?[讯电]${NOT_AFTER_DIAN}`,
  'g',
);
// 电头: 新华社北京11月10日电 (place and 电 optional: the 电 may have been stranded elsewhere by the extractor).
const ZH_AGENCY = new RegExp(
  `据?(?:新华社|中新社|中国新闻社|中新网|人民网|新华网|央视网|中国日报网|国际在线|美联社|路透社|法新社|共同社|塔斯社)` +
    `[ \\t]*(?:(?!记者)[\\u4e00-\\u9fff]){0,10}?[ \\t]*${NUM}[ \\t]*月[ \\t]*${NUM}[ \\t]*日[ \\t]*([电讯]${NOT_AFTER_DIAN})?`,
  'g',
);
const REPORTER_ROLE = /记者|通讯员|实习生|评论员|特约|摄影|报道员/;

const EN_WIRE = '(?:AP|Reuters|UPI|AFP|Bloomberg|dpa|Xinhua|CNN|Kyodo|Yonhap)';
const EN_MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
// WASHINGTON —, KYIV, Ukraine (AP) —, HOUSTON, Jan 27 (Reuters) -, BEIRUT, Lebanon, June 2 —
const EN_CAPS = new RegExp(
  `^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}){0,2}` +
    `(?:,? ${EN_MONTH} \\d{1,2})?[ \\t]*(?:\\(${EN_WIRE}\\))?[ \\t]*(?:—|–|--| - )[ \\t]*`,
);
// Older style: London, May 1.— / St. Louis, April 30.—
const EN_TITLE = new RegExp(`^(?:St\\. )?[A-Z][a-z]+(?: [A-Z][a-z]+)?, ${EN_MONTH} ?\\d{1,2}\\.?[ \\t]*(?:—|--)[ \\t]*`);

/**
 * Finds the datelines in `text[from, to)` (one line), in order and not overlapping. Chinese 讯头/电头 may start
 * mid-line (glued to the previous headline's tail, `韩俊主持本报讯（记者华泰来）日前`); English datelines only
 * open a line. A reporter parenthesis that wraps onto the next line is followed there. Each pattern scans the
 * line once, so a line packed with datelines costs no more than its length.
 */
export function findDatelines(text: string, from: number, to: number): DatelineMatch[] {
  const line = text.slice(from, to);
  const hits: { s: number; e: number; complete: boolean }[] = [];
  // Native substring checks first: most lines hold no dateline, and the patterns are slow to fail.
  const patterns = [
    ...(line.includes('本报') || line.includes('本刊') ? [ZH_OWN] : []),
    ...(line.includes('社') || line.includes('网') || line.includes('在线') ? [ZH_AGENCY] : []),
  ];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const e = m.index + m[0].length;
      const complete = re === ZH_OWN || m[1] !== undefined;
      // Without its 电 an agency match is a dateline only when nothing follows it on the line.
      if (complete || line.slice(e).trim() === '') hits.push({ s: m.index, e, complete });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  hits.sort((x, y) => x.s - y.s);
  const out: DatelineMatch[] = [];
  let after = 0;
  for (const h of hits) {
    if (h.s < after) continue;
    // A dateline in brackets at the end of a line closes the article it follows.
    const open = line[h.s - 1], close = line[h.e];
    if ((open === '（' || open === '(') && (close === '）' || close === ')') && line.slice(h.e + 1).trim() === '') {
      out.push({ start: from + h.s - 1, end: from + h.e + 1, authors: [], complete: h.complete, trailing: true });
      after = h.e + 1;
      continue;
    }
    const paren = reporterParen(text, from + h.e, to);
    out.push({ start: from + h.s, end: paren ? paren.end : from + h.e, authors: paren ? paren.authors : [], complete: h.complete });
    after = (paren ? paren.end - from : h.e);
  }
  if (out.length) return out;
  const en = EN_CAPS.exec(line) ?? EN_TITLE.exec(line);
  if (en && en[0].replace(/[^A-Za-z]/g, '').length >= 3) return [{ start: from, end: from + en[0].trimEnd().length, authors: [], complete: true }];
  return [];
}

/** The first dateline in `text[from, to)`, or null. */
export function findDateline(text: string, from: number, to: number): DatelineMatch | null {
  return findDatelines(text, from, to)[0] ?? null;
}

/** `（记者于小博）` right after a dateline, possibly wrapped: `（记者于小` ⏎ `博）`. */
function reporterParen(text: string, at: number, lineEnd: number): { end: number; authors: string[] } | null {
  let i = at;
  while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] !== '（' && text[i] !== '(') return null;
  const limit = Math.min(text.length, i + 60);
  let j = i + 1, newlines = 0;
  for (; j < limit; j++) {
    const c = text[j];
    if (c === '）' || c === ')') break;
    if (c === '\n' && ++newlines > 2) return null;
    if (c === '（' || c === '(' || c === '。') return null;
  }
  if (j >= limit) return null;
  // A line break inside the parenthesis wrapped a name (于小 ⏎ 博); a space separates two names (王红 李强).
  const inner = text.slice(i + 1, j).replace(/\s*\n\s*/g, '').replace(/\s+/g, ' ').trim();
  const bare = inner.replace(/ /g, '');
  if (!REPORTER_ROLE.test(bare) && !/^[\u4e00-\u9fff]{2,4}(?:[、，,][\u4e00-\u9fff]{2,4})*$/.test(bare)) return null;
  return { end: j + 1, authors: splitZhNames(inner) };
}
