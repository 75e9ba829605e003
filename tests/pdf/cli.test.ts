/** `presscut parse FILE.pdf`: the bundled CLI run end to end on the fixture PDFs (tests/pdf/fixtures.setup.ts). */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from '../../src/model/page.js';
import { fixturePath, HAVE_SHARED, ROOT, SHARED } from './helpers.js';

// Every run loads pdf.js and a page's CJK fonts (a second or two); CI machines are shared.
vi.setConfig({ testTimeout: 60_000 });

const cli = join(ROOT, 'dist', 'cli.mjs');
let dir = '';

function run(args: string[], input?: Uint8Array) {
  const r = spawnSync(process.execPath, [cli, ...args], { input: input ?? '', cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'presscut-pdf-cli-'));
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF\n');
  writeFileSync(join(dir, 'page.txt'), '标题\n本报讯（记者张三）今天天气很好。\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parse FILE.pdf', () => {
  it('prints the Page of a one-page PDF with --json, found by its %PDF- magic', () => {
    const r = run(['parse', fixturePath('corpus/zh-front.pdf'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const page = JSON.parse(r.stdout) as Page;
    expect(page.channel).toBe('pdf');
    expect(page.articles.map((a) => a.headline)).toEqual([
      '抓实秋粮收购 守牢粮食安全底线', '我国新能源汽车产销量连续十年全球第一', '秋分时节农事忙', '让每一粒粮食都颗粒归仓', '全国铁路国庆黄金周运输方案出台',
    ]);
  });

  it('prints page 1 of an issue and says how many pages there are; --page N picks another; --pages outlines all', () => {
    const first = run(['parse', fixturePath('zh-issue.pdf'), '--json']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/has 2 pages; this is page 1 \(--page N for another, --pages for all\)/);
    expect((JSON.parse(first.stdout) as Page).articles[0]!.continuedTo).toBe('2');
    const second = run(['parse', fixturePath('zh-issue.pdf'), '--json', '--page', '2']);
    expect((JSON.parse(second.stdout) as Page).articles[0]!.continuedFrom).toBe('1');
    const outline = run(['parse', fixturePath('zh-issue.pdf'), '--pages']).stdout;
    expect(outline).toMatch(/^== page 1 ==\n1\. [^\n]*→2/);
    expect(outline).toMatch(/== page 2 ==\n1\. [^\n]*←1/);
  });

  it('prints every page as a JSON array with --pages --json', () => {
    const all = JSON.parse(run(['parse', fixturePath('zh-issue.pdf'), '--json', '--pages']).stdout) as Page[];
    expect(all).toHaveLength(2);
    expect(all.map((p) => p.articles.length)).toEqual([4, 3]);
  });

  it('prints the rebuilt text with --text, and reads a PDF from standard input', () => {
    const text = run(['parse', fixturePath('corpus/en-front.pdf'), '--text']).stdout;
    // Display lines keep their line breaks (the segmenter joins them); blank lines part blocks for the eye.
    expect(text).toContain('BUDGET\n\nSenate Passes Spending Bill\nAfter Late Night Deal\n\nCompromise keeps the government open through December\nBy JANE DOE and RICHARD ROE\n');
    const piped = run(['parse', '-', '--json'], readFileSync(fixturePath('corpus/en-front.pdf')));
    expect(piped.code).toBe(0);
    expect((JSON.parse(piped.stdout) as Page).articles[0]!.kicker).toBe('BUDGET');
  });

  it.skipIf(!HAVE_SHARED)('works with the shared scorer: PAGE.pdf scored against PAGE.truth.json (--ext pdf)', () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (const f of ['en-front.pdf', 'en-front.truth.json']) copyFileSync(fixturePath(`corpus/${f}`), join(corpus, f));
    const scorer = join(SHARED, 'eval', 'score.mjs');
    const r = spawnSync(process.execPath, [scorer, '--corpus', corpus, '--ext', 'pdf', '--cmd', `node ${cli} parse {} --json`, '--json'], { encoding: 'utf8' });
    const total = JSON.parse(r.stdout).total;
    expect(total.pages).toBe(1);
    expect([total.articleF1, total.titleAttribution]).toEqual([1, 1]);
  });
});

describe('parse FILE.pdf: unusable input exits 2 with one line naming the problem', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a scan without a text layer', () => ['parse', fixturePath('scan.pdf'), '--json'], /^presscut: '.*scan\.pdf': the PDF has no text layer \(page 1 has no text, only images\): it looks like a scan; run OCR on it first, or paste the page's text$/],
    ['a page the PDF lacks', () => ['parse', fixturePath('zh-issue.pdf'), '--page', '3'], /^presscut: '.*zh-issue\.pdf': the PDF has 2 pages: there is no page 3$/],
    ['a page number that is none', () => ['parse', fixturePath('zh-issue.pdf'), '--page', 'two'], /^presscut: --page takes a page number from 1 \(got two\)$/],
    ['a broken PDF', () => ['parse', 'broken.pdf'], /^presscut: 'broken\.pdf': not a readable PDF \(/],
    ['--page on text', () => ['parse', 'page.txt', '--page', '1'], /^presscut: --page is for PDF input, and 'page\.txt' is text$/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = run(args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });
});
