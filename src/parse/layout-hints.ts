import type { LayoutRole, PageLayout } from '../model/page.js';
import { parseByline } from './cues/byline.js';
import type { TitleRoles } from './titles.js';
import type { Unit } from './units.js';

/**
 * Gives every unit the role the page's layout gave its line (`hints.layout`, from the PDF path), over the roles
 * the text heuristics guessed. Returns the layout role of each unit (undefined where the layout is silent).
 *
 * Cues found inside a line by their own patterns (a dateline opening a paragraph, a jump marker ending it, a
 * byline) keep their kind: type size says a line is body text, not where its dateline ends. Furniture and
 * captions are the layout's call, since their look is what gives them away.
 */
export function applyLayout(text: string, units: Unit[], layout: PageLayout): (LayoutRole | undefined)[] {
  const lines = layout.lines;
  const out: (LayoutRole | undefined)[] = new Array(units.length);
  let k = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    // Units and lines are both in text order: one forward walk finds each unit's line.
    while (k + 1 < lines.length && lines[k + 1]!.start <= u.s) k++;
    const line = lines[k];
    if (!line || line.start > u.s || text.lastIndexOf('\n', u.s - 1) >= line.start) continue;
    out[i] = line.role;
    setRole(text, u, line.role);
  }
  return out;
}

const PATTERNED = new Set<Unit['kind']>(['dateline', 'jump', 'byline', 'tail']);

function setRole(text: string, u: Unit, role: LayoutRole): void {
  switch (role) {
    case 'furniture':
    case 'caption':
      u.kind = u.role = role === 'furniture' ? 'furniture' : 'credit';
      return;
    case 'kicker':
    case 'headline':
    case 'subtitle':
      if (PATTERNED.has(u.kind) && role !== 'headline') return;
      u.kind = 'text';
      u.role = 'display';
      return;
    case 'byline':
      if (u.kind === 'byline') return;
      u.byline = parseByline(text.slice(u.s, u.e), true) ?? { text: text.slice(u.s, u.e), authors: [] };
      u.kind = u.role = 'byline';
      return;
    default:
      if (PATTERNED.has(u.kind)) return;
      u.kind = 'text';
      u.role = role === 'subhead' ? 'subhead' : 'body';
  }
}

/** The 引题/主题/副题 roles of a headline block's display lines, as the layout gave them. */
export function layoutTitleRoles(roles: (LayoutRole | undefined)[], lines: number[]): TitleRoles {
  const out: TitleRoles = { kicker: [], headline: [], subtitle: [] };
  for (const i of lines) {
    const r = roles[i];
    if (r === 'kicker') out.kicker.push(i);
    else if (r === 'subtitle') out.subtitle.push(i);
    else out.headline.push(i);
  }
  return out;
}
