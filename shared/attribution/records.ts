/**
 * Registry drafts (DEFAULT_SOURCES, a registry file) turned into `SourceRecord`s of one
 * corpus, with deterministic ids for entries that have none: `${prefix}:${slug}` where the
 * slug comes from the Latin name ("RIA Novosti" → "default:ria-novosti"), or from the
 * Arabic name when there is no Latin one; repeated slugs get "-2", "-3" ….
 */
import type { SourceRecord } from '../model/types';
import type { SourceDraft } from './default-registry';
import { matchKey } from './fold';

/** A draft that may already carry its id. */
export type SourceDraftWithId = SourceDraft & { id?: string };

/** Options of {@link sourcesWithIds}. */
export interface SourceIdOptions {
  corpusId: string;
  createdAt: string;
  /** Put before each generated slug, e.g. "default" → "default:ria-novosti". */
  idPrefix: string;
}

/** A URL- and file-friendly slug of a source name: lower-case words joined by "-". */
export function sourceSlug(draft: Pick<SourceDraft, 'nameLatin' | 'nameAr'>): string {
  const latin = matchKey(draft.nameLatin).replace(/[^a-z0-9 ]/gu, '').trim();
  const words = latin || matchKey(draft.nameAr);
  return words.split(' ').filter(Boolean).join('-') || 'source';
}

/**
 * The drafts as records of one corpus, in order. Drafts with an id keep it; the others
 * get `${idPrefix}:${slug}`, made unique against every id in the list.
 */
export function sourcesWithIds(drafts: readonly SourceDraftWithId[], options: SourceIdOptions): SourceRecord[] {
  const taken = new Set(drafts.flatMap((d) => (d.id ? [d.id] : [])));
  return drafts.map((draft) => {
    let id = draft.id;
    if (!id) {
      const base = `${options.idPrefix}:${sourceSlug(draft)}`;
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
    }
    return {
      ...draft,
      aliasesAr: [...draft.aliasesAr],
      aliasesLatin: [...draft.aliasesLatin],
      ...(draft.ambiguous ? { ambiguous: [...draft.ambiguous] } : {}),
      id, corpusId: options.corpusId, createdAt: options.createdAt };
  });
}
