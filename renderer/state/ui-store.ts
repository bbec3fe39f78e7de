/**
 * View state that is not annotation data: the open document, the focused span, the last
 * notice, the last import report, a running import or export. Kept outside React like the
 * corpus store.
 */
import type { ImportReport } from '../../shared/model/import';
import type { TextEncodingName } from '../../shared/text/decode';
import type { SnapMode } from '../../shared/text/snapSelection';
import type { ExportActivity } from '../export/run-export';
import type { ImportProgress } from '../import/import-session';
import type { WorkerInputFile } from '../import/protocol';
import { DEFAULT_SNAPSHOT_SETTINGS, type SnapshotInfo, type SnapshotSettings } from '../../shared/snapshots/snapshot-info';
import type { CorpusSummary } from '../db/db';
import type { DatasetDraft } from '../app/actions/dataset-import-actions';

/** A message for the status area. `tone` decides how it is announced. */
export interface Notice {
  tone: 'info' | 'error';
  text: string;
  /** Extra lines (a refused file each, export problems). */
  details?: string[];
  /**
   * How many of `details` must show before the rest may be folded under "Show N more lines"
   * (an import report shows all that went wrong and folds its imported files); at least
   * three always show.
   */
  detailsShown?: number;
  /**
   * A message about this moment — why a key or command did nothing ("This is the first
   * document.", "Select some text first…"), what the focused span is — which goes once the
   * user moves on: see {@link MOVES_ON}.
   */
  moment?: boolean;
}

/**
 * The view changes after which a {@link Notice.moment} message is stale and is cleared:
 * another document, another focused span, another view, a keyboard overlay opened or
 * closed. (Any notice is also replaced by the next one, and cleared by a successful command.)
 */
export const MOVES_ON: ReadonlyArray<keyof UiState> = ['openDocId', 'focusedSpanId', 'view', 'overlay'];

/** Files chosen for import, waiting for the user to confirm options in the import dialog. */
export interface ImportDraft {
  files: WorkerInputFile[];
  /** Per-file encoding overrides, by file name. */
  encodings: Record<string, TextEncodingName>;
  /** Files a folder walk skipped (not articles), reported with the import. */
  skipped: Array<{ name: string; reason: string }>;
}

/** Corpus search and list filters. */
export interface SearchState {
  query: string;
  tehMarbuta: boolean;
  status: 'all' | 'todo' | 'in-progress' | 'done';
  outlet: string;
  /** A label id that must be present ('' for any). */
  label: string;
  /** A source id that some claim of the document is attributed to ('' for any). */
  source: string;
}

/**
 * The caret and selection in the open article, as logical offsets (anchor = where the
 * selection started, focus = where the caret is; equal when nothing is selected), and what
 * made it: a keyboard selection is labelled as it is, a pointer selection is snapped by the
 * user's snapping mode.
 */
export interface CaretState {
  anchor: number;
  focus: number;
  source: 'keyboard' | 'pointer';
}

/** A keyboard overlay: the command palette or the cheat sheet. */
export type KeyboardOverlay = 'commands' | 'shortcuts';

/** The UI view state. */
export interface UiState {
  openDocId: string | null;
  focusedSpanId: string | null;
  notice: Notice | null;
  importReport: ImportReport | null;
  importDraft: ImportDraft | null;
  /** A yes-or-no question the window asks in its own dialog (ConfirmDialog), or null. */
  confirmation: { question: string; confirmLabel: string } | null;
  importProgress: ImportProgress | null;
  search: SearchState;
  detailsOpen: boolean;
  /** The main pane: the open article, the corpus view of sources, the snapshots, or the settings. */
  view: 'article' | 'sources' | 'snapshots' | 'settings';
  /** The attribute palette, open for a claim span. */
  palette: { claimSpanId: string } | null;
  /** Whether suggestions are shown in the article. */
  suggestionsOn: boolean;
  focusedSuggestionId: string | null;
  /** The dataset export dialog is open. */
  exportOpen: boolean;
  /** The caret in the open article (null until the document has been shown). */
  caret: CaretState | null;
  /** How a mouse selection snaps: clitic-aware words ('word'), whole words, or characters. */
  snapMode: SnapMode;
  /** The keyboard overlay that is open, if any. */
  overlay: KeyboardOverlay | null;
  /** The shortcut list in the settings view is unfolded. */
  shortcutsExpanded: boolean;
  /** The running export (progress and Cancel), or null. */
  exportProgress: ExportActivity | null;
  snapshots: SnapshotsUi;
  /** The corpus dialog: the stored corpora with their document counts while it is open, else null. */
  corpora: CorpusSummary[] | null;
  /** A dataset staged in the dataset import dialog, or null. */
  datasetDraft: DatasetDraft | null;
}

/** The Snapshots view: the settings, the stored snapshots, a restore waiting for confirmation. */
export interface SnapshotsUi {
  settings: SnapshotSettings;
  /** Newest first; null until read. */
  list: SnapshotInfo[] | null;
  /** The snapshot whose restore the user is asked to confirm. */
  confirmingId: string | null;
  /** A snapshot or a restore is being written. */
  busy: boolean;
}

/** No search, no filters. */
export const EMPTY_SEARCH: SearchState = { query: '', tehMarbuta: false, status: 'all', outlet: '', label: '', source: '' };

/** A tiny external store for view state. */
export class UiStore {
  private current: UiState = {
    openDocId: null,
    focusedSpanId: null,
    notice: null,
    importReport: null,
    importDraft: null,
    confirmation: null,
    importProgress: null,
    search: EMPTY_SEARCH,
    detailsOpen: false,
    view: 'article',
    palette: null,
    suggestionsOn: false,
    focusedSuggestionId: null,
    exportOpen: false,
    caret: null,
    snapMode: 'word',
    overlay: null,
    shortcutsExpanded: false,
    exportProgress: null,
    snapshots: { settings: { ...DEFAULT_SNAPSHOT_SETTINGS }, list: null, confirmingId: null, busy: false },
    corpora: null,
    datasetDraft: null,
  };
  private readonly listeners = new Set<() => void>();

  get state(): UiState {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): UiState => this.current;

  /**
   * Merges a partial update and notifies; a patch that changes nothing (every value the
   * same, by identity) is dropped, so views are not rendered again for it (after every
   * command the app clears a notice that is usually not there). A patch that moves the user
   * on (`MOVES_ON`) also clears a message about the moment before.
   */
  update(patch: Partial<UiState>): void {
    const keys = Object.keys(patch) as Array<keyof UiState>;
    if (keys.every((key) => Object.is(this.current[key], patch[key]))) return;
    const stale = this.current.notice?.moment && !('notice' in patch) && MOVES_ON.some((key) => key in patch && !Object.is(this.current[key], patch[key]));
    this.current = { ...this.current, ...patch, ...(stale ? { notice: null } : {}) };
    for (const listener of this.listeners) listener();
  }
}
