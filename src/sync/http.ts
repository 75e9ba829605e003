// The HTTP side: JSON requests to the remote database with Basic auth, error classification, retries with
// backoff for what may pass (network, 408, 429, 5xx, garbled bodies), none for what will not (401, 403, 404).

import { utf8Length } from './canonical.js';
import { SyncError } from './errors.js';
import type { RemoteTarget } from './remote-url.js';
import type { RetryOptions } from './types.js';

export interface HttpResponse<T> {
  status: number;
  body: T;
  /** UTF-8 bytes of the response body. */
  bytes: number;
}

export interface RequestOptions {
  method?: string;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  /** Statuses the caller handles itself (returned instead of thrown). */
  accept?: number[];
  /** Abort after this many ms (the longpoll timer). */
  timeoutMs?: number;
  /** No retries (the longpoll, whose caller loops anyway). */
  once?: boolean;
  /** Aborts this request only (the longpoll, when a local write wants a push). */
  signal?: AbortSignal;
}

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  error: SyncError;
}

export class Http {
  private readonly authHeader: string | undefined;
  /** Requests sent, for the request-count figures of the bench. */
  requests = 0;
  bytesSent = 0;

  constructor(
    readonly target: RemoteTarget,
    private readonly fetchImpl: typeof fetch,
    private readonly retry: Required<RetryOptions>,
    private readonly signal: AbortSignal,
    private readonly onRetry: (e: RetryEvent) => void,
    /** Default for requests that set no timeout of their own: a server that accepts and never answers. */
    private readonly timeoutMs = 60_000,
  ) {
    const a = target.auth;
    this.authHeader = a ? 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(`${a.username}:${a.password}`))) : undefined;
  }

  /** A request relative to the database URL (`''`, `_changes`, `_local/x`, a doc id already encoded). */
  async request<T>(path: string, opts: RequestOptions = {}): Promise<HttpResponse<T>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(path, opts);
      } catch (err) {
        const e = err instanceof SyncError ? err : new SyncError('network', String(err));
        if (!e.retryable || opts.once || attempt >= this.retry.retries || this.signal.aborted) throw e;
        const delayMs = backoff(attempt, this.retry);
        this.onRetry({ attempt: attempt + 1, delayMs, error: e });
        await sleep(delayMs, this.signal);
      }
    }
  }

  private async once<T>(path: string, opts: RequestOptions): Promise<HttpResponse<T>> {
    const url = new URL(path ? `${this.target.url}/${path}` : this.target.url);
    for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.authHeader) headers.authorization = this.authHeader;
    let body: string | undefined;
    if (opts.body !== undefined) {
      // pouchdb-server stores a body without this header as {}.
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
      this.bytesSent += utf8Length(body);
    }
    const ac = new AbortController();
    const onAbort = () => ac.abort();
    this.signal.addEventListener('abort', onAbort);
    opts.signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(() => ac.abort(), opts.timeoutMs ?? this.timeoutMs);
    this.requests++;
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(url, { method: opts.method ?? 'GET', headers, body, signal: ac.signal });
      text = await res.text();
    } catch (err) {
      if (this.signal.aborted || opts.signal?.aborted) throw new SyncError('network', 'stopped');
      const what = ac.signal.aborted ? 'timed out' : (err as Error).message;
      throw new SyncError('network', `${opts.method ?? 'GET'} ${url.pathname}: ${what}`, undefined, true);
    } finally {
      clearTimeout(timer);
      this.signal.removeEventListener('abort', onAbort);
      opts.signal?.removeEventListener('abort', onAbort);
    }
    const where = `${opts.method ?? 'GET'} ${url.pathname}`;
    if (!res.ok && !opts.accept?.includes(res.status)) throw statusError(res.status, where, text);
    let parsed: T;
    try {
      parsed = JSON.parse(text) as T;
    } catch {
      throw new SyncError('bad-response', `${where}: answer is not JSON (status ${res.status})`, res.status, true);
    }
    return { status: res.status, body: parsed, bytes: utf8Length(text) };
  }
}

function statusError(status: number, where: string, text: string): SyncError {
  let reason = '';
  try {
    const j = JSON.parse(text) as { error?: string; reason?: string };
    reason = [j.error, j.reason].filter(Boolean).join(': ');
  } catch {
    reason = text.slice(0, 200);
  }
  const msg = `${where}: HTTP ${status}${reason ? ` (${reason})` : ''}`;
  if (status === 401) return new SyncError('unauthorized', `${msg}: wrong user name or password`, status);
  if (status === 403) return new SyncError('forbidden', msg, status);
  if (status === 404) return new SyncError('not-found', msg, status);
  const retryable = status === 408 || status === 429 || status >= 500;
  return new SyncError('server', msg, status, retryable);
}

/** Exponential backoff with ±25 % jitter, so that many clients do not retry in step. */
export function backoff(attempt: number, r: Required<RetryOptions>): number {
  const base = Math.min(r.maxDelayMs, r.baseDelayMs * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

/** Encodes a document id for a URL path (CouchDB wants `/` escaped too). */
export function docPath(id: string): string {
  return encodeURIComponent(id);
}
