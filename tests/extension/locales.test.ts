import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const messages = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(root, '_locales', lang, 'messages.json'), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f)).map((f) => readFileSync(join(root, dir, f), 'utf8'));
}

/** Every key the code asks for: t('key'), and the field labels built from field names. */
function usedKeys(): Set<string> {
  const code = [...sources('ui'), ...sources('src/extension')].join('\n');
  const keys = new Set([...code.matchAll(/\bt\('([A-Za-z]+)'/g)].map((m) => m[1]!));
  for (const m of code.matchAll(/'(field[A-Z][A-Za-z]+)'/g)) keys.add(m[1]!);
  for (const m of readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z]+)__/g)) keys.add(m[1]!);
  return keys;
}

describe('UI strings', () => {
  const en = messages('en'), zh = messages('zh_CN');

  it('has every string the code uses, in English and in Simplified Chinese', () => {
    const missing = [...usedKeys()].filter((k) => !en[k] || !zh[k]);
    expect(missing).toEqual([]);
  });

  it('has the same strings in both languages, with the same substitutions', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      const subs = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
      expect(subs(zh[key]!.message), key).toEqual(subs(message));
    }
  });
});
