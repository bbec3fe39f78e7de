/**
 * View state that is not annotation data: the open document, the focused span, the last
 * notice, the last import report. Kept outside React like the corpus store.
 */
import type { ImportReport } from '../../shared/model/import';

/** A message for the status area. `tone` decides how it is announced. */
export interface Notice {
  tone: 'info' | 'error';
  text: string;
  /** Extra lines (a refused file each, export problems). */
  details?: string[];
}

/** The UI view state. */
export interface UiState {
  openDocId: string | null;
  focusedSpanId: string | null;
  notice: Notice | null;
  importReport: ImportReport | null;
}

/** A tiny external store for view state. */
export class UiStore {
  private current: UiState = { openDocId: null, focusedSpanId: null, notice: null, importReport: null };
  private readonly listeners = new Set<() => void>();

  get state(): UiState {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): UiState => this.current;

  /** Merges a partial update and notifies. */
  update(patch: Partial<UiState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener();
  }
}
