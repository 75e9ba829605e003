/**
 * The background (Chrome's service worker, Firefox's event page): wires the toolbar popup's requests, the context
 * menu and the keyboard shortcut to the Engine, runs sync (./sync.ts), and tells open pages when the archive changes.
 */
import type { IngestInput, IngestResult, PdfIngestResult } from '../../engine/types.js';
import type { ClippingSource } from '../../model/records.js';
import type { ClipMode } from '../../extract/index.js';
import { browser, type Tabs } from '../browser.js';
import { broadcast, onMessages, type ClipOutcome } from '../messages.js';
import { showClipBadge } from './badge.js';
import { clipTab } from './clip-tab.js';
import { engineHost } from './engine-host.js';
import { createMenus, MENU_MODES } from './menus.js';
import { syncService } from './sync.js';
import { openArchivePanel } from '../side-panel.js';

const engine = engineHost((event) => void sync.onEvent(event));
const sync = syncService(engine);

async function ingest(input: IngestInput): Promise<IngestResult> {
  const result = await engine('ingest', input);
  await broadcast({ to: 'pages', type: 'archive-changed', clippingId: result.clippingId });
  return result;
}

async function ingestPdf(bytes: Uint8Array, source: ClippingSource, options: { keepBytes: boolean }): Promise<PdfIngestResult> {
  const result = await engine('ingestPdf', bytes, source, options);
  for (const p of result.pages) await broadcast({ to: 'pages', type: 'archive-changed', clippingId: p.clippingId });
  return result;
}

/** Clips a tab and reports on the toolbar button; also what the e2e tests and the bench call through `sw.evaluate`. */
async function clip(tabId: number, mode: ClipMode): Promise<ClipOutcome> {
  try {
    const outcome = await clipTab(tabId, mode, { ingest, ingestPdf });
    await showClipBadge(tabId, { articles: outcome.result.articleIds.length });
    return outcome;
  } catch (e) {
    await showClipBadge(tabId, { error: (e as Error).message });
    throw e;
  }
}

/** Menu and shortcut: show the archive (while the gesture lasts), then clip into it. */
function clipFromGesture(tab: Tabs.Tab | undefined, mode: ClipMode): void {
  openArchivePanel(tab?.windowId);
  void (async () => {
    // Some browsers leave the tab out of a shortcut's event; the shortcut means the tab in front.
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await clip(id, mode).catch(() => undefined); // the badge has shown the error
  })();
}

browser.runtime.onInstalled.addListener(({ reason }) => {
  void createMenus();
  // A new version may bring a new segmenter: the pages it did not cut are cut again, corrections kept.
  if (reason === 'update') void reparseOutdated();
});

async function reparseOutdated(): Promise<void> {
  const done = await engine('reparseOutdated').catch(() => null);
  if (done?.clippings) await broadcast({ to: 'pages', type: 'archive-changed', clippingId: null });
}
browser.contextMenus.onClicked.addListener((info, tab) => {
  const mode = MENU_MODES[String(info.menuItemId)];
  if (mode) clipFromGesture(tab, mode);
});
browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'clip-page') clipFromGesture(tab, 'auto');
});

onMessages('background', async (message) => {
  switch (message.type) {
    case 'clip-tab': return clip(message.tabId, message.mode);
    case 'ingest': return ingest(message.input);
    case 'sync-now': return sync.now();
    case 'sync-state': return sync.state();
    case 'sync-settings-changed': return sync.settingsChanged();
    case 'sync-event': return sync.onEvent(message.event);
  }
});

Object.assign(globalThis, { presscut: { clip, ingest, engine } });
