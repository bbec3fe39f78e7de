/**
 * Search over documents: find-in-text with Arabic normalisation, corpus search with
 * snippets, and a cache of normalised texts.
 */
export { findInText, prepareQuery, searchDocuments, type CorpusSearchHit, type CorpusSearchOptions, type SearchOptions, type TextMatch } from './search';
export { createSearchIndex, type SearchIndex, type SearchIndexOptions } from './searchIndex';
export { makeSnippet, SNIPPET_CONTEXT, type Snippet } from './snippet';
