/**
 * The attributions of the open document: each claim with its chains
 * (claim ← source ← via … ), attributes settable from the keyboard, click-through to the
 * text. Everything goes through controller commands (undoable, durable).
 */
import { useMemo } from 'react';
import { attributeValues } from '../../shared/model/schema';
import { attributionChain, attributionsOfDocument, spansOfDocument, type CorpusState } from '../../shared/model/state';
import { sourceDisplayName } from '../../shared/model/attribution-commands';
import type { AttributionRecord } from '../../shared/model/types';
import { useApp, useCorpusState, useUiState } from '../app/hooks';

function sourceName(state: CorpusState, a: AttributionRecord): string {
  const source = state.sources.get(a.sourceId);
  return source ? sourceDisplayName(source) : '(missing source)';
}

/** "claim ← Foreign ministry source ← via RIA Novosti": the chain of an attribution, in words. */
export function chainText(state: CorpusState, a: AttributionRecord): string {
  const names = attributionChain(state, a.id).map((link, i) => (i === 0 ? sourceName(state, link) : `via ${sourceName(state, link)}`));
  return `claim ← ${names.join(' ← ')}`;
}

const ATTRIBUTE_LABELS = { quotation: 'Quotation', stance: 'Stance', claimType: 'Claim type' } as const;

/** The attribution panel. */
export function AttributionPanel(): React.JSX.Element | null {
  const app = useApp();
  const state = useCorpusState();
  const { openDocId } = useUiState();
  const doc = openDocId ? state.documents.get(openDocId) : undefined;
  const claims = useMemo(() => (doc ? spansOfDocument(state, doc.id).filter((s) => s.label === 'CLAIM') : []), [state, doc]);
  const attributions = useMemo(() => (doc ? attributionsOfDocument(state, doc.id) : []), [state, doc]);
  if (!doc) return null;
  const values = attributeValues(state.corpus.schema);
  const quote = (spanId: string | undefined): string => {
    const span = spanId ? state.spans.get(spanId) : undefined;
    return span ? doc.text.slice(span.start, span.end) : '';
  };

  return (
    <section className="attributions" aria-label="Attributions in this document">
      <h2>
        Attributions <span className="count">({attributions.length})</span>
      </h2>
      {claims.length === 0 ? <p className="hint">Mark a claim (key 5), focus it and press A to attribute it to a source.</p> : null}
      <ul>
        {claims.map((claim) => {
          const own = attributions.filter((a) => a.claimSpanId === claim.id);
          const usedAsVia = new Set(own.map((a) => a.viaId).filter(Boolean));
          const heads = own.filter((a) => !usedAsVia.has(a.id));
          const text = doc.text.slice(claim.start, claim.end);
          return (
            <li key={claim.id} className="claim-item">
              <button type="button" className="claim-quote" onClick={() => app.spans.focus(claim.id)} aria-label={`Claim: ${text}`}>
                <span dir="auto" lang="ar">
                  «{text.length > 90 ? `${text.slice(0, 90)}…` : text}»
                </span>
              </button>
              {heads.map((a) => (
                <p key={a.id} className="chain" dir="ltr">
                  {chainText(state, a)}
                </p>
              ))}
              <ul className="links" aria-label={`Sources of the claim ${text.slice(0, 40)}`}>
                {own.map((a) => {
                  const name = sourceName(state, a);
                  return (
                    <li key={a.id} className="attribution-row">
                      <span className="source-name" dir="auto">
                        ← {name}
                      </span>
                      {a.mentionSpanId ? (
                        <span className="mention" dir="auto">
                          mention «{quote(a.mentionSpanId)}»
                        </span>
                      ) : null}
                      {a.cueSpanId ? (
                        <span className="mention" dir="auto">
                          cue «{quote(a.cueSpanId)}»
                        </span>
                      ) : null}
                      <span className="attribute-controls">
                        {(Object.keys(ATTRIBUTE_LABELS) as Array<keyof typeof ATTRIBUTE_LABELS>).map((key) => (
                          <select
                            key={key}
                            aria-label={`${ATTRIBUTE_LABELS[key]} of the attribution to ${name}`}
                            value={a[key] ?? ''}
                            onChange={(event) => void app.attribution.updateAttribution(a.id, { [key]: event.target.value || null })}
                          >
                            <option value="">{ATTRIBUTE_LABELS[key]}: —</option>
                            {values[key].map((v) => (
                              <option key={v} value={v}>
                                {ATTRIBUTE_LABELS[key]}: {v}
                              </option>
                            ))}
                          </select>
                        ))}
                        <select aria-label={`Via of the attribution to ${name}`} value={a.viaId ?? ''} onChange={(event) => void app.attribution.updateAttribution(a.id, { viaId: event.target.value || null })}>
                          <option value="">Via: —</option>
                          {attributions
                            .filter((other) => other.id !== a.id)
                            .map((other) => (
                              <option key={other.id} value={other.id}>
                                Via: {sourceName(state, other)}
                              </option>
                            ))}
                        </select>
                        <button type="button" onClick={() => void app.attribution.removeAttribution(a.id)} aria-label={`Delete the attribution to ${name}`}>
                          Delete
                        </button>
                      </span>
                    </li>
                  );
                })}
              </ul>
              <button type="button" className="attribute-button" onClick={() => app.attribution.openPalette(claim.id)} aria-label={`Attribute the claim ${text.slice(0, 40)}…`}>
                Attribute… <kbd>A</kbd>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
