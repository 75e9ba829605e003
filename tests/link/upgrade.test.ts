/** Schema version 5 (and the later ones) on a version 3 archive: the pages already stored are linked during the upgrade. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { PresscutDB } from '../../src/store/db.js';
import { RECORDS_VERSION } from '../../src/model/records.js';
import { ASSETS, fixtureBytes } from '../pdf/helpers.js';

describe('schema version 5', () => {
  it('links the continued stories of pages stored before it, and keeps every row', { timeout: 60_000 }, async () => {
    // Pages read by today's engine, then written into a database of the version 3 schema, as an older Presscut left it.
    const source = new PresscutDB(`upgrade-src-${process.pid}`);
    const engine = createEngine(source, Date.now, { pdf: { load: () => import('../../src/pdf/index.js'), assets: ASSETS } });
    await engine.ingestPdf(fixtureBytes('corpus/zh-issue-p2.pdf'), { via: 'file', url: 'file:p2.pdf' });
    await engine.ingestPdf(fixtureBytes('corpus/zh-issue-p1.pdf'), { via: 'file', url: 'file:p1.pdf' });
    const clippings = await source.clippings.toArray(), articles = await source.articles.toArray();
    const expected = (await source.links.toArray()).map((l) => [l.from, l.to]);
    expect(expected).toHaveLength(1);
    source.close();

    const name = `upgrade-${process.pid}`;
    const old = new Dexie(name);
    old.version(1).stores({ clippings: 'id, capturedAt', articles: 'id, clippingId, sortKey, deletedAt', collections: 'id, order', undo: 'id, createdAt' });
    old.version(2).stores({ searchMeta: 'id', searchIds: 'articleId, &docNo', searchNorms: 'chunk', searchTail: '[bucket+seq]', searchPostings: '[bucket+chunk]' });
    old.version(3).stores({ memberships: 'id, collectionId, articleId', annotations: 'articleId, *tags', importJournal: '++seq' });
    await old.table('clippings').bulkPut(clippings);
    await old.table('articles').bulkPut(articles);
    old.close();

    const db = new PresscutDB(name);
    await db.open();
    expect(db.verno).toBe(RECORDS_VERSION);
    expect(await db.clippings.count()).toBe(clippings.length);
    expect(await db.articles.count()).toBe(articles.length);
    expect((await db.links.toArray()).map((l) => [l.from, l.to])).toEqual(expected);
    expect(await db.storyParts.count()).toBe(2);
  });
});
