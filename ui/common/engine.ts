/**
 * The page's own engine worker. It lives as long as the page: fine for the side panel, and for the popup's preview
 * and lists; anything that must outlive the popup (Save, Clip this page) goes through the background instead.
 */
import { wrap, type Remote } from 'comlink';
import type { Engine } from '../../src/engine/types.js';
import { carryErrorCodes } from '../../src/extension/error-wire.js';

export type EngineApi = Remote<Engine>;

/** Spawns the engine worker bundled beside the page. */
export function spawnEngine(): EngineApi {
  carryErrorCodes();
  return wrap<Engine>(new Worker('engine.worker.js'));
}
