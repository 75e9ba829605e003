// Documents as they travel: a record's revision in CouchDB shape, format version 1.
//   plain:     { _id, _rev, _revisions, _deleted?, v: 1, data?, ft?, dt?, m? }
//   encrypted: { _id, _rev, _revisions, _deleted?, v: 1, iv, ct }   (ct seals { data?, ft?, dt?, m? })
// Body fields sit under `data` because CouchDB rejects top-level fields starting with '_' that apps may use.

import { open, seal, type Sealed } from './crypto.js';
import { SyncError } from './errors.js';
import { fromRevisions, toRevisions } from './revs.js';
import type { FieldTimes, SyncRecord } from './types.js';

export const WIRE_VERSION = 1;

/** What one revision carries besides its id. */
export interface Payload {
  data?: SyncRecord;
  ft?: FieldTimes;
  dt?: number;
  m?: 1;
}

export interface WireDoc {
  _id: string;
  _rev: string;
  _revisions: { start: number; ids: string[] };
  _deleted?: true;
  v: number;
  data?: SyncRecord;
  ft?: FieldTimes;
  dt?: number;
  m?: 1;
  iv?: string;
  ct?: string;
}

/** A revision received from the remote, decoded. `path` is the revision and its ancestors, newest first. */
export interface IncomingRev {
  id: string;
  rev: string;
  path: string[];
  deleted: boolean;
  payload: Payload;
}

const aadOf = (id: string, rev: string) => `${id}\n${rev}`;

function pick(p: Payload): Payload {
  const out: Payload = {};
  if (p.data !== undefined) out.data = p.data;
  if (p.ft !== undefined) out.ft = p.ft;
  if (p.dt !== undefined) out.dt = p.dt;
  if (p.m === 1) out.m = 1;
  return out;
}

export async function encodeDoc(id: string, path: string[], deleted: boolean, payload: Payload, key?: CryptoKey): Promise<WireDoc> {
  const rev = path[0]!;
  const doc: WireDoc = { _id: id, _rev: rev, _revisions: toRevisions(path), v: WIRE_VERSION };
  if (deleted) doc._deleted = true;
  if (key) Object.assign(doc, await seal(key, pick(payload), aadOf(id, rev)));
  else Object.assign(doc, pick(payload));
  return doc;
}

export async function decodeDoc(raw: object, key?: CryptoKey): Promise<IncomingRev> {
  const doc = raw as Record<string, unknown>;
  const id = doc._id as string;
  const rev = doc._rev as string;
  const path = fromRevisions(rev, doc._revisions);
  const deleted = doc._deleted === true;
  const encrypted = typeof doc.ct === 'string' && typeof doc.iv === 'string';
  let payload: Payload;
  if (key) {
    if (!encrypted) throw new SyncError('not-encrypted', `document ${id} is not encrypted, but encryption is on: refusing it`);
    payload = pick((await open(key, { iv: doc.iv, ct: doc.ct } as Sealed, aadOf(id, rev))) as Payload);
  } else if (encrypted) {
    throw new SyncError('wrong-passphrase', `document ${id} is encrypted: a passphrase is needed`);
  } else if (doc.v === WIRE_VERSION) {
    payload = pick(doc as Payload);
  } else if (doc.v === undefined) {
    // Written by another CouchDB client: the whole body is the record, its field times unknown (0).
    const data: SyncRecord = {};
    for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_')) data[k] = v;
    payload = deleted ? {} : { data };
  } else {
    throw new SyncError('bad-response', `document ${id} has format version ${String(doc.v)}, newer than this client`);
  }
  if (deleted) delete payload.data;
  return { id, rev, path, deleted, payload };
}
