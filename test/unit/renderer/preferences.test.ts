import { afterEach, describe, expect, it } from 'vitest';
import { IsnadApp } from '../../../renderer/app/controller';
import { IsnadDatabase, readSetting } from '../../../renderer/db/db';
import { browserPlatform } from '../../../renderer/platform/browser';
import { readPreferenceHint, writePreferenceHint } from '../../../renderer/settings/first-paint';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY, resolveLanguage, sanitisePreferences } from '../../../renderer/settings/preferences';
import { testContext } from '../helpers/tagged';

let dbCount = 0;
const opened: IsnadDatabase[] = [];

function database(name: string): IsnadDatabase {
  const db = new IsnadDatabase(name);
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A tiny in-memory Storage (the first-paint copy). */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('preferences', () => {
  it('fall back to defaults for anything missing, unknown or out of range', () => {
    expect(sanitisePreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
    expect(sanitisePreferences({ language: 'fr', theme: 'sepia', articleFontSize: 400, articleLineHeight: '2' })).toEqual(DEFAULT_PREFERENCES);
    expect(sanitisePreferences({ language: 'ar', theme: 'dark', articleFontSize: 24, articleLineHeight: 1.7000000001, extra: 1 })).toEqual({ language: 'ar', theme: 'dark', articleFontSize: 24, articleLineHeight: 1.7 });
  });

  it('resolve the language: the system one (navigator.languages) unless one is chosen', () => {
    expect(resolveLanguage(DEFAULT_PREFERENCES, ['ar-SA', 'en'])).toBe('ar');
    expect(resolveLanguage(DEFAULT_PREFERENCES, ['de-DE'])).toBe('en');
    expect(resolveLanguage({ ...DEFAULT_PREFERENCES, language: 'en' }, ['ar-SA'])).toBe('en');
  });

  it('keep a first-paint copy that survives only as a hint (a damaged copy reads as none)', () => {
    const storage = memoryStorage();
    expect(readPreferenceHint(storage)).toBeNull();
    writePreferenceHint({ ...DEFAULT_PREFERENCES, theme: 'dark' }, storage);
    expect(readPreferenceHint(storage)?.theme).toBe('dark');
    storage.setItem('isnad.preferences', '{not json');
    expect(readPreferenceHint(storage)).toBeNull();
  });
});

describe('settings actions', () => {
  it('store a change in IndexedDB before it is applied, switch the translator, and come back after a restart', async () => {
    const name = `prefs-${++dbCount}`;
    const app = await IsnadApp.start(browserPlatform, database(name), testContext(), () => ['en-GB']);
    expect(app.t.language).toBe('en');
    expect(app.t('toolbar.settings')).toBe('Settings');
    await app.settings.update({ language: 'ar', theme: 'dark', articleFontSize: 26 });
    expect(app.t.language).toBe('ar');
    expect(app.t('toolbar.settings')).toBe('الإعدادات');
    expect(await readSetting(app.db, PREFERENCES_KEY, null)).toEqual({ ...DEFAULT_PREFERENCES, language: 'ar', theme: 'dark', articleFontSize: 26 });
    app.db.close();

    const again = await IsnadApp.start(browserPlatform, database(name), testContext(), () => ['en-GB']);
    expect(again.preferences.preferences).toEqual({ ...DEFAULT_PREFERENCES, language: 'ar', theme: 'dark', articleFontSize: 26 });
    expect(again.t.language).toBe('ar');
    await again.settings.reset();
    expect(again.preferences.preferences).toEqual(DEFAULT_PREFERENCES);
  });

  it('ignore an out-of-range value, keeping the previous one', async () => {
    const app = await IsnadApp.start(browserPlatform, database(`prefs-${++dbCount}`), testContext(), () => ['en-GB']);
    await app.settings.update({ articleFontSize: 22 });
    await app.settings.update({ articleFontSize: 2 });
    expect(app.preferences.preferences.articleFontSize).toBe(22);
  });

  it('write notices in the interface language', async () => {
    const app = await IsnadApp.start(browserPlatform, database(`prefs-${++dbCount}`), testContext(), () => ['ar-EG']);
    await app.undo();
    expect(app.ui.state.notice?.text).toBe('لا شيء للتراجع عنه.');
  });
});
