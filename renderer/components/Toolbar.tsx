/** The toolbar: the open corpus, open, import, export, undo/redo, and the label palette. */
import { labelDisplayName } from '../../shared/model/schema';
import { useApp, useCorpusState, useUiState } from '../app/hooks';

/** Buttons for the main actions; each accessible name starts with its verb. */
export function Toolbar(): React.JSX.Element {
  const app = useApp();
  const state = useCorpusState();
  const history = app.corpus.history;
  const { view, suggestionsOn } = useUiState();
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="brand" lang="ar" dir="rtl" aria-hidden="true">إسناد</span>
      <button type="button" className="corpus-button" onClick={() => void app.corpora.openDialog()} aria-label={`Corpus: ${state.corpus.name}`} title="Switch, create, rename or delete corpora (Ctrl+Shift+K)">
        <span className="corpus-caption" aria-hidden="true">Corpus</span> <bdi>{state.corpus.name}</bdi>
      </button>
      <button type="button" onClick={() => void app.imports.openFiles()} title="Open article files (Ctrl+O); you can also drop files on the window">
        Open files…
      </button>
      <button type="button" onClick={() => void app.imports.openFolder()} title="Import every article in a folder and its subfolders (Ctrl+Shift+O); you can also drop a folder">
        Import folder…
      </button>
      <button type="button" onClick={() => void app.datasets.pick()} title="Import a dataset (doccano, Label Studio, brat .txt + .ann, CoNLL, Isnad JSON…) into a new corpus or merge it into this one (Ctrl+Shift+D); you can also drop dataset files">
        Import dataset…
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
      <span className="separator" aria-hidden="true" />
      <div className="labels" role="group" aria-label="Labels">
        {state.corpus.schema.labels.map((label) => (
          <button
            key={label.id}
            type="button"
            className={`label-button kind-${label.kind}`}
            style={{ '--label-colour': label.colour } as React.CSSProperties}
            aria-label={`${labelDisplayName(label)} (key ${label.hotkey})`}
            title={`Mark the selection as ${labelDisplayName(label)} — key ${label.hotkey}`}
            // Keep the text selection: a mouse press on the button must not clear it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => void app.spans.applyLabel(label.id)}
          >
            <span className="swatch" aria-hidden="true" />
            <span className="label-id">{label.id}</span>
            <kbd aria-hidden="true">{label.hotkey}</kbd>
          </button>
        ))}
      </div>
    </header>
  );
}
