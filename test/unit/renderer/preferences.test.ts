import { afterEach, describe, expect, it } from 'vitest';
import { IsnadApp } from '../../../renderer/app/controller';
import { IsnadDatabase, readSetting } from '../../../renderer/db/db';
import { BINDINGS_SETTING } from '../../../renderer/commands/bindings';
import type { SettingMessage, SettingsChannel } from '../../../renderer/settings/settings-sync';
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

/** Two connected stand-ins for the settings BroadcastChannel of two windows (a message goes to the other one only). */
function channelPair(): [SettingsChannel, SettingsChannel] {
  const listeners: Array<Array<(event: MessageEvent<SettingMessage>) => void>> = [[], []];
  const end = (own: number): SettingsChannel => ({
    postMessage: (message) => queueMicrotask(() => listeners[1 - own]!.forEach((listener) => listener({ data: message } as MessageEvent<SettingMessage>))),
    addEventListener: (_type, listener) => void listeners[own]!.push(listener),
    close: () => undefined,
  });
  return [end(0), end(1)];
}

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

  it('keep every one of quick changes made before the first is stored, in order', async () => {
    const app = await IsnadApp.start(browserPlatform, database(`prefs-${++dbCount}`), testContext(), () => ['en-GB']);
    // Four key presses on the font-size slider and a theme change, none waiting for the last.
    const sizes = [17, 18, 19, 20].map((articleFontSize) => app.settings.update({ articleFontSize }));
    const theme = app.settings.update({ theme: 'dark' });
    expect(await Promise.all([...sizes, theme])).toEqual([true, true, true, true, true]);
    expect(app.preferences.preferences).toMatchObject({ articleFontSize: 20, theme: 'dark' });
    expect(await readSetting(app.db, PREFERENCES_KEY, null)).toMatchObject({ articleFontSize: 20, theme: 'dark' });
  });

  it('report a refused write, keep what was stored, and build the next change on it', async () => {
    const app = await IsnadApp.start(browserPlatform, database(`prefs-${++dbCount}`), testContext(), () => ['en-GB']);
    await app.settings.update({ articleFontSize: 22 });
    const put = app.db.settings.put.bind(app.db.settings);
    app.db.settings.put = () => Promise.reject(new Error('disk full')) as never;
    expect(await app.settings.update({ theme: 'dark' })).toBe(false);
    expect(app.ui.state.notice).toMatchObject({ tone: 'error' });
    expect(app.preferences.preferences).toMatchObject({ articleFontSize: 22, theme: DEFAULT_PREFERENCES.theme });
    app.db.settings.put = put;
    expect(await app.settings.update({ articleLineHeight: 2 })).toBe(true);
    expect(await readSetting(app.db, PREFERENCES_KEY, null)).toEqual({ ...DEFAULT_PREFERENCES, articleFontSize: 22, articleLineHeight: 2 });
  });

  it('two windows: a change in one is built on, not overwritten, by the other, and each takes in the other’s (preferences, shortcuts, snapping)', async () => {
    const name = `prefs-${++dbCount}`;
    const channels = channelPair();
    const a = await IsnadApp.start(browserPlatform, database(name), testContext(), () => ['en-GB'], null, channels[0]);
    const b = await IsnadApp.start(browserPlatform, database(name), testContext(), () => ['en-GB'], null, channels[1]);
    await a.settings.update({ language: 'ar', theme: 'dark' });
    // Window B still shows the old settings when its own change goes out: it must not put them back.
    await b.settings.update({ articleFontSize: 21 });
    expect(await readSetting(a.db, PREFERENCES_KEY, null)).toEqual({ ...DEFAULT_PREFERENCES, language: 'ar', theme: 'dark', articleFontSize: 21 });
    await expect.poll(() => b.t.language).toBe('ar');
    await expect.poll(() => a.preferences.preferences.articleFontSize).toBe(21);
    expect(b.preferences.preferences).toEqual({ ...DEFAULT_PREFERENCES, language: 'ar', theme: 'dark', articleFontSize: 21 });

    expect(await a.bindings.rebind('label.PER', 'q')).toEqual({ ok: true });
    expect(await b.bindings.rebind('label.ORG', 'w')).toEqual({ ok: true });
    expect(await readSetting(a.db, BINDINGS_SETTING, null)).toEqual({ 'label.PER': ['Q'], 'label.ORG': ['W'] });
    await expect.poll(() => a.bindings.keysFor('label.ORG')).toEqual(['W']);
    expect(b.bindings.keysFor('label.PER')).toEqual(['Q']);

    await a.caret.setSnapMode('grapheme');
    await expect.poll(() => b.ui.state.snapMode).toBe('grapheme');
  });

  it('write notices in the interface language', async () => {
    const app = await IsnadApp.start(browserPlatform, database(`prefs-${++dbCount}`), testContext(), () => ['ar-EG']);
    await app.undo();
    expect(app.ui.state.notice?.text).toBe('لا شيء للتراجع عنه.');
  });
});
