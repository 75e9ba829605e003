// Revision ids and the CouchDB winner rule.

/** Generation and hash of a `N-hash` revision id. */
export function parseRev(rev: string): { gen: number; hash: string } {
  const dash = rev.indexOf('-');
  const gen = dash > 0 ? Number(rev.slice(0, dash)) : NaN;
  if (!Number.isInteger(gen) || gen < 1) throw new Error(`bad revision id ${JSON.stringify(rev)}`);
  return { gen, hash: rev.slice(dash + 1) };
}

export function revGen(rev: string): number {
  return parseRev(rev).gen;
}

/**
 * CouchDB's order of leaves, best first: live beats deleted, then the higher generation, then the higher hash
 * (plain string compare, as CouchDB and PouchDB do). Every replica picks the same winner from the same leaves.
 */
export function compareLeaves(a: { rev: string; deleted: boolean }, b: { rev: string; deleted: boolean }): number {
  if (a.deleted !== b.deleted) return a.deleted ? 1 : -1;
  const pa = parseRev(a.rev);
  const pb = parseRev(b.rev);
  if (pa.gen !== pb.gen) return pb.gen - pa.gen;
  return pa.hash < pb.hash ? 1 : pa.hash > pb.hash ? -1 : 0;
}

/** The `_revisions` object CouchDB expects for a revision and its known ancestors (newest first). */
export function toRevisions(path: string[]): { start: number; ids: string[] } {
  return { start: revGen(path[0]!), ids: path.map((r) => parseRev(r).hash) };
}

/** Revision ids of a `_revisions` object, newest first. Throws on a malformed one. */
export function fromRevisions(rev: string, revisions: unknown): string[] {
  const r = revisions as { start?: unknown; ids?: unknown } | undefined;
  if (!r || typeof r.start !== 'number' || !Array.isArray(r.ids) || r.ids.length === 0) return [rev];
  const path = r.ids.map((h, i) => `${(r.start as number) - i}-${String(h)}`);
  if (path[0] !== rev) throw new Error(`_revisions does not start with _rev ${rev}`);
  return path.filter((p) => revGen(p) >= 1);
}
