import type { QueryError } from '../../src/engine/types.js';
import { t } from '../../src/extension/i18n.js';

/**
 * A malformed query's error in the user's language: the message for its code (`queryError_<code>` in _locales),
 * with its details and the position, counted from 1 as the engine's English message counts it.
 */
export function describeQueryError(error: QueryError): string {
  const key = `queryError_${error.code}`;
  const what = t(key, ...error.args);
  // A code this build has no string for (an engine newer than its UI): the engine's English says it all.
  if (what === key) return t('searchQueryError', error.message);
  return t('searchQueryErrorAt', what, error.position + 1);
}
