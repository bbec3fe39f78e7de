import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { IsnadDatabase, readSetting, writeSetting } from '../../../renderer/db/db';
import { BINDINGS_SETTING, KeyBindingStore, RESERVED_BINDINGS, bindingConflicts, effectiveBindings } from '../../../renderer/commands/bindings';
import { canonicalBinding } from '../../../renderer/commands/keys';
import { en } from '../../../shared/i18n/en';
import { ar } from '../../../shared/i18n/ar';
import { allActionDefinitions } from '../../../renderer/commands/definitions';

const definitions = allActionDefinitions(DEFAULT_LABEL_SCHEMA);
const opened: IsnadDatabase[] = [];
let count = 0;

async function storeOn(name = `bindings-${++count}`): Promise<{ db: IsnadDatabase; store: KeyBindingStore }> {
  const db = new IsnadDatabase(name);
  opened.push(db);
  await db.open();
  const store = new KeyBindingStore(db, () => definitions);
  await store.load();
  return { db, store };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('key bindings', () => {
  it('the defaults give every key to one action only', () => {
    expect(bindingConflicts(definitions, effectiveBindings(definitions, {}))).toEqual([]);
  });

  it('refuses a key another action has, saying which, and stores nothing', async () => {
    const { db, store } = await storeOn();
    const result = await store.rebind('document.next', 'p');
    expect(result).toEqual({ ok: false, problem: { kind: 'conflict', key: 'P', actionId: 'document.previous' } });
    expect(store.keysFor('document.next')).toEqual(['N']);
    expect(await readSetting(db, BINDINGS_SETTING, null)).toBeNull();
  });

  it('refuses keys the system keeps, and unknown actions', async () => {
    const { store } = await storeOn();
    expect(await store.rebind('document.next', 'Ctrl+W')).toEqual({ ok: false, problem: { kind: 'reserved', key: 'Mod+W', reason: 'close' } });
    expect(await store.rebind('document.next', 'ctrl+c')).toEqual({ ok: false, problem: { kind: 'reserved', key: 'Mod+C', reason: 'clipboard' } });
    expect(await store.rebind('no.such.action', 'J')).toEqual({ ok: false, problem: { kind: 'unknown-action' } });
  });

  it('refuses the keys browsers and operating systems never give a page, on every platform Mod stands for', async () => {
    const { db, store } = await storeOn();
    const kept: Array<[string, string, string]> = [
      ['Ctrl+Tab', 'Mod+Tab', 'switchTab'],
      ['Ctrl+Shift+Tab', 'Mod+Shift+Tab', 'switchTab'],
      ['Ctrl+PageDown', 'Mod+PageDown', 'switchTab'],
      ['Cmd+Alt+ArrowRight', 'Mod+Alt+ArrowRight', 'switchTab'],
      ['Cmd+Shift+]', 'Mod+Shift+]', 'switchTab'],
      ['Ctrl+Shift+W', 'Mod+Shift+W', 'close'],
      ['Ctrl+F4', 'Mod+F4', 'close'],
      ['Alt+F4', 'Alt+F4', 'close'],
      ['Ctrl+Shift+T', 'Mod+Shift+T', 'reopenTab'],
      ['Ctrl+Shift+N', 'Mod+Shift+N', 'newWindow'],
      ['Ctrl+N', 'Mod+N', 'newWindow'],
      ['Ctrl+T', 'Mod+T', 'newTab'],
      ['Ctrl+Shift+Q', 'Mod+Shift+Q', 'quit'],
      ['Alt+Tab', 'Alt+Tab', 'switchWindow'],
      // macOS: Cmd is Mod, as in every binding.
      ['Cmd+Q', 'Mod+Q', 'quit'],
      ['Cmd+W', 'Mod+W', 'close'],
      ['Cmd+H', 'Mod+H', 'hide'],
      ['Cmd+Tab', 'Mod+Tab', 'switchTab'],
    ];
    for (const [pressed, key, reason] of kept) expect(await store.rebind('document.next', pressed), pressed).toEqual({ ok: false, problem: { kind: 'reserved', key, reason } });
    expect(await readSetting(db, BINDINGS_SETTING, null)).toBeNull();
    // Keys Chromium lets a page take stay free.
    for (const free of ['Ctrl+L', 'Ctrl+P', 'Ctrl+S', 'Ctrl+D', 'Ctrl+1']) expect(store.problem('document.search', free), free).toBeNull();
  });

  it('reserves no default key and gives every reserved key a reason the catalogues name', () => {
    const defaults = new Set(definitions.flatMap((d) => d.keys.map(canonicalBinding)));
    for (const [key, reason] of Object.entries(RESERVED_BINDINGS)) {
      expect(canonicalBinding(key), key).toBe(key);
      expect(defaults.has(key), key).toBe(false);
      expect(en[`keyboard.reason.${reason}` as keyof typeof en], reason).toBeTruthy();
      expect(ar[`keyboard.reason.${reason}` as keyof typeof ar], reason).toBeTruthy();
    }
  });

  it('a new key is stored before it applies, and a fresh start reads it back', async () => {
    const { db, store } = await storeOn('bindings-persist');
    let notified = 0;
    store.subscribe(() => notified++);
    expect(await store.rebind('document.next', 'shift+ctrl+j')).toEqual({ ok: true });
    expect(store.keysFor('document.next')).toEqual(['Mod+Shift+J']);
    expect(notified).toBe(1);
    expect(await readSetting(db, BINDINGS_SETTING, null)).toEqual({ 'document.next': ['Mod+Shift+J'] });
    db.close();
    const again = await storeOn('bindings-persist');
    expect(again.store.keysFor('document.next')).toEqual(['Mod+Shift+J']);
    expect(again.store.isChanged('document.next')).toBe(true);
    // The old key is free for another action now.
    expect(await again.store.rebind('document.previous', 'N')).toEqual({ ok: true });
  });

  it('resets one action, unless another took its default key meanwhile; resets all', async () => {
    const { db, store } = await storeOn();
    await store.rebind('document.next', 'J');
    await store.rebind('document.previous', 'N');
    expect(await store.resetAction('document.next')).toEqual({ ok: false, problem: { kind: 'conflict', key: 'N', actionId: 'document.previous' } });
    expect(await store.resetAction('document.previous')).toEqual({ ok: true });
    expect(await store.resetAction('document.next')).toEqual({ ok: true });
    expect(store.keysFor('document.next')).toEqual(['N']);
    await store.rebind('view.commands', 'Mod+P');
    await store.resetAll();
    expect(store.keysFor('view.commands')).toEqual(['Mod+K']);
    expect(await readSetting(db, BINDINGS_SETTING, null)).toEqual({});
  });

  it('ignores stored entries that are not lists of keys', async () => {
    const db = new IsnadDatabase(`bindings-${++count}`);
    opened.push(db);
    await db.open();
    await writeSetting(db, BINDINGS_SETTING, { 'document.next': 'J', 'document.previous': ['K'] });
    const store = new KeyBindingStore(db, () => definitions);
    await store.load();
    expect(store.keysFor('document.next')).toEqual(['N']);
    expect(store.keysFor('document.previous')).toEqual(['K']);
  });
});
