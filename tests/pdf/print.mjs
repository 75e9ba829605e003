// Prints the fixture pages of tests/pdf/pages.mjs to PDF with Chromium (playwright-core driving /usr/bin/chromium),
// once: the PDFs are cached under tests/pdf/.cache (git-ignored), keyed by a hash of the HTML.
//   node tests/pdf/print.mjs [DIR]      prints (or reuses) and prints the folder's path
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { documentHtml, fixtures, HEIGHT, linkVariants, paintPictures, SCAN_HTML, truthJson, WIDTH } from './pages.mjs';

export const CACHE = join(dirname(fileURLToPath(import.meta.url)), '.cache');

/**
 * Makes the fixture PDFs in `dir` unless they are there already for the same HTML. Returns the folder, laid out:
 *   corpus/NAME.pdf + NAME.truth.json    one page each, for the shared scorer (`--ext pdf`)
 *   NAME.pdf                             every fixture whole (zh-issue.pdf has two pages)
 *   scan.pdf                             a page of pictures of text, without a text layer
 *   zh-issue-p2-nextday.pdf, …-otherpaper.pdf   page 2 of the issue dated a day later / printed by another paper
 */
export async function printFixtures(dir = CACHE) {
  const list = fixtures();
  const jobs = [];
  for (const f of list) {
    jobs.push({ file: join(dir, `${f.name}.pdf`), html: documentHtml(f.sheets.map((s) => s.html)) });
    f.sheets.forEach((s, i) => {
      const name = f.sheets.length > 1 ? `${f.name}-p${i + 1}` : f.name;
      jobs.push({ file: join(dir, 'corpus', `${name}.pdf`), html: documentHtml([s.html]), truth: truthJson(name, f.lang, s.truth) });
    });
  }
  jobs.push({ file: join(dir, 'scan.pdf'), html: documentHtml([SCAN_HTML]) });
  for (const v of linkVariants()) jobs.push({ file: join(dir, `${v.name}.pdf`), html: documentHtml([v.html]) });
  const key = createHash('sha256').update(JSON.stringify(jobs)).update(paintPictures.toString()).digest('hex');
  const keyFile = join(dir, 'key');
  if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key && jobs.every((j) => existsSync(j.file))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'corpus'), { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    for (const j of jobs) {
      await page.setContent(j.html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      await page.evaluate(paintPictures);
      writeFileSync(j.file, await page.pdf({ width: `${WIDTH}px`, height: `${HEIGHT}px`, printBackground: true, preferCSSPageSize: true }));
      if (j.truth) writeFileSync(j.file.replace(/\.pdf$/, '.truth.json'), JSON.stringify(j.truth, null, 1) + '\n');
    }
  } finally {
    await browser.close();
  }
  writeFileSync(keyFile, key);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await printFixtures(process.argv[2] ?? CACHE));
