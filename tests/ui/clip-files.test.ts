import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { PresscutDB } from '../../src/store/db.js';

// The UI strings come from the browser; here each message shows as its key and substitutions.
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: { getMessage: (key: string, subs: string[] = []) => `${key}(${subs.join('|')})`, getUILanguage: () => 'en' },
    storage: { local: { get: async () => ({}) } },
  },
}));
const { clipDroppedFiles } = await import('../../ui/sidepanel/clip-files.js');

const JILIN = readFileSync(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url), 'utf8');
const RIVERSIDE = readFileSync(new URL('../fixtures/riverside-courier-en.txt', import.meta.url), 'utf8');
let n = 0;
const engine = () => createEngine(new PresscutDB(`clip-files-${process.pid}-${++n}`));

describe('files dropped on the side panel', () => {
  it('clips one text file with its own message, and says so when it was clipped before', async () => {
    const e = engine();
    expect(await clipDroppedFiles(e, [new File([JILIN], 'p1.txt')])).toEqual({ kind: 'success', text: expect.stringMatching(/^fileClipped\(p1\.txt\|/) });
    expect(await clipDroppedFiles(e, [new File([JILIN], 'copy.txt')])).toEqual({ kind: 'info', text: 'savedDuplicate()' });
    expect(await e.countArticles()).toBe(7);
  });

  it('clips several at once, counting what went in and naming each file that could not', async () => {
    const e = engine();
    await e.ingest({ text: RIVERSIDE, source: { via: 'paste' } });
    const before = await e.countArticles();
    const files = [new File([JILIN], 'p1.txt'), new File([' \n '], 'blank.txt'), new File([RIVERSIDE], 'courier.txt'), new File([new Uint8Array([0x89, 0x50, 0, 0])], 'photo.png')];
    const r = await clipDroppedFiles(e, files);
    expect(r.kind).toBe('error');
    expect(r.text).toBe('filesClipped(1|4|articleCountMany(7)) filesAlreadyStored(1) errorEmptyFile(blank.txt) errorBinaryFile(photo.png)');
    expect(await e.countArticles()).toBe(before + 7);
    const titles = (await e.listClippings(0, 10)).map((c) => c.source.title ?? c.source.via);
    expect(titles).toEqual(['p1.txt', 'paste']);
  });
});
