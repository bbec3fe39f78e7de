/** The application shell: toolbar, document list, article, spans, status; keys and file drops. */
import { useEffect, useMemo, useState } from 'react';
import { MENU_ACTIONS, actionForEvent, buildActions } from './commands/actions';
import { useApp, useBindings, useCorpusValue, useT, useUiValue } from './app/hooks';
import { installPointerSelection } from './editor/pointer-selection';
import { inTextOrSpanList } from './app/actions/caret-actions';
import { CaretLayer } from './components/CaretLayer';
import { ConfirmDialog } from './components/ConfirmDialog';
import { CommandPalette } from './components/CommandPalette';
import { KeyboardSettings } from './components/KeyboardSettings';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { filesFromDrop } from './platform/folders';
import { toWorkerFiles } from './platform/host';
import { DEFAULT_MAX_FILE_BYTES } from '../shared/text/decode';
import type { CorpusState } from '../shared/model/state';
import { CorpusDialog } from './components/CorpusDialog';
import { DatasetImportDialog } from './components/DatasetImportDialog';
import { ImportDialog } from './components/ImportDialog';
import { ExportProgressBar } from './components/ExportProgressBar';
import { ImportProgressBar } from './components/ImportProgressBar';
import { DocumentDetails } from './components/DocumentDetails';
import { AttributionPanel } from './components/AttributionPanel';
import { AttributePalette } from './components/AttributePalette';
import { SuggestionsPanel } from './components/SuggestionsPanel';
import { SourcesView } from './components/SourcesView';
import { SnapshotsView } from './components/SnapshotsView';
import { ExportDialog } from './components/ExportDialog';
import { SettingsView } from './components/SettingsView';
import { ArticleView } from './components/ArticleView';
import { DocumentList } from './components/DocumentList';
import { SpanList } from './components/SpanList';
import { StatusArea } from './components/StatusArea';
import { Toolbar } from './components/Toolbar';

/** Form fields, and anything inside an open dialog: only global keys work there (the dialog has its own). */
/** Input types that take no typing: a radio, a check box, a slider. */
const CHOICE_INPUTS = new Set(['radio', 'checkbox', 'range']);

/**
 * Whether a key pressed on `target` belongs to it rather than to the app's shortcuts
 * ('text' actions). Escape has no meaning of its own on a choice (a radio, a check box, a
 * slider, a closed menu), so there it is the app's: in the settings, right after a choice,
 * it shows the article.
 */
function isField(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.closest('dialog[open]')) return true;
  const choice = target.tagName === 'SELECT' || (target instanceof HTMLInputElement && CHOICE_INPUTS.has(target.type));
  if (choice) return key !== 'Escape';
  return target.tagName === 'INPUT';
}

const selectSchema = (state: CorpusState): CorpusState['corpus']['schema'] => state.corpus.schema;

/** The root component. */
export function App(): React.JSX.Element {
  const app = useApp();
  // Not the whole state: the shell (and every child that is not memoised) would render again on every edit.
  const schema = useCorpusValue(selectSchema);
  const t = useT();
  const bindings = useBindings();
  useEffect(() => app.bindings.refresh(), [app, schema]);
  // Rebuilt when the schema (label actions), the bindings or the language (action titles) change.
  const actions = useMemo(() => buildActions(app), [app, schema, bindings, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const [dragging, setDragging] = useState(false);
  const view = useUiValue('view');

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      // Keys pressed in the search box right after Enter, while it looks for the match, are
      // meant for the match (a label key marks it): they wait for it as article keys, and are
      // dropped when there was none.
      const forMatch = app.matches.steppingFromSearchBox && !!target?.closest?.('[role="search"]');
      const where = forMatch ? { inField: false, inArticle: true } : { inField: isField(target, event.key), inArticle: inTextOrSpanList(target) };
      const action = actionForEvent(actions, event, where);
      if (!action) return;
      // The selection is taken as the key is pressed: the action may wait for earlier keys.
      if (app.submitKey(forMatch ? () => (app.matches.lastStepFound ? action.run() : undefined) : () => action.run())) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, app]);

  useEffect(
    () =>
      app.platform.onMenuCommand((command) => {
        void actions.find((a) => a.id === MENU_ACTIONS[command])?.run();
      }),
    [actions, app],
  );

  useEffect(() => installPointerSelection(document, () => app.article, app.caret), [app]);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent): boolean => [...(event.dataTransfer?.types ?? [])].includes('Files');
    const onDragEnter = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onDragLeave = (): void => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDragOver = (event: DragEvent): void => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent): void => {
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (!event.dataTransfer) return;
      filesFromDrop(event.dataTransfer).then(
        async ({ contents, all }) => {
          // Datasets (CoNLL, brat pairs, annotated JSON) go to the dataset dialog; articles to the import dialog.
          const nameOf = new Map(all.map((f) => [f.file, f.name]));
          const datasets = await app.datasets.datasetsAmong(toWorkerFiles(nameOf.keys(), DEFAULT_MAX_FILE_BYTES, (file) => nameOf.get(file) ?? file.name));
          const names = new Set(datasets.map((f) => f.name));
          if (datasets.length) await app.datasets.stage(datasets);
          const files = contents.files.filter((f) => !names.has(f.name));
          const skipped = contents.skipped.filter((s) => !names.has(s.name));
          if (files.length || (skipped.length && !datasets.length)) app.imports.stage(files, skipped);
        },
        (error: unknown) => app.notify('error', app.t('notice.droppedUnreadable', { error: String(error) })),
      );
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [app]);

  return (
    <div className="app">
      <Toolbar />
      <div className={view === 'article' ? 'workspace' : 'workspace single-pane'}>
        <DocumentList />
        {view === 'sources' ? (
          <SourcesView />
        ) : view === 'settings' ? (
          <SettingsView keyboard={<KeyboardSettings actions={actions} t={t} />} />
        ) : view === 'snapshots' ? (
          <SnapshotsView />
        ) : (
          <>
            <ArticleView />
            <div className="side-panels">
              <DocumentDetails />
              <AttributionPanel />
              <SuggestionsPanel />
              <SpanList />
            </div>
          </>
        )}
      </div>
      <ImportProgressBar />
      <ExportProgressBar inDialog={false} />
      <StatusArea />
      <ImportDialog />
      <AttributePalette />
      <ExportDialog />
      <ConfirmDialog />
      <CorpusDialog />
      <DatasetImportDialog />
      {view === 'article' ? <CaretLayer /> : null}
      <CommandPalette actions={actions} />
      <ShortcutsSheet actions={actions} />
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          {t('app.dropOverlay')}
        </div>
      ) : null}
    </div>
  );
}
