import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../src/extension/browser.js';
import { t } from '../../src/extension/i18n.js';
import { LIVE_PING_MS, LIVE_PORT, onSyncStatus, request } from '../../src/extension/messages.js';
import type { SyncView } from '../../src/extension/sync-settings.js';
import { lastSyncText, syncErrorText, syncStateText } from '../common/sync-text.js';

/**
 * The sync state in the side panel's header (nothing when sync is off); a click opens the settings. While the
 * panel is open it holds the background's live-sync port, so edits flow both ways as they happen.
 */
export function SyncStatus() {
  const [view, setView] = useState<SyncView | null>(null);

  useEffect(() => {
    request<SyncView>({ to: 'background', type: 'sync-state' }).then(setView, () => undefined);
    const stopListening = onSyncStatus(setView);
    const stopLive = holdLive();
    return () => { stopListening(); stopLive(); };
  }, []);

  if (!view?.configured) return null;
  const detail = [lastSyncText(view), view.error ? `${syncErrorText(view.error)} (${view.error.message})` : ''].filter(Boolean).join('\n');
  return (
    <button type="button" class={`link sync-status state-${view.state}`} title={`${t('syncOpenSettings')}\n${detail}`} onClick={() => void browser.runtime.openOptionsPage()}>
      {syncStateText(view)}
    </button>
  );
}

/** Keeps a live-sync port to the background, pinging it, and opening it again if the background restarts. */
function holdLive(): () => void {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    port = browser.runtime.connect({ name: LIVE_PORT });
    port.onDisconnect.addListener(() => {
      port = null;
      if (!closed) retry = setTimeout(connect, 1000);
    });
  };
  connect();
  const ping = setInterval(() => port?.postMessage('ping'), LIVE_PING_MS);
  return () => {
    closed = true;
    clearInterval(ping);
    clearTimeout(retry);
    port?.disconnect();
  };
}
