import { browser, chromeOnly } from './browser.js';

/**
 * Opens the archive beside the page: Chrome's side panel or Firefox's sidebar. Both accept the call only during a
 * user gesture, which ends at the first `await`, so callers call this first, synchronously, in their event handler.
 */
export function openArchivePanel(windowId: number | undefined): void {
  const { sidePanel } = chromeOnly();
  if (sidePanel && windowId !== undefined) {
    sidePanel.open({ windowId }).catch(() => undefined); // no gesture (a programmatic clip): the panel just stays closed
  } else if (browser.sidebarAction) {
    browser.sidebarAction.open().catch(() => undefined);
  }
}
