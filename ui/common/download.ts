import { browser } from '../../src/extension/browser.js';

/** Characters no file system accepts in a name (and Chrome refuses outright), plus controls. */
const UNSAFE = /[\\/:*?"<>|~\u0000-\u001f]+/g;

/** A file name every browser's downloads accept: unsafe characters become "-", leading dots go. */
export function safeFileName(name: string): string {
  return name.replace(UNSAFE, '-').replace(/^[.\s]+/, '').slice(0, 180) || 'presscut-export';
}

/**
 * Saves a Blob through the browser's downloads (so it lands where the user's downloads go, or where the Save As
 * dialog puts it). The blob: URL lives until the download ends: Firefox reads it after `download()` resolves.
 * Resolves with the download's id once it has started; rejects when the user cancels Save As.
 */
export async function downloadBlob(blob: Blob, filename: string, saveAs: boolean): Promise<number> {
  const url = URL.createObjectURL(blob);
  let id: number;
  try {
    id = await browser.downloads.download({ url, filename: safeFileName(filename), saveAs, conflictAction: 'uniquify' });
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
  const done = (delta: { id: number; state?: { current?: string } }) => {
    if (delta.id !== id || !delta.state?.current || delta.state.current === 'in_progress') return;
    browser.downloads.onChanged.removeListener(done);
    URL.revokeObjectURL(url);
  };
  browser.downloads.onChanged.addListener(done);
  return id;
}
