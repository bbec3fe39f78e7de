/** React bindings to the stores (state lives outside React; views subscribe). */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CorpusState } from '../../shared/model/state';
import type { UiState } from '../state/ui-store';
import type { Translate } from '../../shared/i18n/i18n';
import type { Preferences } from '../settings/preferences';
import type { IsnadApp } from './controller';

/** The running app, provided at the root. */
export const AppContext = createContext<IsnadApp | null>(null);

/** The running app. */
export function useApp(): IsnadApp {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <AppContext.Provider>');
  return app;
}

/** The current corpus state; re-renders on every committed transaction. */
export function useCorpusState(): CorpusState {
  const app = useApp();
  return useSyncExternalStore(app.corpus.subscribe, app.corpus.getSnapshot);
}

const NOT_FOLLOWING = (): (() => void) => () => undefined;

/**
 * The corpus state, followed only while `active` (an open dialog): while inactive the view
 * still reads the current state whenever it renders for another reason, but an edit does
 * not render it. A closed dialog subscribed with {@link useCorpusState} rendered on every
 * keystroke, and the export dialog sorted every document each time.
 */
export function useCorpusStateWhile(active: boolean): CorpusState {
  const app = useApp();
  return useSyncExternalStore(active ? app.corpus.subscribe : NOT_FOLLOWING, app.corpus.getSnapshot);
}

/**
 * A part of the corpus state (`select` must return the same object while that part is
 * unchanged, e.g. `(s) => s.corpus.schema`); re-renders only when it changes, not on every
 * edit as {@link useCorpusState} does.
 */
export function useCorpusValue<T>(select: (state: CorpusState) => T): T {
  const app = useApp();
  return useSyncExternalStore(app.corpus.subscribe, () => select(app.corpus.state));
}

/**
 * One field of the view state; re-renders only when that field changes (by identity), not
 * on every caret move or notice. (There is deliberately no hook for the whole view state:
 * a view subscribed to it rendered again on every arrow key.)
 */
export function useUiValue<K extends keyof UiState>(key: K): UiState[K] {
  const app = useApp();
  return useSyncExternalStore(app.ui.subscribe, () => app.ui.state[key]);
}

/** The key bindings in use; re-renders when the user changes one. */
export function useBindings(): ReadonlyMap<string, string[]> {
  const app = useApp();
  return useSyncExternalStore(app.bindings.subscribe, app.bindings.getSnapshot);
}

/** The translator of the interface language; re-renders when the language changes. */
export function useT(): Translate {
  const app = useApp();
  return useSyncExternalStore(app.preferences.subscribe, app.preferences.getSnapshot).t;
}

/** The interface preferences (language, theme, article text). */
export function usePreferences(): Preferences {
  const app = useApp();
  return useSyncExternalStore(app.preferences.subscribe, app.preferences.getSnapshot).preferences;
}
