import { errorText } from './format.js';
import type { NoticeKind } from './notice.js';

/** Runs one engine action; when it worked, `then` runs (lists fetch again), and a failure is told to the user. */
export async function attempt(fn: () => Promise<unknown>, notify: (kind: NoticeKind, text: string) => void, then: () => void): Promise<void> {
  try {
    await fn();
    then();
  } catch (e) {
    notify('error', errorText(e));
  }
}
