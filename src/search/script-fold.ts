/**
 * Traditional -> Simplified folding, one character at a time, from OpenCC's tables (opencc-js).
 *
 * Search folds both the index and the query to one script so that 發展 finds 发展 and 发展 finds 發展. It works
 * character by character on purpose: a 1:1 map keeps every offset of the folded text pointing at one character of
 * the original (snippets and highlights need that), and it is the same on both sides, which is all matching
 * needs. OpenCC's phrase tables pick the right simplified form for display; for matching, any consistent choice
 * does. Taiwan and Hong Kong variant forms (綫, 裡) are first mapped to OpenCC's standard traditional form.
 */
import { configs } from 'opencc-js/preset/t2cn';

type Dict = string | string[][] | Record<string, string>;

let table: Map<number, number> | null = null;

/** Reads `from to|from to|…` pairs (opencc-js's packed form) and keeps the single-character ones. */
function pairs(dict: Dict, into: Map<number, number>): void {
  if (typeof dict !== 'string') return;
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to) continue;
    const f = [...from], t = [...to];
    if (f.length === 1 && t.length === 1) into.set(f[0]!.codePointAt(0)!, t[0]!.codePointAt(0)!);
  }
}

function build(): Map<number, number> {
  const variants = new Map<number, number>(), ts = new Map<number, number>();
  for (const cfg of [configs.tw2s, configs.hk2s]) {
    const chain = cfg?.conversionChain as unknown as Dict[][] | undefined;
    for (const d of chain?.[0] ?? []) pairs(d, variants);
    for (const d of chain?.[1] ?? []) pairs(d, ts);
  }
  const out = new Map<number, number>();
  const fold = (c: number) => {
    let x = c;
    // Chains (variant -> traditional -> simplified) are followed to their end so folding is idempotent.
    for (let i = 0; i < 4; i++) {
      const y = ts.get(variants.get(x) ?? x) ?? variants.get(x);
      if (y === undefined || y === x) break;
      x = y;
    }
    return x;
  };
  for (const c of new Set([...variants.keys(), ...ts.keys()])) {
    const f = fold(c);
    if (f !== c) out.set(c, f);
  }
  return out;
}

/**
 * The simplified form of one code point, or the code point itself.
 * @example String.fromCodePoint(simplifiedCodePoint('發'.codePointAt(0)!)) === '发'
 */
export function simplifiedCodePoint(cp: number): number {
  table ??= build();
  return table.get(cp) ?? cp;
}
