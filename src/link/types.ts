/**
 * What the linker knows of one article that has a jump (to or from another page): derived from the article and
 * its clipping (src/link/parts.ts), kept in the `storyParts` table so that a page clipped later finds its partner
 * by edition without reading every clipping. Derived data: rebuilt from the articles, never synced.
 */
export interface StoryPart {
  articleId: string;
  clippingId: string;
  /** Keys a partner must share one of: `e|NEWSPAPER|YYYY-MM-DD` and `u|SOURCE-URL` (pages of one PDF). */
  editions: string[];
  /** The newspaper's name folded for comparison (case, spaces, a leading "The"), or null when the page does not say. */
  newspaper: string | null;
  /** The page's date, `YYYY-MM-DD`, or null. */
  date: string | null;
  /** The page the article is printed on (`1`, `A4`), or null when neither the page nor the PDF says. */
  page: string | null;
  /** The clipping's source URL (a PDF's pages share it), or null. */
  source: string | null;
  /** The page this part continues on (`（下转第二版）` -> "2"), or null. */
  to: string | null;
  /** The page this part is continued from (`（上接第一版）` -> "1"), or null. */
  from: string | null;
  /** The keyword of a keyword jump (`See BUDGET, Page A4` / `BUDGET, from A1` -> "BUDGET"), upper case, or null. */
  toKey: string | null;
  fromKey: string | null;
  headline: string | null;
  kicker: string | null;
  /** The first and last characters of the body, for text continuity. */
  head: string;
  tail: string;
}
