/**
 * The sync settings: checked as the reader types them, kept in `storage.local` (credentials never go to
 * `storage.sync`, which the browser would copy to the reader's other devices), and the state the pages show.
 */
import type { LastSync, SyncSettings, SyncSnapshot } from '../engine/sync-session.js';
import { isLoopback, parseRemote } from '../sync/remote-url.js';
import { browser } from './browser.js';
import { t } from './i18n.js';

/** What the options page and the side panel show: nothing set up, or the session's state. */
export type SyncView = { configured: false } | ({ configured: true; remote: string } & SyncSnapshot);

export type SettingsCheck =
  | { ok: true; settings: SyncSettings; origin: string }
  | { ok: false; field: 'remote' | 'username' | 'password'; message: string };

const SETTINGS_KEY = 'syncSettings';
const LAST_KEY = 'syncLast';

/**
 * Checks what the reader entered. Only HTTPS remotes, or plain HTTP to this computer (127.0.0.1, localhost,
 * [::1]): anything else would send the password and the archive readable to whoever is on the way. `origin` is
 * the host permission the extension needs to reach the remote.
 */
export function checkSyncSettings(input: { remote: string; username: string; password: string; passphrase: string }): SettingsCheck {
  const remote = input.remote.trim();
  if (!remote) return { ok: false, field: 'remote', message: t('syncErrNoUrl') };
  let url: URL;
  try {
    url = new URL(remote);
  } catch {
    return { ok: false, field: 'remote', message: t('syncErrBadUrl', remote) };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return { ok: false, field: 'remote', message: t('syncErrInsecure', `${url.protocol}//${url.host}`) };
  }
  let target: ReturnType<typeof parseRemote>;
  try {
    target = parseRemote(remote);
  } catch {
    return { ok: false, field: 'remote', message: t('syncErrNoDatabase', remote) };
  }
  const username = input.username.trim() || target.auth?.username || '';
  const password = input.password || target.auth?.password || '';
  if (!username) return { ok: false, field: 'username', message: t('syncErrNoUser') };
  if (!password) return { ok: false, field: 'password', message: t('syncErrNoPassword') };
  const settings: SyncSettings = { remote: target.url, username, password };
  if (input.passphrase) settings.passphrase = input.passphrase;
  return { ok: true, settings, origin: `${url.protocol}//${url.hostname}/*` };
}

/** The stored settings, or null when sync is off. */
export async function loadSyncSettings(): Promise<SyncSettings | null> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return (got[SETTINGS_KEY] as SyncSettings | undefined) ?? null;
}

/** Stores the settings; null turns sync off and forgets the last result. */
export async function storeSyncSettings(settings: SyncSettings | null): Promise<void> {
  if (settings) await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  else await browser.storage.local.remove([SETTINGS_KEY, LAST_KEY]);
}

/** The last finished sync, kept across browser restarts (the worker that synced forgets it). */
export async function loadLastSync(): Promise<LastSync | undefined> {
  return (await browser.storage.local.get(LAST_KEY))[LAST_KEY] as LastSync | undefined;
}

export async function storeLastSync(last: LastSync): Promise<void> {
  await browser.storage.local.set({ [LAST_KEY]: last });
}
