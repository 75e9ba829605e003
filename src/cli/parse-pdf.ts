// The PDF side of `presscut parse`: reads the pages, prints one Page (or all of them) like the text path does.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { Page } from '../model/page.js';
import type { Args } from './args.js';
import { CliError } from './errors.js';
import { formatOutline } from './outline.js';

/** pdf.js's CMaps and standard fonts, from the installed pdfjs-dist (Node reads them as files). */
function pdfAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + sep, standardFontDataUrl: join(root, 'standard_fonts') + sep };
}

/**
 * `parse FILE.pdf`: page 1 (or `--page N`) as a Page, or every page with `--pages` (a JSON array, or one outline
 * per page); `--text` prints the text the reader rebuilt instead, which is what a clipping keeps.
 */
export async function parsePdf(bytes: Uint8Array, label: string, args: Args): Promise<number> {
  const { readPdf, parsePdfPage, PdfError, noTextError } = await import('../pdf/index.js');
  const { options, values } = args;
  const all = options.has('--pages');
  let wanted: number[] | undefined;
  if (options.has('--page')) {
    if (all) throw new CliError("parse takes --page N or --pages, not both");
    const n = Number(values.get('--page'));
    if (!Number.isInteger(n) || n < 1) throw new CliError(`--page takes a page number from 1 (got ${values.get('--page') ?? 'nothing'})`);
    wanted = [n];
  } else if (!all) wanted = [1];
  let pages;
  try {
    pages = await readPdf(bytes, { ...pdfAssets(), pages: wanted });
  } catch (e) {
    if (e instanceof PdfError) throw new CliError(`${label}: ${e.message}`);
    throw e;
  }
  if (!all && pages[0]!.noText) throw new CliError(`${label}: ${noTextError(pages).message}`);
  const count = pages[0]!.pageCount;
  if (!all && !options.has('--page') && count > 1) {
    process.stderr.write(`presscut: note: ${label} has ${count} pages; this is page 1 (--page N for another, --pages for all)\n`);
  }
  if (options.has('--text')) {
    process.stdout.write(pages.map((p) => (all ? `== page ${p.pageNumber} ==\n` : '') + p.text).join('\n'));
    return 0;
  }
  const parsed: Page[] = pages.map(parsePdfPage);
  for (const p of pages) if (p.noText) process.stderr.write(`presscut: warning: ${label} page ${p.pageNumber} has no text layer (a scan?)\n`);
  if (options.has('--json')) process.stdout.write(JSON.stringify(all ? parsed : parsed[0], null, 1) + '\n');
  else process.stdout.write(parsed.map((p, i) => (all ? `== page ${pages[i]!.pageNumber} ==\n` : '') + formatOutline(p)).join(''));
  return 0;
}
