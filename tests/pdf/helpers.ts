/** Shared helpers for the PDF tests (not a test file itself). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '../../src/model/page.js';
import type { Run } from '../../src/pdf/types.js';
import { CACHE } from './print.mjs';

export const ROOT = join(import.meta.dirname, '..', '..');
const PDFJS = join(ROOT, 'node_modules', 'pdfjs-dist');
/** pdf.js's CMaps and standard fonts, as the CLI finds them in Node. */
export const ASSETS = { cMapUrl: join(PDFJS, 'cmaps') + '/', standardFontDataUrl: join(PDFJS, 'standard_fonts') + '/' };

/** A fixture PDF printed by tests/pdf/fixtures.setup.ts: `corpus/NAME.pdf` (one page) or `NAME.pdf`. */
export const fixturePath = (name: string): string => join(CACHE, name);
export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(name)));
export const fixtureTruth = (name: string) => JSON.parse(readFileSync(fixturePath(name).replace(/\.pdf$/, '.truth.json'), 'utf8'));

/** The dev PDF and the shared scorer live beside the repository (../shared); tests that need them skip without. */
export const SHARED = join(ROOT, '..', 'shared');
export const DEV_PDF = join(SHARED, 'corpus', 'dev', 'rmrb-2026-09-15-p01.pdf');
export const HAVE_SHARED = existsSync(join(SHARED, 'eval', 'score.mjs')) && existsSync(DEV_PDF);

interface Scores { articleF1: number; titleAttribution: number; titleRoles: number; jumps: number; bodySimilarity: number; dateline: number }

/** Scores pages against truths with the shared scorer (../shared/eval/score.mjs). */
export async function score(pairs: { truth: unknown; page: Page }[]): Promise<Scores> {
  const scorer = join(SHARED, 'eval', 'score.mjs');
  const { scorePage, summarise } = (await import(scorer)) as { scorePage: (t: unknown, p: unknown) => unknown; summarise: (s: unknown[]) => Scores };
  return summarise(pairs.map((p) => scorePage(p.truth, p.page)));
}

/** A made-up run: text at (x, baseline) in a top-down frame, `size` points, one font for the body. */
export function run(text: string, x: number, base: number, size: number, font = 'Body', width?: number): Run {
  const w = width ?? [...text].length * size;
  return { text, x0: x, x1: x + w, y0: base - 0.88 * size, y1: base + 0.12 * size, base, size, font };
}

/** Lines of body text set in a column: `n` lines from `top`, `size` points, leading 1.5. */
export function column(x: number, top: number, chars: string[], size = 10, font = 'Body'): Run[] {
  return chars.map((t, i) => run(t, x, top + i * size * 1.5, size, font));
}
