import type { Clipping } from '../model/records.js';
import { pageRef } from '../parse/cues/numbers.js';
import { isMasthead } from '../parse/cues/furniture.js';

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The page's date as [year, month, day], from what the page prints (`2022年11月11日`, `Tuesday, January 5, 2010`),
 * else from the page markup's publication date. Null when neither says.
 */
export function pageDate(c: Pick<Clipping, 'items' | 'structured'>): [number, number, number] | null {
  for (const item of c.items ?? []) {
    if (item.kind !== 'furniture') continue;
    const t = item.text.normalize('NFKC');
    const zh = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(t);
    if (zh) return [Number(zh[1]), Number(zh[2]), Number(zh[3])];
    const en = /([A-Za-z]+)\.? (\d{1,2}),? (\d{4})/.exec(t);
    const month = en ? EN_MONTHS.findIndex((m) => m.startsWith(en[1]!.toLowerCase()) && en[1]!.length >= 3) : -1;
    if (en && month >= 0) return [Number(en[3]), month + 1, Number(en[2])];
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(c.structured?.published ?? '');
  return iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : null;
}

/** The page number the page prints in its furniture (`第01版：要闻` -> "1", `A4 | Tuesday…` -> "A4"), or null. */
export function pageNumber(c: Pick<Clipping, 'items'>): string | null {
  for (const item of c.items ?? []) {
    if (item.kind !== 'furniture') continue;
    const zh = /第\s*([0-9０-９A-Za-z]{1,4})\s*版/.exec(item.text);
    if (zh) return pageRef(zh[1]!);
    const en = /^(?:Page\s+)?([A-Z]?\d{1,3})(?:\s*[|│·•]|$)/.exec(item.text.trim());
    if (en) return pageRef(en[1]!);
  }
  return null;
}

/** The newspaper's name when the page prints its masthead (`人民日报`, `The Stanford Daily`), or null. */
export function newspaperOf(c: Pick<Clipping, 'items'>): string | null {
  return c.items?.find((i) => i.kind === 'furniture' && isMasthead(i.text))?.text ?? null;
}
