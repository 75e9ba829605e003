/**
 * The Presscut archive format: a versioned JSON document that carries everything needed to rebuild an archive
 * (clippings with their raw text, articles with every field, spans and manual corrections, collections,
 * memberships, tags and notes). Its JSON Schema is `schemas/presscut-archive.v1.schema.json`.
 *
 * Layout: any valid JSON is accepted on import, but Presscut writes one record per line, so files of any size are
 * written and read as a stream and errors point at a line:
 *
 *   {"format":"presscut.archive","version":1,"exportedAt":…,"counts":{…},
 *   "clippings":[
 *   {…},
 *   {…}
 *   ],
 *   "collections":[
 *   …
 *   "articles":[
 *   …
 *   ]}
 */
import type { Annotation, ArticleRecord, Clipping, Collection, Membership, StoryLink } from '../model/records.js';

export const ARCHIVE_FORMAT = 'presscut.archive';
export const ARCHIVE_VERSION = 1;

/**
 * The record arrays of an archive, in the order they are written: a clipping before its articles (so their spans
 * can be checked against its text), and articles last, so a converter knows every article's tags and collections
 * when it meets the article and can stream the largest section.
 */
export const SECTIONS = ['clippings', 'collections', 'memberships', 'annotations', 'articles', 'links'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * Sections added to version 1 later, which a file may lack (files written before them): a reader accepts the end
 * of the archive where only these remain, and a writer leaves one out when its source has no count for it.
 * `links` (issue 7): the parts of stories continued across pages, and the user's unlinks; after the articles
 * they join.
 */
export const OPTIONAL_SECTIONS: ReadonlySet<Section> = new Set<OptionalSection>(['links']);
export type OptionalSection = 'links';

/** Records per section; an optional section's may be absent. */
export type SectionCounts = Record<Exclude<Section, OptionalSection>, number> & Partial<Record<OptionalSection, number>>;

export interface SectionRecords {
  clippings: Clipping;
  articles: ArticleRecord;
  collections: Collection;
  memberships: Membership;
  annotations: Annotation;
  links: StoryLink;
}

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  /** `presscut 0.1.0, parser 1.0.0` */
  generator: string;
  /** Records per section, so an importer can show progress (an optional section's count may be absent). */
  counts: SectionCounts;
}

export type Archive = ArchiveHeader & { [S in Exclude<Section, OptionalSection>]: SectionRecords[S][] } & { [S in OptionalSection]?: SectionRecords[S][] };

/** One record read from an archive, with where it stood. */
export type ArchiveRecord = { [S in Section]: { section: S; record: SectionRecords[S]; line: number; path: string } }[Section];
