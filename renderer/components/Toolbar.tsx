/** The toolbar: open, export, undo/redo, views, settings, and the label palette. */
import { useApp, useCorpusState, useT, useUiState } from '../app/hooks';
import { labelName } from '../i18n/labels';

/** Buttons for the main actions; each accessible name starts with its verb. */
export function Toolbar(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const state = useCorpusState();
  const history = app.corpus.history;
  const { view, suggestionsOn } = useUiState();
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.name')}>
      <span className="brand" lang="ar" dir="rtl" aria-hidden="true">إسناد</span>
      <button type="button" onClick={() => void app.imports.openFiles()} title={t('toolbar.openFiles.title')}>
        {t('toolbar.openFiles')}
      </button>
      <button type="button" onClick={() => void app.imports.openFolder()} title={t('toolbar.importFolder.title')}>
        {t('toolbar.importFolder')}
      </button>
      <button type="button" onClick={() => void app.exports.exportCorpus()} aria-label={t('toolbar.exportJson.name')} title={t('toolbar.exportJson.title')}>
        {t('toolbar.exportJson')}
      </button>
      <button type="button" onClick={() => app.ui.update({ exportOpen: true })} title={t('toolbar.exportDataset.title')}>
        {t('toolbar.exportDataset')}
      </button>
      <span className="separator" aria-hidden="true" />
      <button type="button" onClick={() => void app.undo()} disabled={!history.undo} aria-label={history.undo ? t('toolbar.undo.named', { change: history.undo }) : t('toolbar.undo')} title={t('toolbar.undo.title')}>
        {t('toolbar.undo')}
      </button>
      <button type="button" onClick={() => void app.redo()} disabled={!history.redo} aria-label={history.redo ? t('toolbar.redo.named', { change: history.redo }) : t('toolbar.redo')} title={t('toolbar.redo.title')}>
        {t('toolbar.redo')}
      </button>
      <span className="separator" aria-hidden="true" />
      <button type="button" aria-pressed={view === 'sources'} onClick={() => app.showView(view === 'sources' ? 'article' : 'sources')} title={t('toolbar.sources.title')}>
        {t('toolbar.sources')}
      </button>
      <button type="button" aria-pressed={view === 'snapshots'} onClick={() => app.showView(view === 'snapshots' ? 'article' : 'snapshots')} title={t('toolbar.snapshots.title')}>
        {t('toolbar.snapshots')}
      </button>
      <button type="button" aria-pressed={suggestionsOn} onClick={() => app.suggestions.toggle()} title={t('toolbar.suggestions.title')}>
        {t('toolbar.suggestions')}
      </button>
      <button type="button" aria-pressed={view === 'settings'} onClick={() => app.showView(view === 'settings' ? 'article' : 'settings')} title={t('toolbar.settings.title')}>
        {t('toolbar.settings')}
      </button>
      <span className="separator" aria-hidden="true" />
      <div className="labels" role="group" aria-label={t('toolbar.labels')}>
        {state.corpus.schema.labels.map((label) => (
          <button
            key={label.id}
            type="button"
            className={`label-button kind-${label.kind}`}
            style={{ '--label-colour': label.colour } as React.CSSProperties}
            aria-label={t('toolbar.label.name', { label: labelName(label, t), key: label.hotkey })}
            title={t('toolbar.label.title', { label: labelName(label, t), key: label.hotkey })}
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
