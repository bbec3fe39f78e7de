/**
 * Suggestions for the open document (registry aliases and cue words found in the text):
 * shown apart from annotations, never accepted without the user. Y accepts, X rejects,
 * Shift+Y accepts all; . and , move between them; rejected ones can be brought back. Ambiguous
 * names come with low confidence.
 */
import { useMemo } from 'react';
import { useApp, useBindings, useCorpusState, useT, useUiValue } from '../app/hooks';
import { visibleSuggestions } from '../state/suggestions';
import { withElements } from '../i18n/rich';
import { sourceName } from '../i18n/labels';
import { KeyCaps } from './KeyCaps';

/** The hint's placeholders and the actions whose keys they show (as the cheat sheet shows them). */
const HINT_KEYS = { accept: 'suggestions.accept', reject: 'suggestions.reject', next: 'suggestions.next', previous: 'suggestions.previous', acceptAll: 'suggestions.accept-all', toggle: 'suggestions.toggle' } as const;

/** The keys bound now to each action of the hint, as key caps. */
function hintKeys(bindings: ReadonlyMap<string, readonly string[]>): Record<keyof typeof HINT_KEYS, React.ReactNode> {
  return Object.fromEntries(Object.entries(HINT_KEYS).map(([name, id]) => [name, <KeyCaps key={name} keys={bindings.get(id) ?? []} />])) as Record<keyof typeof HINT_KEYS, React.ReactNode>;
}

/** The suggestions panel (only while suggestions are on). */
export function SuggestionsPanel(): React.JSX.Element | null {
  const app = useApp();
  const bindings = useBindings();
  const t = useT();
  const state = useCorpusState();
  const openDocId = useUiValue('openDocId');
  const suggestionsOn = useUiValue('suggestionsOn');
  const focusedSuggestionId = useUiValue('focusedSuggestionId');
  const visible = useMemo(
    () => (openDocId && suggestionsOn ? visibleSuggestions(state, openDocId) : null),
    [state, openDocId, suggestionsOn],
  );
  if (!visible) return null;
  const { suggestions, candidates, rejected } = visible;
  return (
    <section className="suggestions" aria-label={t('suggestions.name')}>
      <h2>
        {t('suggestions.name')} <span className="count">({t.number(suggestions.length)})</span>
      </h2>
      <p className="hint">{withElements(t('suggestions.hint'), hintKeys(bindings))}</p>
      {suggestions.length ? (
        <button type="button" onClick={() => void app.suggestions.acceptAll()}>
          {t('suggestions.acceptAll', { count: suggestions.length })}
        </button>
      ) : (
        <p className="hint">{t('suggestions.none')}</p>
      )}
      {rejected ? (
        <button type="button" onClick={() => void app.suggestions.restoreRejected()}>
          {t('suggestions.restoreRejected', { count: rejected })}
        </button>
      ) : null}
      <ul>
        {suggestions.map((s) => {
          const source = s.sourceId ? state.sources.get(s.sourceId) : undefined;
          const percent = Math.round(s.confidence * 100);
          const reason = t.phrase(s.reasonPhrase);
          const name = source
            ? t('suggestions.item.source', { label: s.label, text: s.text, source: sourceName(source, t), percent })
            : t('suggestions.item', { label: s.label, text: s.text, percent });
          return (
            <li key={s.id} className={s.id === focusedSuggestionId ? 'suggestion focused' : 'suggestion'} data-confidence={s.confidence < 0.5 ? 'low' : 'high'}>
              <button type="button" className="suggestion-main" aria-label={name} aria-pressed={s.id === focusedSuggestionId} onClick={() => app.ui.update({ focusedSuggestionId: s.id })} title={reason}>
                <span className="span-label">{s.label}</span>
                <bdi dir="auto" lang="ar">
                  {s.text}
                </bdi>
                <span className={s.confidence < 0.5 ? 'confidence low' : 'confidence'}>{t('suggestions.percent', { percent })}</span>
              </button>
              <span className="reason">{reason}</span>
              <button type="button" onClick={() => void app.suggestions.accept([s.id])} aria-label={t('suggestions.accept.name', { label: s.label, text: s.text })}>
                {t('suggestions.accept')}
              </button>
              <button type="button" onClick={() => app.suggestions.reject(s.id)} aria-label={t('suggestions.reject.name', { label: s.label, text: s.text })}>
                {t('suggestions.reject')}
              </button>
            </li>
          );
        })}
      </ul>
      {candidates.length ? (
        <>
          <h3>{t('suggestions.candidates')}</h3>
          <ul>
            {candidates.map((c) => (
              <li key={c.cue.id} className="candidate">
                {withElements(t('suggestions.candidate', { percent: Math.round(c.confidence * 100) }), {
                  cue: (
                    <bdi dir="auto" key="cue">
                      {c.cue.text}
                    </bdi>
                  ),
                  source: c.source ? (
                    <bdi dir="auto" key="source">
                      {c.source.text}
                    </bdi>
                  ) : (
                    '?'
                  ),
                })}{' '}
                <button type="button" onClick={() => void app.suggestions.accept([c.cue.id, ...(c.source ? [c.source.id] : [])])} aria-label={t('suggestions.candidate.accept.name', { cue: c.cue.text, source: c.source?.text ?? '' })}>
                  {t('suggestions.candidate.accept')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
