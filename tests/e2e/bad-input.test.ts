import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveHeadlines, headerCount, JILIN_TEXT, launch, noticeText, removeDir, screenshot, tempProfile, testExtensionDir,
  type Extension,
} from './harness.js';

/** Pastes `copies` copies of `text` into the box as a user's paste would (a ClipboardEvent the page handles). */
async function paste(page: Page, text: string, copies = 1): Promise<void> {
  await page.locator('.paste-input').evaluate((el, { text, copies }) => {
    const data = new DataTransfer();
    data.setData('text/plain', text.repeat(copies));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { text, copies });
}

/** Drops files built from `bytes` (a name and its bytes or text each) on the side panel. */
async function drop(page: Page, ...files: [name: string, bytes: number[] | string][]): Promise<void> {
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const [name, bytes] of files) data.items.add(new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
    const panel = document.querySelector('.panel')!;
    panel.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    panel.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

/** The longest gap between animation frames while `during` runs: what a user feels as the page freezing. */
async function longestFrameGap(page: Page, during: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { gap: number; watching: boolean };
    w.gap = 0;
    w.watching = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.gap = Math.max(w.gap, now - last);
      last = now;
      if (w.watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await during();
  return page.evaluate(() => {
    const w = window as unknown as { gap: number; watching: boolean };
    w.watching = false;
    return w.gap;
  });
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
const BRIEF = 'Council backs new bridge\n\nSPRINGFIELD — The city council voted 7-2 on Monday to build a footbridge over the Mill River.\n';
const THIRD = 'Ferry service resumes\n\nSPRINGFIELD — Boats will cross the lake again from Saturday after the storm repairs, the harbour office said.\n';
const SECOND = 'Library hours extended\n\nSPRINGFIELD — The public library will open until 9 p.m. on weekdays from next month, the board said.\n';

/** Bad input leaves the archive as it was and says what went wrong, while the page keeps responding. */
describe('bad input', { timeout: 120_000 }, () => {
  let extDir: string, profile: string, ext: Extension, panel: Page, before: string[];

  beforeAll(async () => {
    extDir = await testExtensionDir();
    profile = await tempProfile();
    ext = await launch(extDir, profile);
    panel = await ext.page('sidepanel.html');
    await panel.locator('.toggle-paste').click();
    await panel.locator('.paste-input').fill(await JILIN_TEXT());
    await panel.locator('button.save').click();
    await noticeText(panel, 'Saved: 7 articles.');
    before = await archiveHeadlines(panel, 7);
  });
  afterAll(async () => {
    await ext?.close();
    await removeDir(profile);
    await removeDir(extDir);
  });

  async function expectArchiveUnchanged() {
    await panel.reload();
    expect(await archiveHeadlines(panel, 7)).toEqual(before);
    expect(await headerCount(panel)).toBe(7);
  }

  async function openPasteBox() {
    if (await panel.locator('.toggle-paste').getAttribute('aria-expanded') !== 'true') await panel.locator('.toggle-paste').click();
  }

  it('says there is nothing to save when the paste box is empty or blank', async () => {
    const popup = await ext.page('popup.html');
    await popup.locator('button.save').click();
    expect(await noticeText(popup, 'Nothing to save')).toBe('Nothing to save: paste the text of a newspaper page first.');
    await popup.locator('.paste-input').fill('  \n\u3000 \n');
    await popup.locator('button.save').click();
    expect(await noticeText(popup, 'Nothing to save')).toBe('Nothing to save: paste the text of a newspaper page first.');
    await popup.close();
    await expectArchiveUnchanged();
  });

  it('refuses a binary file dropped on the panel, naming it', async () => {
    await drop(panel, ['photo.png', PNG]);
    expect(await noticeText(panel, 'photo.png')).toBe('“photo.png” is not a text file. Drop a .txt file that holds the text of a page.');
    await expectArchiveUnchanged();
  });

  it('clips a dropped .txt file like pasted text', async () => {
    await drop(panel, ['brief.txt', BRIEF]);
    expect(await noticeText(panel, 'brief.txt')).toBe('Clipped “brief.txt”: 1 article.');
    expect(await archiveHeadlines(panel, 8)).toContain('Council backs new bridge');
    await panel.locator('.row-button', { hasText: 'Council backs new bridge' }).click();
    await panel.locator('.action-delete').click(); // back to the seven articles the other tests compare with
    await archiveHeadlines(panel, 7);
  });

  it('clips several dropped files together, and names the one it refused and the one already there', async () => {
    await drop(panel, ['third.txt', THIRD], ['photo.png', PNG], ['again.txt', await JILIN_TEXT()], ['second.txt', SECOND]);
    expect(await noticeText(panel, 'Clipped 2 of 4')).toBe('Clipped 2 of 4 text files: 2 articles. Already in the archive: 1. “photo.png” is not a text file. Drop a .txt file that holds the text of a page.');
    const shown = await archiveHeadlines(panel, 9);
    expect(shown).toEqual(expect.arrayContaining(['Ferry service resumes', 'Library hours extended']));
    for (const headline of ['Ferry service resumes', 'Library hours extended']) {
      await panel.locator('.row-button', { hasText: headline }).click();
      await panel.locator('.action-delete').click();
    }
    await archiveHeadlines(panel, 7);
  });

  it('refuses a 10 MB paste at once with its size, and the panel keeps responding', async () => {
    await openPasteBox();
    const jilin = await JILIN_TEXT();
    const copies = Math.ceil(10e6 / Buffer.byteLength(jilin));
    const started = Date.now();
    const gap = await longestFrameGap(panel, async () => {
      await paste(panel, jilin, copies);
      expect(await noticeText(panel, 'Presscut clips up to')).toMatch(/^This text is 10\.\d MB\. Presscut clips up to 5\.0 MB at a time/);
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(gap).toBeLessThan(500);
    // The box is still usable: typing gets a preview.
    await panel.locator('.paste-input').fill(jilin);
    await panel.waitForFunction(() => document.querySelector('.preview-count')?.textContent === '7 articles');
    await panel.locator('.paste-input').fill('');
    await expectArchiveUnchanged();
  });

  it('holds a long paste outside the text box and previews it in the worker without freezing the panel', async () => {
    const jilin = await JILIN_TEXT();
    const copies = Math.ceil(3e6 / Buffer.byteLength(jilin)); // 3 MB: under the limit, too long to edit
    await openPasteBox();
    const gap = await longestFrameGap(panel, async () => {
      await paste(panel, jilin, copies);
      await panel.locator('.paste-held').waitFor();
      await panel.waitForFunction(() => /^\d[\d,]* articles$/.test(document.querySelector('.preview-count')?.textContent ?? ''), null, { timeout: 30_000 });
    });
    expect(await panel.locator('.paste-held span').textContent()).toMatch(/^Long text pasted \(3\.\d MB\)/);
    expect(gap).toBeLessThan(500);
    await screenshot(panel, 'sidepanel-long-paste');
    await panel.locator('.paste-held button').click();
    await expectArchiveUnchanged();
  });

  it('finishes a save the popup asked for after the popup is closed', async () => {
    // Two hundred short stories (about 100 kB): long enough that the popup is gone before they are stored.
    const page = Array.from({ length: 200 }, (_, i) => `Harbour board meeting number ${i + 1} approves dredging plan\n\nSPRINGFIELD — The harbour board voted on item ${i + 1} of the dredging plan, which covers berths ${i + 2} to ${i + 9}, after a long debate about costs and the river's silt.`).join('\n\n\n');
    const popup = await ext.page('popup.html');
    await popup.locator('.paste-input').fill(page);
    await popup.waitForFunction(() => /^\d+ articles$/.test(document.querySelector('.preview-count')?.textContent ?? ''), null, { timeout: 30_000 });
    const expected = Number((await popup.locator('.preview-count').textContent())!.replace(/\D/g, ''));
    expect(expected).toBeGreaterThan(100);
    await popup.locator('button.save').click();
    await popup.close();
    await panel.reload();
    await expect.poll(() => headerCount(panel), { timeout: 30_000 }).toBe(7 + expected);
    expect((await panel.locator('.row-headline').allTextContents()).some((h) => h.startsWith('Harbour board meeting number'))).toBe(true);
  });
});
