import { afterEach, describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/ipc/contract';
import { IsnadApp } from '../../../renderer/app/controller';
import { IsnadDatabase } from '../../../renderer/db/db';
import { MENU_ACTIONS, actionForEvent, actionHandlers, buildActions } from '../../../renderer/commands/actions';
import { ACTION_DEFINITIONS } from '../../../renderer/commands/definitions';
import { closeApps, testPlatform } from '../helpers/app';
import { testContext } from '../helpers/tagged';

const platform = testPlatform();
const opened: IsnadApp[] = [];

async function startApp(): Promise<IsnadApp> {
  const app = await IsnadApp.start(platform, new IsnadDatabase(`registry-${opened.length}`), testContext(), undefined, null);
  opened.push(app);
  return app;
}

afterEach(() => closeApps(opened));

const press = (code: string, key: string, mods: { ctrlKey?: boolean; shiftKey?: boolean; altKey?: boolean } = {}) => ({ code, key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('the action registry', () => {
  it('gives every action something to do, and every menu command an action', async () => {
    const app = await startApp();
    const actions = buildActions(app);
    const ids = new Set(actions.map((a) => a.id));
    const handlers = actionHandlers(app);
    expect(Object.keys(handlers).sort()).toEqual(ACTION_DEFINITIONS.map((d) => d.id).sort());
    for (const command of MENU_COMMANDS) expect(ids.has(MENU_ACTIONS[command]), command).toBe(true);
    expect(ids.size).toBe(actions.length);
  });

  it('titles actions in the interface language and gives the palette their title in the other one', async () => {
    const app = await startApp();
    const exportCorpus = buildActions(app).find((a) => a.id === 'file.export')!;
    expect(app.t.language).toBe('en');
    expect(exportCorpus.title).toBe('Export corpus as JSON');
    expect(exportCorpus.otherSearchTexts).toEqual(['تصدير المدوّنة بصيغة JSON ملف']);
  });

  it('finds actions by key and scope: Tab only in the article, letters never in a form field', async () => {
    const app = await startApp();
    const actions = buildActions(app);
    const anywhere = { inField: false, inArticle: false };
    expect(actionForEvent(actions, press('KeyN', 'ى'), anywhere)?.id).toBe('document.next');
    expect(actionForEvent(actions, press('KeyN', 'n'), { inField: true, inArticle: false })).toBeUndefined();
    expect(actionForEvent(actions, press('Tab', 'Tab'), anywhere)).toBeUndefined();
    expect(actionForEvent(actions, press('Tab', 'Tab'), { inField: false, inArticle: true })?.id).toBe('span.next');
    expect(actionForEvent(actions, press('KeyK', 'k', { ctrlKey: true }), { inField: true, inArticle: false })?.id).toBe('view.commands');
    expect(actionForEvent(actions, press('ArrowLeft', 'ArrowLeft', { ctrlKey: true, shiftKey: true }), anywhere)?.id).toBe('selection.clitic-left');
    expect(actionForEvent(actions, press('Digit5', '٥'), anywhere)?.id).toBe('label.CLAIM');
  });

  it('follows a rebinding at once', async () => {
    const app = await startApp();
    await app.bindings.rebind('document.next', 'J');
    const actions = buildActions(app);
    expect(actionForEvent(actions, press('KeyJ', 'j'), { inField: false, inArticle: false })?.id).toBe('document.next');
    expect(actionForEvent(actions, press('KeyN', 'n'), { inField: false, inArticle: false })).toBeUndefined();
  });
});
