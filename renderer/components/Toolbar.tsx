/** The toolbar: the open corpus, open, import, export, undo/redo, views, settings, keyboard, and the label palette. */
import { formatBinding, platformStyle } from '../commands/keys';
import { useApp, useBindings, useCorpusState, useCorpusValue, useT, useUiValue } from '../app/hooks';
import { useRef } from 'react';
import { labelName } from '../i18n/labels';
import { actionKeyInText } from '../i18n/key-names';
import { useWrappedSeparators } from './toolbar-separators';

/** Undo and redo, named after the change each would undo or redo: they render on every edit, the rest of the toolbar does not. */
function HistoryButtons(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  useCorpusState();
  const bindings = useBindings();
  const history = app.corpus.changes;
  const keyText = (actionId: string): string => actionKeyInText(bindings.get(actionId) ?? [], t);
  return (
    <>
      <button type="button" onClick={() => void app.undo()} disabled={!history.undo} aria-label={history.undo ? t('toolbar.undo.named', { change: t.text(history.undo.description, history.undo.phrase) }) : t('toolbar.undo')} title={t('toolbar.undo.title', { key: keyText('edit.undo') })}>
        {t('toolbar.undo')}
      </button>
      <button type="button" onClick={() => void app.redo()} disabled={!history.redo} aria-label={history.redo ? t('toolbar.redo.named', { change: t.text(history.redo.description, history.redo.phrase) }) : t('toolbar.redo')} title={t('toolbar.redo.title', { key: keyText('edit.redo') })}>
        {t('toolbar.redo')}
      </button>
    </>
  );
}

/** Buttons for the main actions; each accessible name starts with its verb. */
export function Toolbar(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  // The corpus record (its name and label schema): a span edit does not change it.
  const corpus = useCorpusValue((state) => state.corpus);
  const view = useUiValue('view');
  const suggestionsOn = useUiValue('suggestionsOn');
  const bindings = useBindings();
  const style = platformStyle();
  const keyOf = (actionId: string): string => {
    const key = bindings.get(actionId)?.[0];
    return key ? formatBinding(key, style) : '';
  };
  // A key inside a sentence (titles): isolated left to right in Arabic, "no key" when unbound.
  const keyText = (actionId: string): string => actionKeyInText(bindings.get(actionId) ?? [], t, style);
  const toolbar = useRef<HTMLElement>(null);
  useWrappedSeparators(toolbar);
  return (
    <header ref={toolbar} className="toolbar" role="toolbar" aria-label={t('toolbar.name')}>
      <span className="brand" lang="ar" dir="rtl" aria-hidden="true">إسناد</span>
      <button type="button" className="corpus-button" onClick={() => void app.corpora.openDialog()} aria-label={t('toolbar.corpus.name', { name: corpus.name })} title={t('toolbar.corpus.title', { key: keyText('file.corpora') })}>
        <span className="corpus-caption" aria-hidden="true">{t('toolbar.corpus')}</span> <bdi>{corpus.name}</bdi>
      </button>
      <button type="button" onClick={() => void app.imports.openFiles()} title={t('toolbar.openFiles.title', { key: keyText('file.open') })}>
        {t('toolbar.openFiles')}
      </button>
      <button type="button" onClick={() => void app.imports.openFolder()} title={t('toolbar.importFolder.title', { key: keyText('file.open-folder') })}>
        {t('toolbar.importFolder')}
      </button>
      <button type="button" onClick={() => void app.datasets.pick()} title={t('toolbar.importDataset.title', { key: keyText('file.import-dataset') })}>
        {t('toolbar.importDataset')}
      </button>
      <button type="button" onClick={() => void app.exports.exportCorpus()} aria-label={t('toolbar.exportJson.name')} title={t('toolbar.exportJson.title', { key: keyText('file.export') })}>
        {t('toolbar.exportJson')}
      </button>
      <button type="button" onClick={() => app.ui.update({ exportOpen: true })} title={t('toolbar.exportDataset.title')}>
        {t('toolbar.exportDataset')}
      </button>
      <span className="separator" aria-hidden="true" />
      <HistoryButtons />
      <span className="separator" aria-hidden="true" />
      <button type="button" aria-pressed={view === 'sources'} onClick={() => app.showView(view === 'sources' ? 'article' : 'sources')} title={t('toolbar.sources.title', { key: keyText('view.sources') })}>
        {t('toolbar.sources')}
      </button>
      <button type="button" aria-pressed={view === 'snapshots'} onClick={() => app.showView(view === 'snapshots' ? 'article' : 'snapshots')} title={t('toolbar.snapshots.title')}>
        {t('toolbar.snapshots')}
      </button>
      <button type="button" aria-pressed={suggestionsOn} onClick={() => app.suggestions.toggle()} title={t('toolbar.suggestions.title')}>
        {t('toolbar.suggestions')}
      </button>
      <button type="button" aria-pressed={view === 'settings'} onClick={() => app.showView(view === 'settings' ? 'article' : 'settings')} title={t('toolbar.settings.title', { key: keyText('view.settings') })}>
        {t('toolbar.settings')}
      </button>
      <button type="button" aria-label={t('toolbar.commands.name')} onClick={() => app.navigation.toggleOverlay('commands')} title={t('toolbar.commands.title', { key: keyText('view.commands') })}>
        {t('toolbar.commands')}
      </button>
      <button type="button" aria-label={t('toolbar.shortcuts.name')} onClick={() => app.navigation.toggleOverlay('shortcuts')} title={t('toolbar.shortcuts.title', { key: keyText('view.shortcuts') })}>
        {t('toolbar.shortcuts')}
      </button>
      <span className="separator" aria-hidden="true" />
      <div className="labels" role="group" aria-label={t('toolbar.labels')}>
        {corpus.schema.labels.map((label) => {
          const key = keyOf(`label.${label.id}`);
          const name = labelName(label, t);
          return (
            <button
              key={label.id}
              type="button"
              className={`label-button kind-${label.kind}`}
              style={{ '--label-colour': label.colour } as React.CSSProperties}
              aria-label={key ? t('toolbar.label.name', { label: name, key: keyText(`label.${label.id}`) }) : name}
              title={key ? t('toolbar.label.title', { label: name, key: keyText(`label.${label.id}`) }) : t('toolbar.label.unbound', { label: name })}
              // Keep the text selection: a mouse press on the button must not clear it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void app.spans.applyLabel(label.id)}
            >
              <span className="swatch" aria-hidden="true" />
              <span className="label-id">{label.id}</span>
              {key ? (
                <kbd aria-hidden="true" dir="ltr">
                  {key}
                </kbd>
              ) : null}
            </button>
          );
        })}
      </div>
    </header>
  );
}
