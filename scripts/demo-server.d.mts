/** Serves demo/ and the Jilin page on 127.0.0.1 until `close()`; see demo-server.mjs. */
export function startDemoServer(options: { root: string; port?: number; pdfDir?: string }): Promise<{ url: string; close: () => Promise<void> }>;
