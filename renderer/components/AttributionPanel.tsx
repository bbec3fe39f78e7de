/**
 * The attributions of the open document: each claim with its chains
 * (claim ← source ← via … ), attributes settable from the keyboard, click-through to the
 * text. Everything goes through controller commands (undoable, durable).
 */
import { Fragment, memo, useMemo } from 'react';
import { attributeValues } from '../../shared/model/schema';
import { attributionChain, attributionsOfDocument, type CorpusState } from '../../shared/model/state';
import { sortedSpansOf, spansLabelled } from '../../shared/model/span-index';
import { useColumnList } from './column-list';
import type { AttributionRecord, DocumentRecord, SpanRecord } from '../../shared/model/types';
import { withElements } from '../i18n/rich';
import { useApp, useBindings, useCorpusState, useT, useUiValue } from '../app/hooks';
import { KeyCaps } from './KeyCaps';
import type { MessageKey, Translate } from '../../shared/i18n/i18n';
import { attributeValueName, sourceName } from '../i18n/labels';

function attributedSourceName(state: CorpusState, a: AttributionRecord, t: Translate): string {
  const source = state.sources.get(a.sourceId);
  return source ? sourceName(source, t) : t('attributions.missingSource');
}

/**
 * "claim ← Foreign ministry source ← via RIA Novosti": the chain of an attribution, in words.
 * The arrow points back towards the claim, so it is mirrored in right-to-left languages;
 * each name is isolated, so Arabic and Latin names keep their places in either direction.
 */
function ChainText({ state, attribution, t }: { state: CorpusState; attribution: AttributionRecord; t: Translate }): React.ReactNode {
  const links = attributionChain(state, attribution.id).map((link, i) => {
    const name = <bdi>{attributedSourceName(state, link, t)}</bdi>;
    return (
      <Fragment key={link.id}>
        {i ? t('attributions.arrow') : null}
        <span className="chain-link">{i ? withElements(t('attributions.via'), { source: name }) : name}</span>
      </Fragment>
    );
  });
  return withElements(t('attributions.chain'), { chain: links });
}

/** The attribution attributes and the words for them. */
export const ATTRIBUTE_LABELS: Record<'quotation' | 'stance' | 'claimType', MessageKey> = { quotation: 'attribute.quotation', stance: 'attribute.stance', claimType: 'attribute.claimType' };

/** What one claim's entry shows. */
interface ClaimItemProps {
  app: ReturnType<typeof useApp>;
  t: Translate;
  state: CorpusState;
  doc: DocumentRecord;
  claim: SpanRecord;
  /** The attributions of the whole document (a chain may go via any of them). */
  attributions: readonly AttributionRecord[];
  /** Its place in the virtualised list: index, count, offset and the virtualiser's measuring ref. */
  index: number;
  count: number;
  top: number;
  measure: (element: HTMLLIElement | null) => void;
}

/**
 * Whether a claim's entry would show the same: its claim, the document's attributions, the
 * registry, the schema, the language, and the spans its attributions quote are unchanged.
 * An edit elsewhere in a long article then renders none of the other claims again.
 */
function sameClaimItem(a: ClaimItemProps, b: ClaimItemProps): boolean {
  if (a.claim !== b.claim || a.doc.text !== b.doc.text || a.t !== b.t || a.app !== b.app) return false;
  if (a.index !== b.index || a.count !== b.count || a.top !== b.top || a.measure !== b.measure) return false;
  if (a.state.sources !== b.state.sources || a.state.corpus.schema !== b.state.corpus.schema) return false;
  if (a.attributions.length !== b.attributions.length || a.attributions.some((x, i) => x !== b.attributions[i])) return false;
  for (const attribution of b.attributions) {
    if (attribution.claimSpanId !== b.claim.id) continue;
    for (const id of [attribution.mentionSpanId, attribution.cueSpanId]) if (id && a.state.spans.get(id) !== b.state.spans.get(id)) return false;
  }
  return true;
}

/** One claim: its quote (click to focus it), its chains, its sources with their attributes. */
const ClaimItem = memo(function ClaimItem({ app, t, state, doc, claim, attributions, index, count, top, measure }: ClaimItemProps): React.JSX.Element {
  const values = attributeValues(state.corpus.schema);
  const quote = (spanId: string | undefined): string => {
    const span = spanId ? state.spans.get(spanId) : undefined;
    return span ? doc.text.slice(span.start, span.end) : '';
  };
  const own = attributions.filter((a) => a.claimSpanId === claim.id);
  const usedAsVia = new Set(own.map((a) => a.viaId).filter(Boolean));
  const heads = own.filter((a) => !usedAsVia.has(a.id));
  const text = doc.text.slice(claim.start, claim.end);
  return (
    <li className="claim-item" data-index={index} ref={measure} aria-setsize={count} aria-posinset={index + 1} style={{ transform: `translateY(${top}px)` }}>
      <button type="button" className="claim-quote" onClick={() => app.spans.focus(claim.id)} aria-label={t('attributions.claim', { quote: text })}>
        <span dir="auto" lang="ar">
          «{text.length > 90 ? `${text.slice(0, 90)}…` : text}»
        </span>
      </button>
      {heads.map((a) => (
        <p key={a.id} className="chain">
          <ChainText state={state} attribution={a} t={t} />
        </p>
      ))}
      <ul className="links" aria-label={t('attributions.sourcesOf', { quote: text.slice(0, 40) })}>
        {own.map((a) => {
          const name = attributedSourceName(state, a, t);
          return (
            <li key={a.id} className="attribution-row">
              <span className="source-name">
                {t('attributions.arrowHead')}
                <bdi>{name}</bdi>
              </span>
              {a.mentionSpanId ? <span className="mention">{withElements(t('attributions.mention'), { quote: <bdi key="q">«{quote(a.mentionSpanId)}»</bdi> })}</span> : null}
              {a.cueSpanId ? <span className="mention">{withElements(t('attributions.cue'), { quote: <bdi key="q">«{quote(a.cueSpanId)}»</bdi> })}</span> : null}
              <span className="attribute-controls">
                {(Object.keys(ATTRIBUTE_LABELS) as Array<keyof typeof ATTRIBUTE_LABELS>).map((key) => (
                  <select
                    key={key}
                    aria-label={t('attributions.attributeOf', { attribute: t(ATTRIBUTE_LABELS[key]), source: name })}
                    value={a[key] ?? ''}
                    onChange={(event) => void app.attribution.updateAttribution(a.id, { [key]: event.target.value || null })}
                  >
                    <option value="">{t('attributions.attributeValue', { attribute: t(ATTRIBUTE_LABELS[key]), value: '—' })}</option>
                    {values[key].map((v) => (
                      <option key={v} value={v}>
                        {t('attributions.attributeValue', { attribute: t(ATTRIBUTE_LABELS[key]), value: attributeValueName(key, v, t) })}
                      </option>
                    ))}
                  </select>
                ))}
                <select className="via" aria-label={t('attributions.viaOf', { source: name })} value={a.viaId ?? ''} onChange={(event) => void app.attribution.updateAttribution(a.id, { viaId: event.target.value || null })}>
                  <option value="">{t('attributions.viaValue', { source: '—' })}</option>
                  {attributions
                    .filter((other) => other.id !== a.id)
                    .map((other) => (
                      <option key={other.id} value={other.id}>
                        {t('attributions.viaValue', { source: attributedSourceName(state, other, t) })}
                      </option>
                    ))}
                </select>
                <button type="button" onClick={() => void app.attribution.removeAttribution(a.id)} aria-label={t('attributions.delete.name', { source: name })}>
                  {t('common.delete')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <button type="button" className="attribute-button" onClick={() => app.attribution.openPalette(claim.id)} aria-label={t('attributions.attribute.name', { quote: text.slice(0, 40) })}>
        {t('attributions.attribute')} <kbd>A</kbd>
      </button>
    </li>
  );
}, sameClaimItem);

const NO_CLAIMS: readonly SpanRecord[] = [];

/** The attribution panel. */
export function AttributionPanel(): React.JSX.Element | null {
  const app = useApp();
  const t = useT();
  const bindings = useBindings();
  const state = useCorpusState();
  const openDocId = useUiValue('openDocId');
  const doc = openDocId ? state.documents.get(openDocId) : undefined;
  // The same array after edits of other spans, so the virtualised list keeps its measurements.
  const claims = doc ? spansLabelled(sortedSpansOf(state.spans, doc.id), 'CLAIM') : NO_CLAIMS;
  const attributions = useMemo(() => (doc ? attributionsOfDocument(state, doc.id) : []), [state, doc]);
  // Only the claims near the visible part of the column are rendered (see column-list.ts).
  const { listRef, virtualizer, scrollMargin } = useColumnList(claims, { rowHeight: 64, gap: 6, overscan: 4, shown: !!doc });
  if (!doc) return null;

  return (
    <section className="attributions" aria-label={t('attributions.name')}>
      <h2>
        {t('attributions.heading')} <span className="count">({t.number(attributions.length)})</span>
      </h2>
      {claims.length === 0 ? (
        <p className="hint">
          {withElements(t('attributions.empty'), { claim: <KeyCaps keys={(bindings.get('label.CLAIM') ?? []).slice(0, 1)} />, attribute: <KeyCaps keys={(bindings.get('attribution.open') ?? []).slice(0, 1)} /> })}
        </p>
      ) : null}
      <ul ref={listRef} className="virtual-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <ClaimItem
            key={item.key}
            app={app}
            t={t}
            state={state}
            doc={doc}
            claim={claims[item.index]!}
            attributions={attributions}
            index={item.index}
            count={claims.length}
            top={item.start - scrollMargin}
            measure={virtualizer.measureElement}
          />
        ))}
      </ul>
    </section>
  );
}
