import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedServer, type EmbeddedServer } from '../sync/helpers/embedded-server.js';
import { freePort } from '../sync/server.setup.js';
import { archiveHeadlines, JILIN_TEXT, launch, noticeText, openArticle, removeDir, screenshot, tempProfile, testExtensionDir, type Extension } from './harness.js';

const USER = 'reader';
const PASSWORD = 'correct horse battery';

/** One Engine call in the browser's background (the worker that owns the sync session). */
function engine<T>(ext: Extension, method: string, ...args: unknown[]): Promise<T> {
  return ext.sw.evaluate(({ method, args }) => {
    const api = (globalThis as unknown as { presscut: { engine: (m: string, ...a: unknown[]) => Promise<unknown> } }).presscut;
    return api.engine(method, ...args);
  }, { method, args }) as Promise<T>;
}

async function openLibrary(panel: Page): Promise<void> {
  if (await panel.locator('.toggle-library').getAttribute('aria-expanded') !== 'true') await panel.locator('.toggle-library').click();
  await panel.locator('.collections').waitFor();
}

/** The collections as the side panel lists them: name and article count. */
function collectionRows(panel: Page): Promise<string[]> {
  return panel.locator('.collection .collection-name').evaluateAll((els) => els.map((e) =>
    `${e.querySelector('.collection-title')!.textContent} (${e.querySelector('.collection-count')!.textContent})`));
}

/** Opens the article `headline` in the side panel's reader, adds it to `collection` there, and goes back. */
async function addInReader(panel: Page, headline: string, collection: string): Promise<void> {
  await openArticle(panel, headline);
  await panel.locator('.add-to-collection').selectOption({ label: collection });
  await expect.poll(() => panel.locator('.collection-chip').allTextContents()).toEqual([`${collection}×`]);
  await panel.locator('.toolbar button', { hasText: 'Back' }).click();
}

/**
 * Two browser profiles with the extension and the project's own sync server (npm run sync-server), set up through
 * the options page as a reader would: a page clipped in one appears in the other's side panel; collection edits
 * made on both while the server is down all arrive once it is back.
 */
describe('sync between two browsers', { timeout: 240_000 }, () => {
  let extDir: string, profileA: string, profileB: string, dataDir: string;
  let a: Extension, b: Extension, server: EmbeddedServer, remote: string;
  let optionsA: Page, optionsB: Page, panelA: Page, panelB: Page;

  beforeAll(async () => {
    extDir = await testExtensionDir();
    [profileA, profileB] = await Promise.all([tempProfile(), tempProfile()]);
    a = await launch(extDir, profileA);
    b = await launch(extDir, profileB);
    dataDir = await mkdtemp(join(tmpdir(), 'presscut-sync-data-'));
    const port = await freePort();
    // Both profiles load the same unpacked folder, so the extension has one id and the server one origin to allow.
    server = embeddedServer({ dataDir, port, origin: `chrome-extension://${a.id}`, user: USER, password: PASSWORD });
    await server.start();
    remote = `${server.url}/presscut`;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
    for (const dir of [profileA, profileB, extDir, dataDir]) if (dir) await removeDir(dir);
  });

  /** Fills the options page's form and presses Save, then waits for the page to be usable again. */
  async function saveSettings(options: Page, settings: { remote: string; username: string; password: string }): Promise<void> {
    await options.locator('input[name=remote]').fill(settings.remote);
    await options.locator('input[name=username]').fill(settings.username);
    await options.locator('input[name=password]').fill(settings.password);
    await options.locator('button.save').click();
    await options.locator('button.save:not([disabled])').waitFor();
  }

  /** Presses "Sync now" and waits for the cycle to end; returns the "Last sync" line. */
  async function syncNow(options: Page): Promise<string> {
    await options.locator('button.sync-now:not([disabled])').click();
    await options.locator('button.sync-now:not([disabled])').waitFor({ timeout: 60_000 });
    return (await options.locator('.sync-last').textContent()) ?? '';
  }

  it('refuses a plain-HTTP remote that is not this computer, and stores nothing', async () => {
    optionsA = await a.page('options.html');
    await saveSettings(optionsA, { remote: 'http://sync.example.org/presscut', username: USER, password: PASSWORD });
    expect(await noticeText(optionsA, 'Refused')).toMatch(/^Refused http:\/\/sync\.example\.org: .*Use HTTPS/);
    expect(await optionsA.locator('input[name=remote]').getAttribute('aria-invalid')).toBe('true');
    // Loopback is fine over plain HTTP, but a URL must name the database, and a password is needed.
    await saveSettings(optionsA, { remote: 'http://[::1]:5984/', username: USER, password: PASSWORD });
    expect(await noticeText(optionsA, 'names no database')).toBe('“http://[::1]:5984/” names no database: add it to the path, e.g. /presscut.');
    await saveSettings(optionsA, { remote: 'https://couch.example.org/presscut', username: USER, password: '' });
    expect(await noticeText(optionsA, 'password')).toBe('Enter the password for the server.');
    expect(await optionsA.locator('input[name=password]').getAttribute('aria-invalid')).toBe('true');
    expect(await a.sw.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    expect(await optionsA.locator('.sync-facts').count()).toBe(0);
  });

  it('shows the server refusing a wrong password', async () => {
    await saveSettings(optionsA, { remote, username: USER, password: 'not the password' });
    await expect.poll(() => optionsA.locator('.sync-error').first().textContent()).toMatch(/^ ?The server refused the user name or password\./);
    expect(await optionsA.locator('.sync-state').textContent()).toBe('Sync error');
    expect(await optionsA.locator('.sync-last').textContent()).toMatch(/: failed/);
    // Credentials stay in this browser's local storage, never in the storage the browser syncs itself.
    expect(await a.sw.evaluate(() => chrome.storage.sync.get(null))).toEqual({});
  });

  it("shows a page clipped in the first browser in the second's side panel, found by search there too", async () => {
    await saveSettings(optionsA, { remote, username: USER, password: PASSWORD });
    expect(await optionsA.locator('.sync-last').textContent()).toMatch(/: succeeded$/);
    expect(await optionsA.locator('.sync-error').count()).toBe(0);
    optionsB = await b.page('options.html');
    await saveSettings(optionsB, { remote, username: USER, password: PASSWORD });
    expect(await optionsB.locator('.sync-last').textContent()).toMatch(/: succeeded$/);

    // Open side panels sync live.
    panelA = await a.page('sidepanel.html');
    panelB = await b.page('sidepanel.html');
    await expect.poll(() => panelB.locator('.sync-status').textContent()).toBe('Synced');

    const popup = await a.page('popup.html');
    await popup.locator('.paste-input').fill(await JILIN_TEXT());
    await popup.waitForFunction(() => document.querySelector('.preview-count')?.textContent === '7 articles');
    await popup.locator('button.save').click();
    expect(await noticeText(popup, 'Saved')).toBe('Saved: 7 articles.');
    await popup.close();

    const shownA = await archiveHeadlines(panelA, 7);
    const shownB = await archiveHeadlines(panelB, 7); // no reload: the pull's broadcast refreshes the list
    expect(shownB).toEqual(shownA);
    await screenshot(panelB, 'sidepanel-synced');
    await screenshot(optionsB, 'options-sync');
    // The second browser indexed what arrived: its search finds what the first one's does.
    const found = async (ext: Extension) => (await engine<{ hits: { articleId: string }[] }>(ext, 'search', '疫情防控')).hits.map((h) => h.articleId).sort();
    const inA = await found(a);
    expect(inA.length).toBeGreaterThan(0);
    expect(await found(b)).toEqual(inA);
  });

  it('keeps both additions to one collection made in the side panels while the server was down, on both browsers', async () => {
    await openLibrary(panelA);
    await panelA.locator('.new-collection-name').fill('Jilin harvest');
    await panelA.locator('.new-collection button[type=submit]').click();
    await openLibrary(panelB);
    // Live sync brings the new collection to the other browser's open panel.
    await expect.poll(() => collectionRows(panelB), { timeout: 60_000 }).toEqual(['Jilin harvest (0 articles)']);
    const [first, second] = (await archiveHeadlines(panelA, 7)).slice(1, 3) as [string, string];

    await server.stop();
    await addInReader(panelA, first, 'Jilin harvest');
    await addInReader(panelB, second, 'Jilin harvest');
    expect(await syncNow(optionsA)).toMatch(/: failed/);
    expect(await optionsA.locator('.sync-state').textContent()).toBe('Offline');
    expect(await optionsA.locator('.sync-error').first().textContent()).toMatch(/Cannot reach the server\./);
    expect(await optionsA.locator('.sync-pending').textContent()).toBe('1');
    await expect.poll(() => panelA.locator('.sync-status').textContent()).toBe('Offline');

    await server.start(); // the same data folder and port
    // A first, then B (which gets A's addition and sends its own), then A again (which gets B's).
    for (const options of [optionsA, optionsB, optionsA]) {
      await expect.poll(() => syncNow(options), { timeout: 90_000, interval: 1000 }).toMatch(/: succeeded$/);
    }
    for (const panel of [panelA, panelB]) {
      await expect.poll(() => collectionRows(panel)).toEqual(['Jilin harvest (2 articles)']);
      await panel.locator('.collection', { hasText: 'Jilin harvest' }).locator('.collection-name').click();
      expect((await archiveHeadlines(panel, 2)).sort()).toEqual([first, second].sort());
      await panel.locator('.clear-filter').click();
    }
    expect(await optionsA.locator('.sync-pending').textContent()).toBe('0');
    await expect.poll(() => panelA.locator('.sync-status').textContent()).toBe('Synced');
  });

  it('syncs every 15 minutes in the background, live only while a side panel is open, until turned off', async () => {
    const alarm = (ext: Extension) => ext.sw.evaluate(() => chrome.alarms.get('presscut-sync'));
    expect(await alarm(b)).toMatchObject({ periodInMinutes: 15 });
    const live = () => optionsB.evaluate(async () => (await chrome.runtime.sendMessage({ to: 'background', type: 'sync-state' })).value.live);
    expect(await live()).toBe(true);
    await panelB.close();
    await expect.poll(live).toBe(false);

    await optionsB.locator('button.turn-off').click();
    expect(await noticeText(optionsB, 'Sync is off')).toBe('Sync is off. Your archive stays in this browser.');
    expect(await b.sw.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    expect(await alarm(b)).toBeUndefined();
    expect(await optionsB.locator('.sync-facts').count()).toBe(0);
    expect(await engine<number>(b, 'countArticles')).toBe(7);
  });
});
