/** Interface preferences: language, theme, article font size and line spacing. */
import { readSetting, updateSetting } from '../../db/db';
import { writePreferenceHint } from '../../settings/first-paint';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY, sanitisePreferences, type Preferences } from '../../settings/preferences';
import type { PreferencesStore } from '../../settings/preferences-store';
import type { AppContext } from '../app-context';

export class SettingsActions {
  constructor(
    private readonly app: AppContext,
    private readonly store: PreferencesStore,
  ) {}

  /** Updates are stored one after another, in the order they were asked for. */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Changes some preferences: stored in IndexedDB first, then applied, and announced to the
   * other windows; resolves true once stored. Each update is made to what is stored, so it
   * builds on the ones asked for before it (a quick second change must not undo the first)
   * and on those another window stored. An invalid value is ignored; a refused write is
   * reported and leaves the stored preferences as they were.
   */
  update(patch: Partial<Preferences>): Promise<boolean> {
    const stored = this.queue.then(async () => {
      let next: Preferences;
      try {
        next = await updateSetting(this.app.db, PREFERENCES_KEY, (value) => {
          const base = sanitisePreferences(value, this.store.preferences);
          return sanitisePreferences({ ...base, ...patch }, base);
        });
      } catch (error) {
        this.app.notify('error', this.app.t('notice.settingsNotSaved', { error: (error as Error).message }));
        return false;
      }
      this.apply(next);
      this.app.settingsSync.announce(PREFERENCES_KEY);
      return true;
    });
    this.queue = stored;
    return stored;
  }

  /** Takes in the preferences another window stored (read back from the database). */
  async reload(): Promise<void> {
    this.apply(sanitisePreferences(await readSetting<unknown>(this.app.db, PREFERENCES_KEY, null), this.store.preferences));
  }

  private apply(preferences: Preferences): void {
    writePreferenceHint(preferences);
    this.store.set(preferences);
  }

  /** Puts every preference back to its default. */
  async reset(): Promise<void> {
    await this.update(DEFAULT_PREFERENCES);
  }
}
