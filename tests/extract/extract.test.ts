// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import { extractClip, MAX_CLIP_BYTES } from '../../src/extract/index.js';
import { EPAPER_ADAPTERS, readEpaper } from '../../src/extract/epaper/index.js';
import { parseEdition } from '../../src/extract/epaper/edition-line.js';

// happy-dom replaces the global URL, so the path is built from the project root vitest runs in.
const demo = (name: string) => readFileSync(join(process.cwd(), 'demo', name), 'utf8');
const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('e-paper article pages', () => {
  it('takes kicker, headline, subtitle, byline and edition from the people.com.cn layout', () => {
    const r = extractClip(page(demo('epaper-article.html')), 'auto', '');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.source.via).toBe('epaper');
    expect(r.input.structured).toMatchObject({
      kicker: '黑土地保护利用取得新进展', headline: '吉林秋粮总产量再创新高',
      subtitle: '——全省粮食产量连续三年稳定在八百亿斤以上', byline: '本报记者　李　华　王　明',
      newspaper: '人民日报', published: '2026-09-15',
    });
    // The page chrome around the article stays out of the clipping.
    expect(r.input.text).not.toContain('往期回顾');
    expect(r.input.text.startsWith('黑土地保护利用取得新进展\n吉林秋粮总产量再创新高\n')).toBe(true);
  });

  it('composes a text the segmenter reads as one article with four paragraphs', () => {
    const r = extractClip(page(demo('epaper-article.html')), 'auto', '');
    if (!r.ok) throw new Error('not extracted');
    const { articles } = parsePage(r.input.text, r.input.hints);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.paragraphs).toHaveLength(4);
  });

  it('reads the fields Founder systems leave in an enpproperty comment', () => {
    const doc = page(`<html><body><!--enpproperty <articleid>1</articleid><date>2022-11-11 09:00:00.0</date>
      <author>黄鹭</author><title>坚持大抓基层鲜明导向</title><subtitle>全面增强基层党组织战斗力</subtitle>
      <introtitle>景俊海在座谈会上强调</introtitle>/enpproperty--><table><tr><td><img alt=""></td></tr></table>
      <founder-content><p>　　本报11月10日讯 第一段。</p><p>　　第二段。</p></founder-content></body></html>`);
    expect(readEpaper(doc)?.structured).toMatchObject({
      kicker: '景俊海在座谈会上强调', headline: '坚持大抓基层鲜明导向', subtitle: '全面增强基层党组织战斗力',
      authors: ['黄鹭'], published: '2022-11-11',
    });
  });

  it('leaves pages of no known e-paper system to the other readers', () => {
    expect(readEpaper(page('<h1>Hello</h1><div id="content"><p>Text.</p></div>'))).toBeNull();
    expect(EPAPER_ADAPTERS.map((a) => a.name)).toEqual(['title-block', 'enp-property']);
  });

  it('reads edition lines with and without a page number', () => {
    expect(parseEdition('《人民日报》（2026年09月15日 第 01 版）')).toEqual({ newspaper: '人民日报', published: '2026-09-15', page: '01' });
    expect(parseEdition('《光明日报》( 2022年11月1日)')).toEqual({ newspaper: '光明日报', published: '2022-11-01', page: null });
    expect(parseEdition('本报记者 李华')).toBeNull();
  });
});

describe('news article pages', () => {
  it('takes headline, authors, publisher and date from JSON-LD and the body from <article>', () => {
    const r = extractClip(page(demo('news-article.html')), 'auto', '');
    if (!r.ok) throw new Error('not extracted');
    expect(r.input.source.via).toBe('article-page');
    expect(r.input.structured).toMatchObject({
      headline: 'Riverside library reopens after two-year rebuild', subtitle: 'Flood-proof building doubles the reading rooms',
      authors: ['Jane Doe', 'Ravi Patel'], newspaper: 'The Springfield Gazette', published: '2026-03-04T08:00:00Z',
      byline: 'By Jane Doe and Ravi Patel',
    });
    expect(r.input.text).not.toMatch(/Subscribe|© 2026/);
    // The headline the <article> repeats is not a paragraph of its own.
    expect(r.input.text.split('Riverside library reopens')).toHaveLength(2);
    const { articles } = parsePage(r.input.text, r.input.hints);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.paragraphs).toHaveLength(4);
  });

  it('falls back to Open Graph when there is no JSON-LD', () => {
    const doc = page(`<head><meta property="og:type" content="article"><meta property="og:title" content="Open Graph title">
      <meta property="og:site_name" content="Daily Example"></head><body><main><p>One.</p><p>Two.</p></main></body>`);
    const r = extractClip(doc, 'auto', '');
    if (!r.ok) throw new Error('not extracted');
    expect(r.input.structured).toMatchObject({ headline: 'Open Graph title', newspaper: 'Daily Example' });
    expect(r.input.text).toBe('Open Graph title\n\nOne.\n\nTwo.');
  });

  it('ignores broken JSON-LD', () => {
    const doc = page('<script type="application/ld+json">{broken</script><p>Just a page.</p>');
    const r = extractClip(doc, 'auto', '');
    expect(r.ok && r.input.source.via).toBe('page');
  });
});

describe('selection and plain pages', () => {
  it('prefers the selection, kept with its line breaks', () => {
    const r = extractClip(page(demo('news-article.html')), 'auto', '标题\n\n本报讯 正文。');
    expect(r.ok && r.input).toMatchObject({ text: '标题\n\n本报讯 正文。', source: { via: 'selection' } });
  });

  it('says so when asked for a selection and there is none', () => {
    expect(extractClip(page('<p>text</p>'), 'selection', '  ')).toEqual({ ok: false, problem: { code: 'no-selection' } });
  });

  it('takes a text/plain tab exactly as served', () => {
    const text = '吉林日报\n\n  第一行\n第二行\n';
    const doc = page(`<body><pre>${text}</pre></body>`);
    Object.defineProperty(doc, 'contentType', { value: 'text/plain' });
    expect(extractClip(doc, 'auto', '')).toMatchObject({ ok: true, input: { text, source: { via: 'page' } } });
  });

  it('refuses an empty page and a page over the size limit', () => {
    expect(extractClip(page('<body> </body>'), 'page', '')).toEqual({ ok: false, problem: { code: 'empty' } });
    const huge = '字'.repeat(MAX_CLIP_BYTES / 3 + 10);
    expect(extractClip(page('<p>x</p>'), 'auto', huge)).toMatchObject({ ok: false, problem: { code: 'too-large' } });
  });
});
