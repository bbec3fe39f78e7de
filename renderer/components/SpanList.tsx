/**
 * The spans of the open document in reading order. Highlights carry no accessible name, so
 * this list is how each span's label and text reach assistive technology; it is also where
 * a span can be focused, relabelled with a label key, or deleted with Delete.
 */
import { useLayoutEffect, useMemo, Fragment } from 'react';
import { useFixedRowList } from './column-list';
import { spanUsage } from '../../shared/model/attribution-commands';
import { findLabel } from '../../shared/model/schema';
import type { CorpusState } from '../../shared/model/state';
import { sortedSpansOf } from '../../shared/model/span-index';
import type { SpanRecord } from '../../shared/model/types';
import { fromUtf16Offsets } from '../../shared/text/offsets';
import { useApp, useBindings, useCorpusState, useT, useUiValue } from '../app/hooks';
import { FOCUSED_SPAN_DETAILS_ID } from '../app/actions/span-actions';
import type { Translate } from '../../shared/i18n/i18n';
import { labelName } from '../i18n/labels';
import { usageInWords } from './span-usage-words';
import { KeyCaps } from './KeyCaps';
import { withElements } from '../i18n/rich';

/** The first key of each action, as bound now (a hint shows one key per action). */
function firstKeys(bindings: ReadonlyMap<string, readonly string[]>, actionIds: readonly string[]): string[] {
  return actionIds.flatMap((id) => bindings.get(id)?.slice(0, 1) ?? []);
}

/**
 * The keys that work on the focused span, as key caps with the keys bound now, each laid out
 * left to right also in an Arabic sentence. What Enter does depends on the span: a claim's
 * attributes open, any other span's details (this section) get the focus.
 */
function SpanKeysHint({ claim, t }: { claim: boolean; t: Translate }): React.JSX.Element {
  const bindings = useBindings();
  const caps = (...actionIds: string[]): React.ReactNode => <KeyCaps keys={firstKeys(bindings, actionIds)} />;
  const elements = {
    grow: caps('span.grow-start-word', 'span.grow-end-word'),
    shrink: caps('span.shrink-start-word', 'span.shrink-end-word'),
    growCharacter: caps('span.grow-start-grapheme', 'span.grow-end-grapheme'),
    shrinkCharacter: caps('span.shrink-start-grapheme', 'span.shrink-end-grapheme'),
    delete: caps('span.delete'),
    enter: caps('span.open'),
  };
  // Each "keys + what they do" is one item that wraps as a whole, so a key never ends a line
  // with its words on the next.
  const items = t(claim ? 'spanDetails.keys.claim' : 'spanDetails.keys.other').split(' · ');
  return (
    <p className="hint span-keys">
      {items.map((item, k) => (
        <Fragment key={k}>
          {k > 0 && ' · '}
          <span className="hint-item">{withElements(item, elements)}</span>
        </Fragment>
      ))}
    </p>
  );
}

/** The focused span: label, text, code-point offsets and its part in attributions (Enter moves focus here). */
function FocusedSpanDetails({ state, span, text, t }: { state: CorpusState; span: SpanRecord; text: string; t: Translate }): React.JSX.Element {
  const label = findLabel(state.corpus.schema, span.label);
  const [start, end] = fromUtf16Offsets(text, [span.start, span.end], 'codepoint');
  const usage = spanUsage(state, span.id);
  return (
    <section id={FOCUSED_SPAN_DETAILS_ID} className="span-details" tabIndex={-1} aria-label={t('spanDetails.name')}>
      <dl>
        <dt>{t('spanDetails.label')}</dt>
        <dd>{label ? labelName(label, t) : span.label}</dd>
        <dt>{t('spanDetails.text')}</dt>
        <dd dir="auto" lang="ar" className="span-quote">
          {text.slice(span.start, span.end)}
        </dd>
        <dt>{t('spanDetails.offsets')}</dt>
        <dd>{t('spanDetails.range', { start: String(start), end: String(end) })}</dd>
        <dt>{t('spanDetails.usage')}</dt>
        <dd>{usageInWords(usage, t)}</dd>
      </dl>
      <SpanKeysHint claim={span.label === 'CLAIM'} t={t} />
    </section>
  );
}

/**
 * The height of a row of the list (one line, the quote cut with an ellipsis; the row's
 * accessible name and the focused span's details have the whole text). Rows are placed at
 * fixed steps rather than measured: measuring every rendered row after each edit forced a
 * layout of the window.
 */
const SPAN_ROW_HEIGHT = 34;

/** The span panel. */
export function SpanList(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const state = useCorpusState();
  const bindings = useBindings();
  const openDocId = useUiValue('openDocId');
  const focusedSpanId = useUiValue('focusedSpanId');
  const doc = openDocId ? state.documents.get(openDocId) : undefined;
  // The shared list in reading order (carried through edits; read, never changed here).
  const spans = useMemo(() => (doc ? sortedSpansOf(state.spans, doc.id) : []), [state.spans, doc]);
  const { listRef, range, totalHeight, rowTop, reveal } = useFixedRowList(spans.length, { rowHeight: SPAN_ROW_HEIGHT, gap: 4, overscan: 10, shown: true });

  const focusedIndex = useMemo(() => (focusedSpanId ? spans.findIndex((s) => s.id === focusedSpanId) : -1), [spans, focusedSpanId]);
  useLayoutEffect(() => {
    if (focusedIndex >= 0) reveal(focusedIndex);
    // Only when the focus moves to another span, not on every edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
      {focused && doc ? <FocusedSpanDetails state={state} span={focused} text={doc.text} t={t} /> : null}
      {spans.length === 0 ? (
        <p className="hint">{withElements(t('spans.empty'), { keys: <KeyCaps keys={firstKeys(bindings, state.corpus.schema.labels.map((l) => `label.${l.id}`))} /> })}</p>
      ) : null}
      <ul ref={listRef} className="virtual-list" style={{ height: totalHeight }}>
        {spans.slice(range.start, range.end).map((span, k) => {
          const index = range.start + k;
          const label = findLabel(state.corpus.schema, span.label);
          const quote = doc ? doc.text.slice(span.start, span.end) : '';
          const name = label ? labelName(label, t) : span.label;
          return (
            <li key={span.id} data-index={index} aria-setsize={spans.length} aria-posinset={index + 1} style={{ transform: `translateY(${rowTop(index)}px)` }}>
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
