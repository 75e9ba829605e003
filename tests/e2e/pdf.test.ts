import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClipOutcome } from '../../src/extension/messages.js';
import { CMAP_PAGE, cmapPdf } from '../pdf/cmap-pdf.mjs';
import { fixturePath } from '../pdf/helpers.js';
import { CACHE } from '../pdf/print.mjs';
import { archiveHeadlines, demoServer, noticeText, openArticle, freshExtension, screenshot } from './harness.js';

/**
 * PDFs in the extension: a PDF served on 127.0.0.1 opened in a tab (Chromium's own viewer, headless too) and
 * clipped through the background's clip handler, as the toolbar, the menu and the shortcut do; a whole issue
 * clipped page 2 first; a scan; a PDF dropped on the side panel.
 */
describe('clipping PDFs', { timeout: 180_000 }, () => {
  let ext: Awaited<ReturnType<typeof freshExtension>>, server: Awaited<ReturnType<typeof demoServer>>, panel: Page;

  beforeAll(async () => {
    server = await demoServer(CACHE);
    // file:///* stands for what a user's click grants on a file:// tab when the extension may read file URLs
    // (Chromium gives a command-line unpacked extension that access).
    ext = await freshExtension({ extraHosts: ['file:///*'] });
    panel = await ext.page('sidepanel.html');
  });
  afterAll(async () => {
    await ext?.dispose();
    await server?.close();
  });

  /** Rows in one table of the extension's database. */
  const count = (table: string) => panel.evaluate((table) => new Promise<number>((resolve) => {
    const open = indexedDB.open('presscut');
    open.onsuccess = () => { const c = open.result.transaction(table).objectStore(table).count(); c.onsuccess = () => { resolve(c.result); open.result.close(); }; };
  }), table);

  /**
   * Opens `path` in a tab (the PDF viewer) and clips it with the background's handler, or, `fromPopup`, with the
   * message the popup's *Clip this page* sends.
   */
  async function clip(path: string, fromPopup = false): Promise<ClipOutcome> {
    const url = path.startsWith('file:') ? path : server.url + path;
    const tab = await ext.context.newPage();
    await tab.goto(url).catch(() => undefined); // the viewer's navigation is not a plain page load
    await tab.waitForFunction(() => document.contentType === 'application/pdf');
    const tabId = await ext.sw.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, url);
    try {
      if (fromPopup) {
        return await panel.evaluate(async (message) => {
          const reply = await chrome.runtime.sendMessage(message);
          if (!reply.ok) throw new Error(reply.error);
          return reply.value;
        }, { to: 'background', type: 'clip-tab', tabId, mode: 'auto' }) as ClipOutcome;
      }
      return await ext.sw.evaluate((tabId) => (globalThis as unknown as { presscut: { clip: (id: number, m: string) => Promise<ClipOutcome> } }).presscut.clip(tabId, 'auto'), tabId);
    } finally {
      await tab.close();
    }
  }

  it('clips an English front page shown in the PDF viewer: its four stories, titles from the type sizes', async () => {
    const { result, pages, title } = await clip('pdf/en-front.pdf');
    expect(pages).toBe(1);
    expect(title).toBeTruthy();
    expect(result.articleIds).toHaveLength(4);
    expect(await archiveHeadlines(panel, 4)).toContain('Senate Passes Spending Bill After Late Night Deal');
    await openArticle(panel, 'Senate Passes Spending Bill After Late Night Deal');
    expect(await panel.locator('.article .kicker').textContent()).toBe('BUDGET');
    expect(await panel.locator('.article .subtitle').textContent()).toBe('Compromise keeps the government open through December');
    expect(await panel.locator('.article .jump').textContent()).toMatch(/A4/);
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
  });

  it('clips page A4 as the popup asks, and reads Continued on Page A4 joined to Continued from Page A1', async () => {
    const { result } = await clip('pdf/en-inside.pdf', true);
    expect(result.articleIds).toHaveLength(3);
    await panel.waitForFunction(() => document.querySelectorAll('.row-button').length === 7);
    await openArticle(panel, 'Senate Passes Spending Bill After Late Night Deal');
    await panel.locator('.story').waitFor();
    expect(await panel.locator('.story-part .part-page').allTextContents()).toEqual(['Page A1', 'Page A4']);
    expect(await panel.locator('.story-part .part-headline').allTextContents()).toEqual(['Senate Passes Spending Bill']);
    expect(await panel.locator('.story-part').nth(1).locator('.paragraph').first().textContent()).toMatch(/^Several senators said/);
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
  });

  it('clips page 2 of an issue, then page 1 (a URL without .pdf), and reads the story joined across the pages', async () => {
    const p2 = await clip('pdf/corpus/zh-issue-p2.pdf');
    expect(p2.result.articleIds).toHaveLength(3);
    const p1 = await clip('pdf/corpus/zh-issue-p1'); // told a PDF by its content type
    expect(p1.result.articleIds).toHaveLength(4);
    await panel.waitForFunction(() => document.querySelectorAll('.row-button').length === 14);
    // Open the continuation: the reader shows the whole story, headed by page 1's title block.
    await panel.locator('.row-button', { hasText: '抓实秋粮收购' }).last().click();
    await panel.locator('.story').waitFor();
    expect(await panel.locator('.article .kicker').textContent()).toBe('全国秋粮收购工作会议在京召开');
    expect(await panel.locator('.story-pages').textContent()).toMatch(/1, 2/);
    expect(await panel.locator('.story-part .part-page').allTextContents()).toEqual(['Page 1', 'Page 2']);
    const parts = panel.locator('.story-part');
    expect(await parts.nth(0).locator('.paragraph').first().textContent()).toMatch(/^全国秋粮收购工作会议20日在北京召开/);
    expect(await parts.nth(1).locator('.paragraph').first().textContent()).toMatch(/^会议要求/);
    await screenshot(panel, 'story-joined');

    // Search lists the story once, though both parts match.
    const grainHits = async () => {
      const box = panel.locator('.search-input');
      await box.fill('秋粮收购');
      await panel.waitForFunction(() => document.querySelector('.search-view')?.getAttribute('data-query') === '秋粮收购' && document.querySelector('.search-view')?.getAttribute('aria-busy') === 'false');
      const n = (await panel.locator('.result-headline').allTextContents()).filter((h) => h.includes('抓实秋粮收购')).length;
      await panel.locator('.search-clear').click();
      return n;
    };
    expect(await grainHits()).toBe(1);
    await panel.locator('.row-button', { hasText: '抓实秋粮收购' }).last().click();
    await panel.locator('.story').waitFor();

    // Unlink: the parts are separate again, and stay so.
    await panel.locator('.action-unlink').click();
    expect(await noticeText(panel, 'Unlinked')).toMatch(/will not be linked again/);
    await panel.locator('.story').waitFor({ state: 'detached' });
    expect(await panel.locator('.article .paragraph').first().textContent()).toMatch(/^会议要求/);
    expect(await panel.locator('.article .jump').textContent()).toMatch(/1/);
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
    expect(await grainHits()).toBe(2);
  });

  it('clips a file:// PDF (fetched by the background: fetch in a file:// tab cannot read it)', async () => {
    const before = await count('clippings');
    const { result, pages } = await clip(pathToFileURL(fixturePath('zh-issue-p2-otherpaper.pdf')).href);
    expect(pages).toBe(1);
    expect(result.articleIds).toHaveLength(3);
    expect(await count('clippings')).toBe(before + 1);
  });

  it('says a scanned PDF has no text layer, and stores nothing', async () => {
    const before = await count('clippings');
    await expect(clip('pdf/scan.pdf')).rejects.toThrow(/scan\.pdf: the PDF has no text layer \(page 1 has no text, only images\): it looks like a scan/);
    expect(await count('clippings')).toBe(before);
  });

  it('clips a PDF dropped on the side panel, one clipping per page, and keeps the PDF only when asked', async () => {
    // The file's bytes go to the page as base64 (a list of numbers would cost Playwright seconds).
    const drop = (name: string, fixture: string) => panel.evaluate(({ name, b64 }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name));
      const target = document.querySelector('.panel')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, { name, b64: readFileSync(fixturePath(fixture)).toString('base64') });
    await drop('jingji-03.pdf', 'zh-inside.pdf');
    expect(await noticeText(panel, 'jingji-03.pdf')).toBe('jingji-03.pdf: 1 page, 4 articles');
    await panel.waitForFunction(() => document.querySelector('.count')?.textContent === '21 articles');
    expect(await panel.locator('.row-headline').first().textContent()).toBe('创新链产业链深度融合'); // newest first
    const blobs = () => count('pdfBlobs');
    expect(await blobs()).toBe(0);
    // Opt in (the box under the paste box), then drop another page: it is kept, once.
    await panel.locator('.toggle-paste').click();
    await panel.locator('.keep-pdfs input').check();
    await panel.locator('.toggle-paste').click();
    await drop('front', 'zh-front.pdf'); // no .pdf: told by its first bytes
    expect(await noticeText(panel, 'front:')).toBe('front: 1 page, 5 articles');
    expect(await blobs()).toBe(1);
    // A page set in a font with no Unicode map: read with the CMaps the package ships (src/pdf finds them in the worker).
    await panel.evaluate(({ b64 }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'laozihao.pdf'));
      document.querySelector('.panel')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, { b64: Buffer.from(cmapPdf(CMAP_PAGE)).toString('base64') });
    expect(await noticeText(panel, 'laozihao.pdf')).toBe('laozihao.pdf: 1 page, 1 article');
    await openArticle(panel, '老字号焕发新活力');
    expect(await panel.locator('.article .paragraph').first().textContent()).toBe('近日，多家老字号企业推出新品，吸引不少年轻消费者。');
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();

    // The options page shows the same choice, and turns it off again.
    const options = await ext.page('options.html');
    const box = options.locator('.keep-pdfs input');
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await options.close();
    expect(await ext.sw.evaluate(async () => (await chrome.storage.local.get('keepPdfs')).keepPdfs)).toBe(false);
  });
});
