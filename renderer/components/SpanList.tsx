/**
 * The spans of the open document in reading order. Highlights carry no accessible name, so
 * this list is how each span's label and text reach assistive technology; it is also where
 * a span can be focused, relabelled with a label key, or deleted with Delete.
 */
import { useEffect, useMemo, useRef } from 'react';
import { findLabel } from '../../shared/model/schema';
import { spansOfDocument } from '../../shared/model/state';
import { useApp, useCorpusState, useT, useUiState } from '../app/hooks';
import { labelName } from '../i18n/labels';

/** The span panel. */
export function SpanList(): React.JSX.Element {
  const app = useApp();
  const t = useT();
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
    <aside className="spans" aria-label={t('spans.name')}>
      <h2>
        {t('spans.heading')} <span className="count">({t.number(spans.length)})</span>
      </h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {focused && doc && focusedLabel ? t('spans.focused', { label: labelName(focusedLabel, t), quote: doc.text.slice(focused.start, focused.end) }) : ''}
      </p>
      {spans.length === 0 ? <p className="hint">{t('spans.empty')}</p> : null}
      <ul ref={listRef}>
        {spans.map((span) => {
          const label = findLabel(state.corpus.schema, span.label);
          const quote = doc ? doc.text.slice(span.start, span.end) : '';
          const name = label ? labelName(label, t) : span.label;
          return (
            <li key={span.id}>
              <button
                type="button"
                data-span-id={span.id}
                className={span.id === focusedSpanId ? 'span-item focused' : 'span-item'}
                aria-pressed={span.id === focusedSpanId}
                aria-label={t('spans.item', { label: name, quote })}
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
