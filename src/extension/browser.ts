/// <reference types="chrome" />
/**
 * The one door to the WebExtension APIs. `browser` is the promise-based API both browsers share (the polyfill
 * passes the native object through where it exists, and can be dropped here alone once Chrome's is everywhere);
 * `chromeOnly` holds the Chromium APIs Firefox lacks, typed, and undefined where they do not exist.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Storage, Tabs } from 'webextension-polyfill';

interface ChromeOnly {
  sidePanel: typeof chrome.sidePanel;
  offscreen: typeof chrome.offscreen;
  getContexts: typeof chrome.runtime.getContexts;
}

/**
 * Firefox defines a `chrome` alias too, so the presence of each API is what tells the browsers apart.
 * @example chromeOnly()?.sidePanel.open({ windowId })
 */
export function chromeOnly(): Partial<ChromeOnly> {
  const c = (globalThis as { chrome?: typeof chrome }).chrome;
  return { sidePanel: c?.sidePanel, offscreen: c?.offscreen, getContexts: c?.runtime?.getContexts?.bind(c.runtime) };
}
