import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveHeadlines, headerCount, JILIN_TEXT, launch, noticeText, openArticle, removeDir, ROOT, screenshot, tempProfile,
  testExtensionDir, type Extension,
} from './harness.js';

const RIVERSIDE_TEXT = () => readFile(join(ROOT, 'tests', 'fixtures', 'riverside-courier-en.txt'), 'utf8');
const JILIN_PICK = '长春市汽车产业集群上榜';
const RIVERSIDE_PICK = 'Council delays vote on bus fares';

interface Archive {
  format: string;
  version: number;
  counts: Record<string, number>;
  clippings: { id: string; text: string }[];
  collections: { id: string; name: string }[];
  memberships: { collectionId: string; articleId: string }[];
  annotations: { articleId: string; tags: string[]; note: string }[];
  articles: { id: string; clippingId: string; parsed: { headline: string | null } }[];
}

async function pasteAndSave(panel: Page, text: string, saved: string) {
  if (await panel.locator('.toggle-paste').getAttribute('aria-expanded') !== 'true') await panel.locator('.toggle-paste').click();
  await panel.locator('.paste-input').fill(text);
  await panel.locator('button.save').click();
  await noticeText(panel, saved);
}

async function openLibrary(panel: Page) {
  if (await panel.locator('.toggle-library').getAttribute('aria-expanded') !== 'true') await panel.locator('.toggle-library').click();
  await panel.locator('.collections').waitFor();
}

/** The collections as the panel lists them: name and article count. */
async function collectionRows(panel: Page): Promise<string[]> {
  return panel.locator('.collection .collection-name').evaluateAll((els) => els.map((e) =>
    `${e.querySelector('.collection-title')!.textContent} (${e.querySelector('.collection-count')!.textContent})`));
}

/** Types a query in the side panel's search box and waits for its results. */
async function search(panel: Page, query: string) {
  await panel.locator('.search-input').fill(query);
  await panel.locator(`.search-view[data-query="${query.replace(/"/g, '\\"')}"] .result`).first().waitFor();
}

/** Ticks the archive row whose headline contains `headline`. */
async function tick(panel: Page, headline: string) {
  await panel.locator('.row', { has: panel.locator('.row-headline', { hasText: headline }) }).locator('.row-select').check();
}

/**
 * Collections in the real side panel: make one, fill it, export it through the browser's downloads as Presscut
 * JSON, and import that file into a fresh profile; tags and notes survive a reload; a bad file changes nothing.
 */
describe('collections, export and import in the side panel', { timeout: 180_000 }, () => {
  let extDir: string, profile: string, ext: Extension, panel: Page;
  let exported = '';
  const fresh: string[] = [];

  beforeAll(async () => {
    extDir = await testExtensionDir();
    profile = await tempProfile();
    ext = await launch(extDir, profile);
    panel = await ext.page('sidepanel.html');
    await pasteAndSave(panel, await JILIN_TEXT(), 'Saved: 7 articles.');
    await pasteAndSave(panel, await RIVERSIDE_TEXT(), 'Saved: 3 articles.');
    await panel.locator('.toggle-paste').click();
    await archiveHeadlines(panel, 10);
  }, 120_000); // two clips on a busy machine take longer than the default hook timeout
  afterAll(async () => {
    await ext?.close();
    for (const dir of [profile, extDir, exported, ...fresh]) if (dir) await removeDir(dir);
  });

  it('creates, renames, reorders and deletes collections, and a deletion can be undone', async () => {
    await openLibrary(panel);
    expect(await panel.locator('.collections').textContent()).toContain('No collections yet');
    for (const name of ['Jilin story', 'Scratch', 'Transport']) {
      await panel.locator('.new-collection-name').fill(name);
      await panel.locator('.new-collection button[type=submit]').click();
      await noticeText(panel, `Created the collection “${name}”.`);
    }
    await expect.poll(() => collectionRows(panel)).toEqual(['Jilin story (0 articles)', 'Scratch (0 articles)', 'Transport (0 articles)']);

    // A second collection of the same name (case aside) is refused with a message.
    await panel.locator('.new-collection-name').fill('jilin STORY');
    await panel.locator('.new-collection button[type=submit]').click();
    expect(await noticeText(panel, 'already')).toContain('There is already a collection named "jilin STORY"');

    await panel.locator('.collection', { hasText: 'Transport' }).locator('.rename').click();
    await panel.locator('.rename-input').fill('Buses');
    await panel.locator('.rename-input').press('Enter');
    await expect.poll(() => collectionRows(panel)).toEqual(['Jilin story (0 articles)', 'Scratch (0 articles)', 'Buses (0 articles)']);

    // Reorder by button, then by keyboard alone (Alt+↑ on a focused collection).
    await panel.locator('.collection', { hasText: 'Buses' }).locator('.move-up').click();
    await expect.poll(() => collectionRows(panel)).toEqual(['Jilin story (0 articles)', 'Buses (0 articles)', 'Scratch (0 articles)']);
    await panel.locator('.collection', { hasText: 'Buses' }).locator('.collection-name').focus();
    await panel.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => collectionRows(panel)).toEqual(['Buses (0 articles)', 'Jilin story (0 articles)', 'Scratch (0 articles)']);
    expect(await panel.evaluate(() => document.activeElement?.closest('.collection')?.textContent)).toContain('Buses');

    await panel.locator('.collection', { hasText: 'Scratch' }).locator('.delete').click();
    await panel.locator('.undo-bar').waitFor();
    expect(await panel.locator('.undo-bar span').textContent()).toBe('Deleted “Scratch”.');
    await expect.poll(() => collectionRows(panel)).toEqual(['Buses (0 articles)', 'Jilin story (0 articles)']);
    await panel.locator('.undo-bar button.undo').click();
    await noticeText(panel, 'Restored “Scratch”.');
    await expect.poll(() => collectionRows(panel)).toEqual(['Buses (0 articles)', 'Jilin story (0 articles)', 'Scratch (0 articles)']);
    await panel.locator('.collection', { hasText: 'Scratch' }).locator('.delete').click();
    await panel.locator('.undo-bar').waitFor();

    await panel.reload();
    await openLibrary(panel);
    await expect.poll(() => collectionRows(panel)).toEqual(['Buses (0 articles)', 'Jilin story (0 articles)']);
    await screenshot(panel, 'collections-panel');
  });

  it('adds two search results, from two searches, to a collection', async () => {
    await archiveHeadlines(panel, 10);
    await search(panel, '汽车产业集群');
    await panel.locator('.result', { hasText: JILIN_PICK }).locator('.result-select').check();
    await search(panel, 'bus fares');
    await panel.locator('.result', { hasText: RIVERSIDE_PICK }).locator('.result-select').check();
    expect(await panel.locator('.selection-count').textContent()).toBe('2 articles selected');
    await screenshot(panel, 'collections-search-selection');
    await panel.locator('.selection-add').selectOption({ label: 'Jilin story' });
    expect(await noticeText(panel, 'Added')).toContain('Added 2 articles to “Jilin story”.');
    expect(await panel.locator('.selection-bar').count()).toBe(0);
    await expect.poll(() => collectionRows(panel)).toEqual(['Buses (0 articles)', 'Jilin story (2 articles)']);
    // in: finds them by the collection's name too.
    await search(panel, 'in:"Jilin story"');
    await expect.poll(() => panel.locator('.result').count()).toBe(2);
    await panel.locator('.search-clear').click();
  });

  it('filters the archive list by collection', async () => {
    await archiveHeadlines(panel, 10);
    await panel.locator('.collection', { hasText: 'Jilin story' }).locator('.collection-name').click();
    const shown = await archiveHeadlines(panel, 2);
    expect(shown.some((h) => h.includes(JILIN_PICK))).toBe(true);
    expect(shown.some((h) => h.includes(RIVERSIDE_PICK))).toBe(true);
    expect(await panel.locator('.filter-bar').textContent()).toContain('Collection: Jilin story');
    expect(await headerCount(panel)).toBe(2);
    await screenshot(panel, 'collections-filtered');
    await panel.locator('.clear-filter').click();
    await archiveHeadlines(panel, 10);
  });

  it('keeps tags, a note and collection changes made in the reader after a reload; a tag filters the list', async () => {
    await openArticle(panel, RIVERSIDE_PICK);
    await expect.poll(() => panel.locator('.collection-chip').allTextContents()).toEqual(['Jilin story×']);
    await panel.locator('.add-to-collection').selectOption({ label: 'Buses' });
    await expect.poll(() => panel.locator('.collection-chip').count()).toBe(2);
    await panel.locator('.tag-input').fill('transport, fares');
    await panel.locator('.tag-input').press('Enter');
    await panel.locator('.tag-input').fill('council');
    await panel.locator('.tag-input').press('Enter');
    await expect.poll(() => panel.locator('.tag-chip').count()).toBe(3);
    await panel.locator('.note-input').fill('Follow up: the vote was delayed twice.\n第二行');
    await panel.locator('.tag-input').focus(); // blur saves the note at once
    await panel.locator('.note-state', { hasText: 'saved' }).waitFor();
    await screenshot(panel, 'collections-reader');

    await panel.reload();
    await archiveHeadlines(panel, 10);
    await openArticle(panel, RIVERSIDE_PICK);
    await panel.locator('.tag-chip').first().waitFor();
    expect(await panel.locator('.tag-chip').allTextContents()).toEqual(['transport×', 'fares×', 'council×']);
    expect(await panel.locator('.note-input').inputValue()).toBe('Follow up: the vote was delayed twice.\n第二行');
    // In the collections' own order (Buses was moved to the top).
    expect(await panel.locator('.collection-chip').allTextContents()).toEqual(['Buses×', 'Jilin story×']);
    // Removing from a collection in the reader also sticks.
    await panel.locator('.collection-chip', { hasText: 'Buses' }).locator('.chip-remove').click();
    await expect.poll(() => panel.locator('.collection-chip').count()).toBe(1);

    await panel.locator('.toolbar button', { hasText: 'Back' }).click();
    await openLibrary(panel);
    await expect.poll(() => collectionRows(panel)).toEqual(['Buses (0 articles)', 'Jilin story (2 articles)']);
    await panel.locator('.tag-filter', { hasText: 'fares' }).click();
    expect(await archiveHeadlines(panel, 1)).toEqual([RIVERSIDE_PICK]);
    await panel.locator('.clear-filter').click();
    await archiveHeadlines(panel, 10);
  });

  it('exports the collection as Presscut JSON through the browser downloads', async () => {
    await openLibrary(panel);
    await panel.locator('.collection', { hasText: 'Jilin story' }).locator('.export').click();
    await panel.locator('.export-dialog').waitFor();
    expect(await panel.locator('.export-dialog h2').textContent()).toBe('Export Jilin story');
    expect(await panel.locator('input[name=format][value=presscut]').isChecked()).toBe(true);
    await screenshot(panel, 'collections-export-dialog');
    const download = panel.waitForEvent('download');
    await panel.locator('.export-run').click();
    const file = await download;
    // The browser's downloads list has it, from the side panel's blob: URL, complete. (Playwright stores the file
    // under a name of its own, so the name the extension asked for is checked in the notice below.)
    const items = async () => (await ext.sw.evaluate(() => chrome.downloads.search({})))
      .map((d) => [d.state, d.mime, d.byExtensionName, d.url.startsWith(`blob:chrome-extension://${ext.id}/`)]);
    await expect.poll(items).toEqual([['complete', 'application/json', 'Presscut', true]]);
    exported = join(profile, '..', `${profile.split('/').pop()}-export.json`);
    await file.saveAs(exported);
    expect(await noticeText(panel, 'Exported')).toMatch(/^Exported 2 articles to “presscut-Jilin story-.*\.json”\.$/);
    expect(await panel.locator('.export-dialog').count()).toBe(0);

    const archive: Archive = JSON.parse(await readFile(exported, 'utf8'));
    expect(archive.format).toBe('presscut.archive');
    expect(archive.version).toBe(1);
    expect(archive.articles.map((a) => a.parsed.headline).sort()).toEqual([RIVERSIDE_PICK, expect.stringContaining(JILIN_PICK)].sort());
    expect(archive.collections.map((c) => c.name)).toEqual(['Jilin story']);
    expect(archive.memberships.map((m) => m.articleId).sort()).toEqual(archive.articles.map((a) => a.id).sort());
    expect(archive.memberships.every((m) => m.collectionId === archive.collections[0]!.id)).toBe(true);
    // Everything needed to rebuild the two articles: their clippings' raw text, the riverside article's tags and note.
    expect(archive.clippings).toHaveLength(2);
    expect(archive.clippings.map((c) => c.text).sort()).toEqual([await JILIN_TEXT(), await RIVERSIDE_TEXT()].sort());
    expect(archive.annotations).toEqual([expect.objectContaining({ tags: ['transport', 'fares', 'council'], note: 'Follow up: the vote was delayed twice.\n第二行' })]);
  });

  it('exports a selection from the archive list as NDJSON, and search results as Markdown', async () => {
    const download = async (format: string) => {
      await panel.locator(`input[name=format][value=${format}]`).check();
      const next = panel.waitForEvent('download');
      await panel.locator('.export-run').click();
      const path = join(profile, '..', `${profile.split('/').pop()}-${format}`);
      fresh.push(path);
      await (await next).saveAs(path);
      return readFile(path, 'utf8');
    };
    if (await panel.locator('.toggle-library').getAttribute('aria-expanded') === 'true') await panel.locator('.toggle-library').click();
    await archiveHeadlines(panel, 10);
    await tick(panel, JILIN_PICK);
    await tick(panel, '增进民生福祉');
    await panel.locator('.selection-export').click();
    expect(await panel.locator('.export-dialog h2').textContent()).toBe('Export 2 articles selected');
    const lines = (await download('ndjson')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((a) => a.headline).sort()).toEqual(['增进民生福祉 着力保障和改善民生', JILIN_PICK]);
    expect(await noticeText(panel, 'Exported 2 articles')).toMatch(/presscut-selection-.*\.ndjson/);
    await panel.locator('.selection-clear').click();
    expect(await panel.locator('.row-select:checked').count()).toBe(0);

    await search(panel, 'bus fares');
    await panel.locator('.search-export').click();
    expect(await panel.locator('.export-dialog h2').textContent()).toBe('Export the results for “bus fares”');
    const markdown = await download('markdown');
    expect(markdown).toContain(RIVERSIDE_PICK);
    expect(markdown).toContain('transport'); // its tags come along
    expect(markdown).not.toContain(JILIN_PICK);
    await panel.locator('.search-clear').click();
  });

  it('refuses an invalid file with a message naming the problem and where, and changes nothing', async () => {
    const good = await readFile(exported, 'utf8');
    const bad = join(profile, '..', `${profile.split('/').pop()}-bad.json`);
    fresh.push(bad);
    // The second article's index made negative: the file is otherwise whole.
    const lines = good.split('\n');
    const at = lines.map((l) => l.includes('"index":')).lastIndexOf(true);
    lines[at] = lines[at]!.replace(/"index":\d+/, '"index":-2');
    await writeFile(bad, lines.join('\n'));
    await openLibrary(panel);
    await panel.locator('.import-file').setInputFiles(bad);
    const message = await noticeText(panel, 'not imported');
    expect(message).toContain('was not imported and nothing was changed');
    expect(message).toMatch(/\$\.articles\[1\]\.index must be a whole number >= 0, not -2/);
    expect(message).toContain(`line ${at + 1}`);
    await screenshot(panel, 'collections-import-error');

    // A truncated file: its own message.
    await writeFile(bad, good.slice(0, Math.floor(good.length / 2)));
    await panel.locator('.import-file').setInputFiles(bad);
    expect(await noticeText(panel, 'truncated')).toMatch(/was not imported and nothing was changed\. This file cannot be imported: the file ends early, inside the "clippings" list: it is truncated \(at \$\.clippings\[\d\], line \d+\)/);

    await panel.reload();
    expect(await archiveHeadlines(panel, 10)).toHaveLength(10);
    await openLibrary(panel);
    await expect.poll(() => collectionRows(panel)).toEqual(['Buses (0 articles)', 'Jilin story (2 articles)']);
  });

  it('imports the file into a fresh profile, which then shows the collection with its 2 articles', async () => {
    const other = await tempProfile();
    fresh.push(other);
    const ext2 = await launch(extDir, other);
    try {
      const p = await ext2.page('sidepanel.html');
      await p.locator('.empty').waitFor();
      await openLibrary(p);
      await p.locator('.import-file').setInputFiles(exported);
      const summary = await noticeText(p, 'Imported');
      expect(summary).toMatch(/^Imported “.*-export\.json”: 2 articles added, 1 collections added, 2 articles placed in collections, 1 tags and notes\.$/);
      await expect.poll(() => collectionRows(p)).toEqual(['Jilin story (2 articles)']);
      await p.locator('.collection-name', { hasText: 'Jilin story' }).click();
      await p.locator('.filter-bar', { hasText: 'Collection: Jilin story' }).waitFor();
      const shown = await archiveHeadlines(p, 2);
      expect(shown.some((h) => h.includes(JILIN_PICK)) && shown.some((h) => h.includes(RIVERSIDE_PICK))).toBe(true);
      await screenshot(p, 'collections-imported');

      // Dropped on the panel, the same archive is imported (not clipped as text), and adds nothing the second time.
      await p.evaluate(async (text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'again.json', { type: 'application/json' }));
        document.querySelector('.panel')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, await readFile(exported, 'utf8'));
      expect(await noticeText(p, 'again.json')).toBe('Imported “again.json”: 2 unchanged.');
      await p.reload();
      expect(await archiveHeadlines(p, 2)).toHaveLength(2);
      await openArticle(p, RIVERSIDE_PICK);
      await p.locator('.tag-chip').first().waitFor();
      expect(await p.locator('.tag-chip').allTextContents()).toEqual(['transport×', 'fares×', 'council×']);
    } finally {
      await ext2.close();
    }
  });

  it('speaks Chinese in a Chinese browser: the collections, the reader\'s tags and note', async () => {
    await ext.close();
    ext = await launch(extDir, profile, { lang: 'zh-CN' });
    panel = await ext.page('sidepanel.html');
    await archiveHeadlines(panel, 10);
    expect(await panel.locator('.toggle-library').textContent()).toBe('专辑');
    await panel.locator('.toggle-library').click();
    await expect.poll(() => collectionRows(panel)).toEqual(['Buses (0 篇文章)', 'Jilin story (2 篇文章)']);
    expect(await panel.locator('.import-archive').textContent()).toBe('导入…');
    await screenshot(panel, 'collections-panel-zh');
    await panel.locator('.toggle-library').click();
    await openArticle(panel, RIVERSIDE_PICK);
    await panel.locator('.tag-chip').first().waitFor();
    expect(await panel.locator('.annotation-label').allTextContents()).toEqual(['专辑', '标签', '笔记 ']);
    await screenshot(panel, 'collections-reader-zh');
  });
});
