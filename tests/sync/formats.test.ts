// Units: MD5, the winner rule, revision trees, and a round trip of every stored or sent format (each versioned).
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { advance, CHECKPOINT_VERSION, resumeFrom } from '../../src/sync/checkpoint.js';
import { CRYPTO_DOC_VERSION, keyFromCryptoDoc, makeCryptoDoc, MIN_ITERATIONS } from '../../src/sync/crypto.js';
import { recordDelete, recordPut } from '../../src/sync/edit.js';
import { md5 } from '../../src/sync/md5.js';
import { fieldMerge } from '../../src/sync/merge.js';
import { checkRecord, DOC_RECORD_VERSION, insertPath, newRecord, pathOf, refreshWinner, stem, type DocRecord } from '../../src/sync/record.js';
import { parseRemote } from '../../src/sync/remote-url.js';
import { compareLeaves } from '../../src/sync/revs.js';
import { decodeDoc, encodeDoc, WIRE_VERSION } from '../../src/sync/wire.js';

describe('md5', () => {
  test('matches node:crypto on ASCII, CJK, emoji and block boundaries', () => {
    for (const s of ['', 'a', 'abc', '日本語の新聞', '🙂'.repeat(40), 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'y'.repeat(1000)]) {
      expect(md5(s)).toBe(createHash('md5').update(s, 'utf8').digest('hex'));
    }
  });
  test('property: any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => md5(s) === createHash('md5').update(s, 'utf8').digest('hex')));
  });
});

describe('winner rule', () => {
  test('live beats deleted, then generation (numerically), then hash', () => {
    const sorted = [
      { rev: '9-zzz', deleted: true }, { rev: '2-aaa', deleted: false }, { rev: '10-aaa', deleted: false }, { rev: '10-abc', deleted: false },
    ].sort(compareLeaves).map((l) => l.rev);
    expect(sorted).toEqual(['10-abc', '10-aaa', '2-aaa', '9-zzz']);
  });
});

describe('revision tree', () => {
  test('paths merge at the first known node; stemming keeps revs_limit per branch', () => {
    const rec = newRecord('notes', 'a');
    insertPath(rec, ['3-c', '2-b', '1-a'], false);
    insertPath(rec, ['4-d', '3-c'], false);
    insertPath(rec, ['3-x', '2-b'], true);
    refreshWinner(rec);
    expect(Object.keys(rec.leaves).sort()).toEqual(['3-x', '4-d']);
    expect(rec.w).toBe('4-d');
    // A user's delete that lost to a live branch is open (delete versus edit); a resolution's tombstone is not.
    expect(rec.cf).toBe(1);
    rec.leaves['3-x']!.m = 1;
    refreshWinner(rec);
    expect(rec.cf).toBe(0);
    expect(pathOf(rec, '4-d', 10)).toEqual(['4-d', '3-c', '2-b', '1-a']);
    stem(rec, 2);
    expect(Object.keys(rec.revs).sort()).toEqual(['2-b', '3-c', '3-x', '4-d']);
    expect(pathOf(rec, '4-d', 10)).toEqual(['4-d', '3-c', '2-b']); // 2-b stays for the other branch
    expect(pathOf(rec, '4-d', 2)).toEqual(['4-d', '3-c']);
  });

  test('local edits: put extends the winner, delete ends every live leaf, same value is no revision', () => {
    let { rec } = recordPut(undefined, 'notes', 'a', undefined, { id: 'a', t: 1 }, 100);
    expect(rec.w).toMatch(/^1-[0-9a-f]{32}$/);
    expect(recordPut(rec, 'notes', 'a', { id: 'a', t: 1 }, { id: 'a', t: 1 }, 100).changed).toBe(false);
    ({ rec } = recordPut(rec, 'notes', 'a', { id: 'a', t: 1 }, { id: 'a', t: 2 }, 100));
    expect(rec.w).toMatch(/^2-/);
    expect(rec.leaves[rec.w]!.ft!.t).toBeGreaterThanOrEqual(rec.leaves[rec.w]!.ft!.id!);
    expect(recordDelete(rec, 100)).toBe(true);
    expect(rec.revs[rec.w]!.d).toBe(1);
    expect(rec.w).toMatch(/^3-/);
  });

  test('stored record, format version 1: JSON round trip, and unknown versions are refused', () => {
    const { rec } = recordPut(undefined, 'notes', 'a', undefined, { id: 'a', tags: ['x'] }, 100);
    rec.seq = 7;
    const back = checkRecord(JSON.parse(JSON.stringify(rec)));
    expect(back).toEqual(rec);
    expect(back.v).toBe(DOC_RECORD_VERSION);
    expect(() => checkRecord({ ...rec, v: 2 } as unknown as DocRecord)).toThrow(/unknown version/);
  });
});

describe('checkpoints, format version 1', () => {
  test('round trip and resume: same session, a common history entry, nothing in common', () => {
    const c1 = advance(undefined, 5);
    const c2 = advance(c1, '12-g1AAA');
    expect(c2.v).toBe(CHECKPOINT_VERSION);
    expect(JSON.parse(JSON.stringify(c2))).toEqual(c2);
    expect(resumeFrom(c2, c2)).toBe('12-g1AAA');
    // the remote write of c2 failed: local is ahead, remote still at c1 -> resume from c1's sequence
    expect(resumeFrom(c2, c1)).toBe(5);
    expect(resumeFrom(c2, advance(undefined, 9))).toBeUndefined();
    expect(resumeFrom(undefined, c2)).toBeUndefined();
  });
});

describe('wire documents, format version 1', () => {
  test('plain round trip', async () => {
    const payload = { data: { id: 'a', _private: 1, title: '标题' }, ft: { id: 1, title: 2 } };
    const doc = await encodeDoc('notes:a', ['2-b', '1-a'], false, payload);
    expect(doc).toMatchObject({ _id: 'notes:a', _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] }, v: WIRE_VERSION });
    const back = await decodeDoc(JSON.parse(JSON.stringify(doc)));
    expect(back).toEqual({ id: 'notes:a', rev: '2-b', path: ['2-b', '1-a'], deleted: false, payload });
  });

  test('encrypted round trip; the body is bound to its id and revision', async () => {
    const { doc: cdoc, key } = await makeCryptoDoc('correct horse', MIN_ITERATIONS);
    expect(cdoc.v).toBe(CRYPTO_DOC_VERSION);
    const key2 = await keyFromCryptoDoc(JSON.parse(JSON.stringify(cdoc)), 'correct horse');
    await expect(keyFromCryptoDoc(cdoc, 'wrong')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const payload = { data: { id: 'a', secret: 'top' }, ft: { secret: 3 } };
    const doc = await encodeDoc('notes:a', ['1-a'], false, payload, key);
    expect(JSON.stringify(doc)).not.toContain('top');
    expect((await decodeDoc(JSON.parse(JSON.stringify(doc)), key2)).payload).toEqual(payload);
    await expect(decodeDoc({ ...doc, _id: 'notes:b' }, key2)).rejects.toMatchObject({ code: 'decrypt-failed' });
    await expect(decodeDoc(doc)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(decodeDoc(await encodeDoc('notes:a', ['1-a'], false, payload), key2)).rejects.toMatchObject({ code: 'not-encrypted' });
  });

  test('documents written by other CouchDB clients are read whole', async () => {
    const back = await decodeDoc({ _id: 'notes:z', _rev: '1-q', title: 'plain', _attachments: {} });
    expect(back.payload).toEqual({ data: { title: 'plain' } });
  });
});

describe('field merge', () => {
  const leaf = (rev: string, data: Record<string, unknown> | undefined, ft: Record<string, number>, deletedAt?: number) =>
    ({ rev, deleted: !data, fieldTimes: ft, ...(data ? { data } : {}), ...(deletedAt ? { deletedAt } : {}) });

  test('later field edit wins per field; sets unioned; fields never dropped', () => {
    const res = fieldMerge({
      table: 'c', key: 'k',
      winner: leaf('2-b', { id: 'k', name: 'B', items: ['x', 'b'], note: 'old' }, { id: 1, name: 5, items: 5, note: 1 }),
      others: [leaf('2-a', { id: 'k', name: 'A', items: ['x', 'a'], note: 'new', extra: 1 }, { id: 1, name: 4, items: 4, note: 6, extra: 6 })],
    }, new Set(['items']));
    expect(res).toEqual({
      data: { id: 'k', name: 'B', items: ['x', 'b', 'a'], note: 'new', extra: 1 },
      fieldTimes: { id: 1, name: 5, items: 5, note: 6, extra: 6 },
    });
  });

  test('delete versus edit: the later wins', () => {
    const edit = leaf('3-e', { id: 'k', t: 'edited' }, { id: 1, t: 10 });
    expect(fieldMerge({ table: 'c', key: 'k', winner: edit, others: [leaf('3-d', undefined, {}, 20)] }, new Set())).toEqual({ deleted: true, deletedAt: 20 });
    expect(fieldMerge({ table: 'c', key: 'k', winner: edit, others: [leaf('3-d', undefined, {}, 5)] }, new Set())).toMatchObject({ data: { t: 'edited' } });
  });
});

describe('remotes', () => {
  test('HTTPS anywhere, plain HTTP on loopback only; credentials in the URL move to auth', () => {
    expect(parseRemote('https://couch.example.org/presscut-alice/')).toEqual({ url: 'https://couch.example.org/presscut-alice' });
    expect(parseRemote('http://127.0.0.1:5984/db').url).toBe('http://127.0.0.1:5984/db');
    expect(parseRemote('http://localhost:5984/db').url).toBe('http://localhost:5984/db');
    expect(parseRemote('http://[::1]:5984/db').url).toBe('http://[::1]:5984/db');
    expect(parseRemote('https://bob:p%40ss@h.example/db')).toEqual({ url: 'https://h.example/db', auth: { username: 'bob', password: 'p@ss' } });
    for (const bad of ['http://couch.example.org/db', 'http://192.168.1.5:5984/db', 'ftp://x/db', 'not a url', 'https://h.example/']) {
      expect(() => parseRemote(bad)).toThrow(expect.objectContaining({ code: 'insecure-remote' }));
    }
  });
});
