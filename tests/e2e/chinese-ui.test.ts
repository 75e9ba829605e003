import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveHeadlines, JILIN_TEXT, launch, openArticle, removeDir, screenshot, tempProfile, testExtensionDir, type Extension } from './harness.js';

/** The UI follows the browser's language; with Chinese it speaks Chinese, and the screenshots show it. */
describe('in a Chinese browser', { timeout: 120_000 }, () => {
  let extDir: string, profile: string, ext: Extension;

  beforeAll(async () => {
    extDir = await testExtensionDir();
    profile = await tempProfile();
    ext = await launch(extDir, profile, { lang: 'zh-CN' });
  });
  afterAll(async () => {
    await ext?.close();
    await removeDir(profile);
    await removeDir(extDir);
  });

  it('shows the popup in Chinese, with the preview of a pasted page', async () => {
    const popup = await ext.page('popup.html');
    expect(await popup.locator('button.clip-page').textContent()).toBe('剪辑此页');
    await popup.locator('.paste-input').fill(await JILIN_TEXT());
    await popup.waitForFunction(() => document.querySelector('.preview-count')?.textContent === '7 篇文章');
    await screenshot(popup, 'popup-zh-preview');
    await popup.locator('button.save').click();
    await popup.locator('.notice', { hasText: '已保存：7 篇文章。' }).waitFor();
    await popup.locator('.recent-item').waitFor();
    await screenshot(popup, 'popup-zh-saved');
    await popup.close();
  });

  it('shows the side panel in Chinese: archive, reader and clipping view', async () => {
    const panel = await ext.page('sidepanel.html');
    await archiveHeadlines(panel, 7);
    expect(await panel.locator('.toggle-paste').textContent()).toBe('粘贴文字');
    expect(await panel.locator('.row-group').textContent()).toMatch(/^粘贴的文字 · /);
    await screenshot(panel, 'sidepanel-zh-archive');
    await openArticle(panel, '一鼓作气扎实推进各项重点工作');
    expect(await panel.locator('.action-merge').textContent()).toBe('与下一篇合并');
    await screenshot(panel, 'sidepanel-zh-reader');
    await panel.locator('.show-clipping').click();
    await panel.locator('mark.hl').first().waitFor();
    await screenshot(panel, 'sidepanel-zh-clipping');
  });

  it('says what the engine refused in Chinese, from the popup\'s preview and from a save in the side panel', async () => {
    const popup = await ext.page('popup.html');
    await popup.locator('.paste-input').fill('第一版\u0000要闻');
    await popup.locator('.preview-count', { hasText: '这看起来是二进制文件，不是文字（位置 3 处有 NUL 字符）' }).waitFor();
    await popup.close();
    const panel = await ext.page('sidepanel.html');
    await archiveHeadlines(panel, 7);
    await panel.locator('.toggle-paste').click();
    await panel.locator('.paste-input').fill('要闻\u0000');
    await panel.locator('button.save').click();
    await panel.locator('.notice', { hasText: '这看起来是二进制文件，不是文字（位置 2 处有 NUL 字符）' }).waitFor();
    expect(await archiveHeadlines(panel, 7)).toHaveLength(7);
    await panel.close();
  });
});
