import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { PresscutDB } from '../../src/store/db.js';

const JILIN = readFileSync(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url), 'utf8');
let n = 0;
function fresh(): { db: PresscutDB; engine: Engine } {
  const db = new PresscutDB(`collections-${process.pid}-${++n}`);
  let t = 1_700_000_000_000;
  return { db, engine: createEngine(db, () => t++) };
}

describe('collections', () => {
  it('are created, renamed, reordered and deleted with undo; names are unique', async () => {
    const { engine } = fresh();
    const a = await engine.createCollection('  疫情防控 ');
    const b = await engine.createCollection('Budget watch');
    expect(a.name).toBe('疫情防控');
    await expect(engine.createCollection('budget WATCH')).rejects.toThrow(/already a collection named "budget WATCH"/);
    await expect(engine.createCollection('  ')).rejects.toThrow(/needs a name/);
    await engine.renameCollection(b.id, 'Budget');
    await engine.reorderCollections([b.id, a.id]);
    expect((await engine.listCollections()).map((c) => c.name)).toEqual(['Budget', '疫情防控']);
    await expect(engine.reorderCollections([a.id])).rejects.toThrow(/every collection exactly once/);
    const { articleIds } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    await engine.addToCollection(a.id, articleIds.slice(0, 2));
    const token = await engine.deleteCollection(a.id);
    expect((await engine.listCollections()).map((c) => c.name)).toEqual(['Budget']);
    await engine.undo(token.id);
    expect((await engine.listCollections()).map((c) => [c.name, c.articleCount])).toEqual([['Budget', 0], ['疫情防控', 2]]);
  });

  it('hold articles (one article in several), and filter the archive list', async () => {
    const { engine } = fresh();
    const { articleIds: ids } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const [a, b] = [await engine.createCollection('A'), await engine.createCollection('B')];
    expect(await engine.addToCollection(a.id, [ids[3]!, ids[1]!, ids[1]!])).toBe(2);
    expect(await engine.addToCollection(a.id, [ids[1]!])).toBe(0);
    await engine.addToCollection(b.id, [ids[1]!]);
    expect((await engine.collectionsOf(ids[1]!)).sort()).toEqual([a.id, b.id].sort());
    expect((await engine.listArticles(0, 10, { collectionId: a.id })).map((r) => r.id)).toEqual([ids[1], ids[3]]);
    expect(await engine.countArticles({ collectionId: a.id })).toBe(2);
    expect(await engine.removeFromCollection(a.id, [ids[3]!])).toBe(1);
    expect(await engine.countArticles({ collectionId: a.id })).toBe(1);
    await expect(engine.addToCollection(a.id, ['a-missing'])).rejects.toThrow(/no article a-missing/);
  });
});

describe('tags and notes', () => {
  it('are kept per article, cleaned, listed and used as a filter', async () => {
    const { engine } = fresh();
    const { articleIds: ids } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    expect(await engine.setTags(ids[0]!, [' 防疫 ', '会议', '防疫', ''])).toEqual(['防疫', '会议']);
    await engine.setTags(ids[2]!, ['会议']);
    await engine.setNote(ids[0]!, '第二十条措施');
    expect(await engine.getAnnotation(ids[0]!)).toMatchObject({ tags: ['防疫', '会议'], note: '第二十条措施' });
    expect(await engine.listTags()).toEqual([{ tag: '会议', count: 2 }, { tag: '防疫', count: 1 }]);
    expect((await engine.listArticles(0, 10, { tag: '会议' })).map((r) => r.id)).toEqual([ids[0], ids[2]]);
    await expect(engine.setTags(ids[0]!, ['x'.repeat(61)])).rejects.toThrow(/at most 60 characters/);
  });

  it('follow their article when it is merged with the next one, as its collections do', async () => {
    const { engine } = fresh();
    const { articleIds: ids } = await engine.ingest({ text: JILIN, source: { via: 'paste' } });
    const k = await engine.createCollection('K');
    await engine.addToCollection(k.id, [ids[3]!]);
    await engine.setTags(ids[3]!, ['韩俊']);
    await engine.setTags(ids[4]!, ['常务会议']);
    await engine.setNote(ids[4]!, 'note on the next one');
    const merged = await engine.mergeWithNext(ids[3]!);
    expect(await engine.collectionsOf(merged)).toEqual([k.id]);
    expect(await engine.getAnnotation(merged)).toMatchObject({ tags: ['韩俊', '常务会议'], note: 'note on the next one' });
  });
});
