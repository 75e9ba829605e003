import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveHeadlines, headerCount, JILIN_TEXT, launch, noticeText, openArticle, removeDir, ROOT, screenshot, tempProfile,
  testExtensionDir, type Extension,
} from './harness.js';

interface Truth { articles: { titles: { kicker?: string; headline?: string; subtitle?: string }[]; dateline: string | null; paragraphs: string[] }[] }

/**
 * The Jilin front page pasted into the popup and saved, then read, checked and corrected in the side panel; every
 * correction must survive a reload and a browser restart.
 */
describe('pasting a newspaper page and correcting it', { timeout: 120_000 }, () => {
  let extDir: string, profile: string, ext: Extension, panel: Page, truth: Truth;

  beforeAll(async () => {
    extDir = await testExtensionDir();
    profile = await tempProfile();
    ext = await launch(extDir, profile);
    truth = JSON.parse(await readFile(join(ROOT, 'tests', 'fixtures', 'jilin-2022-11-11-p1.truth.json'), 'utf8'));
  });
  afterAll(async () => {
    await ext?.close();
    await removeDir(profile);
    await removeDir(extDir);
  });

  it('previews the pasted page as 7 articles in the popup, then saves it', async () => {
    const popup = await ext.page('popup.html');
    await popup.locator('.paste-input').fill(await JILIN_TEXT());
    await popup.waitForFunction(() => document.querySelector('.preview-count')?.textContent === '7 articles');
    expect(await popup.locator('.preview-headline').count()).toBe(7);
    await popup.locator('button.save').click();
    expect(await noticeText(popup, 'Saved')).toBe('Saved: 7 articles.');
    await popup.locator('.recent-item').first().waitFor();
    expect(await popup.locator('.recent-item .muted').first().textContent()).toMatch(/^7 articles · /);
    await screenshot(popup, 'popup-after-save');
    await popup.close();
  });

  it("opens the side panel from the popup's link", async () => {
    const popup = await ext.page('popup.html');
    await popup.waitForFunction(() => document.querySelector('.recent-item'));
    const panels = () => ext.sw.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length);
    expect(await panels()).toBe(0);
    await popup.locator('a.open-archive').click();
    await expect.poll(panels).toBe(1);
    await popup.close();
  });

  it('lists the 7 articles with their headlines in the side panel', async () => {
    panel = await ext.page('sidepanel.html');
    const shown = await archiveHeadlines(panel, 7);
    // The truth accepts more than one reading of some title blocks; the first story prints no headline at all.
    truth.articles.forEach((a, i) => {
      const accepted = a.titles.map((v) => v.headline ?? `(no headline) ${a.dateline}`);
      expect(accepted, `row ${i + 1}`).toContain(shown[i]);
    });
    expect(await panel.locator('.row-group').count()).toBe(1);
    expect(await headerCount(panel)).toBe(7);
    await screenshot(panel, 'sidepanel-archive');
  });

  it('shows an article with its kicker, headline, subtitle, dateline and the right paragraphs', async () => {
    const third = truth.articles[2]!;
    await openArticle(panel, '坚持大抓基层鲜明导向');
    expect(await panel.locator('.article .kicker').textContent()).toBe(third.titles[0]!.kicker);
    expect(await panel.locator('.article .subtitle').textContent()).toBe(third.titles[0]!.subtitle);
    expect(await panel.locator('.article .dateline').textContent()).toBe(third.dateline);
    expect(await panel.locator('.article .paragraph').allTextContents()).toEqual(third.paragraphs);
    await screenshot(panel, 'sidepanel-reader');
  });

  it('highlights the 7 articles in the clipping view', async () => {
    await panel.locator('.show-clipping').click();
    await panel.locator('mark.hl').first().waitFor();
    const ids = await panel.locator('mark.hl').evaluateAll((marks) => new Set(marks.map((m) => m.getAttribute('data-article-id'))).size);
    expect(ids).toBe(7);
    expect(await panel.locator('mark.hl-first').count()).toBe(7);
    // Only the page's furniture is left unhighlighted; every article's text is inside a mark.
    const clipped = await panel.locator('.clipping-text').textContent();
    expect(clipped).toBe(await JILIN_TEXT());
    await screenshot(panel, 'sidepanel-clipping');
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
  });

  it('adds nothing when the same page is pasted again', async () => {
    const popup = await ext.page('popup.html');
    await popup.locator('.paste-input').fill(await JILIN_TEXT());
    await popup.locator('button.save').click();
    expect(await noticeText(popup, 'Already')).toBe('Already in your archive: nothing was added.');
    await popup.close();
    await panel.reload();
    expect(await archiveHeadlines(panel, 7)).toHaveLength(7);
  });

  it('keeps an edited headline after a reload', async () => {
    await openArticle(panel, '增进民生福祉');
    await panel.locator('.action-edit').click();
    await panel.locator('input[name="headline"]').fill('增进民生福祉（手改标题）');
    await panel.locator('button', { hasText: 'Save changes' }).click();
    await noticeText(panel, 'Changes saved.');
    expect(await panel.locator('.article .headline').textContent()).toBe('增进民生福祉（手改标题）');
    await panel.reload();
    expect(await archiveHeadlines(panel, 7)).toContain('增进民生福祉（手改标题）');
    await openArticle(panel, '增进民生福祉（手改标题）');
    expect(await panel.locator('.source .muted', { hasText: 'Edited by hand' }).textContent()).toBe('Edited by hand: Headline');
  });

  it('keeps a merge after a reload', async () => {
    await panel.reload();
    await openArticle(panel, '长春市汽车产业集群上榜');
    const before = await panel.locator('.article .paragraph').count();
    await panel.locator('.action-merge').click();
    await noticeText(panel, 'Merged');
    // The merged article holds both stories' paragraphs: the Changchun story's and the news-prize story's.
    await panel.waitForFunction((n) => document.querySelectorAll('.article .paragraph').length > n, before);
    expect(await panel.locator('.article .body').textContent()).toContain('中国新闻奖');
    await panel.reload();
    const rows = await archiveHeadlines(panel, 6);
    expect(rows).not.toContain('我省4件作品获第32届中国新闻奖');
  });

  it('keeps a split after a reload', async () => {
    await openArticle(panel, '坚持大抓基层鲜明导向');
    await panel.locator('.action-split').click();
    await panel.locator('.split-here').nth(2).click(); // before the fourth paragraph
    await noticeText(panel, 'Split into two articles.');
    expect(await panel.locator('.article .paragraph').count()).toBe(3);
    await panel.reload();
    await archiveHeadlines(panel, 7);
    await openArticle(panel, '坚持大抓基层鲜明导向');
    expect(await panel.locator('.article .paragraph').count()).toBe(3);
  });

  it('deletes with undo, and both the deletion and the undo survive a reload', async () => {
    await panel.reload();
    await archiveHeadlines(panel, 7);
    await openArticle(panel, '一鼓作气扎实推进各项重点工作');
    await panel.locator('.action-delete').click();
    await panel.locator('.undo-bar').waitFor();
    expect(await panel.locator('.undo-bar span').textContent()).toMatch(/^Deleted “一鼓作气/);
    await archiveHeadlines(panel, 6);
    await panel.reload();
    expect(await archiveHeadlines(panel, 6)).not.toContain('一鼓作气扎实推进各项重点工作 全力冲刺经济社会发展目标任务');

    await openArticle(panel, '强化举措解决人民群众急难愁盼问题');
    await panel.locator('.action-delete').click();
    await panel.locator('.undo-bar button.undo').click();
    await noticeText(panel, 'Restored');
    await panel.reload();
    expect(await archiveHeadlines(panel, 6)).toContain('强化举措解决人民群众急难愁盼问题 充分挖掘资源优势培育壮大特色产业');
  });

  it('still has the archive, corrections included, after the browser restarts', async () => {
    const before = await archiveHeadlines(panel, 6);
    await ext.close();
    ext = await launch(extDir, profile);
    panel = await ext.page('sidepanel.html');
    expect(await archiveHeadlines(panel, 6)).toEqual(before);
    expect(before).toContain('增进民生福祉（手改标题）');
  });
});
