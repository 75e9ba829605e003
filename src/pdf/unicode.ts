/**
 * Undoes what a font's Unicode map does to Chinese text. Fonts share one glyph between an ideograph and the
 * radical of the same shape, and a PDF's ToUnicode map may name the radical: Chromium's PDFs set in Noto CJK
 * read `粮⻝`, `⼯作`, `9⽉` for 粮食, 工作, 9月. Kangxi radicals (U+2F00–2FD5) have compatibility mappings; the
 * CJK radicals supplement (U+2E80–2EF3) has none, so its simplified forms are mapped here (Unicode's
 * EquivalentUnifiedIdeograph data). The two- and three-em dashes some fonts map a 副题's `——` to become two and
 * three em dashes.
 */
const SUPPLEMENT = new Map<string, string>();
const PAIRS = '⺁厂⺅亻⺆冂⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺗㣺⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪疋⺫罒⺬礻⺭礻⺯糹⺰纟⺱罓⺲罒⺷羊⺹耂⺺肀⺻聿⺼月⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';
for (let i = 0; i < PAIRS.length; ) {
  const radical = String.fromCodePoint(PAIRS.codePointAt(i)!);
  i += radical.length;
  const ideograph = String.fromCodePoint(PAIRS.codePointAt(i)!);
  i += ideograph.length;
  SUPPLEMENT.set(radical, ideograph);
}

// Cheap gate: most runs hold none of these.
const SUSPECT = /[\u2e3a\u2e3b\u2e80-\u2eff\u2f00-\u2fdf]/;

/** A run's text with radicals read as the ideographs they stand for, and long dashes as em dashes. */
export function normalizeGlyphs(s: string): string {
  if (!SUSPECT.test(s)) return s;
  return s.replace(/[\u2e3a\u2e3b\u2e80-\u2eff\u2f00-\u2fdf]/g, (c) => {
    if (c === '\u2e3a') return '\u2014\u2014';
    if (c === '\u2e3b') return '\u2014\u2014\u2014';
    if (c >= '\u2f00') return c.normalize('NFKC');
    return SUPPLEMENT.get(c) ?? c;
  });
}
