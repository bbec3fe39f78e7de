/**
 * The corpus view of sources (shown when `ui.view === 'sources'`): the source registry as a
 * table with its usage counts (add, edit, merge, delete), registry export and import, and the
 * who-cites-whom graph. State stays in the app: this view renders and calls controller
 * methods; refusals (a source still in use cannot be deleted) come back through the status area.
 */
import { Fragment, useMemo, useRef, useState } from 'react';
import { REGISTRY_FORMAT, REGISTRY_VERSION, parseRegistryFile } from '../../shared/attribution/registry-file';
import { problemsOf } from '../../shared/formats/dataset';
import { type SourceFields } from '../../shared/model/attribution-commands';
import { citationGraph, sourceTable } from '../../shared/model/citation-graph';
import { sourcesInOrder } from '../../shared/model/state';
import type { SourceRecord } from '../../shared/model/types';
import { useApp, useCorpusState, useT } from '../app/hooks';
import type { Translate } from '../../shared/i18n/i18n';
import { withElements } from '../i18n/rich';
import type { IsnadApp } from '../app/controller';
import type { WorkerInputFile } from '../import/protocol';
import type { RegistryFileSources } from '../../shared/model/registry-import';
import { CitationGraph } from './CitationGraph';
import { AttributeValuesEditor } from './AttributeValuesEditor';
import { kindName, SourceForm } from './SourceForm';
import { savedWhere } from '../platform/host';
import { sourceName } from '../i18n/labels';
import { showModalDialog } from './dialog-hooks';

/** The file name a registry export suggests. */
const REGISTRY_FILE_NAME = 'isnad-registry.json';

/** The portable fields of a source (no id, corpus or creation time). */
function portable(source: SourceRecord): SourceFields {
  return {
    nameAr: source.nameAr,
    nameLatin: source.nameLatin,
    kind: source.kind,
    aliasesAr: source.aliasesAr,
    aliasesLatin: source.aliasesLatin,
    ...(source.ambiguous?.length ? { ambiguous: source.ambiguous } : {}),
    ...(source.note ? { note: source.note } : {}),
    ...(source.url ? { url: source.url } : {}),
  };
}

/** Parses a registry file's text with the shared reader (`shared/attribution/registry-file.ts`, also used by the CLI). */
function parseRegistry(text: string, corpusId: string, t: Translate): { ok: true; sources: SourceFields[] } | { ok: false; error: string } {
  const parsed = parseRegistryFile(text, { corpusId, createdAt: new Date().toISOString() });
  if (!parsed.ok) {
    const texts = problemsOf(parsed).map((problem) => t.text(problem.text, problem.phrase));
    const problems = texts.slice(0, 3).join(t('registry.partSeparator')) + (texts.length > 3 ? t('registry.moreProblems', { count: texts.length - 3 }) : '');
    return { ok: false, error: t('registry.notRegistry', { problems }) };
  }
  return { ok: true, sources: parsed.sources.map(portable) };
}

/** Reads a picked file's text (browser File, bytes from Electron, or the host's read error). */
async function readPicked(entry: WorkerInputFile): Promise<string> {
  if ('error' in entry) throw new Error(entry.error);
  if ('file' in entry) return entry.file.text();
  return new TextDecoder('utf-8', { fatal: true }).decode(entry.bytes);
}

/** Import registry: adds the sources of the chosen files that are not in the registry yet (same names), all in one undoable step. */
async function importRegistry(app: IsnadApp): Promise<void> {
  const { t } = app;
  const picked = await app.platform.pickArticleFiles();
  if (!picked.length) return;
  const problems: string[] = [];
  const files: RegistryFileSources[] = [];
  for (const entry of picked) {
    let parsed: ReturnType<typeof parseRegistry>;
    try {
      parsed = parseRegistry(await readPicked(entry), app.corpus.state.corpus.id, t);
    } catch (error) {
      problems.push(t('registry.fileProblem', { file: t.data(entry.name), problem: 'error' in entry ? t.data(entry.error) : t('registry.unreadable', { error: t.data((error as Error).message) }) }));
      continue;
    }
    if (!parsed.ok) {
      problems.push(t('registry.fileProblem', { file: t.data(entry.name), problem: `${parsed.error}.` }));
      continue;
    }
    files.push({ file: entry.name, sources: parsed.sources });
  }
  const { imported, skipped, refused, reported } = await app.attribution.importRegistry(files);
  if (reported) {
    // Nothing was added, and the notice already says why (a full disk…): keep it, with the refused files.
    const shown = app.ui.state.notice;
    if (shown && problems.length) app.ui.update({ notice: { ...shown, details: [...(shown.details ?? []), ...problems] } });
    return;
  }
  const parts = [t('registry.imported', { count: imported, skipped })];
  if (refused) parts.push(t('registry.notAdded', { count: refused }));
  if (problems.length && !imported && !skipped && !refused) {
    const why = problems.length === 1 ? problems[0]! : t('registry.filesRefused', { count: problems.length });
    app.ui.update({ notice: { tone: 'error', text: t('registry.importFailed', { why }), details: problems.length > 1 ? problems : [] } });
    return;
  }
  if (problems.length) parts.push(t('registry.refusedFiles', { count: problems.length }));
  app.ui.update({ notice: { tone: problems.length || refused ? 'error' : 'info', text: t('registry.importSummary', { parts: parts.join(t('registry.partSeparator')) }), ...(problems.length ? { details: problems } : {}) } });
}

/** Export registry: `{format: "isnad-registry", version: 1, sources: […]}` through the host's save. */
async function exportRegistry(app: IsnadApp): Promise<void> {
  const sources = sourcesInOrder(app.corpus.state).map(portable);
  const json = `${JSON.stringify({ format: REGISTRY_FORMAT, version: REGISTRY_VERSION, sources }, null, 2)}\n`;
  try {
    const outcome = await app.platform.saveExport(REGISTRY_FILE_NAME, json);
    if (outcome.saved) app.ui.update({ notice: { tone: 'info', text: app.t('registry.exported', { count: sources.length, where: savedWhere(outcome, app.t) }) } });
    else if (outcome.reason === 'failed') app.ui.update({ notice: { tone: 'error', text: app.t.text(outcome.message, outcome.phrase) } });
  } catch (error) {
    app.ui.update({ notice: { tone: 'error', text: app.t('registry.exportFailed', { error: (error as Error).message }) } });
  }
}

/** The merge dialog: choose the source that `source` becomes part of. */
function MergeDialog({ source, others, usage, onMerge, onCancel }: { source: SourceRecord; others: SourceRecord[]; usage: { claims: number; asPublisher: number }; onMerge(keepId: string): void; onCancel(): void }): React.JSX.Element {
  const t = useT();
  const [keepId, setKeepId] = useState('');
  const display = sourceName(source, t);
  return (
    <dialog
      ref={(dialog) => {
        if (dialog && !dialog.open) showModalDialog(dialog);
      }}
      className="source-dialog"
      aria-label={t('merge.name', { source: display })}
      // The app's shortcuts (label keys, Escape clears the selection) stay out of the dialog; Escape closes it.
      onKeyDown={(event) => event.stopPropagation()}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (keepId) onMerge(keepId);
        }}
      >
        <h2>{withElements(t('merge.title'), { source: <bdi key="source">{display}</bdi> })}</h2>
        <p className="hint">
          {usage.claims || usage.asPublisher
            ? t('merge.moves', { claims: t('count.claims', { count: usage.claims }), documents: t('count.publishedDocuments', { count: usage.asPublisher }) })
            : t('merge.aliasesOnly')}{' '}
          {t('common.undoable')}
        </p>
        <label className="merge-target">
          {t('merge.into')}
          <select value={keepId} onChange={(event) => setKeepId(event.target.value)} autoFocus>
            <option value="" disabled>
              {t('merge.choose')}
            </option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {sourceName(other, t)}
              </option>
            ))}
          </select>
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!keepId}>
            {t('merge.merge')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Names separated by commas; a line breaks between names, never inside one. */
function NameList({ names: list, separator }: { names: readonly string[]; separator: string }): React.JSX.Element {
  return (
    <>
      {list.map((n, i) => (
        <Fragment key={n}>
          {i ? separator : ''}
          <span className="alias">{n}</span>
        </Fragment>
      ))}
    </>
  );
}

type Editing = { mode: 'add' } | { mode: 'edit'; sourceId: string } | { mode: 'merge'; sourceId: string } | null;

/** The sources view. */
export function SourcesView(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const state = useCorpusState();
  const rows = useMemo(() => sourceTable(state), [state]);
  const graph = useMemo(() => citationGraph(state), [state]);
  const [editing, setEditing] = useState<Editing>(null);
  const opener = useRef<HTMLElement | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const claims = new Set([...state.attributions.values()].map((a) => a.claimSpanId)).size;
  const published = [...state.documents.values()].filter((d) => d.publisherId).length;

  const open = (next: Exclude<Editing, null>): void => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEditing(next);
  };
  const close = (): void => {
    setEditing(null);
    const back = opener.current;
    // The opener may be gone (its row merged away); then the table takes the focus.
    requestAnimationFrame(() => (back?.isConnected ? back : tableRef.current)?.focus());
  };
  const editedSource = editing && editing.mode !== 'add' ? state.sources.get(editing.sourceId) : undefined;
  const ordered = useMemo(() => [...state.sources.values()].sort((a, b) => sourceName(a, t).localeCompare(sourceName(b, t), t.language)), [state.sources, t]);

  const remove = async (source: SourceRecord): Promise<void> => {
    const display = sourceName(source, t);
    if (await app.attribution.deleteSource(source.id)) {
      app.ui.update({ notice: { tone: 'info', text: t('sources.deleted', { source: display }) } });
      tableRef.current?.focus();
    }
  };

  return (
    <main className="sources-view" aria-label={t('sources.name')}>
      <header className="sources-header">
        <h1 tabIndex={-1} data-view-heading="">
          {t('sources.name')}
        </h1>
        <p className="hint">
          {[t('sources.summary.sources', { count: state.sources.size }), t('sources.summary.claims', { count: claims }), t('sources.summary.published', { count: published })].join(' · ')}
        </p>
        <div className="sources-actions">
          <button type="button" onClick={() => app.showView('article')}>
            {t('common.backToArticle')}
          </button>
          <button type="button" className="primary" onClick={() => open({ mode: 'add' })}>
            {t('sources.add')}
          </button>
          <button type="button" onClick={() => void exportRegistry(app)} title={t('sources.export.title', { file: REGISTRY_FILE_NAME })}>
            {t('sources.export')}
          </button>
          <button type="button" onClick={() => void importRegistry(app)} title={t('sources.import.title')}>
            {t('sources.import')}
          </button>
        </div>
      </header>

      <section className="sources-registry" aria-labelledby="sources-registry-heading">
        <h2 id="sources-registry-heading">{t('sources.registry')}</h2>
        <div className="sources-table-scroll">
          <table ref={tableRef} tabIndex={-1} aria-labelledby="sources-registry-heading" className="sources-table">
            <thead>
              <tr>
                <th scope="col">{t('sources.column.name')}</th>
                <th scope="col">{t('sources.column.kind')}</th>
                <th scope="col">{t('sources.column.aliases')}</th>
                <th scope="col" className="number">
                  {t('sources.column.claims')}
                </th>
                <th scope="col" className="number">
                  {t('sources.column.documents')}
                </th>
                <th scope="col" className="number">
                  {t('sources.column.asPublisher')}
                </th>
                <th scope="col" className="number">
                  {t('sources.column.relayed')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('sources.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ source, claims: n, documents, asPublisher, viaCount }) => {
                const display = sourceName(source, t);
                return (
                  <tr key={source.id}>
                    <th scope="row" className="source-name">
                      {source.nameAr ? (
                        <span lang="ar" dir="rtl" className="name-ar">
                          {source.nameAr}
                        </span>
                      ) : null}
                      {source.nameLatin ? (
                        <span dir="ltr" className="name-latin">
                          {source.nameLatin}
                        </span>
                      ) : null}
                    </th>
                    <td>{kindName(source.kind, t)}</td>
                    <td className="aliases">
                      {source.aliasesAr.length ? (
                        <span lang="ar" dir="rtl" className="aliases-ar">
                          <NameList names={source.aliasesAr} separator="، " />
                        </span>
                      ) : null}
                      {source.aliasesLatin.length ? (
                        <span dir="ltr" className="aliases-latin">
                          <NameList names={source.aliasesLatin} separator=", " />
                        </span>
                      ) : null}
                      {source.ambiguous?.length ? (
                        <span className="ambiguous">
                          {withElements(t('sources.ambiguous'), { names: <bdi key="names">{source.ambiguous.join(', ')}</bdi> })}
                        </span>
                      ) : null}
                    </td>
                    <td className="number">{t.number(n)}</td>
                    <td className="number">{t.number(documents)}</td>
                    <td className="number">{t.number(asPublisher)}</td>
                    <td className="number">{t.number(viaCount)}</td>
                    <td>
                      <div className="row-actions">
                        <button type="button" aria-label={t('sources.edit.name', { source: display })} onClick={() => open({ mode: 'edit', sourceId: source.id })}>
                          {t('sources.edit')}
                        </button>
                        <button type="button" aria-label={t('sources.merge.name', { source: display })} onClick={() => open({ mode: 'merge', sourceId: source.id })} disabled={state.sources.size < 2}>
                          {t('sources.merge')}
                        </button>
                        <button type="button" aria-label={t('sources.delete.name', { source: display })} onClick={() => void remove(source)}>
                          {t('common.delete')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {rows.length === 0 ? <p className="hint">{t('sources.empty')}</p> : null}
      </section>

      <section className="sources-graph" aria-labelledby="sources-graph-heading">
        <h2 id="sources-graph-heading">{t('graph.heading')}</h2>
        <CitationGraph graph={graph} />
      </section>

      <section className="sources-graph">
        <AttributeValuesEditor />
      </section>

      {editing?.mode === 'add' ? (
        <SourceForm
          others={[...state.sources.values()]}
          onCancel={close}
          onSave={async (fields) => {
            const id = await app.attribution.addSource(fields);
            if (id) {
              app.ui.update({ notice: { tone: 'info', text: t('sources.added', { source: sourceName(fields, t) }) } });
              close();
            }
            return !!id;
          }}
        />
      ) : null}
      {editing?.mode === 'edit' && editedSource ? (
        <SourceForm
          key={editedSource.id}
          source={editedSource}
          others={[...state.sources.values()].filter((s) => s.id !== editedSource.id)}
          onCancel={close}
          onSave={async (fields) => {
            const ok = await app.attribution.updateSource(editedSource.id, fields);
            if (ok) {
              app.ui.update({ notice: { tone: 'info', text: t('sources.saved', { source: sourceName(fields, t) }) } });
              close();
            }
            return ok;
          }}
        />
      ) : null}
      {editing?.mode === 'merge' && editedSource ? (
        <MergeDialog
          source={editedSource}
          others={ordered.filter((s) => s.id !== editedSource.id)}
          usage={rows.find((r) => r.source.id === editedSource.id) ?? { claims: 0, asPublisher: 0 }}
          onCancel={close}
          onMerge={(keepId) => {
            const keep = state.sources.get(keepId);
            void app.attribution.mergeSources(keepId, editedSource.id).then((ok) => {
              if (!ok) return;
              if (keep) app.ui.update({ notice: { tone: 'info', text: t('sources.merged', { source: sourceName(editedSource, t), into: sourceName(keep, t) }) } });
              close();
            });
          }}
        />
      ) : null}
    </main>
  );
}
