/**
 * The spans of the open document in reading order. Highlights carry no accessible name, so
 * this list is how each span's label and text reach assistive technology; it is also where
 * a span can be focused, relabelled with a label key, or deleted with Delete.
 */
import { useEffect, useMemo, useRef } from 'react';
import { spanUsage } from '../../shared/model/attribution-commands';
import { findLabel, labelDisplayName } from '../../shared/model/schema';
import { spansOfDocument } from '../../shared/model/state';
import type { SpanRecord } from '../../shared/model/types';
import { fromUtf16Offsets } from '../../shared/text/offsets';
import { useApp, useCorpusState, useUiState } from '../app/hooks';
import { FOCUSED_SPAN_DETAILS_ID } from '../app/actions/span-actions';
import type { CorpusState } from '../../shared/model/state';

/** Words of the focused span's details, in one place. */
const DETAILS_TEXT = {
  region: 'Focused span details',
  label: 'Label',
  text: 'Text',
  offsets: 'Characters',
  range: (start: number, end: number) => `${start}–${end} (code points)`,
  usage: 'Attributions',
  usageText: (claimOf: number, other: number) => (claimOf || other ? `claim of ${claimOf}, source mention or cue of ${other}` : 'none'),
  keys: 'A label key relabels · [ ] grow · Shift+[ ] shrink · Alt+… by a character · Delete deletes · Enter opens a claim',
};

/** The focused span: label, text, code-point offsets and its part in attributions (Enter moves focus here). */
function FocusedSpanDetails({ state, span, text }: { state: CorpusState; span: SpanRecord; text: string }): React.JSX.Element {
  const label = findLabel(state.corpus.schema, span.label);
  const [start, end] = fromUtf16Offsets(text, [span.start, span.end], 'codepoint');
  const usage = spanUsage(state, span.id);
  return (
    <section id={FOCUSED_SPAN_DETAILS_ID} className="span-details" tabIndex={-1} aria-label={DETAILS_TEXT.region}>
      <dl>
        <dt>{DETAILS_TEXT.label}</dt>
        <dd>{label ? labelDisplayName(label) : span.label}</dd>
        <dt>{DETAILS_TEXT.text}</dt>
        <dd dir="auto" lang="ar" className="span-quote">
          {text.slice(span.start, span.end)}
        </dd>
        <dt>{DETAILS_TEXT.offsets}</dt>
        <dd>{DETAILS_TEXT.range(start!, end!)}</dd>
        <dt>{DETAILS_TEXT.usage}</dt>
        <dd>{DETAILS_TEXT.usageText(usage.claimOf, usage.mentionOrCueOf)}</dd>
      </dl>
      <p className="hint">{DETAILS_TEXT.keys}</p>
    </section>
  );
}

/** The span panel. */
export function SpanList(): React.JSX.Element {
  const app = useApp();
  const state = useCorpusState();
  const { openDocId, focusedSpanId } = useUiState();
  const doc = openDocId ? state.documents.get(openDocId) : undefined;
  const spans = useMemo(() => (doc ? spansOfDocument(state, doc.id) : []), [state, doc]);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!focusedSpanId) return;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-span-id="${CSS.escape(focusedSpanId)}"]`);
    item?.scrollIntoView({ block: 'nearest' });
  }, [focusedSpanId]);

  const focused = focusedSpanId ? state.spans.get(focusedSpanId) : undefined;
  const focusedLabel = focused ? findLabel(state.corpus.schema, focused.label) : undefined;

  return (
    <aside className="spans" aria-label="Spans in this document">
      <h2>
        Spans <span className="count">({spans.length})</span>
      </h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {focused && doc && focusedLabel ? `Focused span: ${labelDisplayName(focusedLabel)}: ${doc.text.slice(focused.start, focused.end)}` : ''}
      </p>
      {focused && doc ? <FocusedSpanDetails state={state} span={focused} text={doc.text} /> : null}
      {spans.length === 0 ? <p className="hint">Select text in the article, then press a label key (1–7) or click a label.</p> : null}
      <ul ref={listRef}>
        {spans.map((span) => {
          const label = findLabel(state.corpus.schema, span.label);
          const quote = doc ? doc.text.slice(span.start, span.end) : '';
          const name = label ? labelDisplayName(label) : span.label;
          return (
            <li key={span.id}>
              <button
                type="button"
                data-span-id={span.id}
                className={span.id === focusedSpanId ? 'span-item focused' : 'span-item'}
                aria-pressed={span.id === focusedSpanId}
                aria-label={`${name}: ${quote}`}
                onClick={() => app.spans.focus(span.id)}
                style={{ '--label-colour': label?.colour ?? '#999' } as React.CSSProperties}
              >
                <span className="span-label">{span.label}</span>
                <span className="span-quote" dir="auto" lang="ar">
                  {quote}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
