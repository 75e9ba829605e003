/**
 * The option to keep each clipped PDF in the archive (as a content-addressed blob, once however often it is
 * clipped). Off unless the user turns it on: PDFs are large. One storage.local flag, read by the background (tab
 * clips) and the side panel (dropped files).
 */
import { browser } from './browser.js';

export const KEEP_PDFS_KEY = 'keepPdfs';

/** Whether the user asked to keep clipped PDFs. */
export async function keepPdfs(): Promise<boolean> {
  return (await browser.storage.local.get(KEEP_PDFS_KEY))[KEEP_PDFS_KEY] === true;
}

export async function setKeepPdfs(keep: boolean): Promise<void> {
  await browser.storage.local.set({ [KEEP_PDFS_KEY]: keep });
}
