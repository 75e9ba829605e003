/**
 * The messages the extension's contexts send each other through `runtime.sendMessage`, and the one way to listen
 * for them. Every message names its addressee, because `sendMessage` reaches every extension page at once.
 */
import type { SyncApi, SyncEvent } from '../engine/sync-session.js';
import type { Engine, IngestInput, IngestResult } from '../engine/types.js';
import type { ClipMode } from '../extract/index.js';
import { browser, type Runtime } from './browser.js';
import { fromWire, toWire, type WireError } from './error-wire.js';
import type { SyncView } from './sync-settings.js';

/** What the engine worker exposes: the Engine, and the sync session its owner (the background) drives. */
export type WorkerApi = Engine & SyncApi;
/** The worker's methods a message can name (a listener cannot travel in a message). */
export type EngineMethod = Exclude<keyof WorkerApi, 'onSync'>;

export type Message =
  /** Popup -> background: clip a tab. */
  | { to: 'background'; type: 'clip-tab'; tabId: number; mode: ClipMode }
  /** Popup -> background: store pasted text; the background finishes it even when the popup closes. */
  | { to: 'background'; type: 'ingest'; input: IngestInput }
  /** Options page, side panel -> background: sync now / the sync state / the settings in storage changed. */
  | { to: 'background'; type: 'sync-now' | 'sync-state' | 'sync-settings-changed' }
  /** Offscreen document (Chrome) -> background: what the sync session in its worker reports. */
  | { to: 'background'; type: 'sync-event'; event: SyncEvent }
  /** Background -> offscreen document (Chrome): one Engine call for the worker it hosts. */
  | { to: 'offscreen'; type: 'engine'; method: EngineMethod; args: unknown[] }
  /** Background -> open pages: the archive has a new or changed clipping (null: several, from a sync). */
  | { to: 'pages'; type: 'archive-changed'; clippingId: string | null }
  /** Background -> pages showing the sync state (options page, side panel header). */
  | { to: 'sync-watchers'; type: 'sync-status'; view: SyncView };

type Addressee = Message['to'];
type For<A extends Addressee> = Extract<Message, { to: A }>;

/** The port a side panel holds open while it wants live sync, and how often it pings it to renew live mode. */
export const LIVE_PORT = 'presscut-sync-live';
export const LIVE_PING_MS = 20_000;

/** Errors do not cross `sendMessage` reliably in every browser, so replies carry them as data. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** What a tab clip gives back to whoever asked: the ingest result and the tab title it came from. */
export interface ClipOutcome {
  result: IngestResult;
  title: string | null;
  /** For a PDF: how many pages became clippings (`result` then sums them). */
  pages?: number;
}

/**
 * Handles the messages addressed to `to`. Messages for others get `undefined` synchronously, so their addressee's
 * reply is the one the sender receives; ours get a real Promise, because native `onMessage` ignores thenables such
 * as Dexie's and would answer `undefined`.
 */
export function onMessages<A extends Addressee>(to: A, handle: (message: For<A>, sender: Runtime.MessageSender) => Promise<unknown>): void {
  browser.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender) => {
    if (!isMessage(message) || message.to !== to) return undefined;
    return settle(() => handle(message as For<A>, sender));
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}

/** Sends a message and returns the addressee's value, or throws its error. */
export async function request<T>(message: Message): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) throw new Error(`nobody answered the ${message.type} message`);
  if (!reply.ok) throw fromWire(reply.error);
  return reply.value;
}

/** Tells the open pages something changed; with none open there is nobody to tell, which is fine. */
export async function broadcast(message: For<'pages'> | For<'sync-watchers'>): Promise<void> {
  await browser.runtime.sendMessage(message).catch(() => undefined);
}

/** Calls `listener` for every broadcast to the open pages. It never replies, so it never hides another's reply. */
export function onBroadcast(listener: (message: For<'pages'>) => void): () => void {
  return listen('pages', listener);
}

/** Calls `listener` with every sync state the background broadcasts. */
export function onSyncStatus(listener: (view: SyncView) => void): () => void {
  return listen('sync-watchers', (message) => listener(message.view));
}

function listen<A extends 'pages' | 'sync-watchers'>(to: A, listener: (message: For<A>) => void): () => void {
  const wrapped = (message: unknown) => {
    if (isMessage(message) && message.to === to) listener(message as For<A>);
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () => browser.runtime.onMessage.removeListener(wrapped as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}

async function settle(fn: () => Promise<unknown>): Promise<Reply<unknown>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, error: toWire(e) };
  }
}

function isMessage(m: unknown): m is Message {
  return typeof m === 'object' && m !== null && typeof (m as Message).to === 'string' && typeof (m as Message).type === 'string';
}

