/**
 * Binary data across `runtime.sendMessage`, which serialises as JSON (a Uint8Array would arrive as an object of
 * numbered keys): bytes travel as base64 inside a tagged object, and are turned back at the other end.
 */

/** Bytes as a base64 string, in slices small enough for `String.fromCharCode`. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

interface Packed { $bytes: string }

/** Message arguments with their byte arrays packed for JSON. */
export const packArgs = (args: unknown[]): unknown[] => args.map((a) => (a instanceof Uint8Array ? { $bytes: toBase64(a) } : a));

/** The arguments `packArgs` made, with their byte arrays back. */
export const unpackArgs = (args: unknown[]): unknown[] =>
  args.map((a) => (a && typeof a === 'object' && typeof (a as Packed).$bytes === 'string' ? fromBase64((a as Packed).$bytes) : a));
