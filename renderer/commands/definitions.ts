/**
 * What every action is called, where it belongs, which keys run it by default and where
 * those keys work: plain data, so the README's shortcut table, the cheat sheet, the command
 * palette, the settings view and the tests all read the same list. What each action does is
 * attached in `actions.ts`.
 */
import { labelDisplayName, type LabelSchema } from '../../shared/model/schema';

/**
 * Where an action's keys work: 'global' everywhere; 'text' anywhere but in form fields;
 * 'article' only while the article view or the span list has focus (so Tab and Enter keep
 * their usual meaning on other controls).
 */
export type ActionScope = 'global' | 'text' | 'article';

/** How the cheat sheet, the palette and the README group actions. */
export type ActionGroup = 'File' | 'Edit' | 'Caret' | 'Selection' | 'Labels' | 'Spans' | 'Documents' | 'Suggestions' | 'View';

/** The order groups are shown in. */
export const ACTION_GROUPS: readonly ActionGroup[] = ['Caret', 'Selection', 'Labels', 'Spans', 'Documents', 'Suggestions', 'Edit', 'File', 'View'];

/** One action as data. */
export interface ActionDefinition {
  id: string;
  /** What the action does, as the palette and the cheat sheet say it. */
  title: string;
  group: ActionGroup;
  /** Default bindings, canonical ("Mod+Shift+Z"); users may change them. */
  keys: readonly string[];
  scope: ActionScope;
}

const caret = (id: string, title: string, keys: string[]): ActionDefinition => ({ id, title, group: 'Caret', keys, scope: 'text' });
const select = (id: string, title: string, keys: string[]): ActionDefinition => ({ id, title, group: 'Selection', keys, scope: 'text' });
const span = (id: string, title: string, keys: string[], scope: ActionScope = 'text'): ActionDefinition => ({ id, title, group: 'Spans', keys, scope });

/**
 * Every fixed action. Caret keys follow reading order: in an Arabic (right-to-left)
 * paragraph the left arrow goes forward. Modifiers were chosen to stay clear of the
 * operating systems' own shortcuts (Ctrl+arrows switch desktops on macOS, Ctrl+Alt+arrows
 * on Linux); see the README.
 */
export const ACTION_DEFINITIONS: readonly ActionDefinition[] = [
  caret('caret.word-left', 'Move the caret a word left (forward in Arabic)', ['ArrowLeft']),
  caret('caret.word-right', 'Move the caret a word right (back in Arabic)', ['ArrowRight']),
  caret('caret.grapheme-left', 'Move the caret a character left', ['Alt+ArrowLeft']),
  caret('caret.grapheme-right', 'Move the caret a character right', ['Alt+ArrowRight']),
  caret('caret.clitic-left', 'Move the caret to the next clitic boundary on the left (و ب ل ال)', ['Mod+ArrowLeft']),
  caret('caret.clitic-right', 'Move the caret to the next clitic boundary on the right (و ب ل ال)', ['Mod+ArrowRight']),
  caret('caret.sentence-previous', 'Move the caret to the previous sentence start', ['ArrowUp']),
  caret('caret.sentence-next', 'Move the caret to the next sentence end', ['ArrowDown']),
  caret('caret.clause-previous', 'Move the caret to the previous clause start (، , ; : too)', ['Alt+ArrowUp']),
  caret('caret.clause-next', 'Move the caret to the next clause end (، , ; : too)', ['Alt+ArrowDown']),
  caret('caret.paragraph-previous', 'Move the caret to the previous paragraph start', ['Mod+ArrowUp']),
  caret('caret.paragraph-next', 'Move the caret to the next paragraph end', ['Mod+ArrowDown']),
  select('selection.word-left', 'Extend the selection a word left (forward in Arabic)', ['Shift+ArrowLeft']),
  select('selection.word-right', 'Extend the selection a word right (back in Arabic)', ['Shift+ArrowRight']),
  select('selection.grapheme-left', 'Extend the selection a character left', ['Alt+Shift+ArrowLeft']),
  select('selection.grapheme-right', 'Extend the selection a character right', ['Alt+Shift+ArrowRight']),
  select('selection.clitic-left', 'Extend the selection to a clitic boundary on the left', ['Mod+Shift+ArrowLeft']),
  select('selection.clitic-right', 'Extend the selection to a clitic boundary on the right', ['Mod+Shift+ArrowRight']),
  select('selection.sentence-previous', 'Extend the selection to the previous sentence start', ['Shift+ArrowUp']),
  select('selection.sentence-next', 'Extend the selection to the next sentence end', ['Shift+ArrowDown']),
  select('selection.clause-previous', 'Extend the selection to the previous clause start', ['Alt+Shift+ArrowUp']),
  select('selection.clause-next', 'Extend the selection to the next clause end', ['Alt+Shift+ArrowDown']),
  select('selection.paragraph-previous', 'Extend the selection to the previous paragraph start', ['Mod+Shift+ArrowUp']),
  select('selection.paragraph-next', 'Extend the selection to the next paragraph end', ['Mod+Shift+ArrowDown']),
  select('selection.clear', 'Clear the selection and the focused span', ['Escape']),
  span('span.next', 'Focus the next span (nested spans included)', ['Tab'], 'article'),
  span('span.previous', 'Focus the previous span', ['Shift+Tab'], 'article'),
  span('span.open', 'Open the focused span: attributes of a claim, details otherwise', ['Enter'], 'article'),
  span('span.delete', 'Delete the focused span', ['Delete', 'Backspace']),
  span('span.grow-start-word', 'Grow the focused span by a word at its start', ['[']),
  span('span.shrink-start-word', 'Shrink the focused span by a word at its start', ['Shift+[']),
  span('span.grow-end-word', 'Grow the focused span by a word at its end', [']']),
  span('span.shrink-end-word', 'Shrink the focused span by a word at its end', ['Shift+]']),
  span('span.grow-start-grapheme', 'Grow the focused span by a character at its start', ['Alt+[']),
  span('span.shrink-start-grapheme', 'Shrink the focused span by a character at its start', ['Alt+Shift+[']),
  span('span.grow-end-grapheme', 'Grow the focused span by a character at its end', ['Alt+]']),
  span('span.shrink-end-grapheme', 'Shrink the focused span by a character at its end', ['Alt+Shift+]']),
  span('attribution.open', 'Attribute the focused claim to a source', ['A']),
  { id: 'document.next', title: 'Open the next document', group: 'Documents', keys: ['N'], scope: 'text' },
  { id: 'document.previous', title: 'Open the previous document', group: 'Documents', keys: ['P'], scope: 'text' },
  { id: 'document.next-unfinished', title: 'Open the next unfinished document', group: 'Documents', keys: ['Shift+N'], scope: 'text' },
  { id: 'document.done-next', title: 'Mark the document done and open the next unfinished one', group: 'Documents', keys: ['Mod+Enter'], scope: 'global' },
  { id: 'document.search', title: 'Go to the document search', group: 'Documents', keys: ['/'], scope: 'text' },
  { id: 'suggestions.toggle', title: 'Show or hide suggestions', group: 'Suggestions', keys: ['G'], scope: 'text' },
  { id: 'suggestions.next', title: 'Next suggestion', group: 'Suggestions', keys: ['.'], scope: 'text' },
  { id: 'suggestions.previous', title: 'Previous suggestion', group: 'Suggestions', keys: [','], scope: 'text' },
  { id: 'suggestions.accept', title: 'Accept the focused suggestion', group: 'Suggestions', keys: ['Y'], scope: 'text' },
  { id: 'suggestions.accept-all', title: 'Accept all suggestions in the document', group: 'Suggestions', keys: ['Shift+Y'], scope: 'text' },
  { id: 'suggestions.reject', title: 'Reject the focused suggestion', group: 'Suggestions', keys: ['X'], scope: 'text' },
  { id: 'edit.undo', title: 'Undo', group: 'Edit', keys: ['Mod+Z'], scope: 'global' },
  { id: 'edit.redo', title: 'Redo', group: 'Edit', keys: ['Mod+Shift+Z', 'Mod+Y'], scope: 'global' },
  { id: 'file.open', title: 'Open files…', group: 'File', keys: ['Mod+O'], scope: 'global' },
  { id: 'file.open-folder', title: 'Import a folder…', group: 'File', keys: ['Mod+Shift+O'], scope: 'global' },
  { id: 'file.export', title: 'Export corpus as JSON', group: 'File', keys: ['Mod+E'], scope: 'global' },
  { id: 'file.export-dataset', title: 'Export a dataset…', group: 'File', keys: [], scope: 'global' },
  { id: 'view.commands', title: 'Command palette', group: 'View', keys: ['Mod+K'], scope: 'global' },
  { id: 'view.shortcuts', title: 'Keyboard shortcuts (cheat sheet)', group: 'View', keys: ['?'], scope: 'text' },
  { id: 'view.keyboard-settings', title: 'Keyboard and mouse settings…', group: 'View', keys: ['Mod+,'], scope: 'global' },
  { id: 'view.sources', title: 'Show the sources of the corpus', group: 'View', keys: ['Mod+Shift+S'], scope: 'global' },
  { id: 'view.article', title: 'Go to the article text', group: 'View', keys: ['Mod+Shift+E'], scope: 'global' },
];

/** The label actions of a schema: one per label, its hotkey marking the selection (or relabelling the focused span). */
export function labelActionDefinitions(schema: LabelSchema): ActionDefinition[] {
  return schema.labels.map((label) => ({
    id: `label.${label.id}`,
    title: `Mark as ${labelDisplayName(label)} (or relabel the focused span)`,
    group: 'Labels' as const,
    keys: label.hotkey ? [label.hotkey] : [],
    scope: 'text' as const,
  }));
}

/** Every action definition for a corpus: the fixed ones and its labels. */
export function allActionDefinitions(schema: LabelSchema): ActionDefinition[] {
  return [...ACTION_DEFINITIONS, ...labelActionDefinitions(schema)];
}
