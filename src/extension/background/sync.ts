/**
 * Sync, from the background: one session per browser, in the engine worker the background owns. It syncs on a
 * schedule (alarms), live while a side panel is open (the panel holds a port and pings it; live mode is a lease
 * the pings renew, so a panel that vanishes without a word stops it too), and when a page asks. It keeps the
 * last result in storage and tells the pages the state and the changes a pull brought.
 */
import type { SyncEvent, SyncSettings, SyncSnapshot } from '../../engine/sync-session.js';
import { browser, type Runtime } from '../browser.js';
import { broadcast, LIVE_PORT } from '../messages.js';
import { loadLastSync, loadSyncSettings, storeLastSync, type SyncView } from '../sync-settings.js';
import type { EngineCall } from './engine-host.js';

const ALARM = 'presscut-sync';
/** Minutes between background syncs. */
const PERIOD_MIN = 15;
/** Live mode outlasts a missed ping or two, not a closed panel. */
const LEASE_MS = 75_000;

/** What the background's message handler asks of the sync service. */
export interface SyncService {
  now(): Promise<SyncView>;
  state(): Promise<SyncView>;
  /** The options page stored new settings (or none: sync turned off). */
  settingsChanged(): Promise<SyncView>;
  /** A report of the session in the worker. */
  onEvent(event: SyncEvent): Promise<void>;
}

/** Wires alarms and live ports to the session in `engine`'s worker. Call at the top level of the background. */
export function syncService(engine: EngineCall): SyncService {
  const ports = new Set<Runtime.Port>();

  async function view(settings: SyncSettings, snapshot: SyncSnapshot): Promise<SyncView> {
    // A worker started since the last sync does not know it; storage does.
    const last = snapshot.last ?? (await loadLastSync());
    return { configured: true, remote: settings.remote, ...snapshot, ...(last ? { last } : {}) };
  }

  async function withSettings(fn: (settings: SyncSettings) => Promise<SyncSnapshot>): Promise<SyncView> {
    const settings = await loadSyncSettings();
    if (!settings) return { configured: false };
    return view(settings, await fn(settings));
  }

  async function schedule(): Promise<void> {
    if (await loadSyncSettings()) await browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: PERIOD_MIN });
    else await browser.alarms.clear(ALARM);
  }

  const live = (leaseMs: number) => withSettings((s) => engine('syncLive', s, leaseMs));
  const now = () => withSettings((s) => engine('syncRun', s));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void now();
  });
  browser.runtime.onInstalled.addListener(() => void schedule());
  browser.runtime.onStartup.addListener(() => void schedule());
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIVE_PORT) return;
    ports.add(port);
    void live(LEASE_MS);
    port.onMessage.addListener(() => void live(LEASE_MS));
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (!ports.size) void live(0);
    });
  });

  return {
    now,
    state: () => withSettings((s) => engine('syncState', s)),

    async settingsChanged() {
      await schedule();
      if (!(await loadSyncSettings())) {
        await engine('syncOff');
        const off: SyncView = { configured: false };
        await broadcast({ to: 'sync-watchers', type: 'sync-status', view: off });
        return off;
      }
      if (ports.size) await live(LEASE_MS);
      return now();
    },

    async onEvent(event) {
      if (event.type === 'applied') {
        await broadcast({ to: 'pages', type: 'archive-changed', clippingId: event.clippingIds.length === 1 ? event.clippingIds[0]! : null });
        return;
      }
      const settings = await loadSyncSettings();
      if (!settings) return; // a report from a session just turned off
      if (event.snapshot.last) await storeLastSync(event.snapshot.last);
      await broadcast({ to: 'sync-watchers', type: 'sync-status', view: await view(settings, event.snapshot) });
    },
  };
}
