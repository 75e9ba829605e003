import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestInput } from '../../src/engine/types.js';
import { archiveHeadlines, freshExtension, JILIN_TEXT, noticeText, ROOT, screenshot } from './harness.js';

interface Truth { articles: { titles: { kicker?: string; headline?: string; subtitle?: string }[]; paragraphs: string[] }[] }

const PHRASE = '汽车产业集群';

/** Pastes the Jilin front page into the side panel's paste box and saves it (7 articles). */
async function pasteJilin(panel: Page, saved: string): Promise<void> {
  await panel.locator('.toggle-paste').click();
  await panel.locator('.paste-input').fill(await JILIN_TEXT());
  await panel.locator('button.save').click();
  await noticeText(panel, saved);
  await panel.locator('.toggle-paste').click();
}

/**
 * Types `query` into the side panel's search box key by key, as a user does (each key may start a search), and
 * waits until the results shown answer the whole query.
 */
async function search(panel: Page, query: string): Promise<void> {
  const box = panel.locator('.search-input');
  await box.fill('');
  await box.pressSequentially(query, { delay: 20 });
  await panel.waitForFunction((q) => {
    const view = document.querySelector('.search-view');
    return view?.getAttribute('data-query') === q && view.getAttribute('aria-busy') === 'false';
  }, query, { timeout: 15_000 });
}

const resultHeadlines = (page: Page) => page.locator('.result-headline').allTextContents();

/**
 * Searching in the side panel and the popup, on the Jilin front page: results as you type with the matched text
 * marked, the reader and Back, the keyboard, nothing found, a malformed query, sorting, paging, and the popup's
 * quick search opening an article in the real side panel.
 */
describe('searching the archive', { timeout: 120_000 }, () => {
  let ext: Awaited<ReturnType<typeof freshExtension>>, panel: Page, truth: Truth;

  beforeAll(async () => {
    ext = await freshExtension();
    truth = JSON.parse(await readFile(join(ROOT, 'tests', 'fixtures', 'jilin-2022-11-11-p1.truth.json'), 'utf8'));
    panel = await ext.page('sidepanel.html');
    await pasteJilin(panel, 'Saved: 7 articles.');
  });
  afterAll(() => ext?.dispose());

  it(`finds the Changchun story first for ${PHRASE}, with the phrase marked in its headline and snippet`, async () => {
    await search(panel, PHRASE);
    const story = truth.articles.find((a) => a.titles.some((v) => v.headline?.startsWith('长春市汽车产业集群')))!;
    const accepted = story.titles.map((v) => v.headline);
    const headlines = await resultHeadlines(panel);
    expect(accepted).toContain(headlines[0]);
    // As many results as the truth has articles containing the phrase.
    const containing = truth.articles.filter((a) => JSON.stringify(a).includes(PHRASE)).length;
    expect(await panel.locator('.result').count()).toBe(containing);
    expect(await panel.locator('.search-count').textContent()).toBe(containing === 1 ? '1 result' : `${containing} results`);
    const first = panel.locator('.result').first();
    expect(await first.locator('.result-snippet mark').allTextContents()).toContain(PHRASE);
    expect(await first.locator('.result-headline mark').allTextContents()).toEqual([PHRASE]);
    // The snippet is the story's own text.
    const snippet = (await first.locator('.result-snippet').textContent())!;
    expect(story.paragraphs.join('')).toContain(snippet.replace(/^…/, '').slice(0, 20));
    expect(await first.locator('.result-meta').textContent()).toMatch(/^Pasted text · \w{3} \d{1,2}, \d{4}$/);
    // The archive list gives way to the results while there is a query.
    expect(await panel.locator('.archive').isHidden()).toBe(true);
    await screenshot(panel, 'sidepanel-search');
  });

  it('opens a result in the reader, and Back returns to the results with the query intact', async () => {
    const headline = (await resultHeadlines(panel))[0]!;
    await panel.locator('.result-open').first().click();
    await panel.locator('.article .headline').waitFor();
    expect(await panel.locator('.article .headline').textContent()).toBe(headline);
    expect(await panel.locator('.search-view').isHidden()).toBe(true);
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
    await panel.locator('.result-open').first().waitFor();
    expect(await panel.locator('.search-input').inputValue()).toBe(PHRASE);
    expect(await resultHeadlines(panel)).toEqual([headline]);
  });

  it('drops a deleted article from the results and brings it back with Undo', async () => {
    await panel.locator('.result-open').first().click();
    await panel.locator('.action-delete').click();
    await panel.locator('.undo-bar').waitFor();
    await panel.locator('.search-none').waitFor();
    expect(await panel.locator('.search-none').textContent()).toBe(`No articles match “${PHRASE}”.`);
    await panel.locator('.undo-bar button.undo').click();
    await panel.locator('.result-open').first().waitFor();
    expect(await panel.locator('.result').count()).toBe(1);
  });

  it('moves into the results with ↓, opens one with Enter, and Esc clears the box back to the archive list', async () => {
    await panel.locator('.search-input').focus();
    await panel.keyboard.press('ArrowDown');
    expect(await panel.evaluate(() => document.activeElement?.className)).toBe('result-open');
    await panel.keyboard.press('ArrowUp');
    expect(await panel.evaluate(() => document.activeElement?.className)).toBe('search-input');
    await panel.keyboard.press('Enter'); // from the box: into the results; on a result: open it
    expect(await panel.evaluate(() => document.activeElement?.className)).toBe('result-open');
    await panel.keyboard.press('Enter');
    await panel.locator('.article .headline').waitFor();
    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
    await panel.locator('.search-input').focus();
    await panel.keyboard.press('Escape');
    expect(await panel.locator('.search-input').inputValue()).toBe('');
    expect(await archiveHeadlines(panel, 7)).toHaveLength(7);
    expect(await panel.locator('.search-view').isHidden()).toBe(true);
  });

  it('says so when nothing matches', async () => {
    // 默想 shares 默 with nothing on the page; the trap it names (默认) is not there either: nothing may come back.
    await search(panel, '默想');
    expect(await panel.locator('.search-none').textContent()).toBe('No articles match “默想”.');
    expect(await panel.locator('.result').count()).toBe(0);
    expect(await panel.locator('.search-count').textContent()).toBe('0 results');
  });

  it('shows what is wrong with a malformed query, and where, then searches again once it is fixed', async () => {
    const query = `长春 "${PHRASE}`;
    await search(panel, query);
    const message = (await panel.locator('.query-error .notice').textContent())!;
    expect(message).toBe('This search cannot be run: this quote is never closed: add a closing " (at position 4)');
    expect(await panel.locator('.query-error-at').textContent()).toBe('"');
    expect(await panel.locator('.query-echo').textContent()).toBe(query);
    await screenshot(panel, 'sidepanel-search-error');
    await panel.locator('.search-input').press('End');
    await panel.locator('.search-input').press('"');
    await panel.waitForFunction((q) => document.querySelector('.search-view')?.getAttribute('data-query') === q && !document.querySelector('.query-error'), `${query}"`);
    expect(await panel.locator('.result').count()).toBe(1);
  });

  describe('with 25 more clippings, dated one a day', () => {
    beforeAll(async () => {
      // Through the background's engine, as a tab clip stores them; dated by their markup, one day apart.
      const inputs: IngestInput[] = Array.from({ length: 25 }, (_, i) => {
        const n = i + 1, headline = n === 1 ? 'Ferry timetable changes this winter' : `Harbour log ${n}`;
        return {
          text: `${headline}\n\nThe ferry crossed the river ${n} times that day, and the harbour master counted every passenger who came aboard.\n`,
          source: { via: 'article-page', url: `http://127.0.0.1/harbour/${n}`, title: headline },
          structured: { headline, newspaper: 'Harbour Gazette', published: `2021-01-${String(n).padStart(2, '0')}` },
        };
      });
      await ext.sw.evaluate(async (list) => {
        const api = (globalThis as unknown as { presscut: { ingest: (i: unknown) => Promise<unknown> } }).presscut;
        for (const input of list) await api.ingest(input);
      }, inputs);
      await panel.waitForFunction(() => document.querySelector('.count')?.textContent === '32 articles');
    });

    it('shows 20 results, and the rest on scrolling to the end', async () => {
      await search(panel, 'ferry');
      expect(await panel.locator('.search-count').textContent()).toBe('25 results');
      expect(await panel.locator('.result').count()).toBe(20);
      expect(await panel.locator('.search-more').textContent()).toBe('Show more (5 left)');
      await panel.locator('.search-view').evaluate((el) => { el.scrollTop = el.scrollHeight; });
      await panel.waitForFunction(() => document.querySelectorAll('.result').length === 25);
      expect(await panel.locator('.search-more').count()).toBe(0);
      expect(new Set(await resultHeadlines(panel)).size).toBe(25);
      // Back from the reader finds the list where it was left. The list is scrolled to its new end first, so that
      // the click on the last result does not scroll it again (which would move the offset the test compares).
      const top = await panel.locator('.search-view').evaluate(async (el) => {
        el.scrollTop = el.scrollHeight;
        await new Promise((res) => setTimeout(res, 100));
        return el.scrollTop;
      });
      expect(top).toBeGreaterThan(500);
      await panel.locator('.result-open').last().click();
      await panel.locator('.article .headline').waitFor();
      await panel.locator('.toolbar button', { hasText: 'Back' }).click();
      await panel.locator('.result-open').first().waitFor();
      expect(await panel.locator('.search-view').evaluate((el) => el.scrollTop)).toBe(top);
      expect(await panel.locator('.result').count()).toBe(25);
    });

    it('orders by relevance or by date with the control, and sort: in the query wins over it', async () => {
      // Relevance: the story with the word in its headline first, though it is the oldest.
      expect((await resultHeadlines(panel))[0]).toBe('Ferry timetable changes this winter');
      expect(await panel.locator('.result-meta').first().textContent()).toBe('Harbour Gazette · Jan 1, 2021');
      await panel.locator('.sort-date').click();
      await panel.waitForFunction(() => document.querySelector('.result-headline')?.textContent === 'Harbour log 25');
      expect((await resultHeadlines(panel)).slice(0, 3)).toEqual(['Harbour log 25', 'Harbour log 24', 'Harbour log 23']);
      expect(await panel.locator('.result-meta').first().textContent()).toBe('Harbour Gazette · Jan 25, 2021');
      await screenshot(panel, 'sidepanel-search-by-date');

      await search(panel, 'ferry sort:relevance');
      expect((await resultHeadlines(panel))[0]).toBe('Ferry timetable changes this winter');
      expect(await panel.locator('.sort-relevance').getAttribute('aria-pressed')).toBe('true');
      expect(await panel.locator('.sort-date').isDisabled()).toBe(true);
    });
  });

  it("finds an article from the popup's quick search and opens it in the side panel", async () => {
    await panel.close(); // the panel that opens must be the real side panel, not this tab
    const popup = await ext.page('popup.html');
    await popup.locator('.quick-search-input').fill(PHRASE);
    await popup.locator('.quick-search-input').press('Enter');
    await popup.waitForFunction((q) => document.querySelector('.quick-results')?.getAttribute('data-query') === q, PHRASE);
    const headline = (await resultHeadlines(popup))[0]!;
    expect(headline.startsWith('长春市汽车产业集群')).toBe(true);
    expect(await popup.locator('.result-snippet mark').first().textContent()).toBe(PHRASE);
    await screenshot(popup, 'popup-search');

    const sidePanels = () => ext.sw.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length);
    expect(await sidePanels()).toBe(0);
    await popup.locator('.result-open').first().click();
    await expect.poll(sidePanels).toBe(1);
    // The side panel is no tab playwright can drive; pages of one extension share a process, so the popup reads it.
    const shown = () => popup.evaluate(() => {
      const view = chrome.extension.getViews().find((w) => w.location.pathname === '/sidepanel.html');
      const doc = view?.document;
      return { headline: doc?.querySelector('.article .headline')?.textContent ?? null, query: doc?.querySelector<HTMLInputElement>('.search-input')?.value ?? null };
    });
    await expect.poll(shown).toEqual({ headline, query: PHRASE });
    // The request was taken: a panel opened later does not jump to the article again.
    expect(await popup.evaluate(() => chrome.storage.session.get('panelRequest'))).toEqual({});
  });

  it("shows the popup's top 5, and all the results in the side panel that is open already", async () => {
    const popup = await ext.page('popup.html');
    await popup.locator('.quick-search-input').pressSequentially('ferry', { delay: 20 });
    await popup.waitForFunction(() => document.querySelector('.quick-results')?.getAttribute('data-query') === 'ferry');
    expect(await popup.locator('.result').count()).toBe(5);
    expect(await popup.locator('.search-all').textContent()).toBe('All 25 results in the side panel');
    await popup.locator('.search-all').click();
    const shown = () => popup.evaluate(() => {
      const doc = chrome.extension.getViews().find((w) => w.location.pathname === '/sidepanel.html')?.document;
      return { query: doc?.querySelector<HTMLInputElement>('.search-input')?.value, results: doc?.querySelectorAll('.result').length, reader: !!doc?.querySelector('.article') };
    });
    await expect.poll(shown).toEqual({ query: 'ferry', results: 20, reader: false });
  });

  it('matches nothing in the popup and says so', async () => {
    const popup = await ext.page('popup.html');
    await popup.locator('.quick-search-input').pressSequentially('zeppelin', { delay: 20 });
    await popup.locator('.quick-results .search-none').waitFor();
    expect(await popup.locator('.quick-results .search-none').textContent()).toBe('No articles match “zeppelin”.');
    await popup.locator('.quick-search-input').press('Escape');
    expect(await popup.locator('.quick-search-input').inputValue()).toBe('');
    expect(await popup.locator('.quick-results .search-none').count()).toBe(0);
  });
});

describe('searching in a Chinese browser', { timeout: 120_000 }, () => {
  let ext: Awaited<ReturnType<typeof freshExtension>>;

  beforeAll(async () => { ext = await freshExtension({ lang: 'zh-CN' }); });
  afterAll(() => ext?.dispose());

  it('speaks Chinese in the results, the no-match line and the query error', async () => {
    const panel = await ext.page('sidepanel.html');
    await pasteJilin(panel, '已保存：7 篇文章。');
    await search(panel, PHRASE);
    expect(await panel.locator('.search-count').textContent()).toBe('1 条结果');
    expect(await panel.locator('.result-meta').first().textContent()).toMatch(/^粘贴的文字 · \d{4}年\d{1,2}月\d{1,2}日$/);
    expect(await panel.locator('.sort-relevance').textContent()).toBe('相关度');
    await screenshot(panel, 'sidepanel-zh-search');
    await search(panel, '默想');
    expect(await panel.locator('.search-none').textContent()).toBe('没有与“默想”匹配的文章。');
    await search(panel, '"汽车');
    expect(await panel.locator('.query-error .notice').textContent()).toBe('无法执行此搜索：这个引号没有闭合：请补上后引号 "（第 1 个字符处）');
    await screenshot(panel, 'sidepanel-zh-search-error');
  });
});
