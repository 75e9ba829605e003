/** The linker's pure rules (src/link/match.ts, src/link/parts.ts) on made-up story parts. */
import { describe, expect, it } from 'vitest';
import { continuesText, headlineLikeness, propose, scorePair } from '../../src/link/match.js';
import { foldNewspaper, jumpKey } from '../../src/link/parts.js';
import type { StoryPart } from '../../src/link/types.js';

const part = (over: Partial<StoryPart>): StoryPart => ({
  articleId: 'a', clippingId: 'c1', editions: [], newspaper: '晨光日报', date: '2026-09-21', page: '1', source: null,
  to: null, from: null, toKey: null, fromKey: null, headline: null, kicker: null, head: '', tail: '', ...over,
});
const lead = part({ articleId: 'lead', to: '2', headline: '抓实秋粮收购 守牢粮食安全底线', tail: '促进粮价保持在合理水平。' });
const cont = part({ articleId: 'cont', clippingId: 'c2', page: '2', from: '1', headline: '抓实秋粮收购', head: '会议要求，各级粮食' });

describe('scorePair', () => {
  it('links a jump to the page and paper and day it names, higher with the headline repeated', () => {
    const s = scorePair(lead, cont)!;
    expect(s).toBeGreaterThan(0.7);
    expect(s).toBeGreaterThan(scorePair(lead, { ...cont, headline: '小城书店的坚守' })!);
  });

  it('refuses another paper, another day, another page, the same clipping', () => {
    expect(scorePair(lead, { ...cont, newspaper: '江城晚报' })).toBeNull();
    expect(scorePair(lead, { ...cont, date: '2026-09-22' })).toBeNull();
    expect(scorePair(lead, { ...cont, page: '3' })).toBeNull();
    expect(scorePair(lead, { ...cont, from: '4' })).toBeNull();
    expect(scorePair(lead, { ...cont, clippingId: 'c1' })).toBeNull();
  });

  it('needs the paper and the day on both pages unless they are pages of one source', () => {
    expect(scorePair(lead, { ...cont, date: null })).toBeNull();
    expect(scorePair({ ...lead, source: 'http://x/issue.pdf' }, { ...cont, date: null, newspaper: null, source: 'http://x/issue.pdf' })).not.toBeNull();
  });

  it('reads keyword jumps: See BUDGET, Page A4 goes with BUDGET, from A1, not with SCHOOLS', () => {
    const a = part({ articleId: 'x', newspaper: 'presscuttimes', page: 'A1', to: 'A4', toKey: 'BUDGET', headline: 'Senate Passes Spending Bill' });
    const b = part({ articleId: 'y', clippingId: 'c2', newspaper: 'presscuttimes', page: 'A4', from: 'A1', fromKey: 'BUDGET', headline: 'Lawmakers strike a deal' });
    expect(scorePair(a, b)).not.toBeNull();
    expect(scorePair(a, { ...b, fromKey: 'SCHOOLS' })).toBeNull();
    // Without pages printed, the keyword alone can still tie them.
    expect(scorePair({ ...a, page: null }, { ...b, page: null })).not.toBeNull();
    expect(scorePair({ ...a, page: null, toKey: null }, { ...b, page: null })).toBeNull();
  });
});

describe('propose', () => {
  it('links each part once, the best pair first, and never a pair the user unlinked', () => {
    const other = { ...cont, articleId: 'other', clippingId: 'c3', headline: '多地开展粮食安全宣传周活动' };
    expect(propose([lead, cont, other], new Set(), new Set()).map((p) => [p.from, p.to])).toEqual([['lead', 'cont']]);
    expect(propose([lead, cont, other], new Set(), new Set(['lead>cont'])).map((p) => [p.from, p.to])).toEqual([['lead', 'other']]);
    expect(propose([lead, cont], new Set(['from|lead']), new Set())).toEqual([]);
  });

  it('guesses nothing when two continuations fit equally well', () => {
    const twin = { ...cont, articleId: 'twin', clippingId: 'c3' };
    expect(propose([lead, cont, twin], new Set(), new Set())).toEqual([]);
  });
});

describe('facts', () => {
  it('compares headlines whole, shortened or reworded', () => {
    expect(headlineLikeness('抓实秋粮收购 守牢粮食安全底线', '抓实秋粮收购')).toBe(1);
    expect(headlineLikeness('Senate Passes Spending Bill After Late Night Deal', 'Senate Passes Spending Bill')).toBe(1);
    expect(headlineLikeness('抓实秋粮收购', '小城书店的坚守')).toBe(0);
  });

  it('sees a sentence cut by the jump', () => {
    expect(continuesText('要提前做好仓容、资金', '人员和设备准备。')).toBe(true);
    expect(continuesText('促进粮价保持在合理水平。', '会议要求')).toBe(false);
    expect(continuesText('the council said the', 'budget would pass')).toBe(true);
  });

  it('folds newspaper names and reads jump keywords', () => {
    expect(foldNewspaper('THE PRESSCUT TIMES')).toBe(foldNewspaper('The Presscut Times'));
    expect(jumpKey('See BUDGET, Page A4')).toBe('BUDGET');
    expect(jumpKey('Please see SCHOOLS on A6')).toBe('SCHOOLS');
    expect(jumpKey('BUDGET, from A1')).toBe('BUDGET');
    expect(jumpKey('Continued on Page A4')).toBeNull();
    expect(jumpKey('Continued from Page A1')).toBeNull();
  });
});
