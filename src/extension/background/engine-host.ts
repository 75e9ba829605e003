/**
 * How the background reaches the Engine. Chrome's MV3 service worker cannot create workers, so an offscreen
 * document hosts the engine worker and the background talks to it by message; Firefox's event page spawns the
 * worker itself. Either way the work runs in the worker and outlives the popup that asked for it.
 */
import { proxy, wrap } from 'comlink';
import type { SyncEvent } from '../../engine/sync-session.js';
import { browser, chromeOnly } from '../browser.js';
import { packArgs } from '../bytes.js';
import { carryErrorCodes } from '../error-wire.js';
import { request, type EngineMethod, type WorkerApi } from '../messages.js';

/** Calls one Engine (or sync session) method wherever the engine lives. */
export type EngineCall = <M extends EngineMethod>(method: M, ...args: Parameters<WorkerApi[M]>) => Promise<Awaited<ReturnType<WorkerApi[M]>>>;

const OFFSCREEN_PATH = 'offscreen.html';

/**
 * Picks the host this browser supports. The worker's sync session reports to `onSyncEvent`: directly from a worker
 * of the background's own, by a `sync-event` message from the offscreen document.
 */
export function engineHost(onSyncEvent: (event: SyncEvent) => void): EngineCall {
  const { offscreen, getContexts } = chromeOnly();
  if (offscreen && getContexts) return viaOffscreen(offscreen, getContexts);
  if (typeof Worker === 'function') return viaWorker(onSyncEvent);
  throw new Error('this browser offers neither offscreen documents nor workers to the background');
}

function viaWorker(onSyncEvent: (event: SyncEvent) => void): EngineCall {
  carryErrorCodes();
  const engine = wrap<WorkerApi>(new Worker(browser.runtime.getURL('engine.worker.js')));
  void engine.onSync(proxy(onSyncEvent));
  return (method, ...args) => (engine[method] as unknown as (...a: unknown[]) => Promise<never>)(...args);
}

function viaOffscreen(offscreen: typeof chrome.offscreen, getContexts: typeof chrome.runtime.getContexts): EngineCall {
  let creating: Promise<void> | null = null;
  const url = browser.runtime.getURL(OFFSCREEN_PATH);

  // Only one offscreen document may exist, and the service worker forgets it made one whenever it is restarted.
  async function ensure(): Promise<void> {
    const open = await getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType], documentUrls: [url] });
    if (open.length) return;
    creating ??= offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['WORKERS' as chrome.offscreen.Reason],
      justification: 'Runs the Presscut engine worker that parses and stores clippings',
    }).finally(() => { creating = null; });
    await creating;
  }

  return async (method, ...args) => {
    await ensure();
    return request<never>({ to: 'offscreen', type: 'engine', method, args: packArgs(args) });
  };
}
