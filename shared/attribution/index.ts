/**
 * Attribution helpers over the source registry: the default registry, registry search,
 * cue words, and suggestions of source mentions, cues and cue–source pairs for an article.
 */
export { DEFAULT_SOURCES, type SourceDraft } from './default-registry';
export { sourceSlug, sourcesWithIds, type SourceDraftWithId, type SourceIdOptions } from './records';
export { searchRegistry, type RegistryMatch } from './registry-search';
export { parseRegistryFile, registrySourceSchema, type RegistryFileOptions, type RegistryFileResult } from './registry-file';
export { CUE_CONFIDENCE, DEFAULT_CUES, WEAK_CUE_CONFIDENCE, cueWords, type CueWord } from './cues';
export { AMBIGUOUS_CONFIDENCE, AMBIGUOUS_IN_CONTEXT_CONFIDENCE, AMBIGUOUS_OTHER_CONFIDENCE } from './confidence';
export { suggestAnnotations, type AttributionCandidate, type SuggestOptions, type SuggestResult, type Suggestion } from './suggest';
export { foldForMatching, matchKey } from './fold';
