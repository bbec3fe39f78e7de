/**
 * The dataset import dialog: which files were read and as what format (detected, or chosen),
 * what they hold, every line the reader skipped or repaired, and where to put it: a new corpus,
 * or merged into the open corpus with a preview of what is new, what is already there and what
 * conflicts, and the user's choice per category.
 */
import { useMemo } from 'react';
import type { FormatName } from '../../shared/formats/dataset';
import { FORMAT_NAMES } from '../../shared/formats/formats';
import { planMerge, type MergeChoices, type MergePlan, type SpanConflict } from '../../shared/model/dataset-merge';
import type { CorpusState } from '../../shared/model/state';
import { reportLines, reportTemplate, type DatasetDraft } from '../app/actions/dataset-import-actions';
import { useApp, useCorpusStateWhile, useT, useUiValue } from '../app/hooks';
import type { MessageKey, Translate } from '../../shared/i18n/i18n';
import { withElements } from '../i18n/rich';
import { useModalDialog } from './dialog-hooks';
import { isKnownPhrase } from '../../shared/phrases/phrase';
import { FORMAT_TITLES } from './format-titles';

const REPORT_LINES = 300;
const LISTED_CONFLICTS = 50;

const CONFLICT_NAMES: Record<SpanConflict['kind'], MessageKey> = { relabelled: 'datasetMerge.kind.relabelled', boundaries: 'datasetMerge.kind.boundaries', crossing: 'datasetMerge.kind.crossing' };
const END_NAMES: Record<'claim' | 'source' | 'mention' | 'cue' | 'via', MessageKey> = { claim: 'datasetMerge.end.claim', source: 'datasetMerge.end.source', mention: 'datasetMerge.end.mention', cue: 'datasetMerge.end.cue', via: 'datasetMerge.end.via' };

/** ORG “نوفوستي”: the label, then the quoted text, isolated inside the quotation marks (so they stay the interface language's marks around Arabic). */
function Quote({ state, span, t }: { state: CorpusState; span: { docId: string; start: number; end: number; label: string }; t: Translate }): React.JSX.Element {
  const text = state.documents.get(span.docId)?.text ?? '';
  return <>{withElements(t('datasetMerge.quote', { label: span.label }), { quote: <bdi className="quote">{text.slice(span.start, span.end)}</bdi> })}</>;
}

function Choice<K extends keyof MergeChoices>(props: { label: string; name: K; value: MergeChoices[K]; options: Array<[MergeChoices[K], string]>; disabled?: boolean }): React.JSX.Element {
  const app = useApp();
  return (
    <label className="merge-choice">
      {props.label}
      <select value={props.value} disabled={props.disabled} onChange={(e) => app.datasets.setChoice(props.name, e.target.value as MergeChoices[K])}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function MergePreview({ plan, draft, state, incoming }: { plan: MergePlan; draft: DatasetDraft; state: CorpusState; incoming: CorpusState }): React.JSX.Element {
  const t = useT();
  const { choices } = draft;
  const differing = plan.sameSources.filter((s) => s.differs);
  const separator = t('common.listSeparator');
  return (
    <section className="merge-preview" aria-label={t('datasetMerge.title')}>
      <h3>{t('datasetMerge.title')}</h3>
      <ul className="merge-summary">
        <li>
          {t('datasetMerge.documents', {
            newDocuments: t('count.newDocuments', { count: plan.newDocuments.length }),
            spans: t('count.spans', { count: plan.spansOfNewDocuments }),
            matched: plan.matchedDocuments.length,
            repeated: plan.repeatedDocuments.length ? t('datasetMerge.repeated', { count: plan.repeatedDocuments.length }) : '',
          })}
        </li>
        <li>{t('datasetMerge.identical', { count: plan.identicalSpans.length })}</li>
        <li>
          <Choice
            label={t('datasetMerge.newSpans', { count: plan.newSpans.length })}
            name="newSpans"
            value={choices.newSpans}
            disabled={!plan.newSpans.length}
            options={[
              ['take-incoming', t('datasetMerge.newSpans.add')],
              ['keep-existing', t('datasetMerge.newSpans.leave')],
            ]}
          />
        </li>
        <li>
          <Choice
            label={t('datasetMerge.conflicts', { count: plan.conflicts.length })}
            name="conflicts"
            value={choices.conflicts}
            disabled={!plan.conflicts.length}
            options={[
              ['keep-existing', t('datasetMerge.conflicts.keep')],
              ['take-incoming', t('datasetMerge.conflicts.take')],
              ['keep-both', t('datasetMerge.conflicts.both')],
            ]}
          />
          {choices.conflicts === 'keep-both' && plan.notKeptBoth.length ? <p className="hint">{t('datasetMerge.notKeptBoth', { count: plan.notKeptBoth.length })}</p> : null}
          {plan.conflicts.length ? (
            <ul className="conflict-list" aria-label={t('datasetMerge.conflictList')}>
              {plan.conflicts.slice(0, LISTED_CONFLICTS).map((c) => (
                <li key={c.incoming.id}>
                  {withElements(t('datasetMerge.conflict', { kind: t(CONFLICT_NAMES[c.kind]) }), {
                    doc: <bdi className="quote">{c.docTitle}</bdi>,
                    existing: c.existing.map((e, i) => (
                      <span key={e.id}>
                        {i ? separator : ''}
                        <Quote state={state} span={e} t={t} />
                      </span>
                    )),
                    incoming: <Quote state={incoming} span={c.incoming} t={t} />,
                  })}
                </li>
              ))}
              {plan.conflicts.length > LISTED_CONFLICTS ? <li>{t('datasetDialog.more', { count: plan.conflicts.length - LISTED_CONFLICTS })}</li> : null}
            </ul>
          ) : null}
        </li>
        <li>
          <Choice
            label={t('datasetMerge.sources', { count: plan.sameSources.length, differing: differing.length })}
            name="sources"
            value={choices.sources}
            disabled={!differing.length}
            options={[
              ['keep-existing', t('datasetMerge.sources.keep')],
              ['take-incoming', t('datasetMerge.sources.take')],
            ]}
          />
          {plan.newSources.length ? <p className="hint">{t('datasetMerge.newSources', { count: plan.newSources.length })}</p> : null}
        </li>
        <li>
          {t('datasetMerge.attributions', { added: plan.newAttributions, identical: plan.identicalAttributions })}{' '}
          <Choice
            label={t('datasetMerge.missingEnds', { count: plan.missingEnds.length })}
            name="missingEnds"
            value={choices.missingEnds}
            disabled={!plan.missingEnds.length}
            options={[
              ['keep-partial', t('datasetMerge.missingEnds.keep')],
              ['skip', t('datasetMerge.missingEnds.skip')],
            ]}
          />
          {plan.missingEnds.length ? (
            <ul className="conflict-list" aria-label={t('datasetMerge.missingEndsList')}>
              {plan.missingEnds.slice(0, LISTED_CONFLICTS).map((m) => (
                <li key={m.incoming.id}>
                  {t('datasetMerge.missingEnd', {
                    id: m.incoming.id,
                    ends: m.missing.map((end) => t(END_NAMES[end])).join(separator),
                    outcome: t(m.outcome === 'skipped' ? 'datasetMerge.missingEnd.skipped' : 'datasetMerge.missingEnd.kept'),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
        {plan.labelsAdded.length ? <li>{t('datasetMerge.labelsAdded', { labels: plan.labelsAdded.map((l) => t.data(l.id)).join(separator) })}</li> : null}
        {Object.keys(plan.attributeValuesAdded).length ? (
          <li>{t('datasetMerge.attributeValuesAdded', { values: Object.values(plan.attributeValuesAdded).flat().map((value) => t.data(value)).join(separator) })}</li>
        ) : null}
      </ul>
    </section>
  );
}

/** The modal dataset import dialog, shown while a dataset is staged. */
export function DatasetImportDialog(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const draft = useUiValue('datasetDraft');
  const state = useCorpusStateWhile(!!draft);
  const dialogRef = useModalDialog(!!draft);

  const incoming = draft?.outcome.ok ? draft.outcome.dataset.state : null;
  const target = draft?.target;
  const choices = draft?.choices;
  const plan = useMemo(() => (target === 'merge' && incoming && choices ? planMerge(state, incoming, choices) : null), [target, choices, incoming, state]);

  if (!draft) return <dialog ref={dialogRef} aria-label={t('datasetDialog.title')} />;
  const { outcome } = draft;
  const lines = reportLines(draft);
  const separator = t('common.listSeparator');
  const ready = outcome.ok && !draft.busy && (draft.target === 'merge' || !!draft.name.trim());

  return (
    <dialog ref={dialogRef} className="dataset-dialog" aria-labelledby="dataset-dialog-title" onCancel={() => app.datasets.discard()} onKeyDown={(e) => e.stopPropagation()}>
      <h2 id="dataset-dialog-title">{t('datasetDialog.title')}</h2>
      {/* No file could be read at all: nothing to list, and no format to read it as instead. */}
      {draft.files.length ? (
        <>
          <p className="files-line">
            {t('datasetDialog.files', { count: draft.files.length })}{' '}
            {draft.files.map((f, i) => (
              <span key={f.path}>
                {i ? separator : ''}
                <bdi>{f.path}</bdi>
              </span>
            ))}
          </p>
          <label>
            {t('datasetDialog.format')}
            <select aria-label={t('datasetDialog.format')} value={draft.format ?? ''} onChange={(e) => app.datasets.setFormat(e.target.value as FormatName)}>
              {draft.format ? null : <option value="">{t('datasetDialog.format.unrecognised')}</option>}
              {FORMAT_NAMES.map((name) => (
                <option key={name} value={name}>
                  {name === draft.detected ? t('datasetDialog.format.detected', { format: t(FORMAT_TITLES[name]) }) : t(FORMAT_TITLES[name])}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
      {!outcome.ok ? (
        <div className="problems" role="alert">
          <p>
            <strong>{draft.format ? t('datasetDialog.nothingAs', { format: t(FORMAT_TITLES[draft.format]) }) : t('datasetDialog.nothing')}</strong> {t('datasetDialog.unchanged')}
          </p>
          <ul>
            {outcome.problems.slice(0, 20).map((p, i) => {
              // Said in the interface language when shared/ gave a phrase; an English problem finds its own direction.
              const said = outcome.phrases?.[i] ?? undefined;
              return (
                <li key={i} dir={isKnownPhrase(said) ? t.dir : 'auto'}>
                  {t.text(p, said)}
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <>
          <p className="dataset-summary">
            {t('datasetDialog.summary', {
              documents: t('count.documents', { count: incoming!.documents.size }),
              spans: t('count.spans', { count: incoming!.spans.size }),
              attributions: t('count.attributions', { count: incoming!.attributions.size }),
              sources: t('count.sources', { count: incoming!.sources.size }),
              labels: [...new Set([...incoming!.spans.values()].map((s) => s.label))].join(separator) || t('datasetDialog.labels.none'),
            })}
          </p>
          <section className="import-report" aria-label={t('datasetDialog.report')}>
            <h3>{lines.length ? t('datasetDialog.report.lines', { count: lines.length }) : t('datasetDialog.report.clean')}</h3>
            {lines.length ? (
              <ul tabIndex={0}>
                {lines.slice(0, REPORT_LINES).map((line, i) => (
                  // The interface language orders the line; the file name and the reader's message are isolated runs
                  // (a message said in the interface language runs in its direction; one left in English finds its own).
                  <li key={i} className={line.kind}>
                    {withElements(reportTemplate(line, t), { where: <bdi>{line.where}</bdi>, message: <bdi dir={isKnownPhrase(line.phrase) ? t.dir : undefined}>{t.text(line.message, line.phrase)}</bdi> })}
                  </li>
                ))}
                {lines.length > REPORT_LINES ? <li>{t('datasetDialog.more', { count: lines.length - REPORT_LINES })}</li> : null}
              </ul>
            ) : null}
          </section>
          <fieldset className="import-target">
            <legend>{t('datasetDialog.target')}</legend>
            <label className="checkbox">
              <input type="radio" name="dataset-target" checked={draft.target === 'new'} onChange={() => app.datasets.setTarget('new')} />
              {t('datasetDialog.target.new')}
            </label>
            <label className="new-name">
              {t('datasetDialog.newName')}
              <input dir="auto" value={draft.name} disabled={draft.target !== 'new'} onChange={(e) => app.datasets.setName(e.target.value)} />
            </label>
            <label className="checkbox">
              <input type="radio" name="dataset-target" checked={draft.target === 'merge'} onChange={() => app.datasets.setTarget('merge')} />
              <span>{withElements(t('datasetDialog.target.merge'), { name: <bdi>{state.corpus.name}</bdi> })}</span>
            </label>
          </fieldset>
          {plan && incoming ? <MergePreview plan={plan} draft={draft} state={state} incoming={incoming} /> : null}
        </>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => app.datasets.discard()}>
          {t('common.cancel')}
        </button>
        {draft.target === 'merge' ? (
          <button type="button" className="primary" disabled={!ready} onClick={() => void app.datasets.merge()}>
            {withElements(t('datasetDialog.merge'), { name: <bdi>{state.corpus.name}</bdi> })}
          </button>
        ) : (
          <button type="button" className="primary" disabled={!ready} onClick={() => void app.datasets.importAsNew()}>
            {t('datasetDialog.importNew')}
          </button>
        )}
      </div>
    </dialog>
  );
}
