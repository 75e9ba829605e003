/**
 * A small validator vocabulary: each check returns null or the first problem, naming the JSON path.
 * Hand-written rather than a schema engine because extension pages forbid `eval`, which schema compilers use;
 * the JSON Schema in schemas/ describes the same rules and a test keeps the two in step.
 */
export type Check = (v: unknown, path: string) => string | null;

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v);

export const str: Check = (v, p) => (typeof v === 'string' ? null : `${p} must be text, not ${kind(v)}`);
export const num: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) ? null : `${p} must be a number, not ${kind(v)}`);
export const int: Check = (v, p) => (Number.isInteger(v) && (v as number) >= 0 ? null : `${p} must be a whole number >= 0, not ${JSON.stringify(v)}`);
export const bool: Check = (v, p) => (typeof v === 'boolean' ? null : `${p} must be true or false, not ${kind(v)}`);
export const oneOf = (...values: (string | number)[]): Check => (v, p) =>
  values.includes(v as string) ? null : `${p} must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}, not ${JSON.stringify(v)}`;
export const nullable = (c: Check): Check => (v, p) => (v === null ? null : c(v, p));
export const list = (c: Check): Check => (v, p) => {
  if (!Array.isArray(v)) return `${p} must be a list, not ${kind(v)}`;
  for (let i = 0; i < v.length; i++) {
    const e = c(v[i], `${p}[${i}]`);
    if (e) return e;
  }
  return null;
};
/** An object with these fields; keys ending in `?` may be missing. Unknown fields are allowed (newer writers). */
export const obj = (fields: Record<string, Check>): Check => (v, p) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object, not ${kind(v)}`;
  const o = v as Record<string, unknown>;
  for (const [k, c] of Object.entries(fields)) {
    const optional = k.endsWith('?');
    const key = optional ? k.slice(0, -1) : k;
    if (!(key in o) || o[key] === undefined) {
      if (optional) continue;
      return `${p}.${key} is missing`;
    }
    const e = c(o[key], `${p}.${key}`);
    if (e) return e;
  }
  return null;
};
/** A map from any key to values of one kind. */
export const record = (c: Check): Check => (v, p) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object, not ${kind(v)}`;
  for (const [k, x] of Object.entries(v)) {
    const e = c(x, `${p}.${k}`);
    if (e) return e;
  }
  return null;
};
export const any: Check = () => null;
