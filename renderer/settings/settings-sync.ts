/**
 * Keeps the settings of the app's windows and tabs in step. A window stores a setting by
 * changing what is stored (`updateSetting`: read and written in one transaction, so a
 * change made in another window meanwhile is built on, not overwritten), then names the
 * setting on a BroadcastChannel; the other windows read it back from IndexedDB — the
 * database, not the message, is the truth — and apply it (preferences, key bindings, mouse
 * snapping), as CorpusSync does for records.
 */
import { openWindowChannel, type WindowChannel } from '../state/window-channel';

/** The channel name every Isnad window of one origin listens on for settings. */
export const SETTINGS_CHANNEL_NAME = 'isnad-settings';

/** What one window tells the others: the key of the setting it stored. */
export interface SettingMessage {
  key: string;
}

/** The channel the sync uses (a stand-in in tests). */
export type SettingsChannel = WindowChannel<SettingMessage>;

/** The window's settings channel, or null where there is none (then windows do not sync settings). */
export function openSettingsChannel(): SettingsChannel | null {
  return openWindowChannel<SettingMessage>(SETTINGS_CHANNEL_NAME);
}

/** Announces this window's stored settings and applies the other windows' ones. */
export class SettingsSync {
  private readonly appliers = new Map<string, () => Promise<void>>();

  constructor(
    private readonly channel: SettingsChannel | null,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    channel?.addEventListener('message', (event) => {
      const key = (event.data as Partial<SettingMessage> | null)?.key;
      const apply = typeof key === 'string' ? this.appliers.get(key) : undefined;
      apply?.().catch(this.onError);
    });
  }

  /** How this window takes in `key` after another window stored it (read it back and apply it). */
  on(key: string, apply: () => Promise<void>): void {
    this.appliers.set(key, apply);
  }

  /** Tells the other windows that this window stored `key`. */
  announce(key: string): void {
    try {
      this.channel?.postMessage({ key });
    } catch {
      // A closed channel (the window is going away): the others read the setting when they start.
    }
  }
}
