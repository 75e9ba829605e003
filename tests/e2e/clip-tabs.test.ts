import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClipOutcome } from '../../src/extension/messages.js';
import {
  archiveHeadlines, demoServer, headerCount, JILIN_TEXT, launch, openArticle, removeDir, tempProfile, testExtensionDir,
  type Extension,
} from './harness.js';

/**
 * Clipping tabs: the e-paper article page, the JSON-LD news page, a text/plain newspaper page and a selection, each
 * clipped the way the toolbar button, the menu and the shortcut do it. Those clicks cannot be simulated, so the test
 * calls the same handler in the service worker.
 */
describe('clipping tabs', { timeout: 120_000 }, () => {
  let extDir: string, profile: string, ext: Extension, server: Awaited<ReturnType<typeof demoServer>>, panel: Page;

  beforeAll(async () => {
    server = await demoServer();
    extDir = await testExtensionDir();
    profile = await tempProfile();
    ext = await launch(extDir, profile);
    panel = await ext.page('sidepanel.html');
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    await removeDir(profile);
    await removeDir(extDir);
  });

  /**
   * Opens `path` on the demo server in a tab and clips it as the menu and the shortcut do (the background's handler),
   * or, `fromPopup`, with the message the popup's *Clip this page* sends.
   */
  async function clip(path: string, mode: 'auto' | 'page' | 'selection' = 'auto', prepare?: (tab: Page) => Promise<void>, fromPopup = false): Promise<ClipOutcome> {
    const tab = await ext.context.newPage();
    await tab.goto(server.url + path);
    await prepare?.(tab);
    const tabId = await ext.sw.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, tab.url());
    const outcome = fromPopup
      ? await panel.evaluate(async (message) => {
        const reply = await chrome.runtime.sendMessage(message);
        if (!reply.ok) throw new Error(reply.error);
        return reply.value;
      }, { to: 'background', type: 'clip-tab', tabId, mode })
      : await ext.sw.evaluate(({ tabId, mode }) => {
        const api = (globalThis as unknown as { presscut: { clip: (id: number, m: string) => Promise<unknown> } }).presscut;
        return api.clip(tabId, mode);
      }, { tabId, mode });
    await tab.close();
    return outcome as ClipOutcome;
  }

  it('takes an e-paper article page as one article with kicker, headline and subtitle from its markup', async () => {
    const { result } = await clip('epaper-article.html');
    expect(result.articleIds).toHaveLength(1);
    expect(await archiveHeadlines(panel, 1)).toEqual(['吉林秋粮总产量再创新高']);
    expect(await panel.locator('.row-group').textContent()).toMatch(/^人民日报 · /);
    await openArticle(panel, '吉林秋粮总产量再创新高');
    expect(await panel.locator('.article .kicker').textContent()).toBe('黑土地保护利用取得新进展');
    expect(await panel.locator('.article .subtitle').textContent()).toBe('——全省粮食产量连续三年稳定在八百亿斤以上');
    expect(await panel.locator('.article .byline').textContent()).toBe('本报记者　李　华　王　明');
    expect(await panel.locator('.article .paragraph').count()).toBe(4);
    expect(await panel.locator('a.source-link').getAttribute('href')).toBe(server.url + 'epaper-article.html');
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
  });

  it('takes a news article page (asked as the popup asks) with its JSON-LD headline, authors and publisher, and its body without the page chrome', async () => {
    const { result } = await clip('news-article.html', 'auto', undefined, true);
    expect(result.articleIds).toHaveLength(1);
    await archiveHeadlines(panel, 2);
    await openArticle(panel, 'Riverside library reopens after two-year rebuild');
    expect(await panel.locator('.article .subtitle').textContent()).toBe('Flood-proof building doubles the reading rooms');
    expect(await panel.locator('.article .byline').textContent()).toBe('By Jane Doe and Ravi Patel');
    expect(await panel.locator('.article .paragraph').count()).toBe(4);
    expect(await panel.locator('.article .body').textContent()).not.toMatch(/Subscribe|©/);
    expect(await panel.locator('a.source-link').textContent()).toBe('The Springfield Gazette');
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
  });

  it('takes a text/plain tab holding a whole newspaper page, split into its 7 articles', async () => {
    const { result, title } = await clip('jilin-2022-11-11-p1.txt');
    expect(result.articleIds).toHaveLength(7);
    expect(title).toBe('jilin-2022-11-11-p1.txt');
    const rows = await archiveHeadlines(panel, 9);
    expect(rows.slice(0, 7)).toContain('我省4件作品获第32届中国新闻奖');
    // The text stored is the page exactly as served.
    await openArticle(panel, '我省4件作品获第32届中国新闻奖');
    await panel.locator('.show-clipping').click();
    await panel.locator('mark.hl').first().waitFor();
    expect(await panel.locator('.clipping-text').textContent()).toBe(await JILIN_TEXT());
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
  });

  it('adds nothing when the same page is clipped twice', async () => {
    const again = await clip('jilin-2022-11-11-p1.txt');
    expect(again.result.created).toBe(false);
    await panel.reload();
    expect(await archiveHeadlines(panel, 9)).toHaveLength(9);
    expect(await headerCount(panel)).toBe(9);
  });

  it('takes the selection, with its line breaks, when there is one', async () => {
    const { result } = await clip('news-article.html', 'auto', async (tab) => {
      await tab.evaluate(() => {
        const ps = document.querySelectorAll('article p');
        const range = document.createRange();
        range.setStartBefore(ps[3]!); // ps[0] is the byline
        range.setEndAfter(ps[4]!);
        getSelection()!.addRange(range);
      });
    });
    expect(result.created).toBe(true);
    await archiveHeadlines(panel, 9 + result.articleIds.length);
    const row = panel.locator(`.row-button[data-clipping-id="${result.clippingId}"]`).first();
    await row.click();
    await panel.locator('.show-clipping').click();
    await panel.locator('.clipping-text').waitFor();
    const text = (await panel.locator('.clipping-text').textContent())!;
    expect(text.startsWith('"People kept asking us')).toBe(true);
    expect(text).toContain('\n');
    expect(text).toContain('final payment last month.');
    expect(text).not.toContain('SPRINGFIELD —');
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
  });

  it('says so, and stores nothing, when asked for a selection on a page without one', async () => {
    const before = await headerCount(panel);
    await expect(clip('epaper-article.html', 'selection')).rejects.toThrow('Nothing is selected on the page.');
    await panel.reload();
    expect(await headerCount(panel)).toBe(before);
  });
});
