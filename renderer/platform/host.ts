/**
 * What the UI needs from its host (Electron or a plain browser). Only `renderer/platform/`
 * talks to the preload API; everything else uses this interface.
 */
import type { MenuCommand } from '../../shared/ipc/contract';
import type { WorkerInputFile } from '../import/protocol';
import type { SnapshotStorage } from '../snapshots/snapshot-storage';
import type { Language, Translate } from '../../shared/i18n/i18n';
import { said, type Phrase } from '../../shared/phrases/phrase';
import { tooLargeParams } from '../../shared/phrases/sizes';

/**
 * The result of saving an export: where it was written, or, in a browser (`downloaded`), the
 * name it was offered under as a download (the browser decides the folder, and may ask).
 */
export type SaveOutcome =
  | { saved: true; where: string; downloaded?: boolean }
  | { saved: false; reason: 'cancelled' }
  /** The write failed, nothing was replaced: why, in English and (from a host that says it) as a phrase. */
  | { saved: false; reason: 'failed'; message: string; phrase?: Phrase };

/** Where a saved export went, as the sentence reporting it says it: a path, or “your browser’s downloads as …”. */
export function savedWhere(outcome: { where: string; downloaded?: boolean }, t: Translate): string {
  return outcome.downloaded ? t('export.downloaded', { file: outcome.where }) : outcome.where;
}

/** Application-menu commands (Electron) that the UI turns into actions (see `MENU_ACTIONS`). */
export type HostMenuCommand = MenuCommand;

/** The host's services. */
export interface HostPlatform {
  readonly kind: 'electron' | 'browser';
  /** Lets the user choose article files (several at once). Empty when cancelled. */
  pickArticleFiles(): Promise<WorkerInputFile[]>;
  /**
   * Lets the user choose a folder; returns the article files of the whole tree (names
   * relative to the folder) and the files skipped as not articles. Null when cancelled.
   */
  pickArticleFolder(): Promise<{ files: WorkerInputFile[]; skipped: Array<{ name: string; reason: string }> } | null>;
  /** Lets the user choose dataset files (several at once: brat .txt + .ann pairs). Empty when cancelled. */
  pickDatasetFiles(): Promise<WorkerInputFile[]>;
  /**
   * Lets the user choose a folder holding a dataset (brat: .txt + .ann files, annotation.conf);
   * returns the folder's name, its dataset files (names relative to the folder's parent) and
   * the other files, skipped unread with why. Null when cancelled.
   */
  pickDatasetFolder(): Promise<{ folder: string; files: WorkerInputFile[]; skipped: Array<{ name: string; reason: string }> } | null>;
  /** Saves an export: a save dialog and an atomic write (Electron) or a download (browser). */
  saveExport(suggestedName: string, contents: string | Uint8Array): Promise<SaveOutcome>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: HostMenuCommand) => void): () => void;
  /** Tells the host the interface language, for its application menu (the browser has none). */
  setMenuLanguage(language: Language): void;
  /**
   * Where automatic snapshots go: files in the user data folder (Electron), or null to keep
   * them in the browser's IndexedDB.
   */
  readonly snapshots: SnapshotStorage | null;
}

/**
 * Turns picked or dropped `File`s into worker input: the worker reads them (off the UI
 * thread); a file over the size limit is refused here by name, without reading it.
 */
export function toWorkerFiles(files: Iterable<File>, maxBytes: number, nameOf: (file: File) => string = (file) => file.name): WorkerInputFile[] {
  const result: WorkerInputFile[] = [];
  for (const file of files) {
    const name = nameOf(file);
    if (file.size > maxBytes) {
      const { text, phrase } = said('file.tooLarge', tooLargeParams(name, file.size, maxBytes));
      result.push({ name, error: text, errorPhrase: phrase });
    } else result.push({ name, file });
  }
  return result;
}
