/**
 * The geometry the PDF reader works on. Coordinates are PDF points in a top-down frame: x grows to the right,
 * y grows downwards from the top edge of the page, as a reader scans it.
 */

/** A rectangle: left, top, right, bottom. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One run of glyphs from the text layer: a pdf.js text item with its box, baseline and type. */
export interface Run extends Box {
  text: string;
  /** Baseline (top-down y). */
  base: number;
  /** Type size in points. */
  size: number;
  /** pdf.js font id: runs in one font share it (bold and regular faces differ). */
  font: string;
}

/** Runs on one baseline within one column, left to right. */
export interface Line extends Box {
  runs: Run[];
  /** The line's text: runs joined with the spaces their gaps call for, layout spacing removed. */
  text: string;
  /** The largest type size on the line. */
  size: number;
}

/** A block of lines the reading order keeps together: one column piece between gutters and gaps. */
export interface Leaf extends Box {
  lines: Line[];
}

/** A paragraph or one title line, as it will stand on one line of the emitted text. */
export interface Para {
  lines: Line[];
  text: string;
  size: number;
  /** Every run is set in the page's body face at body size (decides subheads and bylines). */
  plain: boolean;
  /** No run is in the body face: a bold subhead, a dateline in bold, a caption face. */
  styled: boolean;
  /** Index of the leaf the paragraph starts in. */
  leaf: number;
}

/** What the reader measured on a page: its size and the type of its running text. */
export interface PageFacts {
  width: number;
  height: number;
  /** Body type size: the size most characters are set in. */
  body: number;
  /** The font most body-size characters are set in. */
  bodyFont: string;
}
