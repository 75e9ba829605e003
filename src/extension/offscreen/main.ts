/**
 * The offscreen document (Chrome only): it exists to host the engine worker, which the MV3 service worker cannot
 * create, relays the background's Engine calls to it, and passes the reports of its sync session back.
 */
import { proxy, wrap } from 'comlink';
import { unpackArgs } from '../bytes.js';
import { carryErrorCodes } from '../error-wire.js';
import { onMessages, request, type WorkerApi } from '../messages.js';

carryErrorCodes();

const engine = wrap<WorkerApi>(new Worker('engine.worker.js'));

void engine.onSync(proxy((event) => {
  request({ to: 'background', type: 'sync-event', event }).catch(() => undefined);
}));

// A PDF's bytes come packed as base64 (messages are JSON); the worker gets them as bytes again.
onMessages('offscreen', (message) => (engine[message.method] as (...args: unknown[]) => Promise<unknown>)(...unpackArgs(message.args)));
