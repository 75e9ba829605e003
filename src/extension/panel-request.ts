/**
 * How the popup tells the side panel what to show when it opens it (a search result, or the results of a query).
 * Chrome opens a side panel only inside the click's gesture and gives no way to pass it anything, and the panel
 * may still be loading when the popup closes, so a message could reach nobody: the request waits in
 * `storage.session` until a panel takes it.
 */
import { browser, type Storage } from './browser.js';

export interface PanelRequest {
  /** The query, as typed in the popup; the side panel's search box shows it. */
  query: string;
  /** The article to open; null for the results of `query`. */
  articleId: string | null;
  /** The window whose panel should act on it (a panel open in another window leaves it); null when unknown. */
  windowId: number | null;
  /** When it was made (ms since the epoch). */
  at: number;
}

const KEY = 'panelRequest';
/** A request no panel took this soon (the panel did not open) must not surprise a panel opened later. */
const TTL_MS = 60_000;

/** Leaves a request for the side panel of `windowId`; call it after opening the panel, which needs the gesture. */
export async function requestPanel(request: Omit<PanelRequest, 'at'>): Promise<void> {
  await browser.storage.session.set({ [KEY]: { ...request, at: Date.now() } satisfies PanelRequest });
}

/**
 * Calls `handle` with each request for this page's window: the one waiting when the panel opens, and any that
 * come while it is open. A request is removed as it is taken, so it is handled once.
 * @returns a function that stops listening
 */
export function onPanelRequest(handle: (request: PanelRequest) => void): () => void {
  const area = browser.storage.session;
  const windowId = browser.windows.getCurrent().then((w) => w.id ?? null, () => null);
  let lastAt = 0;
  const take = async (value: unknown) => {
    if (!isRequest(value) || value.at === lastAt || Date.now() - value.at > TTL_MS) return;
    const mine = await windowId;
    if (value.windowId !== null && mine !== null && value.windowId !== mine) return;
    if (value.at === lastAt) return; // taken meanwhile (the change event and the first read can both see it)
    lastAt = value.at;
    await area.remove(KEY).catch(() => undefined);
    handle(value);
  };
  const listener = (changes: Record<string, Storage.StorageChange>, areaName: string) => {
    if (areaName === 'session' && changes[KEY]?.newValue !== undefined) void take(changes[KEY].newValue);
  };
  // Listening before reading: a request made in between is seen by one or the other.
  browser.storage.onChanged.addListener(listener);
  area.get(KEY).then((items) => take(items[KEY]), () => undefined);
  return () => browser.storage.onChanged.removeListener(listener);
}

function isRequest(v: unknown): v is PanelRequest {
  const r = v as PanelRequest;
  return typeof v === 'object' && v !== null && typeof r.query === 'string' && typeof r.at === 'number'
    && (r.articleId === null || typeof r.articleId === 'string') && (r.windowId === null || typeof r.windowId === 'number');
}
