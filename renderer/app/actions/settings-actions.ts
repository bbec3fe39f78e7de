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

  /** The preferences with every update asked for so far, stored or still being stored. */
  private latest: Preferences | null = null;
  /** Updates are stored one after another, in the order they were asked for. */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Changes some preferences: stored in IndexedDB first, then applied; resolves true once
   * stored. Each update builds on the ones asked for before it, even while those are still
   * being written (a quick second change must not undo the first). An invalid value is
   * ignored; a refused write is reported and leaves the stored preferences as they were.
   */
  update(patch: Partial<Preferences>): Promise<boolean> {
    const base = this.latest ?? this.store.preferences;
    const next = sanitisePreferences({ ...base, ...patch }, base);
    this.latest = next;
    const stored = this.queue.then(async () => {
      try {
        await writeSetting(this.app.db, PREFERENCES_KEY, next);
      } catch (error) {
        if (this.latest === next) this.latest = null;
        this.app.notify('error', this.app.t('notice.settingsNotSaved', { error: (error as Error).message }));
        return false;
      }
      if (this.latest === next) this.latest = null;
      writePreferenceHint(next);
      this.store.set(next);
      return true;
    });
    this.queue = stored;
    return stored;
  }

  /** Puts every preference back to its default. */
  async reset(): Promise<void> {
    await this.update(DEFAULT_PREFERENCES);
  }
}
