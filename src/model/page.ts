/**
 * The result of segmenting one newspaper page: the public, versioned shape that the CLI prints, the store keeps
 * (derived from the raw clipping text) and the exporters write.
 *
 * Every text field comes with the spans of the input it was built from, so the UI can highlight provenance and the
 * coverage invariant (every non-space input character lands in exactly one field) can be checked.
 */

/** Schema version of {@link Page}. Bump it, and add a migration, whenever the shape changes. */
export const PAGE_SCHEMA_VERSION = 1;

/** A half-open range of UTF-16 offsets into the input text: `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export type Language = 'zh' | 'en' | 'mixed' | 'unknown';

/** Where the text most likely came from; decides how much line breaks and blank lines mean. */
export type Channel = 'pdf' | 'web' | 'ocr' | 'unknown';

export type ArticleType = 'news' | 'commentary' | 'photo' | 'brief';

/** The spans of every field of an {@link Article}. A field assembled from several lines has several spans. */
export interface ArticleSpans {
  kicker: Span[];
  headline: Span[];
  subtitle: Span[];
  dateline: Span[];
  byline: Span[];
  /** One list of spans per paragraph, parallel to `Article.paragraphs`. */
  paragraphs: Span[][];
  continuedTo: Span[];
  continuedFrom: Span[];
  /** One list of spans per caption, parallel to `Article.captions`. */
  captions: Span[][];
}

export interface Article {
  /** 引题 / kicker / overline: the small line above the main headline. */
  kicker: string | null;
  /** 主题 / main headline; a two-line 对仗 headline is joined with one space. */
  headline: string | null;
  /** 副题 / deck; a Chinese 通讯 subtitle keeps its leading `——`. */
  subtitle: string | null;
  /** `本报11月10日讯（记者黄鹭）`, `新华社北京11月10日电`, `WASHINGTON (AP) —`: as printed, spacing artefacts removed. */
  dateline: string | null;
  /** A byline printed apart from the dateline (`本报评论员`, `By JANE DOE`), as printed. */
  byline: string | null;
  /** Personal names only, from the dateline's parenthesis or the byline. */
  authors: string[];
  /** Body paragraphs: wrapped lines joined (CJK without a space, Latin with one), layout spacing removed. */
  paragraphs: string[];
  /** Page this article jumps to (`（下转第二版）` -> "2", `Continued on Page A12` -> "A12"). */
  continuedTo: string | null;
  /** Page this article is continued from (`（上接第一版）` -> "1"). */
  continuedFrom: string | null;
  /** Photo captions and credits printed with this article. */
  captions: string[];
  /** The banner or column title (栏题) printed above this article, if any. */
  section: string | null;
  type: ArticleType;
  spans: ArticleSpans;
}

/** Page-level text that belongs to no article. */
export type PageItemKind =
  | 'banner' // 栏题 over several stories, or a section label
  | 'furniture' // masthead, folio, date line, staff lines, e-paper chrome
  | 'caption' // a photo caption or credit not tied to an article
  | 'teaser' // 导读 / refer: a headline pointing to another page
  | 'leftover'; // text the segmenter could not place (never dropped)

export interface PageItem {
  kind: PageItemKind;
  text: string;
  spans: Span[];
}

export interface Warning {
  code: string;
  message: string;
  span?: Span;
}

export interface Page {
  schemaVersion: typeof PAGE_SCHEMA_VERSION;
  /** The segmenter version that produced this page; articles can be re-derived when it changes. */
  parserVersion: string;
  language: Language;
  channel: Channel;
  /** Whether headline blocks print before or after their bodies on this page (decided for the page as a whole). */
  headlineOrder: 'before' | 'after';
  articles: Article[];
  items: PageItem[];
  warnings: Warning[];
}

/** The role a layout reader (the PDF path) gives one line of the text it emitted, from type sizes and positions. */
export type LayoutRole = 'kicker' | 'headline' | 'subtitle' | 'byline' | 'body' | 'subhead' | 'caption' | 'furniture';

/** One line of the text (from `start` to the next newline) with its role from the page's layout. */
export interface LayoutLine {
  start: number;
  role: LayoutRole;
  /** The line's type size in points, for display and debugging; the segmenter does not read it. */
  size?: number;
}

/**
 * What a layout reader saw, for the segmenter to prefer over its text heuristics: the roles of the lines it
 * emitted, each line a whole paragraph or title line, in reading order with headline blocks before their bodies.
 */
export interface PageLayout {
  /** Lines in text order; a line left out is left to the text heuristics. */
  lines: LayoutLine[];
}

/** Optional facts the caller knows about the input. */
export interface ParseHints {
  url?: string;
  title?: string;
  channel?: Channel;
  language?: Language;
  /** Line roles from the page's layout (the PDF path); the segmenter takes them over its own guesses. */
  layout?: PageLayout;
}
