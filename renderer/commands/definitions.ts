/**
 * What every action is called, where it belongs, which keys run it by default and where
 * those keys work: plain data (titles are message keys of shared/i18n), so the README's
 * shortcut table, the cheat sheet, the command palette, the settings view and the tests all
 * read the same list. What each action does is attached in `actions.ts`.
 */
import type { LabelSchema } from '../../shared/model/schema';
import type { MessageKey, Translate } from '../../shared/i18n/i18n';
import { labelName } from '../i18n/labels';

/**
 * Where an action's keys work: 'global' everywhere; 'text' anywhere but in form fields and
 * dialogs; 'article' only while the article view or the span list has focus (so Tab and
 * Enter keep their usual meaning on other controls).
 */
export type ActionScope = 'global' | 'text' | 'article';

/** How the cheat sheet, the palette and the README group actions. */
export type ActionGroup = 'caret' | 'selection' | 'labels' | 'spans' | 'documents' | 'search' | 'suggestions' | 'edit' | 'file' | 'view';

/** The order groups are shown in. */
export const ACTION_GROUPS: readonly ActionGroup[] = ['caret', 'selection', 'labels', 'spans', 'documents', 'search', 'suggestions', 'edit', 'file', 'view'];

/** The name of a group in the interface language. */
export function groupName(group: ActionGroup, t: Translate): string {
  return t(`actionGroup.${group}` as MessageKey);
}

/** One action as data. */
export interface ActionDefinition {
  id: string;
  /** What the action does (a message key), as the palette and the cheat sheet say it. */
  titleKey: MessageKey;
  /** Values for the title's placeholders, given the translator (label names). */
  titleParams?: (t: Translate) => Record<string, string>;
  group: ActionGroup;
  /** Default bindings, canonical ("Mod+Shift+Z"); users may change them. */
  keys: readonly string[];
  scope: ActionScope;
}

/** An action's title in the interface language. */
export function actionTitle(def: ActionDefinition, t: Translate): string {
  return t(def.titleKey, def.titleParams?.(t));
}

/** What a search of the actions reads for one action, in one language: its title and its group's name. */
export function actionSearchText(def: ActionDefinition, t: Translate): string {
  return `${actionTitle(def, t)} ${groupName(def.group, t)}`;
}

const caret = (id: string, titleKey: MessageKey, keys: string[]): ActionDefinition => ({ id, titleKey, group: 'caret', keys, scope: 'text' });
const select = (id: string, titleKey: MessageKey, keys: string[]): ActionDefinition => ({ id, titleKey, group: 'selection', keys, scope: 'text' });
const span = (id: string, titleKey: MessageKey, keys: string[], scope: ActionScope = 'text'): ActionDefinition => ({ id, titleKey, group: 'spans', keys, scope });

/**
 * Every fixed action. Caret keys follow reading order: in an Arabic (right-to-left)
 * paragraph the left arrow goes forward. Modifiers were chosen to stay clear of the
 * operating systems' own shortcuts (Ctrl+arrows switch desktops on macOS, Ctrl+Alt+arrows
 * on Linux); see the README.
 */
export const ACTION_DEFINITIONS: readonly ActionDefinition[] = [
  caret('caret.word-left', 'action.caret.wordLeft', ['ArrowLeft']),
  caret('caret.word-right', 'action.caret.wordRight', ['ArrowRight']),
  caret('caret.grapheme-left', 'action.caret.graphemeLeft', ['Alt+ArrowLeft']),
  caret('caret.grapheme-right', 'action.caret.graphemeRight', ['Alt+ArrowRight']),
  caret('caret.clitic-left', 'action.caret.cliticLeft', ['Mod+ArrowLeft']),
  caret('caret.clitic-right', 'action.caret.cliticRight', ['Mod+ArrowRight']),
  caret('caret.sentence-previous', 'action.caret.sentencePrevious', ['ArrowUp']),
  caret('caret.sentence-next', 'action.caret.sentenceNext', ['ArrowDown']),
  caret('caret.clause-previous', 'action.caret.clausePrevious', ['Alt+ArrowUp']),
  caret('caret.clause-next', 'action.caret.clauseNext', ['Alt+ArrowDown']),
  caret('caret.paragraph-previous', 'action.caret.paragraphPrevious', ['Mod+ArrowUp']),
  caret('caret.paragraph-next', 'action.caret.paragraphNext', ['Mod+ArrowDown']),
  select('selection.word-left', 'action.selection.wordLeft', ['Shift+ArrowLeft']),
  select('selection.word-right', 'action.selection.wordRight', ['Shift+ArrowRight']),
  select('selection.grapheme-left', 'action.selection.graphemeLeft', ['Alt+Shift+ArrowLeft']),
  select('selection.grapheme-right', 'action.selection.graphemeRight', ['Alt+Shift+ArrowRight']),
  select('selection.clitic-left', 'action.selection.cliticLeft', ['Mod+Shift+ArrowLeft']),
  select('selection.clitic-right', 'action.selection.cliticRight', ['Mod+Shift+ArrowRight']),
  select('selection.sentence-previous', 'action.selection.sentencePrevious', ['Shift+ArrowUp']),
  select('selection.sentence-next', 'action.selection.sentenceNext', ['Shift+ArrowDown']),
  select('selection.clause-previous', 'action.selection.clausePrevious', ['Alt+Shift+ArrowUp']),
  select('selection.clause-next', 'action.selection.clauseNext', ['Alt+Shift+ArrowDown']),
  select('selection.paragraph-previous', 'action.selection.paragraphPrevious', ['Mod+Shift+ArrowUp']),
  select('selection.paragraph-next', 'action.selection.paragraphNext', ['Mod+Shift+ArrowDown']),
  select('selection.clear', 'action.selection.clear', ['Escape']),
  span('span.next', 'action.span.next', ['Tab'], 'article'),
  span('span.previous', 'action.span.previous', ['Shift+Tab'], 'article'),
  span('span.open', 'action.span.open', ['Enter'], 'article'),
  span('span.delete', 'action.span.delete', ['Delete', 'Backspace']),
  span('span.grow-start-word', 'action.span.growStartWord', ['[']),
  span('span.shrink-start-word', 'action.span.shrinkStartWord', ['Shift+[']),
  span('span.grow-end-word', 'action.span.growEndWord', [']']),
  span('span.shrink-end-word', 'action.span.shrinkEndWord', ['Shift+]']),
  span('span.grow-start-grapheme', 'action.span.growStartGrapheme', ['Alt+[']),
  span('span.shrink-start-grapheme', 'action.span.shrinkStartGrapheme', ['Alt+Shift+[']),
  span('span.grow-end-grapheme', 'action.span.growEndGrapheme', ['Alt+]']),
  span('span.shrink-end-grapheme', 'action.span.shrinkEndGrapheme', ['Alt+Shift+]']),
  span('attribution.open', 'action.attribution.open', ['A']),
  { id: 'document.next', titleKey: 'action.document.next', group: 'documents', keys: ['N'], scope: 'text' },
  { id: 'document.previous', titleKey: 'action.document.previous', group: 'documents', keys: ['P'], scope: 'text' },
  { id: 'document.next-unfinished', titleKey: 'action.document.nextUnfinished', group: 'documents', keys: ['Shift+N'], scope: 'text' },
  { id: 'document.done-next', titleKey: 'action.document.doneNext', group: 'documents', keys: ['Mod+Enter'], scope: 'global' },
  { id: 'document.search', titleKey: 'action.document.search', group: 'search', keys: ['/', 'Mod+F'], scope: 'text' },
  { id: 'search.next-match', titleKey: 'action.search.nextMatch', group: 'search', keys: ['F3', 'Mod+G'], scope: 'global' },
  { id: 'search.previous-match', titleKey: 'action.search.previousMatch', group: 'search', keys: ['Shift+F3', 'Mod+Shift+G'], scope: 'global' },
  { id: 'suggestions.toggle', titleKey: 'action.suggestions.toggle', group: 'suggestions', keys: ['G'], scope: 'text' },
  { id: 'suggestions.next', titleKey: 'action.suggestions.next', group: 'suggestions', keys: ['.'], scope: 'text' },
  { id: 'suggestions.previous', titleKey: 'action.suggestions.previous', group: 'suggestions', keys: [','], scope: 'text' },
  { id: 'suggestions.accept', titleKey: 'action.suggestions.accept', group: 'suggestions', keys: ['Y'], scope: 'text' },
  { id: 'suggestions.accept-all', titleKey: 'action.suggestions.acceptAll', group: 'suggestions', keys: ['Shift+Y'], scope: 'text' },
  { id: 'suggestions.reject', titleKey: 'action.suggestions.reject', group: 'suggestions', keys: ['X'], scope: 'text' },
  { id: 'suggestions.restore-rejected', titleKey: 'action.suggestions.restoreRejected', group: 'suggestions', keys: [], scope: 'global' },
  { id: 'edit.undo', titleKey: 'action.edit.undo', group: 'edit', keys: ['Mod+Z'], scope: 'global' },
  { id: 'edit.redo', titleKey: 'action.edit.redo', group: 'edit', keys: ['Mod+Shift+Z', 'Mod+Y'], scope: 'global' },
  { id: 'file.open', titleKey: 'action.file.open', group: 'file', keys: ['Mod+O'], scope: 'global' },
  { id: 'file.open-folder', titleKey: 'action.file.openFolder', group: 'file', keys: ['Mod+Shift+O'], scope: 'global' },
  { id: 'file.export', titleKey: 'action.file.export', group: 'file', keys: ['Mod+E'], scope: 'global' },
  { id: 'file.export-dataset', titleKey: 'action.file.exportDataset', group: 'file', keys: [], scope: 'global' },
  { id: 'file.import-dataset', titleKey: 'action.file.importDataset', group: 'file', keys: ['Mod+Shift+D'], scope: 'global' },
  { id: 'file.import-dataset-folder', titleKey: 'action.file.importDatasetFolder', group: 'file', keys: [], scope: 'global' },
  { id: 'file.corpora', titleKey: 'action.file.corpora', group: 'file', keys: ['Mod+Shift+K'], scope: 'global' },
  { id: 'view.commands', titleKey: 'action.view.commands', group: 'view', keys: ['Mod+K'], scope: 'global' },
  { id: 'view.shortcuts', titleKey: 'action.view.shortcuts', group: 'view', keys: ['?'], scope: 'text' },
  { id: 'view.settings', titleKey: 'action.view.settings', group: 'view', keys: ['Mod+,'], scope: 'global' },
  { id: 'view.sources', titleKey: 'action.view.sources', group: 'view', keys: ['Mod+Shift+S'], scope: 'global' },
  { id: 'view.article', titleKey: 'action.view.article', group: 'view', keys: ['Mod+Shift+E'], scope: 'global' },
];

/** The label actions of a schema: one per label, its hotkey marking the selection (or relabelling the focused span). */
export function labelActionDefinitions(schema: LabelSchema): ActionDefinition[] {
  return schema.labels.map((label) => ({
    id: `label.${label.id}`,
    titleKey: 'action.label' as const,
    titleParams: (t: Translate) => ({ label: labelName(label, t) }),
    group: 'labels' as const,
    keys: label.hotkey ? [label.hotkey] : [],
    scope: 'text' as const,
  }));
}

/** Every action definition for a corpus: the fixed ones and its labels. */
export function allActionDefinitions(schema: LabelSchema): ActionDefinition[] {
  return [...ACTION_DEFINITIONS, ...labelActionDefinitions(schema)];
}
