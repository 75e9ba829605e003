// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../src/engine/types.js';

// The UI strings come from the extension's i18n API, which exists only inside the browser: the key stands in.
vi.mock('../../src/extension/i18n.js', () => ({
  t: (key: string, ...subs: unknown[]) => [key, ...subs].join(' '),
  uiLanguage: () => 'en-US',
}));
const { SearchResults } = await import('../../ui/common/search-results.js');

const hit = (id: string, headline: string): SearchHit => ({
  articleId: id, clippingId: 'c1', headline, kicker: null, headlineHighlights: [{ start: 3, end: 9 }],
  source: '吉林日报', date: '2022-11-11', snippet: { text: '……长春市汽车产业集群凭借规模实力强', highlights: [{ start: 5, end: 11 }] }, score: 1,
});

function mount(props: Partial<Parameters<typeof SearchResults>[0]> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const opened: string[] = [];
  const hits = [hit('a1', '长春市汽车产业集群上榜'), hit('a2', '长春市汽车产业集群再获殊荣')];
  render(h(SearchResults, { hits, onOpen: (x) => opened.push(x.articleId), ...props }), root);
  return { root, opened };
}

describe('search results list', () => {
  it('shows source, day, headline and snippet with the matches in <mark>, and opens a row on click', () => {
    const { root, opened } = mount();
    const first = root.querySelector('.result')!;
    expect(first.querySelector('.result-meta')!.textContent).toBe('吉林日报 · Nov 11, 2022');
    expect([...first.querySelectorAll('.result-headline mark')].map((m) => m.textContent)).toEqual(['汽车产业集群']);
    expect([...first.querySelectorAll('.result-snippet mark')].map((m) => m.textContent)).toEqual(['汽车产业集群']);
    (root.querySelectorAll('.result-open')[1] as HTMLElement).click();
    expect(opened).toEqual(['a2']);
  });

  it('has no checkboxes without onToggle, and with it ticks the selected rows and reports each toggle', () => {
    expect(mount().root.querySelector('.result-select')).toBeNull();
    const toggled: string[] = [];
    const { root, opened } = mount({ selected: new Set(['a2']), onToggle: (id) => toggled.push(id) });
    const boxes = [...root.querySelectorAll<HTMLInputElement>('.result-select')];
    expect(boxes.map((b) => b.checked)).toEqual([false, true]);
    expect(root.querySelectorAll('.result.selected').length).toBe(1);
    boxes[0]!.click();
    expect(toggled).toEqual(['a1']);
    expect(opened).toEqual([]); // ticking does not open the article
  });
});
