/** What the pages ask of the background. */
import type { IngestInput, IngestResult } from '../../src/engine/types.js';
import type { ClipMode } from '../../src/extract/index.js';
import { request, type ClipOutcome } from '../../src/extension/messages.js';

/** Clips a tab; the background does it so that it finishes even if the popup closes. */
export function clipTab(tabId: number, mode: ClipMode): Promise<ClipOutcome> {
  return request({ to: 'background', type: 'clip-tab', tabId, mode });
}

/** Stores text through the background's engine, which outlives the popup. */
export function ingestInBackground(input: IngestInput): Promise<IngestResult> {
  return request({ to: 'background', type: 'ingest', input });
}
