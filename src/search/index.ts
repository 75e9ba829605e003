/** Presscut's search: tokenizer, index maintenance, query language, ranking, snippets. Platform-free. */
export { normalise, normaliseWithMap } from './normalize.js';
export { tokenize, fieldTerms } from './tokenize.js';
export { parseQuery, QuerySyntaxError, type ParsedQuery, type TextClause } from './query.js';
export { indexArticles } from './indexer.js';
export { rebuildIndex, indexExisting } from './rebuild.js';
export { IndexReader } from './reader.js';
export { maintainIndex } from './merge.js';
export { matchingIds, search } from './search.js';
export { SEARCH_STORES, searchTableList } from './tables.js';
export type { SearchHit, SearchOptions, SearchResponse, Snippet, Highlight, QueryError } from './types.js';
