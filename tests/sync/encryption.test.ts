// End-to-end encryption through the real server: it stores ciphertext; a wrong passphrase changes nothing.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { createSync } from '../../src/sync/index.js';
import { fastRetry, makeDb, remoteUrl } from './helpers/env.js';

const enc = (passphrase: string) => ({ passphrase, iterations: 10_000 });

describe('encryption', () => {
  test('round trip: the server sees ids, revisions and ciphertext only', async () => {
    const remote = remoteUrl();
    const a = makeDb();
    const b = makeDb();
    const sa = createSync(a, { remote, tables: ['notes'], encryption: enc('open sesame'), retry: fastRetry });
    const sb = createSync(b, { remote, tables: ['notes'], encryption: enc('open sesame'), retry: fastRetry });
    await a.table('notes').bulkPut([{ id: 'n1', title: 'SECRET-TITLE', body: '机密内容' }, { id: 'n2', title: 'SECRET-2' }]);
    expect(await sa.syncOnce()).toMatchObject({ ok: true, pushed: 2 });
    const raw = await (await fetch(`${remote}/_all_docs?include_docs=true`)).text();
    expect(raw).not.toMatch(/SECRET|机密/);
    expect(raw).toContain('"ct"');
    expect(raw).toContain('presscut-sync-encryption');
    expect(await sb.syncOnce()).toMatchObject({ ok: true, pulled: 2 });
    expect(await b.table('notes').orderBy('id').toArray()).toEqual(await a.table('notes').orderBy('id').toArray());
    // concurrent edits still merge by field: bodies are decrypted locally
    await a.table('notes').update('n1', { title: 'A' });
    await new Promise((r) => setTimeout(r, 3));
    await b.table('notes').update('n1', { body: 'B' });
    await sa.syncOnce();
    await sb.syncOnce();
    await sa.syncOnce();
    expect(await a.table('notes').get('n1')).toEqual({ id: 'n1', title: 'A', body: 'B' });
    expect(await b.table('notes').get('n1')).toEqual({ id: 'n1', title: 'A', body: 'B' });
  });

  test('a wrong passphrase, or none, is reported and overwrites nothing', async () => {
    const remote = remoteUrl();
    const a = makeDb();
    const sa = createSync(a, { remote, tables: ['notes'], encryption: enc('right'), retry: fastRetry });
    await a.table('notes').put({ id: 'n1', title: 'right' });
    await sa.syncOnce();
    const before = await (await fetch(`${remote}/_all_docs?include_docs=true`)).json();
    for (const encryption of [enc('wrong'), undefined]) {
      const c = makeDb();
      const s = createSync(c, { remote, tables: ['notes'], retry: fastRetry, ...(encryption ? { encryption } : {}) });
      await c.table('notes').put({ id: 'n1', title: 'local version' });
      const r = await s.syncOnce();
      expect(r.error?.code).toBe('wrong-passphrase');
      expect(s.status.state).toBe('error');
      expect(await c.table('notes').toArray()).toEqual([{ id: 'n1', title: 'local version' }]);
      expect(await (await fetch(`${remote}/_all_docs?include_docs=true`)).json()).toEqual(before);
    }
  });
});
