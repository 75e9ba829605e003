import { NUM, pageRef } from './numbers.js';

export interface JumpMatch {
  start: number;
  end: number;
  dir: 'to' | 'from';
  page: string;
}

const ZH_JUMP = new RegExp(
  `[（(][ \\t]*(下转|转|上接|紧接|接|续)[ \\t]*(?:第[ \\t]*)?([A-Za-zＡ-Ｚ]?[ \\t]*${NUM})[ \\t]*[版面][ \\t]*[）)]`,
  'g',
);
const CONT_ON = /\(?\b(?:continued|cont'd|story continues) on (?:page |p\. ?)?([A-Z]?\d{1,3})\b\)?/gi;
// The keyword form needs its upper-case slug, so "see the report on page 3" is prose, not a jump.
const SEE_SLUG = /\b(?:[Pp]lease )?[Ss]ee [A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2},? (?:on )?(?:[Pp]age |[Pp]\. ?)?([A-Z]?\d{1,3})\b/g;
const CONT_FROM = /\(?\b(?:continued )?from page ([A-Z]?\d{1,3})\b\)?/gi;
const SLUG_FROM = /^[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}, from (?:[Pp]age )?([A-Z]?\d{1,3})\b/g;

/**
 * Finds jump markers in one line: `（下转第二版）`, `(上接第1版)`, `Continued on Page A12`, `See BUDGET, Page A4`,
 * `Continued from Page 1`, `BUDGET, from A1`. English forms must carry a page number, so prose such as
 * "see the report" never matches.
 */
export function findJumps(line: string): JumpMatch[] {
  const out: JumpMatch[] = [];
  // Cheap gates first: this runs on every line of the page.
  const zh = line.includes('版') || line.includes('面');
  if (zh) for (const m of line.matchAll(ZH_JUMP)) {
    const dir = m[1] === '下转' || m[1] === '转' ? 'to' : 'from';
    out.push({ start: m.index, end: m.index + m[0].length, dir, page: pageRef(m[2]!) });
  }
  if (out.length || !/[Cc]ontinue|[Cc]ont'd|[Ss]ee |[Ff]rom /.test(line)) return out;
  const add = (re: RegExp, dir: 'to' | 'from') => {
    for (const m of line.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, dir, page: pageRef(m[1]!) });
  };
  add(CONT_ON, 'to');
  add(SEE_SLUG, 'to');
  add(CONT_FROM, 'from');
  add(SLUG_FROM, 'from');
  return out.sort((a, b) => a.start - b.start);
}
