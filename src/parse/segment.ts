import type { Page, ParseHints } from '../model/page.js';
import { PAGE_SCHEMA_VERSION } from '../model/page.js';

export const PARSER_VERSION = '0.0.0-stub';

/** Placeholder: one leftover item holding the whole text. Replaced by the real segmenter. */
export function parsePage(text: string, _hints: ParseHints = {}): Page {
  const start = text.search(/\S/);
  const items = start < 0 ? [] : [{ kind: 'leftover' as const, text: text.trim(), spans: [{ start, end: text.trimEnd().length }] }];
  return { schemaVersion: PAGE_SCHEMA_VERSION, parserVersion: PARSER_VERSION, language: 'unknown', channel: 'unknown',
    headlineOrder: 'before', articles: [], items, warnings: [] };
}
