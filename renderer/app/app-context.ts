/**
 * What every group of user actions needs from the running application: the stores, the
 * database, the host platform, the article element, one way to report to the user and one way
 * to run an undoable command. Action groups (renderer/app/actions/*) receive this instead of
 * the whole application, so each can be read and tested on its own.
 */
import type { SettingsSync } from '../settings/settings-sync';
import type { CorpusStore } from '../state/corpus-store';
import type { UiStore } from '../state/ui-store';
import type { IsnadDatabase } from '../db/db';
import type { HostPlatform } from '../platform/host';
import type { Transaction } from '../../shared/model/transaction';
import type { CorpusSync } from '../state/corpus-sync';
import type { WriteAction } from '../db/storage-errors';
import type { Translate } from '../../shared/i18n/i18n';
import type { KeyBindingStore } from '../commands/bindings';

/** A command as the corpus store runs it. */
export type StoreCommand = Parameters<CorpusStore['run']>[0];

export interface AppContext {
  readonly db: IsnadDatabase;
  readonly corpus: CorpusStore;
  readonly ui: UiStore;
  readonly platform: HostPlatform;
  /** Other windows on the same corpus (announcing a restore, reloading after a refused write). */
  readonly sync: CorpusSync;
  /** Other windows' settings: after storing a setting, a window announces its key here. */
  readonly settingsSync: SettingsSync;
  /** The rendered article, or null while none is shown (selection mapping needs it). */
  readonly article: HTMLElement | null;
  /** The keys bound now (a hint names the user's key, not the default: `renderer/i18n/key-names.ts`). */
  readonly bindings: KeyBindingStore;
  /** Translates a message into the interface language (notices are written with it). */
  readonly t: Translate;
  /** Shows a message in the status area (errors stay until the next action). */
  notify(tone: 'info' | 'error', text: string, details?: string[], detailsShown?: number): void;
  /**
   * Shows a message about this moment (why a key did nothing, what the focused span is): it
   * goes when the user moves on — another document, span, view or overlay — instead of
   * staying until the next message.
   */
  notifyMoment(tone: 'info' | 'error', text: string): void;
  /**
   * Runs an undoable command: written to IndexedDB first, then applied. Resolves with the
   * transaction, or null after telling the user why nothing changed.
   */
  run(command: StoreCommand, applied?: (tx: Transaction) => void): Promise<Transaction | null>;
  /**
   * Tells the user that a write was refused (disk full, database closed, another window
   * changed the same records first: then this window reloads the corpus). `action` names the
   * refused action ("This change" by default); `after` is appended to the message.
   */
  reportWriteFailure(error: unknown, action?: WriteAction, after?: string): Promise<void>;
  /**
   * After the corpus changed under the view (another window's edit, a restore): drops the
   * focus on anything that is gone, and shows another document if the open one is gone.
   */
  reconcileView(): Promise<void>;
  /**
   * Asks a yes-or-no question in the window's own dialog (in the interface language, mirrored
   * in Arabic, not the browser's); resolves with the answer (Escape: no).
   */
  ask(question: string, confirmLabel: string): Promise<boolean>;
  /** Shows a document (and remembers it as the open one). */
  openDocument(docId: string): Promise<void>;
}
