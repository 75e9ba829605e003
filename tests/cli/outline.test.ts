import { describe, expect, it } from 'vitest';
import { formatOutline } from '../../src/cli/outline.js';
import { PAGE_SCHEMA_VERSION, type Article, type Page } from '../../src/model/page.js';

function article(fields: Partial<Article>): Article {
  return {
    kicker: null, headline: null, subtitle: null, dateline: null, byline: null, authors: [], paragraphs: [],
    continuedTo: null, continuedFrom: null, captions: [], section: null, type: 'news',
    spans: { kicker: [], headline: [], subtitle: [], dateline: [], byline: [], paragraphs: [], continuedTo: [],
      continuedFrom: [], captions: [] },
    ...fields,
  };
}

function page(fields: Partial<Page>): Page {
  return { schemaVersion: PAGE_SCHEMA_VERSION, parserVersion: 'test', language: 'zh', channel: 'pdf',
    headlineOrder: 'after', articles: [], items: [], warnings: [], ...fields };
}

describe('formatOutline', () => {
  it('prints one line per article, leaving out missing parts, then item counts and warnings', () => {
    const out = formatOutline(page({
      articles: [
        article({ kicker: '深入学习贯彻党的二十大精神', headline: '研究部署进一步优化\n防控工作的二十条措施',
          subtitle: '——习近平主持', dateline: '新华社北京11月10日电', paragraphs: ['a', 'b'],
          continuedTo: '2', continuedFrom: '1' }),
        article({ headline: 'Students return', paragraphs: ['x'], continuedFrom: 'A1' }),
        article({ paragraphs: [] }),
      ],
      items: [
        { kind: 'furniture', text: '吉林日报', spans: [] },
        { kind: 'leftover', text: '?', spans: [] },
        { kind: 'furniture', text: '第1版', spans: [] },
      ],
      warnings: [{ code: 'invalid-utf8', message: 'input is not valid UTF-8: 1 byte replaced' }],
    }));
    expect(out).toBe([
      '1. 深入学习贯彻党的二十大精神 / 研究部署进一步优化 防控工作的二十条措施 / ——习近平主持 · 新华社北京11月10日电 · '
        + '2 paragraphs · →2 ←1',
      '2. Students return · 1 paragraph · ←A1',
      '3. (no headline) · 0 paragraphs',
      'furniture: 2',
      'leftover: 1',
      'warning invalid-utf8: input is not valid UTF-8: 1 byte replaced',
      '',
    ].join('\n'));
  });

  it('says so when there are no articles', () => {
    expect(formatOutline(page({}))).toBe('no articles\n');
  });
});
