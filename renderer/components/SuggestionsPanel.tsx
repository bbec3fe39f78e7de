/**
 * Suggestions for the open document (registry aliases and cue words found in the text):
 * shown apart from annotations, never accepted without the user. Y accepts, X rejects,
 * Shift+Y accepts all; . and , move between them; rejected ones can be brought back. Ambiguous
 * names come with low confidence. A long article has thousands of suggestions: the list shows
 * them a hundred at a time ("Show more", "Show earlier"; a focused suggestion further on is
 * listed with its own page: suggestion-window.ts), each row memoised, so an edit re-renders the
 * rows it changed and no more. (Not a virtualised list: it shares the side column with the span list,
 * and the virtualiser's own scroll corrections moved the column away from the spans.)
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { AttributionCandidate, Suggestion } from '../../shared/attribution/suggest';
import type { SourceRecord } from '../../shared/model/types';
import type { Translate } from '../../shared/i18n/i18n';
import type { IsnadApp } from '../app/controller';
import { useApp, useBindings, useCorpusState, useT, useUiValue } from '../app/hooks';
import { visibleSuggestions } from '../state/suggestions';
import { FIRST_PAGE, SUGGESTIONS_PAGE, suggestionWindow, withPageAfter, withPageBefore, type ListedPages } from '../state/suggestion-window';
import { withElements } from '../i18n/rich';
import { sourceName } from '../i18n/labels';
import { KeyCaps } from './KeyCaps';

/** The hint's placeholders and the actions whose keys they show (as the cheat sheet shows them). */
const HINT_KEYS = { accept: 'suggestions.accept', reject: 'suggestions.reject', next: 'suggestions.next', previous: 'suggestions.previous', acceptAll: 'suggestions.accept-all', toggle: 'suggestions.toggle' } as const;

/** The keys bound now to each action of the hint, as key caps. */
function hintKeys(bindings: ReadonlyMap<string, readonly string[]>): Record<keyof typeof HINT_KEYS, React.ReactNode> {
  return Object.fromEntries(Object.entries(HINT_KEYS).map(([name, id]) => [name, <KeyCaps key={name} keys={bindings.get(id) ?? []} />])) as Record<keyof typeof HINT_KEYS, React.ReactNode>;
}

interface SuggestionItemProps {
  app: IsnadApp;
  t: Translate;
  suggestion: Suggestion;
  source: SourceRecord | undefined;
  focused: boolean;
}

/** One suggestion: what it marks and how sure, why, and Accept / Reject (re-rendered only when one of these changes). */
const SuggestionItem = memo(function SuggestionItem({ app, t, suggestion: s, source, focused }: SuggestionItemProps): React.JSX.Element {
  const row = useRef<HTMLLIElement>(null);
  // The focused suggestion (. and , move it) is brought into the side column's view, as the
  // article scrolls to its text; a row already in view stays where it is.
  useEffect(() => {
    if (focused) row.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);
  const percent = Math.round(s.confidence * 100);
  const reason = t.phrase(s.reasonPhrase);
  const name = source ? t('suggestions.item.source', { label: s.label, text: s.text, source: sourceName(source, t), percent }) : t('suggestions.item', { label: s.label, text: s.text, percent });
  return (
    <li ref={row} className={focused ? 'suggestion focused' : 'suggestion'} data-confidence={s.confidence < 0.5 ? 'low' : 'high'}>
      <button type="button" className="suggestion-main" aria-label={name} aria-pressed={focused} onClick={() => app.ui.update({ focusedSuggestionId: s.id })} title={reason}>
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
});

/** One candidate attribution (a cue and its likely source), accepted together. */
const CandidateItem = memo(function CandidateItem({ app, t, candidate: c }: { app: IsnadApp; t: Translate; candidate: AttributionCandidate }): React.JSX.Element {
  return (
    <li className="candidate">
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
  );
});

/** Under a list that does not show all: which are listed, and a button for the next page (if any). */
function MoreButton({ t, of, start = 0, end, total, more }: { t: Translate; of: 'suggestions' | 'candidates'; start?: number; end: number; total: number; more: () => void }): React.JSX.Element | null {
  if (start === 0 && end >= total) return null;
  const note =
    of === 'candidates'
      ? t('suggestions.candidatesShown', { shown: t.number(end), total: t.number(total) })
      : start === 0
        ? t('suggestions.shown', { shown: t.number(end), total: t.number(total) })
        : t('suggestions.range', { from: t.number(start + 1), to: t.number(end), total: t.number(total) });
  return (
    <>
      <p className="hint">{note}</p>
      {end < total ? (
        <button type="button" onClick={more}>
          {t(of === 'suggestions' ? 'suggestions.showMore' : 'suggestions.showMoreCandidates', { count: Math.min(SUGGESTIONS_PAGE, total - end) })}
        </button>
      ) : null}
    </>
  );
}

/** What a document lists: the first page of suggestions and of candidates until "Show more" (or a focused suggestion further on). */
function firstPages(docId: string | null): { docId: string | null; suggestions: ListedPages; candidates: number } {
  return { docId, suggestions: FIRST_PAGE, candidates: 1 };
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
  // A long article has thousands of suggestions and candidates: pages of each are listed (the
  // page of the focused suggestion too), and the keys reach every one. Listing them all cost
  // each edit a quarter of a second with 6,000 suggestions, and listing all of them up to the
  // focused one cost 2.7 s when , went to the last.
  const [paging, setPaging] = useState(() => firstPages(openDocId));
  const pages = paging.docId === openDocId ? paging : firstPages(openDocId);
  if (!visible) return null;
  const { suggestions, candidates, rejected } = visible;
  const focusedIndex = focusedSuggestionId ? suggestions.findIndex((s) => s.id === focusedSuggestionId) : -1;
  const shown = suggestionWindow(pages.suggestions, suggestions.length, focusedIndex);
  const listedCandidates = Math.min(candidates.length, pages.candidates * SUGGESTIONS_PAGE);
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
      {shown.start > 0 ? (
        <button type="button" onClick={() => setPaging({ ...pages, suggestions: withPageBefore(shown) })}>
          {t('suggestions.showEarlier', { count: Math.min(SUGGESTIONS_PAGE, shown.start) })}
        </button>
      ) : null}
      <ul>
        {suggestions.slice(shown.start, shown.end).map((s) => (
          <SuggestionItem key={s.id} app={app} t={t} suggestion={s} source={s.sourceId ? state.sources.get(s.sourceId) : undefined} focused={s.id === focusedSuggestionId} />
        ))}
      </ul>
      <MoreButton t={t} of="suggestions" start={shown.start} end={shown.end} total={suggestions.length} more={() => setPaging({ ...pages, suggestions: withPageAfter(shown) })} />
      {candidates.length ? (
        <>
          <h3>{t('suggestions.candidates')}</h3>
          <ul>
            {candidates.slice(0, listedCandidates).map((c) => (
              <CandidateItem key={c.cue.id} app={app} t={t} candidate={c} />
            ))}
          </ul>
          <MoreButton t={t} of="candidates" end={listedCandidates} total={candidates.length} more={() => setPaging({ ...pages, candidates: pages.candidates + 1 })} />
        </>
      ) : null}
    </section>
  );
}
