/** The toolbar: open, export, undo/redo, and the label palette. */
import { labelDisplayName } from '../../shared/model/schema';
import { formatBinding, platformStyle } from '../commands/keys';
import { useApp, useBindings, useCorpusState, useUiState } from '../app/hooks';

/** Words of the keyboard buttons, in one place. */
const KEYBOARD_TEXT = {
  commands: 'Commands…',
  commandsName: 'Command palette',
  commandsTitle: (key: string) => `Search and run any command${key ? ` (${key})` : ''}`,
  shortcuts: 'Shortcuts',
  shortcutsName: 'Keyboard shortcuts',
  shortcutsTitle: (key: string) => `Every keyboard shortcut${key ? ` (${key})` : ''}; change them in the settings`,
};

/** Buttons for the main actions; each accessible name starts with its verb. */
export function Toolbar(): React.JSX.Element {
  const app = useApp();
  const state = useCorpusState();
  const history = app.corpus.history;
  const { view, suggestionsOn } = useUiState();
  const bindings = useBindings();
  const style = platformStyle();
  const keyOf = (actionId: string): string => {
    const key = bindings.get(actionId)?.[0];
    return key ? formatBinding(key, style) : '';
  };
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="brand" lang="ar" dir="rtl" aria-hidden="true">إسناد</span>
      <button type="button" onClick={() => void app.imports.openFiles()} title="Open article files (Ctrl+O); you can also drop files on the window">
        Open files…
      </button>
      <button type="button" onClick={() => void app.imports.openFolder()} title="Import every article in a folder and its subfolders (Ctrl+Shift+O); you can also drop a folder">
        Import folder…
      </button>
      <button type="button" onClick={() => void app.exports.exportCorpus()} aria-label="Export corpus as JSON" title="Export the corpus as Isnad JSON (Ctrl+E)">
        Export JSON
      </button>
      <button type="button" onClick={() => app.ui.update({ exportOpen: true })} title="Export a dataset: JSON Lines, doccano, Label Studio, brat, CoNLL, spaCy, Web Annotation; splits">
        Export dataset…
      </button>
      <span className="separator" aria-hidden="true" />
      <button type="button" onClick={() => void app.undo()} disabled={!history.undo} aria-label={history.undo ? `Undo: ${history.undo}` : 'Undo'} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={() => void app.redo()} disabled={!history.redo} aria-label={history.redo ? `Redo: ${history.redo}` : 'Redo'} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <span className="separator" aria-hidden="true" />
      <button type="button" aria-pressed={view === 'sources'} onClick={() => app.showView(view === 'sources' ? 'article' : 'sources')} title="The source registry and who cites whom (Ctrl+Shift+S)">
        Sources
      </button>
      <button type="button" aria-pressed={suggestionsOn} onClick={() => app.suggestions.toggle()} title="Show suggested sources and cue words (G)">
        Suggestions
      </button>
      <button type="button" aria-label={KEYBOARD_TEXT.commandsName} onClick={() => app.navigation.toggleOverlay('commands')} title={KEYBOARD_TEXT.commandsTitle(keyOf('view.commands'))}>
        {KEYBOARD_TEXT.commands}
      </button>
      <button type="button" aria-label={KEYBOARD_TEXT.shortcutsName} onClick={() => app.navigation.toggleOverlay('shortcuts')} title={KEYBOARD_TEXT.shortcutsTitle(keyOf('view.shortcuts'))}>
        {KEYBOARD_TEXT.shortcuts}
      </button>
      <span className="separator" aria-hidden="true" />
      <div className="labels" role="group" aria-label="Labels">
        {state.corpus.schema.labels.map((label) => {
          const key = keyOf(`label.${label.id}`);
          return (
            <button
              key={label.id}
              type="button"
              className={`label-button kind-${label.kind}`}
              style={{ '--label-colour': label.colour } as React.CSSProperties}
              aria-label={key ? `${labelDisplayName(label)} (key ${key})` : labelDisplayName(label)}
              title={`Mark the selection as ${labelDisplayName(label)}${key ? ` — key ${key}` : ''}`}
              // Keep the text selection: a mouse press on the button must not clear it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void app.spans.applyLabel(label.id)}
            >
              <span className="swatch" aria-hidden="true" />
              <span className="label-id">{label.id}</span>
              {key ? <kbd aria-hidden="true">{key}</kbd> : null}
            </button>
          );
        })}
      </div>
    </header>
  );
}
