import { t } from '../../src/extension/i18n.js';

/** What a list shows for an article: its headline, or its kicker or dateline when the page printed no headline. */
export function articleLabel(a: { headline: string | null; kicker?: string | null; dateline?: string | null }): string {
  return a.headline ?? a.kicker ?? (a.dateline ? `${t('noHeadline')} ${a.dateline}` : t('noHeadline'));
}
