import type { ClippingSource } from '../../src/model/records.js';
import type { CodedError } from '../../src/extension/error-wire.js';
import { t, uiLanguage } from '../../src/extension/i18n.js';

let dateFormat: Intl.DateTimeFormat | null = null;
let dayFormat: Intl.DateTimeFormat | null = null;

/** A capture time in the user's language: `2022年11月11日 14:02`, `Nov 11, 2022, 2:02 PM`. */
export function formatDate(ms: number): string {
  dateFormat ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  return dateFormat.format(ms);
}

/** A publication day (`2022-11-11`) in the user's language: `2022年11月11日`, `Nov 11, 2022`. */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  // The day is a calendar day, not an instant: formatted in UTC so no time zone moves it.
  dayFormat ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeZone: 'UTC' });
  return dayFormat.format(Date.UTC(y, m - 1, d));
}

/** How a clipping names where it came from: the newspaper, else the page or file title, else how it arrived. */
export function sourceLabel(newspaper: string | null, title: string | null | undefined, via?: ClippingSource['via']): string {
  return newspaper ?? title ?? (via === undefined || via === 'paste' ? t('pastedText') : t('untitled'));
}

/**
 * Error text from a worker or the background, in the user's language when the engine gave the error a code with a
 * translation (`error_<code>` in _locales), else its English message with the first letter raised.
 */
export function errorText(e: unknown): string {
  const { code, params } = (e ?? {}) as CodedError;
  if (code) {
    const key = `error_${code.replace(/-/g, '_')}`;
    const text = t(key, ...(params ?? []));
    if (text !== key) return text;
  }
  const m = typeof (e as Error | null)?.message === 'string' ? (e as Error).message : String(e);
  return m.charAt(0).toUpperCase() + m.slice(1);
}
