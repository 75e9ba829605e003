/**
 * How the background reaches the Engine. Chrome's MV3 service worker cannot create workers, so an offscreen
 * document hosts the engine worker and the background talks to it by message; Firefox's event page spawns the
 * worker itself. Either way the work runs in the worker and outlives the popup that asked for it.
 */
import { wrap } from 'comlink';
import type { Engine } from '../../engine/types.js';
import { browser, chromeOnly } from '../browser.js';
import { carryErrorCodes } from '../error-wire.js';
import { request, type EngineMethod } from '../messages.js';

/** Calls one Engine method wherever the engine lives. */
export type EngineCall = <M extends EngineMethod>(method: M, ...args: Parameters<Engine[M]>) => Promise<Awaited<ReturnType<Engine[M]>>>;

const OFFSCREEN_PATH = 'offscreen.html';

/** Picks the host this browser supports. */
export function engineHost(): EngineCall {
  const { offscreen, getContexts } = chromeOnly();
  if (offscreen && getContexts) return viaOffscreen(offscreen, getContexts);
  if (typeof Worker === 'function') return viaWorker();
  throw new Error('this browser offers neither offscreen documents nor workers to the background');
}

function viaWorker(): EngineCall {
  carryErrorCodes();
  const engine = wrap<Engine>(new Worker(browser.runtime.getURL('engine.worker.js')));
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
    return request<never>({ to: 'offscreen', type: 'engine', method, args });
  };
}
