import type { Look } from './features.js';
import type { Unit } from './units.js';

export interface TitleRoles {
  kicker: number[];
  headline: number[];
  subtitle: number[];
}

// Endings typical of a 引题: the occasion or speaker, before the claim in the 主题.
const ZH_KICKER_END = /(?:强调|指出|表示|要求|提出|部署|主持|会见|会谈|出席|讲话|时|上|之际|会议|座谈会|致信|致电|寄语|[:：])$/;
const EN_WRAP_END = /\b(?:and|or|of|the|a|an|to|in|for|on|with|at|by|from|as|is|are|its|his|her|their)$/i;

/**
 * Gives each line of a headline block (bylines excluded) its role: 引题/kicker, 主题/headline, 副题/subtitle.
 *
 * Chinese: a line opening with `——` and what follows is the subtitle; letter-spaced lines are the 主题, lines
 * above them the 引题 and plain lines below them the 副题. Without letter-spacing: one line is the headline;
 * two lines are 引题 + 主题 when the first ends like an occasion (`…时强调`), one wrapped headline when the first
 * is at least as long as the second, else 主题 + 副题; three or more are 引题, 主题, 副题.
 * English: a short all-caps first line is the kicker, the next line the headline, the rest the deck.
 */
export function titleRoles(text: string, units: Unit[], looks: Look[], lines: number[]): TitleRoles {
  const roles: TitleRoles = { kicker: [], headline: [], subtitle: [] };
  if (!lines.length) return roles;
  const latin = lines.every((i) => looks[i]!.latin);
  if (latin) return englishRoles(text, units, looks, lines, roles);
  const dash = lines.findIndex((i) => looks[i]!.dash);
  const main = dash < 0 ? lines : lines.slice(0, dash);
  if (dash >= 0) roles.subtitle.push(...lines.slice(dash));
  if (!main.length) return roles;
  const firstSpaced = main.findIndex((i) => looks[i]!.spaced);
  if (firstSpaced >= 0) {
    let lastSpaced = firstSpaced;
    while (lastSpaced + 1 < main.length && looks[main[lastSpaced + 1]!]!.spaced) lastSpaced++;
    roles.kicker.push(...main.slice(0, firstSpaced));
    roles.headline.push(...main.slice(firstSpaced, lastSpaced + 1));
    roles.subtitle.unshift(...main.slice(lastSpaced + 1));
    return roles;
  }
  if (main.length === 1) roles.headline.push(main[0]!);
  else if (main.length === 2) {
    const [a, b] = [units[main[0]!]!, units[main[1]!]!];
    if (ZH_KICKER_END.test(text.slice(a.s, a.e))) { roles.kicker.push(main[0]!); roles.headline.push(main[1]!); }
    else if (a.width >= b.width * 0.9 && !looks[main[1]!]!.phraseSpace && !looks[main[0]!]!.phraseSpace) roles.headline.push(...main);
    else { roles.headline.push(main[0]!); roles.subtitle.unshift(main[1]!); }
  } else {
    roles.kicker.push(main[0]!);
    roles.headline.push(main[1]!);
    roles.subtitle.unshift(...main.slice(2));
  }
  return roles;
}

function englishRoles(text: string, units: Unit[], looks: Look[], lines: number[], roles: TitleRoles): TitleRoles {
  let i = 0;
  const words = (k: number) => text.slice(units[k]!.s, units[k]!.e).split(/\s+/).length;
  // A short label above a longer headline is its kicker: `ELECTION 2020`, or a section name such as `World`.
  const label = looks[lines[0]!]!.caps ? words(lines[0]!) <= 3 : words(lines[0]!) <= 2 && units[lines[1] ?? lines[0]!]!.width > units[lines[0]!]!.width * 2;
  if (lines.length >= 2 && label && !looks[lines[1]!]!.caps) roles.kicker.push(lines[i++]!);
  roles.headline.push(lines[i++]!);
  // A headline wrapped over two lines: the first ends on a function word, or the next goes on in lower case.
  while (i < lines.length && (EN_WRAP_END.test(text.slice(units[lines[i - 1]!]!.s, units[lines[i - 1]!]!.e)) || looks[lines[i]!]!.lower)) roles.headline.push(lines[i++]!);
  roles.subtitle.push(...lines.slice(i));
  return roles;
}
