import type { Article, Page, ParseHints } from '../model/page.js';
import type { Clipping, StructuredArticle } from '../model/records.js';
import { parsePage, PARSER_VERSION } from '../parse/index.js';
import { applyBoundaryEdits } from '../store/boundaries.js';
import { withStructure } from '../store/structure.js';
import { PresscutDB, sortKey, type StoredArticle } from '../store/db.js';
import { deriveRecords } from '../store/derive.js';
import { listPositions } from '../store/listing.js';
import { SYNCED_TABLES } from '../store/synced.js';
import { trackChanges } from '../sync/index.js';
import { contentHash, normaliseForId } from '../store/hash.js';
import { applyCorrections, toView } from '../store/view.js';
import { checkPatch, checkText, EngineError } from '../store/validate.js';
// Search: the index is kept in the same transactions as the article rows (src/search/indexer.ts).
import { indexArticles } from '../search/indexer.js';
import { maintainIndex, mergeDue } from '../search/merge.js';
import { IndexReader } from '../search/reader.js';
import { rebuildIndex } from '../search/rebuild.js';
import { search } from '../search/search.js';
import { searchTableList } from '../search/tables.js';
import { newspaperOf } from '../exchange/page-facts.js';
import { archiveApi } from './archive-io.js';
import { followLinks, linksApi, linkTables } from './links.js';
import { linkClippingsParts } from '../link/store.js';
import { whereAny } from '../store/where-any.js';
import { ingestPdf, type PdfSupport } from './pdf-ingest.js';
import { nextTask } from './next-task.js';
import { collectionsApi } from './collections.js';
import type {
  ArticleFilter, ArticleRow, ClippingDetail, ClippingSummary, Engine, IngestInput, IngestRefusal, IngestResult, Preview, ReparseResult, UndoToken,
} from './types.js';

export { EngineError };

/**
 * Opens (creating or upgrading) Presscut's database, with sync's change tracking installed: every connection that
 * writes records its edits as revisions (src/sync), whichever page's worker makes them and whether or not a remote
 * is set up yet, so the one sync session of the browser pushes them all.
 */
export function openDatabase(name = 'presscut'): PresscutDB {
  const db = new PresscutDB(name);
  trackChanges(db, { tables: [...SYNCED_TABLES] });
  return db;
}

/**
 * Pages parsed and written in one transaction by ingestMany and reparse, and the text they may hold together
 * (characters): past about 30 pages a batch gains little, and a bound keeps one transaction's memory small.
 */
const BATCH_PAGES = 32;
const BATCH_CHARS = 2_000_000;

/** One clipping parsed, or the segmenter's failure on it. */
type Parsed = { clipping: Clipping; page: Page; articles: Article[] } | { clipping: Clipping; error: string };

/** Whether a clipping's stored form differs from the one a parse began with in what the parse reads. */
function changedSince(parsed: Clipping, now: Clipping): boolean {
  return parsed !== now && (parsed.text !== now.text
    || JSON.stringify([parsed.hints, parsed.structured, parsed.boundaryEdits]) !== JSON.stringify([now.hints, now.structured, now.boundaryEdits]));
}

/** What deriving one clipping's articles did. */
interface Derivation { ids: string[]; orphaned: number; error: string | null; page: Page | null }

function summarise(done: Derivation[]): ReparseResult {
  return { clippings: done.length, articles: done.reduce((n, r) => n + r.ids.length, 0), orphanedCorrections: done.reduce((n, r) => n + r.orphaned, 0) };
}

/** Index maintenance (merging segments) done after each write of a page, at most about this long (ms) each time. */
const MAINTAIN_MS = 40;

const PREVIEW_LIMIT = 2_000_000; // characters: beyond this the preview would lag the typing it follows

/** What the host gives the engine besides its database. */
export interface EngineOptions {
  /** The PDF reader and its pdf.js assets; without it, ingestPdf refuses. */
  pdf?: PdfSupport;
  /**
   * Merges left after a write go on in the background, a step every `idleMergeMs` (ms), until none is due: after
   * a bulk import queries would otherwise read many small segments until enough later writes had merged them.
   */
  idleMergeMs?: number;
  /**
   * Maintenance left over (after an upgrade or a bulk import) waits until no search has begun for this long (ms;
   * 300 by default): searches as the reader types then never queue behind a merge step.
   */
  searchQuietMs?: number;
}

/**
 * The Engine over one database. Plain async functions over Dexie; comlink exposes the object as it is.
 * @example
 * const engine = createEngine(openDatabase());
 * const { articleIds } = await engine.ingest({ text, source: { via: 'paste' } });
 */
export function createEngine(db: PresscutDB, now: () => number = Date.now, options: EngineOptions = {}): Engine {
  /** Whether the index's segments may need merging (true at first: an upgrade may have left some). */
  let mergesDue = true;
  /** When the last search began, and the maintenance that waits for searches to pause. */
  let lastSearch = -Infinity;
  let quiet: ReturnType<typeof setTimeout> | null = null;
  const quietMs = options.searchQuietMs ?? 300;

  /** Parses one clipping outside any transaction; a failure is kept as the clipping's parse error. */
  function parseClipping(clipping: Clipping): Parsed {
    try {
      const page = parsePage(clipping.text, clipping.hints);
      return { clipping, page, articles: applyBoundaryEdits(withStructure(page.articles, clipping.structured), clipping.boundaryEdits) };
    } catch (e) {
      // The text stays stored; the error is shown with it and a later parser may do better.
      return { clipping, error: `the segmenter failed on this text: ${(e as Error).message}` };
    }
  }

  /**
   * Replaces the articles of parsed clippings (with their index entries, story parts, memberships and tags
   * following re-derived ids) in one transaction for the whole batch: a transaction and each index write cost
   * the same for one page as for thirty, so batches make bulk ingest and re-parse several times faster.
   */
  async function rederiveBatch(parsed: Parsed[]): Promise<Derivation[]> {
    const clippingIds = parsed.map((p) => p.clipping.id);
    const done = await db.transaction('rw', [db.clippings, db.articles, db.memberships, db.annotations, ...linkTables(db), ...searchTableList(db)], async () => {
      const t = now();
      // The clippings are read again inside the transaction, so that what changed since the parse began (a sync
      // pull, say) is written back as it is now: only the parse's own facts are replaced.
      const [previous, current] = await Promise.all([
        whereAny(db.articles, 'clippingId', clippingIds, (c) => c.toArray()), db.clippings.bulkGet(clippingIds),
      ]);
      const removed: StoredArticle[] = [], written: StoredArticle[] = [], updated: Clipping[] = [];
      const out: Derivation[] = [];
      for (const [i, ahead] of parsed.entries()) {
        const clipping = current[i] ?? ahead.clipping;
        // Parsed ahead, while the batch before was written: a boundary edit (or a sync pull) since then is parsed in.
        const p = changedSince(ahead.clipping, clipping) ? parseClipping(clipping) : ahead;
        if ('error' in p) {
          updated.push({ ...clipping, parseError: p.error, updatedAt: t });
          out.push({ ids: [], orphaned: 0, error: p.error, page: null });
          continue;
        }
        const mine = previous.filter((r) => r.clippingId === clipping.id);
        const { records, orphaned, moved } = deriveRecords(clipping, p.articles, mine, t);
        await followArticles(moved);
        await followLinks(db, moved, t);
        removed.push(...mine);
        written.push(...records);
        const facts = {
          parserVersion: PARSER_VERSION, parseError: null, items: p.page.items, warnings: p.page.warnings,
          newspaper: clipping.newspaper ?? newspaperOf(p.page), updatedAt: t,
        };
        updated.push({ ...clipping, ...facts });
        out.push({ ids: records.filter((r) => r.deletedAt === null).map((r) => r.id), orphaned, error: null, page: p.page });
      }
      // Issued together, none waiting on another: while IndexedDB writes the rows, the index's postings are
      // built. A row written again is put over, not deleted first (no request reads the articles table here).
      const kept = new Set(written.map((r) => r.id));
      const [, , , , due] = await Promise.all([
        db.articles.bulkDelete(removed.flatMap((r) => (kept.has(r.id) ? [] : [r.id]))),
        db.articles.bulkPut(written),
        db.clippings.bulkPut(updated),
        // Continued stories: each page's parts with a jump find their partners among the pages already stored.
        linkClippingsParts(db.links, db.storyParts, updated.filter((c) => c.parseError === null)
          .map((c) => ({ clipping: c, records: written.filter((r) => r.clippingId === c.id) })), t),
        indexArticles(db, removed.map((r) => r.id), written, new Map(updated.map((c) => [c.id, c]))),
      ]);
      mergesDue = due || mergesDue;
      return out;
    });
    // A page's worth of merging for every page: a batch adds segments as fast as its pages would one by one, and
    // merges that fell behind would leave every query reading many small segments.
    await tidy(MAINTAIN_MS * parsed.length);
    return done;
  }

  /**
   * {@link rederiveBatch} over any number of clippings, in batches of a bounded number of pages and characters;
   * those in `known` (just written) are not read again. Each batch is parsed while the one before it is written
   * and tidied: the parse yields between pages, so it runs while the thread would wait on IndexedDB.
   */
  async function rederive(clippingIds: string[], known = new Map<string, Clipping>()): Promise<Derivation[]> {
    const out: Derivation[] = [];
    let ahead: Promise<Parsed[]> | null = null;
    const queue = async (batch: Clipping[]) => {
      const next = parseSoon(batch);
      if (ahead) out.push(...await rederiveBatch(await ahead));
      ahead = next;
    };
    for (let i = 0; i < clippingIds.length; i += BATCH_PAGES) {
      const ids = clippingIds.slice(i, i + BATCH_PAGES);
      const stored = ids.every((id) => known.has(id)) ? ids.map((id) => known.get(id)) : await db.clippings.bulkGet(ids);
      const gap = stored.findIndex((c) => !c);
      if (gap >= 0) {
        await queue([]); // the batch parsed ahead is written first, as it would have been before this read
        throw new EngineError('not-found', `no clipping ${ids[gap]}`);
      }
      const clippings = stored as Clipping[];
      let batch: Clipping[] = [], chars = 0;
      for (const c of clippings) {
        if (batch.length && chars + c.text.length > BATCH_CHARS) {
          await queue(batch);
          batch = [];
          chars = 0;
        }
        batch.push(c);
        chars += c.text.length;
      }
      await queue(batch);
    }
    await queue([]);
    return out;
  }

  /** Parses clippings a page a task (parseClipping never throws: a failure is the clipping's parse error). */
  async function parseSoon(clippings: Clipping[]): Promise<Parsed[]> {
    const parsed: Parsed[] = [];
    for (const c of clippings) {
      await nextTask();
      parsed.push(parseClipping(c));
    }
    return parsed;
  }

  /**
   * A little index maintenance after a write, in its own small transactions. The write has committed by then:
   * a maintenance step that fails rolls back alone and leaves a correct index, to be tidied after the next write.
   */
  async function tidy(budgetMs = MAINTAIN_MS): Promise<void> {
    if (!mergesDue) return;
    mergesDue = await maintainIndex(db, budgetMs).catch(() => true);
    if (mergesDue && options.idleMergeMs !== undefined && !idle) idle = setTimeout(mergeWhenIdle, options.idleMergeMs);
  }

  let idle: ReturnType<typeof setTimeout> | null = null;
  async function mergeWhenIdle(): Promise<void> {
    const wait = lastSearch + quietMs - performance.now();
    if (wait > 0) {
      idle = setTimeout(mergeWhenIdle, wait);
      return;
    }
    // A failing step stops the loop; the next write's tidy tries again.
    const more = await maintainIndex(db, MAINTAIN_MS).catch(() => null);
    idle = null;
    if (more === null) return;
    mergesDue = more;
    if (more) idle = setTimeout(mergeWhenIdle, options.idleMergeMs);
  }

  async function live(clippingId: string): Promise<StoredArticle[]> {
    const rows = await db.articles.where('clippingId').equals(clippingId).toArray();
    return rows.filter((r) => r.deletedAt === null).sort((a, b) => a.index - b.index);
  }

  async function mustGet(id: string): Promise<StoredArticle> {
    const r = await db.articles.get(id);
    if (!r || r.deletedAt !== null) throw new EngineError('not-found', `no article ${id} (it may have been deleted or re-derived)`);
    return r;
  }

  async function addEdit(r: StoredArticle, kind: 'merge' | 'split', at: number): Promise<void> {
    await db.clippings.where('id').equals(r.clippingId).modify((c) => { c.boundaryEdits.push({ kind, at, editedAt: now() }); });
  }

  const reader = new IndexReader(db);
  const stories = linksApi(db, now);

  /** Memberships, tags and notes follow an article whose id changed because its clipping was re-derived. */
  async function followArticles(moved: Map<string, string>): Promise<void> {
    const changed = [...moved].filter(([a, b]) => a !== b);
    if (!changed.length) return;
    const from = changed.map(([a]) => a);
    for (const m of await db.memberships.where('articleId').anyOf(from).toArray()) {
      await db.memberships.delete(m.id);
      const articleId = moved.get(m.articleId)!;
      await db.memberships.put({ ...m, id: `${m.collectionId}|${articleId}`, articleId });
    }
    for (const a of await db.annotations.where('articleId').anyOf(from).toArray()) {
      await db.annotations.delete(a.articleId);
      const target = moved.get(a.articleId)!;
      const there = await db.annotations.get(target);
      // Two articles merged into one: their tags join, their notes follow each other.
      await db.annotations.put(there
        ? { articleId: target, tags: [...new Set([...there.tags, ...a.tags])], note: [there.note, a.note].filter(Boolean).join('\n\n'), updatedAt: Math.max(there.updatedAt, a.updatedAt) }
        : { ...a, articleId: target });
    }
  }

  /** The live articles in a collection and/or with a tag, in archive order. */
  async function filtered(f: ArticleFilter): Promise<StoredArticle[]> {
    let ids: string[] | null = null;
    if (f.collectionId) ids = (await db.memberships.where('collectionId').equals(f.collectionId).toArray()).map((m) => m.articleId);
    if (f.tag) {
      const tagged = (await db.annotations.where('tags').equals(f.tag).toArray()).map((a) => a.articleId);
      ids = ids ? ids.filter((id) => tagged.includes(id)) : tagged;
    }
    const rows = (await db.articles.bulkGet(ids ?? [])).filter((r): r is StoredArticle => !!r && r.deletedAt === null);
    return rows.sort((a, b) => (a.sortKey! < b.sortKey! ? -1 : 1));
  }

  /** Rows `offset`… of the whole archive: found through the listing, then a short walk inside one clipping. */
  async function page(offset: number, limit: number): Promise<StoredArticle[]> {
    const at = (await listPositions(db.listing)).locate(offset);
    if (!at || limit <= 0) return [];
    return db.articles.where('sortKey').aboveOrEqual(at.base).offset(at.skip).limit(limit).toArray();
  }

  const findAt = (rows: StoredArticle[], at: number) => rows.find((x) => x.extent.some((s) => s.start <= at && at < s.end) || x.anchor === at);

  const engine: Engine = {
    ...collectionsApi(db, now),
    ...archiveApi(db, now, (id) => engine.reparse(id)),
    ...stories,

    async preview(text, hints): Promise<Preview> {
      try {
        checkText(text);
      } catch (e) {
        const { message, code, params } = e as EngineError;
        return { articles: [], warnings: [], error: { message, code, params } };
      }
      const long = text.length > PREVIEW_LIMIT;
      const page = parsePage(long ? text.slice(0, PREVIEW_LIMIT) : text, hints);
      const warnings = long
        ? [...page.warnings, { code: 'preview-truncated', message: `preview of the first ${PREVIEW_LIMIT.toLocaleString('en')} characters; Save parses all of it` }]
        : page.warnings;
      return {
        articles: page.articles.map((a) => ({ kicker: a.kicker, headline: a.headline, dateline: a.dateline, paragraphs: a.paragraphs.length })),
        warnings, error: null,
      };
    },

    async ingest(input: IngestInput): Promise<IngestResult> {
      checkText(input.text);
      return (await engine.ingestMany([input]))[0] as IngestResult;
    },

    async ingestMany(inputs) {
      const checked = inputs.map((input): { input: IngestInput; text: string; id: string } | IngestRefusal => {
        try {
          const text = checkText(input.text);
          return { input, text, id: 'c' + contentHash(normaliseForId(text)) };
        } catch (e) {
          const { message, code, params } = e as EngineError;
          return { refused: { message, code, params } };
        }
      });
      const wanted = checked.flatMap((c) => ('id' in c ? [c] : []));
      // The raw texts are committed on their own, before parsing: whatever happens next, they are not lost.
      const created = await db.transaction('rw', db.clippings, async () => {
        const known = new Set((await db.clippings.bulkGet(wanted.map((c) => c.id))).flatMap((c) => (c ? [c.id] : [])));
        const fresh: Clipping[] = [];
        let t = 0;
        for (const { input, text, id } of wanted) {
          if (known.has(id)) continue;
          known.add(id); // the same text twice in one batch is one clipping
          // Strictly increasing capture times keep a batch's pages in their order in the archive.
          t = Math.max(now(), t + 1);
          fresh.push({
            id, text, source: input.source, hints: input.hints ?? {}, structured: input.structured ?? null,
            capturedAt: t, parserVersion: null, parseError: null, items: [], warnings: [],
            newspaper: input.structured?.newspaper ?? null, boundaryEdits: [], updatedAt: t,
          });
        }
        await db.clippings.bulkAdd(fresh);
        return fresh;
      });
      const derived = new Map(created.map((c, i) => [c.id, i]));
      const results = await rederive(created.map((c) => c.id), new Map(created.map((c) => [c.id, c])));
      return Promise.all(checked.map(async (c): Promise<IngestResult | IngestRefusal> => {
        if (!('id' in c)) return c;
        const at = derived.get(c.id);
        if (at !== undefined) {
          derived.delete(c.id); // a repeat later in the same batch is a duplicate of this one
          const r = results[at]!;
          return { clippingId: c.id, created: true, articleIds: r.ids, parseError: r.error, warnings: r.page?.warnings ?? [] };
        }
        const stored = (await db.clippings.get(c.id))!;
        return { clippingId: c.id, created: false, articleIds: (await live(c.id)).map((r) => r.id), parseError: stored.parseError, warnings: stored.warnings };
      }));
    },

    ingestPdf: (bytes, source, opts) => ingestPdf(db, options.pdf, (inputs) => engine.ingestMany(inputs), bytes, source, opts, now),

    async listClippings(offset, limit): Promise<ClippingSummary[]> {
      const rows = await db.clippings.orderBy('capturedAt').reverse().offset(offset).limit(limit).toArray();
      return Promise.all(rows.map(async (c) => {
        const arts = await live(c.id);
        return {
          id: c.id, source: c.source, newspaper: c.newspaper, capturedAt: c.capturedAt, articleCount: arts.length,
          headlines: arts.slice(0, 3).map((a) => applyCorrections(a).headline ?? '').filter(Boolean), parseError: c.parseError,
        };
      }));
    },

    async listArticles(offset, limit, filter): Promise<ArticleRow[]> {
      const rows = filter && (filter.collectionId || filter.tag)
        ? (await filtered(filter)).slice(offset, offset + limit)
        : await page(offset, limit);
      const clips = new Map((await db.clippings.bulkGet([...new Set(rows.map((r) => r.clippingId))])).flatMap((c) => (c ? [[c.id, c]] : [])));
      return rows.map((r) => {
        const a = applyCorrections(r), c = clips.get(r.clippingId);
        return {
          id: r.id, clippingId: r.clippingId, index: r.index, headline: a.headline, kicker: a.kicker, dateline: a.dateline,
          newspaper: c?.newspaper ?? null, sourceTitle: c?.source.title ?? null, capturedAt: r.capturedAt,
        };
      });
    },

    countArticles: async (filter) => (filter && (filter.collectionId || filter.tag)
      ? (await filtered(filter)).length
      : (await listPositions(db.listing)).total),

    async getArticle(id) {
      const r = await db.articles.get(id);
      if (!r || r.deletedAt !== null) return null;
      const c = await db.clippings.get(r.clippingId);
      return c ? toView(r, c) : null;
    },

    async getClipping(id): Promise<ClippingDetail | null> {
      const clipping = await db.clippings.get(id);
      if (!clipping) return null;
      const articles = (await live(id)).map((r) => ({ id: r.id, index: r.index, headline: applyCorrections(r).headline, extent: r.extent }));
      return { clipping, articles };
    },

    async updateArticle(id, patch) {
      const fields = checkPatch(patch as Record<string, unknown>);
      const view = await db.transaction('rw', [db.articles, db.clippings, ...searchTableList(db)], async () => {
        const r = await mustGet(id);
        const t = now();
        for (const [f, value] of fields) r.corrections[f] = { value: value as never, editedAt: t };
        r.updatedAt = t;
        await db.articles.put(r);
        mergesDue = (await indexArticles(db, [id], [r])) || mergesDue;
        return toView(r, (await db.clippings.get(r.clippingId))!);
      });
      await tidy();
      return view;
    },

    async mergeWithNext(id) {
      const r = await mustGet(id);
      const rows = await db.articles.where('clippingId').equals(r.clippingId).toArray();
      const next = rows.filter((x) => x.index > r.index).sort((a, b) => a.index - b.index)[0];
      if (!next) throw new EngineError('no-next', 'this is the last article of its page: there is nothing to merge it with');
      if (next.deletedAt !== null) throw new EngineError('next-deleted', 'the next article was deleted: undo that first, or merge with another');
      await addEdit(r, 'merge', r.anchor);
      await rederive([r.clippingId]);
      const merged = findAt(await live(r.clippingId), r.anchor);
      if (!merged) throw new EngineError('merge-lost', 'the merge could not be applied to this page');
      return merged.id;
    },

    async splitAt(id, paragraph) {
      const r = await mustGet(id);
      const spans = r.parsed.spans.paragraphs;
      if (!Number.isInteger(paragraph) || paragraph < 1 || paragraph >= spans.length) {
        throw new EngineError('bad-split', `an article of ${spans.length} paragraphs can be split before paragraph 2 to ${spans.length}, not ${paragraph + 1}`, [spans.length, paragraph + 1]);
      }
      const at = spans[paragraph]![0]!.start;
      await addEdit(r, 'split', at);
      await rederive([r.clippingId]);
      const rows = await live(r.clippingId);
      const first = findAt(rows, r.anchor), second = rows.find((x) => x.anchor === at);
      if (!first || !second) throw new EngineError('split-lost', 'the split could not be applied to this page');
      // Hand-edited paragraphs described the whole article; they no longer fit either half.
      for (const part of [first, second]) if (part.corrections.paragraphs) {
        delete part.corrections.paragraphs;
        await db.transaction('rw', [db.articles, db.clippings, ...searchTableList(db)], async () => {
          await db.articles.put(part);
          await indexArticles(db, [part.id], [part]);
        });
      }
      return [first.id, second.id];
    },

    async deleteArticle(id): Promise<UndoToken> {
      const undoToken = await db.transaction('rw', [db.articles, db.undo, db.clippings, ...searchTableList(db)], async () => {
        const r = await mustGet(id);
        const t = now();
        await db.articles.update(id, { deletedAt: t, sortKey: undefined });
        mergesDue = (await indexArticles(db, [id], [])) || mergesDue;
        const label = applyCorrections(r).headline ?? r.parsed.paragraphs[0]?.slice(0, 30) ?? id;
        const token = { id: 'u' + contentHash(`${id}|${t}`), label };
        await db.undo.put({ id: token.id, kind: 'delete-article', articleId: id, label, createdAt: t });
        return token;
      });
      await tidy();
      return undoToken;
    },

    async undo(token) {
      await db.transaction('rw', [db.articles, db.undo, db.clippings, db.collections, db.memberships, ...searchTableList(db)], async () => {
        const e = await db.undo.get(token);
        if (!e) throw new EngineError('undo-gone', 'there is nothing left to undo for this action');
        if (e.kind === 'delete-collection') {
          await db.collections.put(e.collection!);
          await db.memberships.bulkPut(e.memberships ?? []);
          await db.undo.delete(token);
          return;
        }
        const r = await db.articles.get(e.articleId);
        // The article may have been re-derived since; the deletion then lives on the row that took its text.
        const target = r ?? (await db.articles.filter((x) => x.deletedAt === e.createdAt).first());
        if (target) await db.articles.update(target.id, { deletedAt: null, sortKey: sortKey(target.capturedAt, target.clippingId, target.index) });
        if (target) mergesDue = (await indexArticles(db, [], [(await db.articles.get(target.id))!])) || mergesDue;
        await db.undo.delete(token);
      });
      await tidy();
    },

    async reparse(clippingId): Promise<ReparseResult> {
      return summarise(await rederive(clippingId ? [clippingId] : await db.clippings.toCollection().primaryKeys()));
    },

    async reparseOutdated(): Promise<ReparseResult> {
      const ids: string[] = [];
      await db.clippings.each((c) => { if (c.parserVersion !== PARSER_VERSION) ids.push(c.id); });
      return summarise(await rederive(ids));
    },

    // Search (src/search): queries read the index; the reader caches per-document norms between writes. An index
    // with merges left over (an upgrade builds one without merging) gets them done once searches pause.
    async search(query, options) {
      lastSearch = performance.now();
      const res = await search(db, reader, query, options);
      if (mergeDue(reader.meta)) {
        mergesDue = true;
        // Once the reader stops typing: a search queued behind a merge step would wait for all of it.
        if (quiet) clearTimeout(quiet);
        quiet = setTimeout(() => {
          quiet = null;
          void tidy();
        }, quietMs);
      }
      return res;
    },

    async rebuildIndex(onProgress) {
      const r = await rebuildIndex(db, onProgress);
      reader.reset();
      return r;
    },
  };
  return engine;
}

export type { ParseHints };
