/**
 * Suggestions for the open document (registry aliases and cue words found in the text):
 * shown apart from annotations, never accepted without the user. Y accepts, X rejects,
 * Shift+Y accepts all; . and , move between them. Ambiguous names come with low confidence.
 */
import { useMemo } from 'react';
import { sourceDisplayName } from '../../shared/model/attribution-commands';
import { useApp, useCorpusState, useUiState } from '../app/hooks';
import { visibleSuggestions } from '../state/suggestions';

/** The suggestions panel (only while suggestions are on). */
export function SuggestionsPanel(): React.JSX.Element | null {
  const app = useApp();
  const state = useCorpusState();
  const { openDocId, suggestionsOn, rejectedSuggestions, focusedSuggestionId } = useUiState();
  const visible = useMemo(
    () => (openDocId && suggestionsOn ? visibleSuggestions(state, openDocId, rejectedSuggestions[openDocId] ?? []) : null),
    [state, openDocId, suggestionsOn, rejectedSuggestions],
  );
  if (!visible) return null;
  const { suggestions, candidates } = visible;
  return (
    <section className="suggestions" aria-label="Suggestions">
      <h2>
        Suggestions <span className="count">({suggestions.length})</span>
      </h2>
      <p className="hint">Y accept · X reject · . , next/previous · Shift+Y accept all · G hide</p>
      {suggestions.length ? (
        <button type="button" onClick={() => void app.suggestions.acceptAll()}>
          Accept all {suggestions.length} suggestions
        </button>
      ) : (
        <p className="hint">No open suggestions in this document.</p>
      )}
      <ul>
        {suggestions.map((s) => {
          const source = s.sourceId ? state.sources.get(s.sourceId) : undefined;
          const percent = Math.round(s.confidence * 100);
          const name = `${s.label} suggestion: ${s.text}${source ? ` (${sourceDisplayName(source)})` : ''}, ${percent}% confidence`;
          return (
            <li key={s.id} className={s.id === focusedSuggestionId ? 'suggestion focused' : 'suggestion'} data-confidence={s.confidence < 0.5 ? 'low' : 'high'}>
              <button type="button" className="suggestion-main" aria-label={name} aria-pressed={s.id === focusedSuggestionId} onClick={() => app.ui.update({ focusedSuggestionId: s.id })} title={s.reason}>
                <span className="span-label">{s.label}</span>
                <bdi dir="auto" lang="ar">
                  {s.text}
                </bdi>
                <span className={s.confidence < 0.5 ? 'confidence low' : 'confidence'}>{percent}%</span>
              </button>
              <span className="reason">{s.reason}</span>
              <button type="button" onClick={() => void app.suggestions.accept([s.id])} aria-label={`Accept ${s.label} ${s.text}`}>
                Accept
              </button>
              <button type="button" onClick={() => app.suggestions.reject(s.id)} aria-label={`Reject ${s.label} ${s.text}`}>
                Reject
              </button>
            </li>
          );
        })}
      </ul>
      {candidates.length ? (
        <>
          <h3>Candidate attributions</h3>
          <ul>
            {candidates.map((c) => (
              <li key={c.cue.id} className="candidate">
                <bdi dir="auto">{c.cue.text}</bdi> → {c.source ? <bdi dir="auto">{c.source.text}</bdi> : '?'} ({Math.round(c.confidence * 100)}%){' '}
                <button type="button" onClick={() => void app.suggestions.accept([c.cue.id, ...(c.source ? [c.source.id] : [])])} aria-label={`Accept cue ${c.cue.text} and source ${c.source?.text ?? ''}`}>
                  Accept cue and source
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
