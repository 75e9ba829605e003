/**
 * Resolves in a task of its own, after the tasks already queued (IndexedDB's request callbacks among them):
 * `await nextTask()` between pieces of long CPU work lets a transaction that runs meanwhile go on. A message on a
 * fresh channel rather than `setTimeout(0)`, which browsers clamp to 4 ms once nested.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
