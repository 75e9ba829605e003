import { browser } from './browser.js';

/**
 * A UI string in the browser's language (`_locales/<lang>/messages.json`). A missing key shows as the key itself,
 * so a gap is visible rather than blank.
 * @example t('savedNew', count(7))
 */
export function t(key: string, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** "1 article" / "7 articles" / "7 篇文章". */
export function articleCount(n: number): string {
  return t(n === 1 ? 'articleCountOne' : 'articleCountMany', n.toLocaleString(uiLanguage()));
}

/** The browser's UI language, for dates and numbers. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** `2.1 GB`, `10.5 MB`, `980 KB`: sizes the way a user reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} B`;
}
