// End-to-end encryption of document bodies: AES-GCM with a key derived from the passphrase by PBKDF2-SHA-256 and
// a per-database salt. The salt, the iteration count and a check value live in one plain document on the remote
// (format version 1), so every device derives the same key and a wrong passphrase is caught before any write.

import { SyncError } from './errors.js';
import { docPath, type Http } from './http.js';

/** Id of the encryption settings document; it has no ':' so it is never taken for a record. */
export const CRYPTO_DOC_ID = 'presscut-sync-encryption';
export const CRYPTO_DOC_VERSION = 1;
export const DEFAULT_ITERATIONS = 600_000;
/** Below this a remote's settings are refused: a server must not be able to weaken the key derivation. */
export const MIN_ITERATIONS = 10_000;
const CHECK_TEXT = 'presscut-sync-check';
const CHECK_AAD = 'check';

export interface Sealed {
  iv: string;
  ct: string;
}

export interface CryptoDoc {
  _id: string;
  _rev?: string;
  v: number;
  kdf: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  salt: string;
  check: Sealed;
}

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new SyncError('internal', 'WebCrypto (crypto.subtle) is not available');
  return s;
};

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Encrypts a JSON value; `aad` binds the ciphertext to its place (document id and revision). */
export async function seal(key: CryptoKey, value: unknown, aad: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) }, key, plain);
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Decrypts and parses; throws SyncError('decrypt-failed') when authentication fails. */
export async function open(key: CryptoKey, sealed: Sealed, aad: string): Promise<unknown> {
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: new TextEncoder().encode(aad) }, key, fromBase64(sealed.ct));
    return JSON.parse(new TextDecoder().decode(plain));
  } catch {
    throw new SyncError('decrypt-failed', `cannot decrypt ${aad.split('\n')[0]}: wrong passphrase, or the document was altered`);
  }
}

export async function makeCryptoDoc(passphrase: string, iterations: number): Promise<{ doc: CryptoDoc; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, iterations);
  const doc: CryptoDoc = {
    _id: CRYPTO_DOC_ID, v: CRYPTO_DOC_VERSION, kdf: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt),
    check: await seal(key, CHECK_TEXT, CHECK_AAD),
  };
  return { doc, key };
}

/** The key for a settings document, or SyncError('wrong-passphrase'). */
export async function keyFromCryptoDoc(doc: CryptoDoc, passphrase: string): Promise<CryptoKey> {
  if (doc.v !== CRYPTO_DOC_VERSION || doc.kdf !== 'PBKDF2' || doc.hash !== 'SHA-256') {
    throw new SyncError('internal', `encryption settings of unknown version ${String(doc.v)} on the remote`);
  }
  if (!(doc.iterations >= MIN_ITERATIONS)) throw new SyncError('internal', `remote asks for only ${doc.iterations} PBKDF2 iterations: refused`);
  const key = await deriveKey(passphrase, fromBase64(doc.salt), doc.iterations);
  try {
    if ((await open(key, doc.check, CHECK_AAD)) === CHECK_TEXT) return key;
  } catch {
    // fall through
  }
  throw new SyncError('wrong-passphrase', 'wrong passphrase for this remote database: nothing was pulled or pushed');
}

/**
 * Reads the remote's encryption settings and returns the key (creating the settings when this client is the
 * first with a passphrase). Without a passphrase, an encrypted remote is an error, so plain text never lands
 * in an encrypted database. Returns undefined for a plain remote and no passphrase.
 */
export async function remoteKey(http: Http, passphrase: string | undefined, iterations: number): Promise<CryptoKey | undefined> {
  const got = await http.request<CryptoDoc>(docPath(CRYPTO_DOC_ID), { accept: [404] });
  if (got.status === 200) {
    if (passphrase === undefined) throw new SyncError('wrong-passphrase', 'the remote database is end-to-end encrypted: a passphrase is needed');
    return keyFromCryptoDoc(got.body, passphrase);
  }
  if (passphrase === undefined) return undefined;
  const made = await makeCryptoDoc(passphrase, iterations);
  const put = await http.request(docPath(CRYPTO_DOC_ID), { method: 'PUT', body: made.doc, accept: [409] });
  if (put.status === 409) return remoteKey(http, passphrase, iterations); // another device set it up first
  return made.key;
}
