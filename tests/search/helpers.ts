import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { PresscutDB } from '../../src/store/db.js';

export const JILIN = readFileSync(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url), 'utf8');

let n = 0;
/** A fresh database (unique name) and an Engine over it with a clock that ticks once per call. */
export function fresh(prefix = 'search'): { db: PresscutDB; engine: Engine; clock: { t: number } } {
  const clock = { t: 1_700_000_000_000 };
  const db = new PresscutDB(`${prefix}-${process.pid}-${++n}`);
  return { db, engine: createEngine(db, () => clock.t++), clock };
}
