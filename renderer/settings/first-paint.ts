/**
 * A copy of the preferences in localStorage, read synchronously when the renderer starts, so
 * that language, direction and theme are right before the first paint (IndexedDB, which
 * holds the real value, can only be read asynchronously). The copy is written after every
 * IndexedDB write and is only ever a hint: a missing or damaged copy means defaults until
 * the database has been read.
 */
import { sanitisePreferences, type Preferences } from './preferences';

const HINT_KEY = 'isnad.preferences';

/** The storage the hint lives in (window.localStorage), or null where there is none. */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled
  }
}

/** The preferences last written, if a copy is there. */
export function readPreferenceHint(store: Storage | null = storage()): Preferences | null {
  try {
    const text = store?.getItem(HINT_KEY);
    return text ? sanitisePreferences(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

/** Keeps the copy up to date (failures are ignored: it is only a hint). */
export function writePreferenceHint(preferences: Preferences, store: Storage | null = storage()): void {
  try {
    store?.setItem(HINT_KEY, JSON.stringify(preferences));
  } catch {
    // quota or disabled storage: the next start reads IndexedDB a moment later
  }
}
