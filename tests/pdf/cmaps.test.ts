/**
 * Chinese text set in a font with no Unicode map of its own (a predefined CMap, UniGB-UCS2-H) reads only with
 * pdf.js's CMaps: with them, the page and its article; without them, nothing, and the error says so.
 */
import { describe, expect, it } from 'vitest';
import { parsePdfPage, readPdf } from '../../src/pdf/index.js';
import { CMAP_PAGE, cmapPdf } from './cmap-pdf.mjs';
import { ASSETS } from './helpers.js';

describe('CMaps', () => {
  it('reads a page set in a predefined-CMap font with the CMaps', async () => {
    const [page] = await readPdf(cmapPdf(CMAP_PAGE), ASSETS);
    const [article] = parsePdfPage(page!).articles;
    expect(article!.headline).toBe('老字号焕发新活力');
    expect(article!.dateline).toBe('本报讯（记者林青）');
    expect(article!.paragraphs).toEqual(['近日，多家老字号企业推出新品，吸引不少年轻消费者。', '业内人士表示，老字号要守正创新，把传统工艺和现代设计结合起来。']);
  });

  it('finds no text without them', async () => {
    await expect(readPdf(cmapPdf(CMAP_PAGE), {})).rejects.toThrow(/no text layer/);
  });
});
