/**
 * The records Presscut stores. Public types only; the Dexie schema that keeps them is in src/store.
 *
 * The raw clipping text is the source of truth: articles are derived from it by a parser version and can be
 * derived again. What the user changes by hand is kept apart from what the parser produced (as `corrections`
 * and `boundaryEdits` anchored to character offsets of the raw text), so a re-parse keeps it.
 */
import type { Article, Channel, Page, ParseHints, Span } from './page.js';

/** Version of the stored records; bump with a Dexie migration in src/store/db.ts. */
export const RECORDS_VERSION = 13;

export interface ClippingSource {
  /** Where the text came from: the tab's URL, `paste`, or `file:NAME`. */
  url?: string;
  /** The tab title or the file name. */
  title?: string;
  /** How the text was taken: pasted, a whole page, a selection, an e-paper article page, a dropped file, a PDF. */
  via: 'paste' | 'page' | 'selection' | 'epaper' | 'article-page' | 'file' | 'pdf';
  channel?: Channel;
  /** For a page read from a PDF (a tab or a dropped file): its 1-based page number and the PDF's page count. */
  pdfPage?: number;
  pdfPages?: number;
  /** The kept PDF's content address (`sha256-…`, a row of the `pdfBlobs` table) when the user opted to keep PDFs. */
  pdfBlob?: string;
}

/** Fields a page's own markup already states (e-paper h3/h1/h2, JSON-LD NewsArticle); they win over the segmenter. */
export interface StructuredArticle {
  kicker?: string | null;
  headline?: string | null;
  subtitle?: string | null;
  byline?: string | null;
  authors?: string[];
  dateline?: string | null;
  /** Newspaper or site name (JSON-LD publisher, og:site_name). */
  newspaper?: string | null;
  /** Publication date, ISO 8601, when the page states it. */
  published?: string | null;
}

export interface Clipping {
  /** `c` + content hash of the normalised text: the same text clipped twice is one clipping. */
  id: string;
  /** Exactly what the user gave, never modified. */
  text: string;
  source: ClippingSource;
  /** What the caller knew about the text, kept so a re-parse sees the same. */
  hints: ParseHints;
  structured: StructuredArticle | null;
  /** Epoch milliseconds. */
  capturedAt: number;
  /** The parser version that produced the current articles, or null when parsing failed. */
  parserVersion: string | null;
  /** Why the last parse failed, if it did; the text is kept all the same. */
  parseError: string | null;
  /** Page-level items (furniture, banner…) of the last parse, for the clipping view. */
  items: Page['items'];
  warnings: Page['warnings'];
  /** The newspaper's name when the page or the source says it. */
  newspaper: string | null;
  /** Manual merges and splits, replayed after every re-parse. */
  boundaryEdits: BoundaryEdit[];
  updatedAt: number;
}

/**
 * A manual change of article boundaries, anchored in the raw text so that it survives re-parsing:
 * `merge` joins the article containing `at` with the one after it; `split` starts a new article at the paragraph
 * that begins at `at`.
 */
export interface BoundaryEdit {
  kind: 'merge' | 'split';
  at: number;
  editedAt: number;
}

/** The article fields a user can correct by hand. */
export type EditableField = 'kicker' | 'headline' | 'subtitle' | 'dateline' | 'byline' | 'authors' | 'paragraphs' | 'continuedTo' | 'continuedFrom';

export interface Correction {
  value: Article[EditableField];
  editedAt: number;
}

export interface ArticleRecord {
  /** `a` + hash of the clipping id and the article's body spans: stable for the same segmentation. */
  id: string;
  clippingId: string;
  /** Position in the page (0-based), for ordering within a clipping. */
  index: number;
  /** The article as the parser made it (after boundary edits). */
  parsed: Article;
  /** Manual corrections by field; they win over `parsed`. */
  corrections: Partial<Record<EditableField, Correction>>;
  /** Where the article's text starts in the clipping: the anchor that carries corrections across re-parses. */
  anchor: number;
  /** Spans of the whole article (all fields), to highlight it in the clipping view. */
  extent: Span[];
  capturedAt: number;
  updatedAt: number;
  /** Soft delete: set while the deletion can still be undone. */
  deletedAt: number | null;
}

/** An article as the UI shows it: parsed fields with corrections applied. */
export interface ArticleView extends Article {
  id: string;
  clippingId: string;
  index: number;
  corrected: EditableField[];
  source: ClippingSource;
  newspaper: string | null;
  capturedAt: number;
}

export interface Collection {
  id: string;
  name: string;
  order: number;
  createdAt: number;
  updatedAt: number;
}

/** An article in a collection: one small record each, so two devices adding to one collection both survive a sync. */
export interface Membership {
  /** `${collectionId}|${articleId}` */
  id: string;
  collectionId: string;
  articleId: string;
  addedAt: number;
}

/** The reader's own tags and note on an article, kept apart from the article so re-parsing never touches them. */
export interface Annotation {
  articleId: string;
  tags: string[];
  note: string;
  updatedAt: number;
}

/** Version of {@link StoryLink} records (stored, synced and exported). */
export const STORY_LINK_VERSION = 1;

/**
 * Two parts of one story printed on different pages: the article that ends with a jump (`（下转第二版）`,
 * `Continued on Page A12`) and the one that picks it up (`（上接第一版）`, `BUDGET, from A1`). A user's "these
 * are not one story" is a record too (`state: 'unlinked'`), so that linking never makes that link again.
 */
export interface StoryLink {
  v: typeof STORY_LINK_VERSION;
  /** `l` + hash of the two article ids: one record per pair, whatever its state. */
  id: string;
  /** The article with the jump to another page. */
  from: string;
  /** The article continued from `from`'s page. */
  to: string;
  /** Their clippings, so a deleted or re-parsed clipping finds its links. */
  fromClipping: string;
  toClipping: string;
  state: 'linked' | 'unlinked';
  /** Who decided: the linker, or the user (an unlink). */
  by: 'auto' | 'user';
  /** How sure the linker was (0–1): page references, headline, text continuity. */
  score: number;
  createdAt: number;
  updatedAt: number;
}
