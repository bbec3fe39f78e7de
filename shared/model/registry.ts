/** The source registry a new corpus starts with (editable afterwards). */
import { DEFAULT_SOURCES } from '../attribution/default-registry';
import type { CommandContext } from './commands';
import type { SourceRecord } from './types';

/** Registry records for a new corpus, from the default list, with fresh ids. */
export function defaultRegistry(corpusId: string, ctx: Pick<CommandContext, 'newId' | 'now'>): SourceRecord[] {
  return DEFAULT_SOURCES.map((source) => ({
    ...source,
    aliasesAr: [...source.aliasesAr],
    aliasesLatin: [...source.aliasesLatin],
    ...(source.ambiguous ? { ambiguous: [...source.ambiguous] } : {}),
    id: ctx.newId(),
    corpusId,
    createdAt: ctx.now(),
  }));
}
