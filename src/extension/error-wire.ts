/**
 * Errors as they cross from the engine worker to a page, or from the background to the popup. Structured clone and
 * comlink keep only an error's message, so an EngineError's `code` and `params` (what the UI translates) would be
 * lost on the way; these carry them as plain data.
 */
import { transferHandlers } from 'comlink';

/** An error as plain data. */
export interface WireError {
  message: string;
  code?: string;
  params?: (string | number)[];
}

/** An Error that may carry what the UI needs to say it in the user's language. */
export type CodedError = Error & { code?: string; params?: (string | number)[] };

export function toWire(e: unknown): WireError {
  if (!(e instanceof Error)) return { message: String(e) };
  const { code, params } = e as CodedError;
  return { message: e.message, ...(typeof code === 'string' ? { code, params: params ?? [] } : {}) };
}

export function fromWire(w: WireError): CodedError {
  return Object.assign(new Error(w.message), w.code === undefined ? {} : { code: w.code, params: w.params ?? [] });
}

/** Makes comlink, in this context, send and receive thrown errors with their code and params. Call on both ends. */
export function carryErrorCodes(): void {
  const thrown = transferHandlers.get('throw')!; // its test looks for a symbol comlink keeps to itself
  transferHandlers.set('throw', {
    canHandle: thrown.canHandle,
    serialize: ({ value }: { value: unknown }) => [toWire(value), []],
    deserialize: (w: WireError) => { throw fromWire(w); },
  });
}
