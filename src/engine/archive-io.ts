import type { Table } from 'dexie';
import { convertArticles, type Target } from '../exchange/convert.js';
import { SECTIONS, type Section, type SectionRecords } from '../exchange/format.js';
import { ArchiveError, readArchive, type ArchiveItem } from '../exchange/read.js';
import { clippingFacts, exportArticle, storyNeighbours, type ClippingFacts } from '../exchange/views.js';
import { writeArchive } from '../exchange/write.js';
import { plainListItems } from './plain-import.js';
import type { Annotation, ArticleRecord, Clipping, Correction, EditableField, Membership, StoryLink } from '../model/records.js';
import { linkClippingParts, linkId } from '../link/store.js';
import { PARSER_VERSION } from '../parse/index.js';
import { indexArticles } from '../search/indexer.js';
import { maintainIndex } from '../search/merge.js';
import { searchTableList } from '../search/tables.js';
import { sortKey, type JournalEntry, type PresscutDB, type StoredArticle } from '../store/db.js';
import { EngineError } from '../store/validate.js';
import type { ArchiveApi, ExportFormat, ExportScope, ImportResult } from './types.js';

const PAGE = 500;
/** Blob parts are folded into one Blob every few megabytes, so an export never holds its text in JS memory. */
const FOLD_BYTES = 8 * 1024 * 1024;

/** Streams a table's rows in primary-key order, a page at a time. */
async function* rows<T>(table: Table<T, string>, key: (r: T) => string): AsyncGenerator<T> {
  let last: unknown = -Infinity;
  for (;;) {
    const page = await table.where(':id').above(last).limit(PAGE).toArray();
    yield* page;
    if (page.length < PAGE) return;
    last = key(page[page.length - 1]!);
  }
}

const stripSortKey = ({ sortKey: _s, ...r }: StoredArticle): ArticleRecord => r;

/** Which records an export scope covers; `null` means all of a section. */
interface Selection {
  articles: Set<string> | null;
  clippings: Set<string> | null;
  collections: Set<string> | null;
}

async function select(db: PresscutDB, scope: ExportScope): Promise<Selection> {
  if (scope.kind === 'all') return { articles: null, clippings: null, collections: null };
  let ids: string[];
  let collections = new Set<string>();
  if (scope.kind === 'collection') {
    if (!(await db.collections.get(scope.id))) throw new EngineError('not-found', `no collection ${scope.id}`);
    ids = (await db.memberships.where('collectionId').equals(scope.id).toArray()).map((m) => m.articleId);
    collections = new Set([scope.id]);
  } else ids = scope.ids;
  const found = (await db.articles.bulkGet(ids)).filter((r): r is StoredArticle => !!r && r.deletedAt === null);
  return { articles: new Set(found.map((r) => r.id)), clippings: new Set(found.map((r) => r.clippingId)), collections };
}

function source(db: PresscutDB, sel: Selection) {
  const keep = (set: Set<string> | null, id: string) => set === null || set.has(id);
  async function* records<S extends Section>(section: S): AsyncGenerator<SectionRecords[S]> {
    type R = SectionRecords[S];
    switch (section) {
      case 'clippings':
        for await (const c of rows<Clipping>(db.clippings, (r) => r.id)) if (keep(sel.clippings, c.id)) yield c as R;
        break;
      case 'collections':
        for (const c of await db.collections.orderBy('order').toArray()) if (keep(sel.collections, c.id)) yield c as R;
        break;
      case 'memberships':
        for await (const m of rows<Membership>(db.memberships, (r) => r.id)) if (keep(sel.collections, m.collectionId) && keep(sel.articles, m.articleId)) yield m as R;
        break;
      case 'annotations':
        for await (const a of rows<Annotation>(db.annotations, (r) => r.articleId)) if (keep(sel.articles, a.articleId)) yield a as R;
        break;
      case 'links':
        // A link travels with both its parts; an unlink too, so the import never links the pair again.
        for await (const l of rows<StoryLink>(db.links, (r) => r.id)) if (keep(sel.articles, l.from) && keep(sel.articles, l.to)) yield l as R;
        break;
      case 'articles':
        // A whole-archive export keeps deletions still open to undo; a selection exports what the reader sees.
        for await (const r of rows<StoredArticle>(db.articles, (x) => x.id)) {
          if (sel.articles === null ? true : sel.articles.has(r.id)) yield stripSortKey(r) as R;
        }
    }
  }
  return records;
}

async function countSelected(db: PresscutDB, sel: Selection, records: ReturnType<typeof source>): Promise<Record<Section, number>> {
  const counts = {} as Record<Section, number>;
  for (const s of SECTIONS) {
    if (s === 'articles' && sel.articles === null) counts[s] = await db.articles.count();
    else if (s === 'clippings' && sel.clippings === null) counts[s] = await db.clippings.count();
    else { let n = 0; for await (const _ of records(s)) n++; counts[s] = n; }
  }
  return counts;
}

/** Gathers text chunks into a Blob without keeping them as one string. */
async function toBlob(chunks: AsyncIterable<string>, type: string, onChunk?: () => void): Promise<Blob> {
  let blob = new Blob([], { type });
  let parts: string[] = [], size = 0;
  for await (const c of chunks) {
    parts.push(c);
    size += c.length;
    onChunk?.();
    if (size >= FOLD_BYTES) { blob = new Blob([blob, ...parts], { type }); parts = []; size = 0; }
  }
  return new Blob([blob, ...parts], { type });
}

async function* textOf(file: Blob | string): AsyncGenerator<string> {
  if (typeof file === 'string') { yield file; return; }
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

function mergeCorrections(mine: StoredArticle, theirs: ArticleRecord): boolean {
  let changed = false;
  for (const [f, c] of Object.entries(theirs.corrections) as [EditableField, Correction][]) {
    const have = mine.corrections[f];
    // A newer manual correction is never overwritten by an older one; equal times are the same edit.
    if (!have || have.editedAt < c.editedAt) { mine.corrections[f] = c; changed = true; }
  }
  if (theirs.deletedAt !== null && mine.deletedAt === null && theirs.deletedAt > mine.updatedAt) {
    mine.deletedAt = theirs.deletedAt;
    delete mine.sortKey;
    changed = true;
  }
  if (changed) mine.updatedAt = Math.max(mine.updatedAt, theirs.updatedAt);
  return changed;
}

const overlap = (a: ArticleRecord, b: ArticleRecord) =>
  a.extent.reduce((n, x) => n + b.extent.reduce((m, y) => m + Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start)), 0), 0);

/**
 * Export and import. An import is checked whole before anything is written (a bad file names its problem and
 * where), then written in batches that journal the rows they replace: if a batch fails, or the worker dies, the
 * journal puts every row back, so the archive is as it was. Importing the same file twice changes nothing (ids are
 * content hashes; corrections merge by edit time).
 */
export function archiveApi(db: PresscutDB, now: () => number, reparse: (clippingId: string) => Promise<unknown>): ArchiveApi {
  const tables = () => [db.clippings, db.articles, db.collections, db.memberships, db.annotations, db.links, db.importJournal, ...searchTableList(db)];

  async function rollback(): Promise<number> {
    const entries = await db.importJournal.orderBy('seq').reverse().toArray();
    if (!entries.length) return 0;
    await db.transaction('rw', tables(), async () => {
      const touched = new Set<string>();
      for (const e of entries) {
        const table = db.table(e.table);
        if (e.before === null || e.before === undefined) await table.delete(e.key);
        else await table.put(e.before);
        if (e.table === 'articles') touched.add(e.key);
      }
      const restored = (await db.articles.bulkGet([...touched])).filter((r): r is StoredArticle => !!r);
      await indexArticles(db, [...touched], restored);
      await db.importJournal.clear();
    });
    return entries.length;
  }

  return {
    async exportArchive(scope, format: ExportFormat, onProgress) {
      const sel = await select(db, scope);
      const records = source(db, sel);
      const counts = await countSelected(db, sel, records);
      let done = 0;
      const total = counts.articles;
      const tick = () => onProgress?.(Math.min(done, total), total);
      const stamp = new Date(now()).toISOString().slice(0, 10);
      const base = scope.kind === 'collection' ? ((await db.collections.get(scope.id))?.name ?? 'collection') : scope.kind === 'all' ? 'archive' : 'selection';
      if (format === 'presscut') {
        const counting = async function* <S extends Section>(s: S) { for await (const r of records(s)) { if (s === 'articles') done++; yield r; } };
        const blob = await toBlob(writeArchive({ counts, records: counting }, { generator: `presscut, parser ${PARSER_VERSION}`, exportedAt: new Date(now()).toISOString() }), 'application/json', tick);
        return { blob, filename: `presscut-${base}-${stamp}.json`, articles: total };
      }
      // The other formats show what the reader sees: live articles, with their clipping's facts, tags and collections.
      const facts = new Map<string, ClippingFacts>();
      for await (const c of records('clippings')) facts.set(c.id, clippingFacts(c as Clipping));
      const names = new Map((await db.collections.toArray()).map((c) => [c.id, c.name]));
      const inCollections = new Map<string, string[]>();
      for await (const m of records('memberships')) inCollections.set(m.articleId, [...(inCollections.get(m.articleId) ?? []), names.get(m.collectionId) ?? m.collectionId]);
      const notes = new Map<string, Annotation>();
      for await (const a of records('annotations')) notes.set(a.articleId, a as Annotation);
      const linked: StoryLink[] = [];
      for await (const l of records('links')) linked.push(l as StoryLink);
      const story = storyNeighbours(linked);
      async function* articles() {
        for await (const r of records('articles')) {
          done++;
          if (r.deletedAt === null) yield exportArticle(r as ArticleRecord, facts.get(r.clippingId), notes.get(r.id), inCollections.get(r.id) ?? [], story);
        }
      }
      const ext = { 'csl-json': 'json', markdown: 'md', ndjson: 'ndjson' }[format];
      const type = { 'csl-json': 'application/vnd.citationstyles.csl+json', markdown: 'text/markdown', ndjson: 'application/x-ndjson' }[format];
      const blob = await toBlob(convertArticles(articles(), format as Target, base), type, tick);
      return { blob, filename: `presscut-${base}-${stamp}.${format === 'csl-json' ? 'csl.json' : ext}`, articles: total };
    },

    async importArchive(file, onProgress): Promise<ImportResult> {
      const items = (): AsyncIterable<ArchiveItem> | Iterable<ArchiveItem> => plain ?? readArchive(textOf(file));
      await rollback(); // an import the worker did not live to finish
      // Pass 1: the whole file is checked before anything is written. A plain list of articles is turned into the
      // records of an archive here, so that it is imported by the same all-or-nothing path.
      let total = 0, plain: ArchiveItem[] | null = null, alreadyHere = 0;
      try {
        const list = await plainListItems(db, file, now());
        if (list) ({ items: plain, alreadyHere } = list);
        for await (const it of items()) if (it.kind === 'record') total++;
      } catch (e) {
        if (e instanceof ArchiveError) throw new EngineError('bad-archive', `this file cannot be imported: ${e.message}`, [e.message]);
        throw e;
      }
      const result: ImportResult = {
        clippings: { added: 0, merged: 0 }, articles: { added: 0, updated: 0, unchanged: alreadyHere },
        collections: { added: 0, updated: 0 }, memberships: { added: 0 }, annotations: { added: 0, updated: 0 },
        links: { added: 0, updated: 0 },
      };
      const idMap = new Map<string, string>(); // incoming article id -> local article id
      const reparseAfter = new Set<string>();
      const later: { memberships: Membership[]; annotations: Annotation[]; links: StoryLink[] } = { memberships: [], annotations: [], links: [] };
      let done = 0;
      let batch: { section: Section; record: unknown }[] = [];

      const newClippings = new Set<string>();

      // One batch, one transaction: rows read and written in bulk, the rows they replace journaled beside them.
      async function applyBatch(items: typeof batch) {
        await db.transaction('rw', tables(), async () => {
          const log: JournalEntry[] = [];
          const clips = items.filter((x) => x.section === 'clippings').map((x) => x.record as Clipping);
          const mineC = await db.clippings.bulkGet(clips.map((c) => c.id));
          const addC: Clipping[] = [];
          for (let k = 0; k < clips.length; k++) {
            const c = clips[k]!, mine = mineC[k];
            if (!mine) { addC.push(c); newClippings.add(c.id); log.push({ table: 'clippings', key: c.id, before: null }); continue; }
            result.clippings.merged++;
            const edits = [...mine.boundaryEdits];
            for (const e of c.boundaryEdits) if (!edits.some((x) => x.kind === e.kind && x.at === e.at)) edits.push(e);
            if (edits.length === mine.boundaryEdits.length) continue;
            log.push({ table: 'clippings', key: c.id, before: mine });
            await db.clippings.update(c.id, { boundaryEdits: edits, updatedAt: Math.max(mine.updatedAt, c.updatedAt) });
            reparseAfter.add(c.id);
          }
          await db.clippings.bulkAdd(addC);
          result.clippings.added += addC.length;

          for (const { section, record } of items) {
            if (section === 'memberships') later.memberships.push(record as Membership);
            else if (section === 'annotations') later.annotations.push(record as Annotation);
            else if (section === 'links') later.links.push(record as StoryLink);
            else if (section === 'collections') {
              const k = record as SectionRecords['collections'];
              const mine = await db.collections.get(k.id);
              if (mine && mine.updatedAt >= k.updatedAt) continue;
              log.push({ table: 'collections', key: k.id, before: mine ?? null });
              await db.collections.put(k);
              if (mine) result.collections.updated++; else result.collections.added++;
            }
          }

          const arts = items.filter((x) => x.section === 'articles').map((x) => x.record as ArticleRecord);
          const same = await db.articles.bulkGet(arts.map((r) => r.id));
          const local = new Map<string, StoredArticle[]>();
          const put: StoredArticle[] = [], removed: string[] = [];
          for (let k = 0; k < arts.length; k++) {
            const r = arts[k]!;
            let mine = same[k];
            if (!mine && !newClippings.has(r.clippingId)) {
              // Another segmentation of a clipping we had: the local article covering most of the same text.
              if (!local.has(r.clippingId)) local.set(r.clippingId, await db.articles.where('clippingId').equals(r.clippingId).toArray());
              mine = local.get(r.clippingId)!.map((x) => [x, overlap(x, r)] as const).filter(([, o]) => o > 0).sort((x, y) => y[1] - x[1])[0]?.[0];
            }
            if (!mine) {
              put.push({ ...r, ...(r.deletedAt === null ? { sortKey: sortKey(r.capturedAt, r.clippingId, r.index) } : {}) });
              log.push({ table: 'articles', key: r.id, before: null });
              idMap.set(r.id, r.id);
              result.articles.added++;
              continue;
            }
            idMap.set(r.id, mine.id);
            const before = structuredClone(mine);
            if (!mergeCorrections(mine, r)) { result.articles.unchanged++; continue; }
            log.push({ table: 'articles', key: mine.id, before });
            put.push(mine);
            removed.push(mine.id);
            result.articles.updated++;
          }
          await db.importJournal.bulkAdd(log);
          await db.articles.bulkPut(put);
          if (put.length) await indexArticles(db, removed, put);
        });
      }

      async function journal(table: JournalEntry['table'], key: string, before: unknown) {
        await db.importJournal.add({ table, key, before: before ?? null });
      }

      try {
        for await (const it of items()) {
          if (it.kind !== 'record') continue;
          batch.push({ section: it.section, record: it.record });
          if (batch.length >= PAGE) {
            await applyBatch(batch);
            done += batch.length;
            batch = [];
            onProgress?.(done, total);
            // Merges keep the index's segments few during a long import; they preserve what it holds, so a rollback
            // that re-indexes the touched articles stays exact.
            await maintainIndex(db, 40);
          }
        }
        await applyBatch(batch);
        done += batch.length;
        // Memberships and annotations point at articles, which came last in the file: map them to local ids.
        await db.transaction('rw', tables(), async () => {
          for (const m of later.memberships) {
            const articleId = idMap.get(m.articleId) ?? m.articleId;
            const id = `${m.collectionId}|${articleId}`;
            if (await db.memberships.get(id)) continue;
            await journal('memberships', id, null);
            await db.memberships.add({ ...m, id, articleId });
            result.memberships.added++;
          }
          for (const a of later.annotations) {
            const articleId = idMap.get(a.articleId) ?? a.articleId;
            const mine = await db.annotations.get(articleId);
            if (mine && mine.updatedAt >= a.updatedAt) continue;
            await journal('annotations', articleId, mine);
            await db.annotations.put({ ...a, articleId });
            if (mine) result.annotations.updated++; else result.annotations.added++;
          }
          for (const l of later.links) {
            const from = idMap.get(l.from) ?? l.from, to = idMap.get(l.to) ?? l.to;
            const id = linkId(from, to);
            const mine = await db.links.get(id);
            // The later decision wins: an unlink made after the link was exported, or the other way round.
            if (mine && mine.updatedAt >= l.updatedAt) continue;
            await journal('links', id, mine);
            await db.links.put({ ...l, id, from, to });
            if (mine) result.links.updated++; else result.links.added++;
          }
        });
      } catch (e) {
        await rollback();
        const quota = (e as Error).name === 'QuotaExceededError' || /quota/i.test((e as Error).message);
        throw new EngineError(quota ? 'quota' : 'import-failed',
          `the import stopped and was undone; the archive is as it was before (${quota ? 'the browser has no room left for this archive' : (e as Error).message})`,
          quota ? [] : [(e as Error).message]);
      }
      await db.importJournal.clear();
      onProgress?.(total, total);
      // New boundary edits from the file re-derive their clipping here, carrying every correction across.
      for (const id of reparseAfter) await reparse(id);
      // The new pages' jumps are recorded for pages clipped later, and linked (after the file's links and unlinks).
      for (const id of newClippings) {
        if (reparseAfter.has(id)) continue;
        await db.transaction('rw', [db.clippings, db.articles, db.links, db.storyParts], async () => {
          const c = await db.clippings.get(id);
          if (c) await linkClippingParts(db.links, db.storyParts, c, await db.articles.where('clippingId').equals(id).toArray(), now());
        });
      }
      return result;
    },
  };
}
