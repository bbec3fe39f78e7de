/**
 * The current preferences and the translator for the language they resolve to, kept outside
 * React like the other stores. Views read the translator through `useT()`; non-React code
 * (action groups, the controller) through `app.t`.
 */
import { createTranslator, type Translate } from '../../shared/i18n/i18n';
import { resolveLanguage, type Preferences } from './preferences';

/** A snapshot: the preferences and the translator of their language. */
export interface PreferencesSnapshot {
  readonly preferences: Preferences;
  readonly t: Translate;
}

/** A tiny external store for the interface preferences. */
export class PreferencesStore {
  private current: PreferencesSnapshot;
  private readonly listeners = new Set<() => void>();

  /** `systemLanguages` is asked again whenever the language preference is `system`. */
  constructor(
    preferences: Preferences,
    private readonly systemLanguages: () => readonly string[],
  ) {
    this.current = { preferences, t: createTranslator(resolveLanguage(preferences, systemLanguages())) };
  }

  get preferences(): Preferences {
    return this.current.preferences;
  }

  get t(): Translate {
    return this.current.t;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PreferencesSnapshot => this.current;

  /** Replaces the preferences (a new translator only when the language changes) and notifies. */
  set(preferences: Preferences): void {
    const language = resolveLanguage(preferences, this.systemLanguages());
    const t = language === this.current.t.language ? this.current.t : createTranslator(language);
    this.current = { preferences, t };
    for (const listener of this.listeners) listener();
  }
}
