import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUERY_ERRORS } from '../../src/search/query.js';

const messages = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '_locales', lang, 'messages.json'), 'utf8'));

describe('query errors in the UI', () => {
  const en = messages('en'), zh = messages('zh_CN');

  it('has a message for every code the engine can return, in both languages', () => {
    const codes = Object.keys(QUERY_ERRORS);
    expect(codes.filter((c) => !en[`queryError_${c}`] || !zh[`queryError_${c}`])).toEqual([]);
  });

  it('says in English what the engine says, so the two never drift apart', () => {
    for (const [code, text] of Object.entries(QUERY_ERRORS)) expect(en[`queryError_${code}`]!.message, code).toBe(text);
  });
});
