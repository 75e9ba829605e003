// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchOptions, SearchResponse } from '../../src/engine/types.js';
import type { EngineApi } from '../../ui/common/engine.js';
import { SEARCH_DEBOUNCE_MS, useSearch, type SearchState } from '../../ui/common/use-search.js';

// ui/common/format.ts reads the UI language through the extension's i18n API, which exists only in the browser.
vi.mock('../../src/extension/i18n.js', () => ({ t: (key: string) => key, uiLanguage: () => 'en-US' }));

/** An engine whose answers the test releases one by one, in any order. */
function slowEngine() {
  const calls: { query: string; options: SearchOptions; answer: (total: number) => Promise<void> }[] = [];
  const engine = {
    search: (query: string, options: SearchOptions) => new Promise<SearchResponse>((resolve) => {
      calls.push({
        query, options,
        answer: async (total) => {
          const hits = Array.from({ length: Math.min(total - (options.offset ?? 0), options.limit ?? 20) }, (_, i) => ({ articleId: `${query}-${(options.offset ?? 0) + i}` }));
          await act(async () => resolve({ query, total, hits, error: null, tookMs: 1 } as unknown as SearchResponse));
        },
      });
    }),
  } as unknown as EngineApi;
  return { engine, calls };
}

let state: SearchState;
const root = document.createElement('div');
function Probe({ engine, query }: { engine: EngineApi; query: string }) {
  state = useSearch(engine, query, { sort: 'relevance', pageSize: 3 });
  return null;
}
const show = (engine: EngineApi, query: string) => act(() => { render(h(Probe, { engine, query }), root); });
const wait = (ms: number) => act(() => { vi.advanceTimersByTime(ms); });

describe('search as you type', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { render(null, root); vi.useRealTimers(); });

  it('asks the engine once per pause in the typing, for the whole query', async () => {
    const { engine, calls } = slowEngine();
    for (const q of ['汽', '汽车', '汽车产']) {
      await show(engine, q);
      await wait(SEARCH_DEBOUNCE_MS - 50);
    }
    expect(calls).toEqual([]);
    expect(state.busy).toBe(true);
    await wait(50);
    expect(calls.map((c) => c.query)).toEqual(['汽车产']);
    await calls[0]!.answer(2);
    expect(state.results?.query).toBe('汽车产');
    expect(state.busy).toBe(false);
  });

  it('drops an answer to an older query that arrives after the newer one', async () => {
    const { engine, calls } = slowEngine();
    await show(engine, '长春');
    await wait(SEARCH_DEBOUNCE_MS);
    await show(engine, '汽车');
    await wait(SEARCH_DEBOUNCE_MS);
    expect(calls.map((c) => c.query)).toEqual(['长春', '汽车']);
    await calls[1]!.answer(1);
    await calls[0]!.answer(5);
    expect(state.results).toMatchObject({ query: '汽车', total: 1 });
    expect(state.results!.hits.map((x) => x.articleId)).toEqual(['汽车-0']);
  });

  it('pages on with loadMore, and an empty query shows nothing', async () => {
    const { engine, calls } = slowEngine();
    await show(engine, 'ferry');
    await wait(SEARCH_DEBOUNCE_MS);
    await calls[0]!.answer(5);
    act(() => state.loadMore());
    act(() => state.loadMore()); // a second call while the page is on its way asks nothing more
    expect(calls.map((c) => c.options.offset)).toEqual([0, 3]);
    await calls[1]!.answer(5);
    expect(state.results!.hits.map((x) => x.articleId)).toEqual(['ferry-0', 'ferry-1', 'ferry-2', 'ferry-3', 'ferry-4']);
    await show(engine, '  ');
    expect(state.results).toBeNull();
    expect(state.busy).toBe(false);
  });
});
