/**
 * The one action registry: every command with its label and key bindings. The keyboard
 * handler, the toolbar, the Electron menu and the shortcut list all read it.
 */
import type { IsnadApp } from '../app/controller';
import { matchesBinding } from './keys';
import { labelName } from '../i18n/labels';

/** One action: what it is called, which keys run it, what it does. */
export interface Action {
  id: string;
  label: string;
  keys: string[];
  /**
   * Where the keys work: 'global' everywhere; 'text' anywhere but in form fields;
   * 'article' only while the article view has focus (Tab must keep moving between controls elsewhere).
   */
  scope: 'global' | 'text' | 'article';
  /** Runs the action; returning false means “not handled here” (the key keeps its default). */
  run(): void | boolean | Promise<void>;
}

/** All actions of the app, label actions generated from the corpus schema. */
export function buildActions(app: IsnadApp): Action[] {
  const { t } = app;
  const actions: Action[] = [
    { id: 'file.open', label: t('action.file.open'), keys: ['Mod+O'], scope: 'global', run: () => app.imports.openFiles() },
    { id: 'file.open-folder', label: t('action.file.openFolder'), keys: ['Mod+Shift+O'], scope: 'global', run: () => app.imports.openFolder() },
    { id: 'file.export', label: t('action.file.export'), keys: ['Mod+E'], scope: 'global', run: () => app.exports.exportCorpus() },
    { id: 'edit.undo', label: t('action.edit.undo'), keys: ['Mod+Z'], scope: 'global', run: () => app.undo() },
    { id: 'edit.redo', label: t('action.edit.redo'), keys: ['Mod+Shift+Z', 'Mod+Y'], scope: 'global', run: () => app.redo() },
    { id: 'span.delete', label: t('action.span.delete'), keys: ['Delete', 'Backspace'], scope: 'text', run: () => app.spans.deleteFocused() },
    { id: 'span.next', label: t('action.span.next'), keys: ['Tab'], scope: 'article', run: () => app.spans.focusNext(1) },
    { id: 'span.previous', label: t('action.span.previous'), keys: ['Shift+Tab'], scope: 'article', run: () => app.spans.focusNext(-1) },
    { id: 'attribution.open', label: t('action.attribution.open'), keys: ['A'], scope: 'text', run: () => app.attribution.attributeFocused() },
    { id: 'view.sources', label: t('action.view.sources'), keys: ['Mod+Shift+S'], scope: 'global', run: () => app.showView(app.ui.state.view === 'sources' ? 'article' : 'sources') },
    { id: 'view.settings', label: t('action.view.settings'), keys: ['Mod+,'], scope: 'global', run: () => app.showView(app.ui.state.view === 'settings' ? 'article' : 'settings') },
    { id: 'suggestions.toggle', label: t('action.suggestions.toggle'), keys: ['G'], scope: 'text', run: () => app.suggestions.toggle() },
    { id: 'suggestions.next', label: t('action.suggestions.next'), keys: ['.'], scope: 'text', run: () => app.suggestions.focusNext(1) },
    { id: 'suggestions.previous', label: t('action.suggestions.previous'), keys: [','], scope: 'text', run: () => app.suggestions.focusNext(-1) },
    { id: 'suggestions.accept', label: t('action.suggestions.accept'), keys: ['Y'], scope: 'text', run: () => app.suggestions.accept() },
    { id: 'suggestions.accept-all', label: t('action.suggestions.acceptAll'), keys: ['Shift+Y'], scope: 'text', run: () => app.suggestions.acceptAll() },
    { id: 'suggestions.reject', label: t('action.suggestions.reject'), keys: ['X'], scope: 'text', run: () => app.suggestions.reject() },
    { id: 'selection.clear', label: t('action.selection.clear'), keys: ['Escape'], scope: 'text', run: () => app.spans.clearSelection() },
    {
      id: 'selection.extend-left',
      label: t('action.selection.extendLeft'),
      keys: ['Shift+ArrowLeft', 'Mod+Shift+ArrowLeft'],
      scope: 'text',
      run: () => app.spans.extendSelectionByWord(app.spans.directionAtSelection() === 'rtl' ? 'forward' : 'backward'),
    },
    {
      id: 'selection.extend-right',
      label: t('action.selection.extendRight'),
      keys: ['Shift+ArrowRight', 'Mod+Shift+ArrowRight'],
      scope: 'text',
      run: () => app.spans.extendSelectionByWord(app.spans.directionAtSelection() === 'rtl' ? 'backward' : 'forward'),
    },
  ];
  for (const label of app.corpus.state.corpus.schema.labels) {
    if (!label.hotkey) continue;
    actions.push({ id: `label.${label.id}`, label: t('action.label', { label: labelName(label, t) }), keys: [label.hotkey], scope: 'text', run: () => app.spans.applyLabel(label.id) });
  }
  return actions;
}

/** Where keyboard focus is when a key is pressed. */
export interface KeyContext {
  inField: boolean;
  inArticle: boolean;
}

/** Finds the action a key event triggers, if any. */
export function actionForEvent(actions: readonly Action[], event: KeyboardEvent, where: KeyContext): Action | undefined {
  const inScope = (scope: Action['scope']): boolean => scope === 'global' || (scope === 'text' && !where.inField) || (scope === 'article' && where.inArticle);
  return actions.find((action) => inScope(action.scope) && action.keys.some((key) => matchesBinding(event, key)));
}
