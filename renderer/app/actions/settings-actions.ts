/** Interface preferences: language, theme, article font size and line spacing. */
import { writeSetting } from '../../db/db';
import { writePreferenceHint } from '../../settings/first-paint';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY, sanitisePreferences, type Preferences } from '../../settings/preferences';
import type { PreferencesStore } from '../../settings/preferences-store';
import type { AppContext } from '../app-context';

export class SettingsActions {
  constructor(
    private readonly app: AppContext,
    private readonly store: PreferencesStore,
  ) {}

  /** Changes some preferences: stored in IndexedDB first, then applied. An invalid value is ignored. */
  async update(patch: Partial<Preferences>): Promise<void> {
    const next = sanitisePreferences({ ...this.store.preferences, ...patch }, this.store.preferences);
    try {
      await writeSetting(this.app.db, PREFERENCES_KEY, next);
    } catch (error) {
      this.app.notify('error', this.app.t('notice.settingsNotSaved', { error: (error as Error).message }));
      return;
    }
    writePreferenceHint(next);
    this.store.set(next);
  }

  /** Puts every preference back to its default. */
  async reset(): Promise<void> {
    await this.update(DEFAULT_PREFERENCES);
  }
}
