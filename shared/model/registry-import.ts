/**
 * A registry import: the sources of one or more registry files that the registry does not
 * have yet (same Latin name in any case and same Arabic name), added in one undoable step
 * named after the import, however many files were chosen at once.
 */
import { addSources, sameNamesKey, type SourceFields } from './attribution-commands';
import type { CommandContext, CommandResult } from './commands';
import { phrase } from '../phrases/phrase';
import type { CorpusState } from './state';

/** The sources of one registry file that was read (a refused file has none and is not listed). */
export interface RegistryFileSources {
  file: string;
  sources: readonly SourceFields[];
}

/** What an import would add: the new sources in file order, and how many it skips as already there. */
export interface RegistryImportPlan {
  /** The names of the files read, in the order chosen. */
  files: string[];
  /** Sources neither in the registry nor earlier in the import. */
  fresh: SourceFields[];
  /** Sources skipped because the registry, or an earlier source of the import, has the same names. */
  skipped: number;
}

/** Which sources of `files` are new to the registry of `state`. */
export function planRegistryImport(state: CorpusState, files: readonly RegistryFileSources[]): RegistryImportPlan {
  const known = new Set([...state.sources.values()].map(sameNamesKey));
  const fresh: SourceFields[] = [];
  let skipped = 0;
  for (const { sources } of files) {
    for (const source of sources) {
      const key = sameNamesKey(source);
      if (known.has(key)) {
        skipped += 1;
        continue;
      }
      known.add(key);
      fresh.push(source);
    }
  }
  return { files: files.map((f) => f.file), fresh, skipped };
}

/**
 * Adds the new sources of a plan in one undoable step ("Import registry a.json, b.json
 * (3 sources)"); sources without a name or with an unknown kind are left out, and a plan
 * with nothing to add is refused.
 */
export function importRegistrySources(state: CorpusState, plan: RegistryImportPlan, ctx: CommandContext): CommandResult {
  return addSources(state, plan.fresh, ctx, (count) => phrase('change.importRegistry', { count, files: plan.files }));
}
