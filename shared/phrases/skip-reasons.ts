/**
 * Why a folder walk skipped a file. The hosts (the browser's folder picker, Electron's
 * folder reader behind IPC) report the reason as its English sentence, which the IPC contract
 * carries as a string; the interface turns a known sentence back into its phrase to say it in
 * its language, and shows any other reason as it came.
 */
import { english, phrase, type Phrase } from './phrase';

/** The skip reasons, by phrase code. */
export type SkipReason = 'skip.hidden' | 'skip.hiddenFolder' | 'skip.notArticle' | 'skip.notBrat' | 'skip.symlink' | 'skip.notRegular';

const REASONS: readonly SkipReason[] = ['skip.hidden', 'skip.hiddenFolder', 'skip.notArticle', 'skip.notBrat', 'skip.symlink', 'skip.notRegular'];

/** The English sentence a host reports for a skip reason. */
export function skipReasonText(reason: SkipReason): string {
  return english(phrase(reason));
}

const BY_TEXT: ReadonlyMap<string, Phrase> = new Map(REASONS.map((code) => [skipReasonText(code), phrase(code)]));

/** The phrase of a reported skip reason, or undefined for a reason this version does not know. */
export function skipReasonPhrase(reason: string): Phrase | undefined {
  return BY_TEXT.get(reason);
}
