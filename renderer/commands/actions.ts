/**
 * The one action registry: every action's definition (definitions.ts) joined to what it does
 * and to the keys the user has bound. The keyboard handler, the command palette, the cheat
 * sheet, the settings view and the Electron menu all read it.
 */
import type { MenuCommand } from '../../shared/ipc/contract';
import type { Arrow, CaretUnit } from '../../shared/text/caret';
import type { EdgeChange, EdgeUnit, SpanEdge } from '../../shared/text/span-edges';
import type { IsnadApp } from '../app/controller';
import { inTextOrSpanList } from '../app/actions/caret-actions';
import { LANGUAGES, createTranslator, type Language } from '../../shared/i18n/i18n';
import { actionSearchText, actionTitle, allActionDefinitions, groupName, type ActionDefinition, type ActionScope } from './definitions';
import { fuzzyFilter } from './fuzzy';
import { matchesBinding, type KeyEventLike } from './keys';

/** One action: its definition, its title in the interface language, the keys bound to it now, and what it does. */
export interface Action extends ActionDefinition {
  /** What the action does, in the interface language. */
  title: string;
  /** Its group's name, in the interface language. */
  groupTitle: string;
  /** Its title and group's name in each other interface language: the palette finds “export” in Arabic too. */
  otherSearchTexts: readonly string[];
  /** The keys bound now (the user's, or the defaults). */
  keys: readonly string[];
  /** Runs the action; returning false means “not handled here” (the key keeps its default). */
  run(): void | boolean | Promise<void>;
}

type Handler = Action['run'];

function caretHandlers(app: IsnadApp): Record<string, Handler> {
  const handlers: Record<string, Handler> = {};
  const arrows: Array<[string, Arrow]> = [
    ['left', 'left'],
    ['right', 'right'],
    ['previous', 'up'],
    ['next', 'down'],
  ];
  const units: Array<[string, CaretUnit, Array<'left' | 'right' | 'previous' | 'next'>]> = [
    ['word', 'word', ['left', 'right']],
    ['grapheme', 'grapheme', ['left', 'right']],
    ['clitic', 'clitic', ['left', 'right']],
    ['clause', 'clause', ['previous', 'next']],
    ['sentence', 'sentence', ['previous', 'next']],
    ['paragraph', 'paragraph', ['previous', 'next']],
  ];
  for (const [name, unit, sides] of units) {
    for (const side of sides) {
      const arrow = arrows.find(([s]) => s === side)![1];
      handlers[`caret.${name}-${side}`] = () => app.caret.move(arrow, unit, false);
      handlers[`selection.${name}-${side}`] = () => app.caret.move(arrow, unit, true);
    }
  }
  return handlers;
}

function resizeHandlers(app: IsnadApp): Record<string, Handler> {
  const handlers: Record<string, Handler> = {};
  for (const change of ['grow', 'shrink'] as EdgeChange[]) {
    for (const edge of ['start', 'end'] as SpanEdge[]) {
      for (const unit of ['word', 'grapheme'] as EdgeUnit[]) handlers[`span.${change}-${edge}-${unit}`] = () => app.spans.resizeFocused(edge, change, unit);
    }
  }
  return handlers;
}

/** What each fixed action does, by id (label actions are made from the schema). */
export function actionHandlers(app: IsnadApp): Record<string, Handler> {
  return {
    ...caretHandlers(app),
    ...resizeHandlers(app),
    // From the settings, sources or snapshots view, Escape goes back to the article (as it closes the palette and the cheat sheet).
    'selection.clear': () => (app.ui.state.view === 'article' ? clearOrReturn(app) : app.navigation.focusArticle()),
    'span.next': () => app.spans.focusNext(1),
    'span.previous': () => app.spans.focusNext(-1),
    'span.open': () => app.spans.openFocused(),
    'span.delete': () => app.spans.deleteFocused(),
    'attribution.open': () => app.attribution.attributeFocused(),
    'document.next': () => app.navigation.nextDocument(1),
    'document.previous': () => app.navigation.nextDocument(-1),
    'document.next-unfinished': () => app.navigation.nextUnfinished(),
    'document.done-next': () => app.navigation.markDoneAndNext(),
    'document.search': () => app.navigation.focusSearch(),
    'search.next-match': () => app.matches.step(1),
    'search.previous-match': () => app.matches.step(-1),
    'suggestions.toggle': () => app.suggestions.toggle(),
    'suggestions.next': () => app.suggestions.focusNext(1),
    'suggestions.previous': () => app.suggestions.focusNext(-1),
    'suggestions.accept': () => app.suggestions.accept(),
    'suggestions.accept-all': () => app.suggestions.acceptAll(),
    'suggestions.reject': () => app.suggestions.reject(),
    'suggestions.restore-rejected': () => app.suggestions.restoreRejected(),
    'edit.undo': () => app.undo(),
    'edit.redo': () => app.redo(),
    'file.open': () => app.imports.openFiles(),
    'file.open-folder': () => app.imports.openFolder(),
    'file.export': () => app.exports.exportCorpus(),
    'file.export-dataset': () => app.ui.update({ exportOpen: true }),
    'file.import-dataset': () => app.datasets.pick(),
    'file.import-dataset-folder': () => app.datasets.pickFolder(),
    'file.corpora': () => app.corpora.openDialog(),
    'view.commands': () => app.navigation.toggleOverlay('commands'),
    'view.shortcuts': () => app.navigation.toggleOverlay('shortcuts'),
    'view.settings': () => app.showView(app.ui.state.view === 'settings' ? 'article' : 'settings'),
    'view.sources': () => app.showView(app.ui.state.view === 'sources' ? 'article' : 'sources'),
    'view.article': () => app.navigation.focusArticle(),
  };
}

/**
 * The actions matching `query`, best first: by title and group in the interface language, or
 * in another one for a little less (`fuzzyFilter`). The search of the command palette and of
 * the shortcut filter in the settings.
 */
export function searchActions(actions: readonly Action[], query: string): Action[] {
  return fuzzyFilter(actions, query, (a) => `${a.title} ${a.groupTitle}`, (a) => a.otherSearchTexts);
}

/**
 * All actions of the app with the keys bound now, titled in the interface language (and
 * searchable in the others); label actions come from the corpus schema.
 */
export function buildActions(app: IsnadApp): Action[] {
  const table = actionHandlers(app);
  const { t } = app;
  const others = (Object.keys(LANGUAGES) as Language[]).filter((language) => language !== t.language).map((language) => createTranslator(language));
  return allActionDefinitions(app.corpus.state.corpus.schema).map((def) => {
    const labelId = def.id.startsWith('label.') ? def.id.slice('label.'.length) : null;
    const run: Handler = labelId ? () => app.spans.applyLabel(labelId) : (table[def.id] ?? (() => false));
    const otherSearchTexts = others.map((other) => actionSearchText(def, other));
    return { ...def, title: actionTitle(def, t), groupTitle: groupName(def.group, t), otherSearchTexts, keys: app.bindings.keysFor(def.id), run };
  });
}

/**
 * Escape in the article view: clears the selection and the focused span; pressed on a control
 * outside the text (the status menu, a button of a panel), it also puts the keyboard back in
 * the text, so that the arrow keys move the caret again instead of changing that control.
 */
function clearOrReturn(app: IsnadApp): boolean {
  const cleared = app.caret.clear();
  const focus = globalThis.document?.activeElement;
  const outside = !!focus && focus !== globalThis.document.body && !inTextOrSpanList(focus);
  if (outside) app.navigation.focusArticle();
  return cleared || outside;
}

/** Where keyboard focus is when a key is pressed. */
export interface KeyContext {
  inField: boolean;
  inArticle: boolean;
}

function inScope(scope: ActionScope, where: KeyContext): boolean {
  return scope === 'global' || (scope === 'text' && !where.inField) || (scope === 'article' && where.inArticle);
}

/** Finds the action a key event triggers, if any. */
export function actionForEvent(actions: readonly Action[], event: KeyEventLike, where: KeyContext): Action | undefined {
  return actions.find((action) => inScope(action.scope, where) && action.keys.some((key) => matchesBinding(event, key)));
}

/** The action each application-menu command runs. */
export const MENU_ACTIONS: Readonly<Record<MenuCommand, string>> = {
  open: 'file.open',
  'open-folder': 'file.open-folder',
  export: 'file.export',
  undo: 'edit.undo',
  redo: 'edit.redo',
  'next-document': 'document.next',
  'previous-document': 'document.previous',
  'next-unfinished': 'document.next-unfinished',
  'done-next': 'document.done-next',
  search: 'document.search',
  'find-next': 'search.next-match',
  'find-previous': 'search.previous-match',
  'toggle-suggestions': 'suggestions.toggle',
  'command-palette': 'view.commands',
  shortcuts: 'view.shortcuts',
  'keyboard-settings': 'view.settings',
  'import-dataset': 'file.import-dataset',
  'import-dataset-folder': 'file.import-dataset-folder',
  corpora: 'file.corpora',
};
