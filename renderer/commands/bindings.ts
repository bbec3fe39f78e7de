/**
 * The user's key bindings: the registry's defaults with the user's changes on top, conflict
 * detection (one key, one action), and persistence in the settings table of IndexedDB.
 * A change is written before it takes effect, like every other user action.
 */
import { readSetting, updateSetting, type IsnadDatabase } from '../db/db';
import type { ActionDefinition } from './definitions';
import { canonicalBinding } from './keys';

/** The settings row holding the user's bindings: action id → keys (only changed actions). */
export const BINDINGS_SETTING = 'keyBindings';

/** The user's changes: action id → its keys (an empty list unbinds it). */
export type BindingOverrides = Readonly<Record<string, readonly string[]>>;

/** Why the system keeps a key (each has a message in the catalogues: keyboard.reason.*). */
export type ReservedReason = 'quit' | 'close' | 'newWindow' | 'newTab' | 'reopenTab' | 'switchTab' | 'switchWindow' | 'hide' | 'reload' | 'clipboard' | 'selectAll';

/**
 * Keys the browser or the operating system keeps for itself, or that text fields need.
 *
 * "Mod" is Ctrl or Cmd (`keys.ts`), so a key is reserved when either platform keeps it: Mod+Q
 * and Mod+H because Cmd+Q quits and Cmd+H hides an application on macOS, Mod+Tab because
 * Ctrl+Tab switches tabs in Chromium and Cmd+Tab switches applications on macOS.
 *
 * The browser's part is what Chromium never lets a page see (`IsReservedCommandOrKey`: close
 * tab or window, new window, new private window, new tab, reopen closed tab, next or previous
 * tab, quit), with every key those commands have on any platform: Ctrl+F4 closes a tab,
 * Ctrl+PageUp/PageDown, Cmd+Option+←/→ and Cmd+Shift+[ / ] switch tabs, Ctrl+Shift+Q quits.
 * Other browser keys (Ctrl+L, Ctrl+P, Ctrl+S, Ctrl+F, Ctrl+D, Ctrl+1…9) reach the page first
 * and are the user's to take. The operating system's part is Alt+Tab and Alt+F4.
 *
 * The desktop (Electron) app has no tabs and delivers Ctrl+Tab, Ctrl+T, Ctrl+Shift+T, Ctrl+N
 * and Ctrl+Shift+N to the page, so it could offer them. The set is still one for both hosts,
 * not a `HostPlatform` matter: the defaults, the cheat sheet and the README's table stay one
 * list, a binding means the same wherever the user works, and to anyone who also uses a
 * browser these keys mean tabs and windows. The desktop app's own menu keeps Ctrl/Cmd+R
 * (reload) and, on macOS, Cmd+Q, Cmd+H and Cmd+Option+H.
 */
export const RESERVED_BINDINGS: Readonly<Record<string, ReservedReason>> = {
  'Mod+Q': 'quit',
  'Mod+Shift+Q': 'quit',
  'Mod+W': 'close',
  'Mod+Shift+W': 'close',
  'Mod+F4': 'close',
  'Alt+F4': 'close',
  'Mod+N': 'newWindow',
  'Mod+Shift+N': 'newWindow',
  'Mod+T': 'newTab',
  'Mod+Shift+T': 'reopenTab',
  'Mod+Tab': 'switchTab',
  'Mod+Shift+Tab': 'switchTab',
  'Mod+PageDown': 'switchTab',
  'Mod+PageUp': 'switchTab',
  'Mod+Alt+ArrowLeft': 'switchTab',
  'Mod+Alt+ArrowRight': 'switchTab',
  'Mod+Shift+[': 'switchTab',
  'Mod+Shift+]': 'switchTab',
  'Alt+Tab': 'switchWindow',
  'Alt+Shift+Tab': 'switchWindow',
  'Mod+H': 'hide',
  'Mod+Alt+H': 'hide',
  'Mod+R': 'reload',
  F5: 'reload',
  'Mod+C': 'clipboard',
  'Mod+V': 'clipboard',
  'Mod+X': 'clipboard',
  'Mod+A': 'selectAll',
};

/** Why a key cannot be bound (the view puts it in words, in the interface language). */
export type BindingProblem = { kind: 'conflict'; key: string; actionId: string } | { kind: 'reserved'; key: string; reason: ReservedReason } | { kind: 'unknown-action' };

/** The keys each action has: its default keys unless the user changed them. */
export function effectiveBindings(definitions: readonly ActionDefinition[], overrides: BindingOverrides): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const def of definitions) map.set(def.id, [...(overrides[def.id] ?? def.keys)].map(canonicalBinding));
  return map;
}

/** Why `key` cannot be given to `actionId`, or null when it can. */
export function bindingProblem(definitions: readonly ActionDefinition[], bindings: ReadonlyMap<string, readonly string[]>, actionId: string, key: string): BindingProblem | null {
  const wanted = canonicalBinding(key);
  const reason = RESERVED_BINDINGS[wanted];
  if (reason) return { kind: 'reserved', key: wanted, reason };
  for (const def of definitions) {
    if (def.id === actionId) continue;
    if ((bindings.get(def.id) ?? []).includes(wanted)) return { kind: 'conflict', key: wanted, actionId: def.id };
  }
  return null;
}

/** Every pair of actions sharing a key (empty for a sound set of bindings). */
export function bindingConflicts(definitions: readonly ActionDefinition[], bindings: ReadonlyMap<string, readonly string[]>): Array<{ key: string; actionIds: string[] }> {
  const byKey = new Map<string, string[]>();
  for (const def of definitions) for (const key of bindings.get(def.id) ?? []) byKey.set(key, [...(byKey.get(key) ?? []), def.id]);
  return [...byKey].filter(([, ids]) => ids.length > 1).map(([key, actionIds]) => ({ key, actionIds }));
}

/** Stored binding changes, without entries that are not lists of strings. */
function cleanOverrides(stored: unknown): Record<string, string[]> {
  const clean: Record<string, string[]> = {};
  if (stored && typeof stored === 'object') {
    for (const [id, keys] of Object.entries(stored)) if (Array.isArray(keys) && keys.every((k) => typeof k === 'string')) clean[id] = keys;
  }
  return clean;
}

/** The outcome of a change: done, or refused with the reason. */
export type BindingResult = { ok: true } | { ok: false; problem: BindingProblem };

/**
 * The bindings in use, kept outside React (views subscribe). `definitions` is read on every
 * call because label actions follow the open corpus's schema.
 */
export class KeyBindingStore {
  private overrides: BindingOverrides = {};
  private current = new Map<string, string[]>();
  private readonly listeners = new Set<() => void>();

  /** `stored` is called after each change is stored (the app tells its other windows). */
  constructor(
    private readonly db: IsnadDatabase,
    private readonly definitions: () => readonly ActionDefinition[],
    private readonly stored: () => void = () => undefined,
  ) {
    this.current = effectiveBindings(this.definitions(), this.overrides);
  }

  /** Reads the stored changes (at start, and after another window stored some). */
  async load(): Promise<void> {
    this.publish(cleanOverrides(await readSetting<unknown>(this.db, BINDINGS_SETTING, {})));
  }

  /** The keys of one action. */
  keysFor(actionId: string): string[] {
    return this.current.get(actionId) ?? [];
  }

  /** All bindings (recomputed when the schema's labels change). */
  all(): ReadonlyMap<string, string[]> {
    return this.current;
  }

  /** How many actions have keys the user chose. */
  get changedCount(): number {
    return Object.keys(this.overrides).length;
  }

  /** True when the user changed this action's keys. */
  isChanged(actionId: string): boolean {
    return actionId in this.overrides;
  }

  /** Why `key` cannot go to `actionId` now, or null. */
  problem(actionId: string, key: string): BindingProblem | null {
    return bindingProblem(this.definitions(), this.current, actionId, key);
  }

  /** Gives `actionId` the single key `key`, unless another action (or the system) has it. */
  async rebind(actionId: string, key: string): Promise<BindingResult> {
    if (!this.definitions().some((d) => d.id === actionId)) return { ok: false, problem: { kind: 'unknown-action' } };
    const problem = this.problem(actionId, key);
    if (problem) return { ok: false, problem };
    await this.save((stored) => ({ ...stored, [actionId]: [canonicalBinding(key)] }));
    return { ok: true };
  }

  /** Gives one action its default keys back (refused if another action took one of them meanwhile). */
  async resetAction(actionId: string): Promise<BindingResult> {
    const def = this.definitions().find((d) => d.id === actionId);
    if (!def) return { ok: false, problem: { kind: 'unknown-action' } };
    for (const key of def.keys) {
      const problem = this.problem(actionId, key);
      if (problem) return { ok: false, problem };
    }
    await this.save((stored) => {
      const { [actionId]: _removed, ...rest } = stored;
      return rest;
    });
    return { ok: true };
  }

  /** Every action back to its default keys. */
  async resetAll(): Promise<void> {
    await this.save(() => ({}));
  }

  /** Recomputes the bindings after the schema (label actions) changed. */
  refresh(): void {
    this.publish(this.overrides);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReadonlyMap<string, string[]> => this.current;

  /** Stores a change made to the stored bindings (which may hold another window's changes this one has not heard of yet). */
  private async save(change: (stored: BindingOverrides) => BindingOverrides): Promise<void> {
    this.publish(await updateSetting(this.db, BINDINGS_SETTING, (stored) => change(cleanOverrides(stored))));
    this.stored();
  }

  private publish(next: BindingOverrides): void {
    this.overrides = next;
    this.current = effectiveBindings(this.definitions(), next);
    for (const listener of this.listeners) listener();
  }
}
