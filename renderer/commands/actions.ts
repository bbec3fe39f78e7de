/**
 * The one action registry: every command with its label and key bindings. The keyboard
 * handler, the toolbar, the Electron menu and the shortcut list all read it.
 */
import { labelDisplayName } from '../../shared/model/schema';
import type { IsnadApp } from '../app/controller';
import { matchesBinding } from './keys';

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
  const actions: Action[] = [
    { id: 'file.open', label: 'Open files…', keys: ['Mod+O'], scope: 'global', run: () => app.imports.openFiles() },
    { id: 'file.open-folder', label: 'Import a folder…', keys: ['Mod+Shift+O'], scope: 'global', run: () => app.imports.openFolder() },
    { id: 'file.export', label: 'Export corpus as JSON', keys: ['Mod+E'], scope: 'global', run: () => app.exports.exportCorpus() },
    { id: 'file.import-dataset', label: 'Import a dataset…', keys: ['Mod+Shift+D'], scope: 'global', run: () => app.datasets.pick() },
    { id: 'corpus.list', label: 'Corpora: open, create, rename, delete…', keys: ['Mod+Shift+K'], scope: 'global', run: () => app.corpora.openDialog() },
    { id: 'edit.undo', label: 'Undo', keys: ['Mod+Z'], scope: 'global', run: () => app.undo() },
    { id: 'edit.redo', label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], scope: 'global', run: () => app.redo() },
    { id: 'span.delete', label: 'Delete the focused span', keys: ['Delete', 'Backspace'], scope: 'text', run: () => app.spans.deleteFocused() },
    { id: 'span.next', label: 'Next span', keys: ['Tab'], scope: 'article', run: () => app.spans.focusNext(1) },
    { id: 'span.previous', label: 'Previous span', keys: ['Shift+Tab'], scope: 'article', run: () => app.spans.focusNext(-1) },
    { id: 'attribution.open', label: 'Attribute the focused claim to a source', keys: ['A'], scope: 'text', run: () => app.attribution.attributeFocused() },
    { id: 'view.sources', label: 'Show the sources of the corpus', keys: ['Mod+Shift+S'], scope: 'global', run: () => app.showView(app.ui.state.view === 'sources' ? 'article' : 'sources') },
    { id: 'suggestions.toggle', label: 'Show or hide suggestions', keys: ['G'], scope: 'text', run: () => app.suggestions.toggle() },
    { id: 'suggestions.next', label: 'Next suggestion', keys: ['.'], scope: 'text', run: () => app.suggestions.focusNext(1) },
    { id: 'suggestions.previous', label: 'Previous suggestion', keys: [','], scope: 'text', run: () => app.suggestions.focusNext(-1) },
    { id: 'suggestions.accept', label: 'Accept the focused suggestion', keys: ['Y'], scope: 'text', run: () => app.suggestions.accept() },
    { id: 'suggestions.accept-all', label: 'Accept all suggestions in the document', keys: ['Shift+Y'], scope: 'text', run: () => app.suggestions.acceptAll() },
    { id: 'suggestions.reject', label: 'Reject the focused suggestion', keys: ['X'], scope: 'text', run: () => app.suggestions.reject() },
    { id: 'selection.clear', label: 'Clear the selection', keys: ['Escape'], scope: 'text', run: () => app.spans.clearSelection() },
    {
      id: 'selection.extend-left',
      label: 'Extend the selection by a word (left: forward in Arabic)',
      keys: ['Shift+ArrowLeft', 'Mod+Shift+ArrowLeft'],
      scope: 'text',
      run: () => app.spans.extendSelectionByWord(app.spans.directionAtSelection() === 'rtl' ? 'forward' : 'backward'),
    },
    {
      id: 'selection.extend-right',
      label: 'Extend the selection by a word (right: back in Arabic)',
      keys: ['Shift+ArrowRight', 'Mod+Shift+ArrowRight'],
      scope: 'text',
      run: () => app.spans.extendSelectionByWord(app.spans.directionAtSelection() === 'rtl' ? 'backward' : 'forward'),
    },
  ];
  for (const label of app.corpus.state.corpus.schema.labels) {
    if (!label.hotkey) continue;
    actions.push({ id: `label.${label.id}`, label: `Mark as ${labelDisplayName(label)}`, keys: [label.hotkey], scope: 'text', run: () => app.spans.applyLabel(label.id) });
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
