import { ZH_ROLE } from './names.js';

export interface Byline {
  /** The byline as the truth convention keeps it: Chinese role words (`本报记者`), or the English line as printed. */
  text: string;
  authors: string[];
}

const ZH_INSTITUTIONAL = /^(?:本报|本刊|人民日报|新华社|光明日报|经济日报)?(?:特约)?评论员$|^(?:本报|本刊)编辑部$|^社论$|^编者$/;
const ZH_ROLE_TOKEN = new RegExp(`^${ZH_ROLE.source}$`);
const ZH_ROLE_NAME = new RegExp(`^(${ZH_ROLE.source})([\\u4e00-\\u9fff·]{2,4})$`);
const EN_ROLE = /\b(?:MANAGING|SENIOR|STAFF|ASSOCIATE|ASSISTANT|CONTRIBUTING|DEPUTY|EXECUTIVE|NEWS|SPORTS|OPINION|ARTS|DESK|FEATURES|CITY|COPY|PHOTO|SCIENCE|POLITICAL)?\s*(?:EDITOR|EDITORS|WRITER|WRITERS|REPORTER|CORRESPONDENT|COLUMNIST|CONTRIBUTOR|PHOTOGRAPHER|INTERN|STAFF)(?:\s+IN\s+CHIEF)?\b.*$/;
const EN_CAPS_NAME_LINE = /^[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){1,7}$/;
const EN_BY = /^By\s+((?:[A-Z][A-Za-z.'’-]+|de|van|von|da|di|and|&)(?:\s+(?:[A-Z][A-Za-z.'’-]+|de|van|von|da|di|and|&)){1,9})(?:\s*,\s*[A-Za-z][A-Za-z .'’-]{1,40})?$/;
const EN_CREDIT_LINE = /^(?:The )?(?:Associated Press|Reuters|Bloomberg(?: News)?|Agence France-Presse|AFP|New York Times|Washington Post)$|^(?:Staff|Special|Senior) (?:Writer|Correspondent)$/i;

// Every byline form holds a role word or starts in Latin capitals: a cheap test before the real ones.
const MARK = /记者|评论员|通讯员|实习生|编辑部|社论|编者|报道员|^\s*[A-Z]/;

/**
 * Recognises a byline standing on its own line: `本报评论员`, `本报记者 张三 李四`,
 * `新华社记者 郝薇薇 杨依军 本报记者 杜尚泽 陈振凯`, `By JANE DOE`, `ERIC MESSINGER MANAGING EDITOR`.
 * All-caps English names are only a byline when `capsNamesAllowed` (the caller knows the line sits between a
 * headline block and a body), since a short all-caps line is just as often a kicker.
 */
export function parseByline(line: string, capsNamesAllowed = false): Byline | null {
  if (line.length > 120 || !MARK.test(line)) return null;
  const t = line.trim().replace(/\u3000/g, ' ');
  if (!t || t.length > 80) return null;
  if (ZH_INSTITUTIONAL.test(t)) return { text: t, authors: [] };
  if (/[\u4e00-\u9fff]/.test(t)) return zhByline(t);
  const by = EN_BY.exec(t);
  if (by) return { text: t, authors: splitEnNames(by[1]!) };
  if (EN_CREDIT_LINE.test(t)) return { text: t, authors: [] };
  if (capsNamesAllowed && EN_CAPS_NAME_LINE.test(t)) {
    const names = t.replace(EN_ROLE, '').trim();
    const words = names.split(' ').filter(Boolean);
    if (words.length >= 2 && words.length <= 4) return { text: t, authors: splitEnNames(names) };
  }
  return null;
}

function zhByline(t: string): Byline | null {
  if (/[，。：；！？,;:]|摄$/.test(t)) return null;
  const roles: string[] = [], authors: string[] = [];
  const tokens = t.split(/[\s、]+/).filter(Boolean);
  for (const tok of tokens) {
    if (ZH_ROLE_TOKEN.test(tok)) roles.push(tok);
    else {
      const m = ZH_ROLE_NAME.exec(tok);
      if (m) { roles.push(m[1]!); authors.push(m[2]!); }
      else if (roles.length && /^[\u4e00-\u9fff·]{2,4}$/.test(tok)) authors.push(tok);
      else return null;
    }
  }
  return roles.length ? { text: roles.join(' '), authors } : null;
}

function splitEnNames(s: string): string[] {
  return s.split(/\s*(?:,|\band\b|&)\s*/).map((x) => x.trim()).filter((x) => x.split(' ').length >= 2);
}
