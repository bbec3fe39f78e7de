/** The application shell: toolbar, document list, article, spans, status; keys and file drops. */
import { useEffect, useMemo, useState } from 'react';
import { actionForEvent, buildActions } from './commands/actions';
import { useApp, useCorpusState } from './app/hooks';
import { filesFromDrop } from './platform/folders';
import { toWorkerFiles } from './platform/host';
import { DEFAULT_MAX_FILE_BYTES } from '../shared/text/decode';
import { CorpusDialog } from './components/CorpusDialog';
import { DatasetImportDialog } from './components/DatasetImportDialog';
import { ImportDialog } from './components/ImportDialog';
import { ImportProgressBar } from './components/ImportProgressBar';
import { DocumentDetails } from './components/DocumentDetails';
import { AttributionPanel } from './components/AttributionPanel';
import { AttributePalette } from './components/AttributePalette';
import { SuggestionsPanel } from './components/SuggestionsPanel';
import { SourcesView } from './components/SourcesView';
import { ExportDialog } from './components/ExportDialog';
import { useUiState } from './app/hooks';
import { ArticleView } from './components/ArticleView';
import { DocumentList } from './components/DocumentList';
import { SpanList } from './components/SpanList';
import { StatusArea } from './components/StatusArea';
import { Toolbar } from './components/Toolbar';

function isField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The root component. */
export function App(): React.JSX.Element {
  const app = useApp();
  const state = useCorpusState();
  const schema = state.corpus.schema;
  const actions = useMemo(() => buildActions(app), [app, schema]); // eslint-disable-line react-hooks/exhaustive-deps
  const [dragging, setDragging] = useState(false);
  const { view } = useUiState();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      const where = { inField: isField(target), inArticle: !!target?.closest?.('.article-text, .spans') };
      const action = actionForEvent(actions, event, where);
      if (!action) return;
      const handled = action.run();
      if (handled === false) return;
      event.preventDefault();
      if (handled instanceof Promise) handled.catch((error: unknown) => app.ui.update({ notice: { tone: 'error', text: String(error) } }));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, app]);

  useEffect(
    () =>
      app.platform.onMenuCommand((command) => {
        const id = { open: 'file.open', 'open-folder': 'file.open-folder', export: 'file.export', undo: 'edit.undo', redo: 'edit.redo', 'import-dataset': 'file.import-dataset', corpora: 'corpus.list' }[command];
        void actions.find((a) => a.id === id)?.run();
      }),
    [actions, app],
  );

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
        (error: unknown) => app.ui.update({ notice: { tone: 'error', text: `The dropped files could not be read: ${String(error)}` } }),
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
      <div className={view === 'sources' ? 'workspace sources-mode' : 'workspace'}>
        <DocumentList />
        {view === 'sources' ? (
          <SourcesView />
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
      <StatusArea />
      <ImportDialog />
      <AttributePalette />
      <ExportDialog />
      <CorpusDialog />
      <DatasetImportDialog />
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop article files or datasets to import them
        </div>
      ) : null}
    </div>
  );
}
