import { describe, expect, it, vi } from 'vitest';

// The UI strings come from the browser; here each message shows as its key and substitutions.
vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (key: string, subs: string[] = []) => `${key}(${subs.join('|')})`, getUILanguage: () => 'en' } },
}));
const { decodeTextFile, readDroppedFile } = await import('../../ui/sidepanel/read-file.js');

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('dropped files', () => {
  it('reads a UTF-8 text file', () => {
    expect(decodeTextFile('p1.txt', utf8('本报讯 正文。\n'))).toEqual({ ok: true, text: '本报讯 正文。\n' });
  });

  it('reads a GB 18030 file, as older Windows tools save Chinese text', () => {
    const gbk = new Uint8Array([0xb1, 0xbe, 0xb1, 0xa8, 0xd1, 0xb6, 0x0a]); // 本报讯\n
    expect(decodeTextFile('old.txt', gbk)).toEqual({ ok: true, text: '本报讯\n' });
  });

  it('refuses a binary file by name and an empty one', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(decodeTextFile('photo.png', png)).toEqual({ ok: false, message: 'errorBinaryFile(photo.png)' });
    expect(decodeTextFile('blank.txt', utf8(' \n '))).toEqual({ ok: false, message: 'errorEmptyFile(blank.txt)' });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const video = { name: 'clip.mp4', size: 2e9, arrayBuffer: () => Promise.reject(new Error('read a 2 GB file')) };
    expect(await readDroppedFile(video)).toEqual({ ok: false, message: 'errorTooLarge(2.0 GB|5.0 MB)' });
    expect(await readDroppedFile(new File(['本报讯'], 'p.txt'))).toEqual({ ok: true, text: '本报讯' });
  });

  it('hands a PDF over as bytes, told by its first bytes whatever its name, with a larger limit', async () => {
    const pdf = utf8('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n');
    expect(await readDroppedFile(new File([pdf], 'page.pdf'))).toEqual({ ok: true, pdf });
    expect(await readDroppedFile(new File([pdf], 'download'))).toEqual({ ok: true, pdf });
    const issue = { name: 'issue.pdf', size: 60e6, arrayBuffer: async () => { const b = new Uint8Array(60e6); b.set(pdf); return b.buffer; } };
    expect(await readDroppedFile(issue)).toMatchObject({ ok: true });
    // A big file that is not a PDF after all is held to the text limit.
    const fake = { name: 'notes.pdf', size: 6e6, arrayBuffer: async () => new Uint8Array(6e6).fill(0x41).buffer };
    expect(await readDroppedFile(fake)).toEqual({ ok: false, message: 'errorTooLarge(6.0 MB|5.0 MB)' });
  });
});
