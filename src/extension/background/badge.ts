import { browser } from '../browser.js';

const SHOW_MS = 8000;

/** Shows on the toolbar button how a clip went, for clips started from the menu or the shortcut. */
export async function showClipBadge(tabId: number, outcome: { articles: number } | { error: string }): Promise<void> {
  const ok = 'articles' in outcome;
  await browser.action.setBadgeBackgroundColor({ tabId, color: ok ? '#2f7d32' : '#b3261e' });
  await browser.action.setBadgeText({ tabId, text: ok ? String(outcome.articles) : '!' });
  if (!ok) await browser.action.setTitle({ tabId, title: outcome.error });
  setTimeout(() => {
    browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined); // the tab may be gone by now
    if (!ok) browser.action.setTitle({ tabId, title: null }).catch(() => undefined);
  }, SHOW_MS);
}
