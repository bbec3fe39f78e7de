/**
 * The dataset import dialog: which files were read and as what format (detected, or chosen),
 * what they hold, every line the reader skipped or repaired, and where to put it: a new corpus,
 * or merged into the open corpus with a preview of what is new, what is already there and what
 * conflicts, and the user's choice per category.
 */
import { useMemo, useRef } from 'react';
import type { FormatName } from '../../shared/formats/dataset';
import { FORMAT_NAMES } from '../../shared/formats/formats';
import { planMerge, type MergeChoices, type MergePlan, type SpanConflict } from '../../shared/model/dataset-merge';
import type { CorpusState } from '../../shared/model/state';
import { noteLine, type DatasetDraft } from '../app/actions/dataset-import-actions';
import { useApp, useCorpusState, useUiState } from '../app/hooks';
import { FORMAT_TITLES } from './format-titles';
import { useModal } from './use-modal';


const REPORT_LINES = 300;
const LISTED_CONFLICTS = 50;

const CONFLICT_NAMES: Record<SpanConflict['kind'], string> = { relabelled: 'other label', boundaries: 'other boundaries', crossing: 'crossing' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** ORG “نوفوستي”: the label, then the quoted text, isolated inside the quotation marks (so they stay English quotes around Arabic). */
function Quote({ state, span }: { state: CorpusState; span: { docId: string; start: number; end: number; label: string } }): React.JSX.Element {
  const text = state.documents.get(span.docId)?.text ?? '';
  return (
    <>
      {span.label} “<bdi className="quote">{text.slice(span.start, span.end)}</bdi>”
    </>
  );
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
  const { choices } = draft;
  const differing = plan.sameSources.filter((s) => s.differs);
  return (
    <section className="merge-preview" aria-label="Merge preview">
      <h3>Merge preview</h3>
      <ul className="merge-summary">
        <li>
          Documents: {plural(plan.newDocuments.length, 'new document')} (with {plural(plan.spansOfNewDocuments, 'span')}), {plan.matchedDocuments.length} already in the corpus (same text)
          {plan.repeatedDocuments.length ? `, ${plan.repeatedDocuments.length} repeated in the file (skipped)` : ''}.
        </li>
        <li>Identical spans: {plan.identicalSpans.length} (already there, nothing to do).</li>
        <li>
          <Choice
            label={`New spans in documents already in the corpus: ${plan.newSpans.length}`}
            name="newSpans"
            value={choices.newSpans}
            disabled={!plan.newSpans.length}
            options={[
              ['take-incoming', 'Add them'],
              ['keep-existing', 'Leave them out'],
            ]}
          />
        </li>
        <li>
          <Choice
            label={`Conflicting spans: ${plan.conflicts.length}`}
            name="conflicts"
            value={choices.conflicts}
            disabled={!plan.conflicts.length}
            options={[
              ['keep-existing', 'Keep the corpus’s spans'],
              ['take-incoming', 'Take the file’s spans (replace)'],
              ['keep-both', 'Keep both'],
            ]}
          />
          {choices.conflicts === 'keep-both' && plan.notKeptBoth.length ? <p className="hint">{plural(plan.notKeptBoth.length, 'conflict')} would cross a span where the labels forbid crossing: the corpus’s span is kept there.</p> : null}
          {plan.conflicts.length ? (
            <ul className="conflict-list" aria-label="Conflicting spans">
              {plan.conflicts.slice(0, LISTED_CONFLICTS).map((c) => (
                <li key={c.incoming.id}>
                  In <bdi className="quote">{c.docTitle}</bdi>, {CONFLICT_NAMES[c.kind]}: corpus{' '}
                  {c.existing.map((e, i) => (
                    <span key={e.id}>
                      {i ? ', ' : ''}
                      <Quote state={state} span={e} />
                    </span>
                  ))}
                  ; file <Quote state={incoming} span={c.incoming} />
                </li>
              ))}
              {plan.conflicts.length > LISTED_CONFLICTS ? <li>…and {plan.conflicts.length - LISTED_CONFLICTS} more.</li> : null}
            </ul>
          ) : null}
        </li>
        <li>
          <Choice
            label={`Sources already in the registry (same names): ${plan.sameSources.length}, ${differing.length} with other details`}
            name="sources"
            value={choices.sources}
            disabled={!differing.length}
            options={[
              ['keep-existing', 'Keep the registry’s details'],
              ['take-incoming', 'Take the file’s details'],
            ]}
          />
          {plan.newSources.length ? <p className="hint">{plural(plan.newSources.length, 'new source')} join the registry.</p> : null}
        </li>
        <li>
          Attributions: {plan.newAttributions} new, {plan.identicalAttributions} already there.{' '}
          <Choice
            label={`With missing ends: ${plan.missingEnds.length}`}
            name="missingEnds"
            value={choices.missingEnds}
            disabled={!plan.missingEnds.length}
            options={[
              ['keep-partial', 'Keep them without the missing mention, cue or via'],
              ['skip', 'Leave them out'],
            ]}
          />
          {plan.missingEnds.length ? (
            <ul className="conflict-list" aria-label="Attributions with missing ends">
              {plan.missingEnds.slice(0, LISTED_CONFLICTS).map((m) => (
                <li key={m.incoming.id}>
                  {m.incoming.id}: missing {m.missing.join(', ')} — {m.outcome === 'skipped' ? 'left out' : 'kept without it'}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
        {plan.labelsAdded.length ? <li>Labels added to the corpus: {plan.labelsAdded.map((l) => l.id).join(', ')}.</li> : null}
      </ul>
    </section>
  );
}

/** The modal dataset import dialog, shown while a dataset is staged. */
export function DatasetImportDialog(): React.JSX.Element {
  const app = useApp();
  const { datasetDraft: draft } = useUiState();
  const state = useCorpusState();
  const dialogRef = useRef<HTMLDialogElement>(null);

  useModal(dialogRef, !!draft);

  const incoming = draft?.outcome.ok ? draft.outcome.dataset.state : null;
  const target = draft?.target;
  const choices = draft?.choices;
  const plan = useMemo(() => (target === 'merge' && incoming && choices ? planMerge(state, incoming, choices) : null), [target, choices, incoming, state]);

  if (!draft) return <dialog ref={dialogRef} aria-label="Import dataset" />;
  const { outcome } = draft;
  const notes = outcome.ok ? [...draft.unreadable.map((u) => `${u.name} — skipped: ${u.message}`), ...draft.decodingNotes.map(noteLine), ...outcome.dataset.notes.map(noteLine)] : [];
  const spans = incoming?.spans.size ?? 0;
  const ready = outcome.ok && !draft.busy && (draft.target === 'merge' || !!draft.name.trim());

  return (
    <dialog ref={dialogRef} className="dataset-dialog" aria-labelledby="dataset-dialog-title" onCancel={() => app.datasets.discard()} onKeyDown={(e) => e.stopPropagation()}>
      <h2 id="dataset-dialog-title">Import dataset</h2>
      <p className="files-line">
        {plural(draft.files.length, 'file')}:{' '}
        {draft.files.map((f, i) => (
          <span key={f.path}>
            {i ? ', ' : ''}
            <bdi>{f.path}</bdi>
          </span>
        ))}
      </p>
      <label>
        Format
        <select aria-label="Format" value={draft.format ?? ''} onChange={(e) => app.datasets.setFormat(e.target.value as FormatName)}>
          {draft.format ? null : <option value="">Not recognised: choose one</option>}
          {FORMAT_NAMES.map((name) => (
            <option key={name} value={name}>
              {FORMAT_TITLES[name]}
              {name === draft.detected ? ' — detected' : ''}
            </option>
          ))}
        </select>
      </label>
      {!outcome.ok ? (
        <div className="problems" role="alert">
          <p>
            <strong>Nothing can be imported from this file{draft.format ? ` as ${FORMAT_TITLES[draft.format]}` : ''}.</strong> Nothing was changed.
          </p>
          <ul>
            {outcome.problems.slice(0, 20).map((p, i) => (
              <li key={i} dir="auto">
                {p}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p className="dataset-summary">
            Read {plural(incoming!.documents.size, 'document')}, {plural(spans, 'span')}, {plural(incoming!.attributions.size, 'attribution')} and {plural(incoming!.sources.size, 'source')}. Labels:{' '}
            {[...new Set([...incoming!.spans.values()].map((s) => s.label))].join(', ') || 'none'}.
          </p>
          <section className="import-report" aria-label="Import report">
            <h3>{notes.length ? `${plural(notes.length, 'line')} skipped or repaired` : 'Every line was read as it is.'}</h3>
            {notes.length ? (
              <ul tabIndex={0}>
                {notes.slice(0, REPORT_LINES).map((line, i) => (
                  <li key={i} dir="auto" className={line.includes('— skipped:') ? 'skipped' : 'repaired'}>
                    {line}
                  </li>
                ))}
                {notes.length > REPORT_LINES ? <li>…and {notes.length - REPORT_LINES} more.</li> : null}
              </ul>
            ) : null}
          </section>
          <fieldset className="import-target">
            <legend>Import into</legend>
            <label className="checkbox">
              <input type="radio" name="dataset-target" checked={draft.target === 'new'} onChange={() => app.datasets.setTarget('new')} />A new corpus
            </label>
            <label className="new-name">
              New corpus name
              <input dir="auto" value={draft.name} disabled={draft.target !== 'new'} onChange={(e) => app.datasets.setName(e.target.value)} />
            </label>
            <label className="checkbox">
              <input type="radio" name="dataset-target" checked={draft.target === 'merge'} onChange={() => app.datasets.setTarget('merge')} />
              <span>
                The open corpus, “<bdi>{state.corpus.name}</bdi>” (merge, with a preview)
              </span>
            </label>
          </fieldset>
          {plan && incoming ? <MergePreview plan={plan} draft={draft} state={state} incoming={incoming} /> : null}
        </>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => app.datasets.discard()}>
          Cancel
        </button>
        {draft.target === 'merge' ? (
          <button type="button" className="primary" disabled={!ready} onClick={() => void app.datasets.merge()}>
            Merge into “{state.corpus.name}”
          </button>
        ) : (
          <button type="button" className="primary" disabled={!ready} onClick={() => void app.datasets.importAsNew()}>
            Import into new corpus
          </button>
        )}
      </div>
    </dialog>
  );
}
