import { describe, expect, it, vi } from 'vitest';

// The UI strings come from the browser; here each message shows as its key and substitutions.
vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (key: string, subs: string[] = []) => `${key}(${subs.join('|')})`, getUILanguage: () => 'en' } },
}));
const { decodeTextFile, readTextFile } = await import('../../ui/sidepanel/read-file.js');

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
    expect(await readTextFile(video)).toEqual({ ok: false, message: 'errorTooLarge(2.0 GB|5.0 MB)' });
    expect(await readTextFile(new File(['本报讯'], 'p.txt'))).toEqual({ ok: true, text: '本报讯' });
  });
});
