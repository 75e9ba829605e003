/**
 * Continued stories across pages: PDF pages typeset by Chromium (tests/pdf/pages.mjs) read by the engine, linked
 * whichever page comes first, never across papers or days, and a user's unlink sticks.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { PresscutDB } from '../../src/store/db.js';
import { ASSETS, fixtureBytes } from '../pdf/helpers.js';

let n = 0;
function fresh(): { db: PresscutDB; engine: Engine } {
  const db = new PresscutDB(`link-${process.pid}-${++n}`);
  let t = 1_790_000_000_000;
  return { db, engine: createEngine(db, () => t++, { pdf: { load: () => import('../../src/pdf/index.js'), assets: ASSETS } }) };
}

/** Ingests one fixture PDF as if dropped on the panel; returns its pages' article ids. */
async function drop(engine: Engine, name: string): Promise<string[][]> {
  const r = await engine.ingestPdf(fixtureBytes(name), { via: 'file', url: `file:${name}`, title: name });
  return r.pages.map((p) => p.articleIds);
}

async function headlineOf(engine: Engine, id: string) {
  return (await engine.getArticle(id))!.headline;
}

/** The one article of `ids` whose headline is `headline`. */
async function find(engine: Engine, ids: string[], headline: string): Promise<string> {
  for (const id of ids) if ((await headlineOf(engine, id)) === headline) return id;
  throw new Error(`no article "${headline}"`);
}

const GRAIN = '抓实秋粮收购 守牢粮食安全底线';

describe('continued stories', () => {
  it('links 下转第二版 to 上接第一版 when page 2 is clipped before page 1, and reads the parts in page order', { timeout: 60_000 }, async () => {
    const { engine } = fresh();
    const [p2] = await drop(engine, 'corpus/zh-issue-p2.pdf');
    const cont = await find(engine, p2!, GRAIN);
    expect(await engine.storyOf(cont)).toBeNull(); // page 1 is not there yet
    const [p1] = await drop(engine, 'corpus/zh-issue-p1.pdf');
    const lead = await find(engine, p1!, GRAIN);
    const story = await engine.storyOf(cont);
    expect(story!.parts.map((p) => [p.article.id, p.page])).toEqual([[lead, '1'], [cont, '2']]);
    expect(story!.parts[0]!.article.continuedTo).toBe('2');
    expect(story!.parts[1]!.article.paragraphs[0]).toMatch(/^会议要求/);
    // The same story from its first part; the other stories of the pages stand alone.
    expect((await engine.storyOf(lead))!.parts.map((p) => p.article.id)).toEqual([lead, cont]);
    for (const id of [...p1!, ...p2!].filter((x) => x !== lead && x !== cont)) expect(await engine.storyOf(id)).toBeNull();
  });

  it('links the pages of a whole issue read from one PDF', { timeout: 60_000 }, async () => {
    const { engine } = fresh();
    const r = await engine.ingestPdf(fixtureBytes('zh-issue.pdf'), { via: 'pdf', url: 'http://127.0.0.1/zh-issue.pdf' });
    expect(r.pages.map((p) => p.pageNumber)).toEqual([1, 2]);
    const lead = await find(engine, r.pages[0]!.articleIds, GRAIN);
    const story = await engine.storyOf(lead);
    expect(story!.parts.map((p) => p.page)).toEqual(['1', '2']);
  });

  it('links Continued on Page A4 to Continued from Page A1 (English), page A4 first', { timeout: 60_000 }, async () => {
    const { engine } = fresh();
    const [a4] = await drop(engine, 'en-inside.pdf');
    const [a1] = await drop(engine, 'en-front.pdf');
    const cont = await find(engine, a4!, 'Senate Passes Spending Bill');
    const story = await engine.storyOf(cont);
    expect(story!.parts.map((p) => [p.article.headline, p.page])).toEqual([
      ['Senate Passes Spending Bill After Late Night Deal', 'A1'], ['Senate Passes Spending Bill', 'A4'],
    ]);
    expect(story!.parts[0]!.article.id).toBe(await find(engine, a1!, 'Senate Passes Spending Bill After Late Night Deal'));
  });

  it('does not link page 1 to page 2 of another day or of another paper', { timeout: 60_000 }, async () => {
    const { engine, db } = fresh();
    const [p1] = await drop(engine, 'corpus/zh-issue-p1.pdf');
    const [nextDay] = await drop(engine, 'zh-issue-p2-nextday.pdf');
    const [otherPaper] = await drop(engine, 'zh-issue-p2-otherpaper.pdf');
    const lead = await find(engine, p1!, GRAIN);
    // Both continuations are found as such, with the page they continue from: only the edition differs.
    for (const ids of [nextDay!, otherPaper!]) expect((await engine.getArticle(await find(engine, ids, GRAIN)))!.continuedFrom).toBe('1');
    expect(await engine.storyOf(lead)).toBeNull();
    expect(await db.links.count()).toBe(0);
    // The right page 2 still links.
    const [p2] = await drop(engine, 'corpus/zh-issue-p2.pdf');
    expect((await engine.storyOf(lead))!.parts.map((p) => p.article.id)).toEqual([lead, await find(engine, p2!, GRAIN)]);
  });

  it('links to a deleted part too, so that Undo brings the whole story back', { timeout: 60_000 }, async () => {
    const { engine } = fresh();
    const [p1] = await drop(engine, 'corpus/zh-issue-p1.pdf');
    const lead = await find(engine, p1!, GRAIN);
    const token = await engine.deleteArticle(lead);
    const [p2] = await drop(engine, 'corpus/zh-issue-p2.pdf');
    const cont = await find(engine, p2!, GRAIN);
    expect(await engine.storyOf(cont)).toBeNull(); // the deleted part is not shown
    await engine.undo(token.id);
    expect((await engine.storyOf(cont))!.parts.map((p) => p.article.id)).toEqual([lead, cont]);
  });

  it('search finds a linked story once, and both parts again after an unlink', { timeout: 60_000 }, async () => {
    const { engine } = fresh();
    await drop(engine, 'corpus/zh-issue-p2.pdf');
    const [p1] = await drop(engine, 'corpus/zh-issue-p1.pdf');
    const grain = async () => (await engine.search('秋粮收购 粮食', { limit: 50 })).hits.filter((h) => h.headline === GRAIN);
    expect(await grain()).toHaveLength(1);
    const lead = await find(engine, p1!, GRAIN);
    await engine.unlink((await engine.storyOf(lead))!.parts[0]!.linkToNext!);
    expect(await grain()).toHaveLength(2);
  });

  it('keeps an unlink: re-parsing and clipping the pages again do not link them again', { timeout: 60_000 }, async () => {
    const { engine } = fresh();
    const [p1] = await drop(engine, 'corpus/zh-issue-p1.pdf');
    await drop(engine, 'corpus/zh-issue-p2.pdf');
    const lead = await find(engine, p1!, GRAIN);
    const link = (await engine.storyOf(lead))!.parts[0]!.linkToNext!;
    await engine.unlink(link);
    expect(await engine.storyOf(lead)).toBeNull();
    await engine.reparse();
    await drop(engine, 'corpus/zh-issue-p2.pdf');
    await drop(engine, 'corpus/zh-issue-p1.pdf');
    expect(await engine.storyOf(lead)).toBeNull();
  });
});

describe('continued stories in the Presscut archive', () => {
  it('exports the link and the import joins the same story; an unlink travels too', { timeout: 60_000 }, async () => {
    const a = fresh();
    const [p1] = await drop(a.engine, 'corpus/zh-issue-p1.pdf');
    await drop(a.engine, 'corpus/zh-issue-p2.pdf');
    await drop(a.engine, 'en-front.pdf');
    await drop(a.engine, 'en-inside.pdf');
    const lead = await find(a.engine, p1!, GRAIN);
    const { blob } = await a.engine.exportArchive({ kind: 'all' }, 'presscut');
    const file = await blob.text();
    expect(file).toMatch(/\n"links":\[\n\{"v":1,/);

    // The other formats carry it too: NDJSON names each part's neighbours, Markdown links the parts' anchors.
    const cont = (await a.engine.storyOf(lead))!.parts[1]!.article.id;
    const nd = (await (await a.engine.exportArchive({ kind: 'all' }, 'ndjson')).blob.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(nd.find((x) => x.id === lead)).toMatchObject({ storyPrevious: null, storyNext: cont });
    expect(nd.find((x) => x.id === cont)).toMatchObject({ storyPrevious: lead, storyNext: null });
    expect(nd.filter((x) => x.storyNext || x.storyPrevious)).toHaveLength(4); // two stories of two parts
    const md = await (await a.engine.exportArchive({ kind: 'all' }, 'markdown')).blob.text();
    expect(md).toContain(`*(continued on page 2: [next part](#${cont}))*`);
    expect(md).toContain(`<a id="${cont}"></a>\n\n*(continued from [the previous part](#${lead}))*`);

    const b = fresh();
    const r = await b.engine.importArchive(file);
    expect(r.links).toEqual({ added: 2, updated: 0 });
    expect((await b.engine.storyOf(lead))!.parts.map((p) => p.page)).toEqual(['1', '2']);
    expect(await b.db.links.count()).toBe(2); // the import's own linking adds nothing the file did not have
    expect(await b.db.storyParts.count()).toBe(4); // and pages clipped later find their partners among these

    // Unlinked in A after the export: the newer decision wins when A's archive is imported into B again.
    await a.engine.unlink((await a.engine.storyOf(lead))!.parts[0]!.linkToNext!);
    const again = await (await a.engine.exportArchive({ kind: 'all' }, 'presscut')).blob.text();
    expect((await b.engine.importArchive(again)).links).toEqual({ added: 0, updated: 1 });
    expect(await b.engine.storyOf(lead)).toBeNull();
    await b.engine.reparse();
    expect(await b.engine.storyOf(lead)).toBeNull();
  });
});

describe('PDFs in the engine', () => {
  it('refuses a scan without a text layer with a message that says so, storing nothing', { timeout: 60_000 }, async () => {
    const { engine, db } = fresh();
    await expect(engine.ingestPdf(fixtureBytes('scan.pdf'), { via: 'file', title: 'scan.pdf' }, { keepBytes: true }))
      .rejects.toThrow(/scan\.pdf: the PDF has no text layer .*looks like a scan/);
    expect(await db.clippings.count()).toBe(0);
    expect(await db.pdfBlobs.count()).toBe(0);
  });

  it('keeps the PDF once by content address only when asked, and the page text as the raw text', { timeout: 60_000 }, async () => {
    const { engine, db } = fresh();
    const bytes = fixtureBytes('zh-issue.pdf');
    const plain = await engine.ingestPdf(bytes, { via: 'file', title: 'a.pdf' });
    expect(await db.pdfBlobs.count()).toBe(0);
    const c = (await db.clippings.get(plain.pages[0]!.clippingId))!;
    expect(c.text).toContain('抓实秋粮收购');
    expect(c.hints.layout!.lines.length).toBeGreaterThan(10);
    expect(c.source).toMatchObject({ via: 'pdf', pdfPage: 1, pdfPages: 2 });
    const kept = await engine.ingestPdf(bytes, { via: 'file', title: 'b.pdf' }, { keepBytes: true });
    await engine.ingestPdf(bytes, { via: 'file', title: 'c.pdf' }, { keepBytes: true });
    const blobs = await db.pdfBlobs.toArray();
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.hash).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect([...blobs[0]!.bytes]).toEqual([...bytes]);
    expect(kept.pages[0]!.created).toBe(false); // the same page text is one clipping
  });

  it('names a file that is not a PDF', async () => {
    const { engine } = fresh();
    await expect(engine.ingestPdf(new TextEncoder().encode('hello'), { via: 'file', title: 'notes.pdf' })).rejects.toThrow(/notes\.pdf: not a readable PDF/);
  });
});
