/**
 * Why a file could not be written, from the error's code: what the user can act on. Shared
 * by the desktop app's save (electron/main/ipc/save-export.ts) and the command line's
 * `--out` (cli/isnad.ts), which put the reason in their own sentence naming the path.
 */
import { phrase, type Phrase, type PhraseCode } from './phrase';

const REASONS: Readonly<Record<string, PhraseCode>> = {
  EACCES: 'saveError.denied',
  EPERM: 'saveError.denied',
  ENOSPC: 'saveError.noSpace',
  EDQUOT: 'saveError.noSpace',
  EROFS: 'saveError.readOnly',
  EISDIR: 'saveError.isFolder',
  ENOTDIR: 'saveError.notFolder',
};

/**
 * The reason for an error `code` of a failed write (undefined for a code without one: say the
 * code itself). ENOENT means the folder is missing, or (when `folderExists`, as in /proc) that
 * no file can be created in it.
 */
export function saveErrorReason(code: string | undefined, folderExists = false): Phrase | undefined {
  if (code === 'ENOENT') return phrase(folderExists ? 'saveError.cannotCreate' : 'saveError.noFolder');
  const known = code === undefined ? undefined : REASONS[code];
  return known ? phrase(known) : undefined;
}
