import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import { invariantProblems } from './helpers.js';

// A traditional-character page: every cue word differs from its simplified form (報/訊/記者/轉/責任編輯/攝).
const PAGE = [
  '韓俊到通化市調研時強調',
  '強 化 舉 措 解 決 問 題',
  '本報訊（記者于小博 李強）11月8日，省委副書記、',
  '省長韓俊到通化市調研。他強調，要深入',
  '學習貫徹黨的精神。 （下轉第二版）',
  '本報記者 王五 攝',
  '責任編輯：王五',
].join('\n');

describe('traditional Chinese', () => {
  const page = parsePage(PAGE);
  it('finds the dateline, reporters, jump and roles, and returns the text in traditional characters', () => {
    expect(page.articles).toHaveLength(1);
    const a = page.articles[0]!;
    expect(a.kicker).toBe('韓俊到通化市調研時強調');
    expect(a.headline).toBe('強化舉措解決問題');
    expect(a.dateline).toBe('本報訊（記者于小博 李強）');
    expect(a.authors).toEqual(['于小博', '李強']);
    expect(a.continuedTo).toBe('2');
    expect(a.paragraphs.join('')).toBe('11月8日，省委副書記、省長韓俊到通化市調研。他強調，要深入學習貫徹黨的精神。');
  });
  it('keeps the credit and the staff line out of the body', () => {
    expect(page.items.map((i) => [i.kind, i.text])).toEqual([['caption', '本報記者 王五 攝'], ['furniture', '責任編輯：王五']]);
    expect(invariantProblems(PAGE, page)).toEqual([]);
  });
});
