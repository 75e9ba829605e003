/**
 * The offscreen document (Chrome only): it exists to host the engine worker, which the MV3 service worker cannot
 * create, and relays the background's Engine calls to it.
 */
import { wrap } from 'comlink';
import type { Engine } from '../../engine/types.js';
import { carryErrorCodes } from '../error-wire.js';
import { onMessages } from '../messages.js';

carryErrorCodes();

const engine = wrap<Engine>(new Worker('engine.worker.js'));

onMessages('offscreen', (message) => (engine[message.method] as (...args: unknown[]) => Promise<unknown>)(...message.args));
