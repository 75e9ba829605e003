import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import { invariantProblems } from './helpers.js';

// An English front page of our own, as PDF extraction gives it: an all-caps masthead and a folio, a kicker over a
// headline wrapped in lower case, a deck, a byline with its credit line, a keyword jump, and a wire brief.
const TEXT = readFileSync(new URL('../fixtures/riverside-courier-en.txt', import.meta.url), 'utf8');
const page = parsePage(TEXT);

describe('an English front page', () => {
  it('finds the three stories with their title blocks, bylines, datelines and jumps', () => {
    expect(page.articles.map((a) => [a.kicker, a.headline, a.subtitle, a.dateline, a.byline, a.continuedTo])).toEqual([
      ['ELECTION 2020', 'Voters head to polls in record numbers', 'Turnout surges as lines stretch around city blocks', 'RIVERSIDE —', 'By MARIA GONZALEZ Staff Writer', 'A4'],
      [null, 'Council delays vote on bus fares', null, null, 'By TOM BAKER', null],
      [null, null, null, 'WASHINGTON (AP) —', null, null],
    ]);
    expect(page.articles.map((a) => a.authors)).toEqual([['MARIA GONZALEZ'], ['TOM BAKER'], []]);
  });
  it('keeps the masthead and folio out of the stories, and every character somewhere', () => {
    expect(page.items.map((i) => [i.kind, i.text])).toEqual([['furniture', 'THE RIVERSIDE COURIER'], ['furniture', 'A1 | Tuesday, March 3, 2020 | $1.50']]);
    expect(page.articles[0]!.paragraphs[0]).toBe('Voters lined up before dawn on Tuesday at polling places across the county, with officials reporting turnout well above the last presidential primary.');
    expect(invariantProblems(TEXT, page)).toEqual([]);
  });
});

// An English news article copied from a web page: one paragraph a line, site chrome around it.
describe('an English article copied from a web page', () => {
  const WEB = readFileSync(new URL('../fixtures/web-article-en.txt', import.meta.url), 'utf8');
  const p = parsePage(WEB);
  it('is read as one article with its section, headline, deck, byline and dateline', () => {
    expect(p.channel).toBe('web');
    expect(p.articles.map((a) => [a.kicker, a.headline, a.subtitle, a.dateline, a.byline, a.paragraphs.length])).toEqual([
      ['World', 'Senate advances rural broadband bill in narrow vote', 'The measure now heads to the House, where its prospects are uncertain',
        'WASHINGTON (AP) —', 'By Jane Doe, Associated Press', 3],
    ]);
  });
  it('puts the site chrome, the time stamp and the copyright line aside', () => {
    expect(p.items.map((i) => i.text)).toEqual(['Skip to main content', 'Updated 4:12 PM EST, Mon March 2, 2020', 'Copyright 2020 The Associated Press. All rights reserved.']);
    expect(invariantProblems(WEB, p)).toEqual([]);
  });
});
