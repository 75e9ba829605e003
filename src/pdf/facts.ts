import type { PageFacts, Run } from './types.js';

/**
 * The page's body type: the size (to a tenth of a point) most characters are set in, and the font most of those
 * characters use. Everything else on the page is read relative to it.
 */
export function pageFacts(runs: Run[], width: number, height: number): PageFacts {
  const bySize = new Map<number, number>();
  for (const r of runs) {
    const k = Math.round(r.size * 10);
    bySize.set(k, (bySize.get(k) ?? 0) + r.text.length);
  }
  let bodyKey = 0, most = -1;
  for (const [k, n] of bySize) if (n > most || (n === most && k < bodyKey)) { most = n; bodyKey = k; }
  const byFont = new Map<string, number>();
  for (const r of runs) if (Math.round(r.size * 10) === bodyKey) byFont.set(r.font, (byFont.get(r.font) ?? 0) + r.text.length);
  let bodyFont = '', fontMost = -1;
  for (const [f, n] of byFont) if (n > fontMost) { fontMost = n; bodyFont = f; }
  return { width, height, body: bodyKey / 10 || 10, bodyFont };
}
