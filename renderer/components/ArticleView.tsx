/**
 * The open article: one element per paragraph, each with its own `dir`, the text as a single
 * text node (so DOM positions are logical offsets), spans painted as highlights.
 */
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { spansOfDocument } from '../../shared/model/state';
import type { DocumentStatus } from '../../shared/model/types';
import { encodingSummary } from '../../shared/model/import';
import { findRepeatedParagraphs } from '../../shared/text/repeats';
import { findInText } from '../../shared/search/search';
import { splitParagraphs } from '../../shared/text/paragraphs';
import { useApp, useCorpusState, useT, useUiState } from '../app/hooks';
import { offsetAtPoint } from '../editor/dom-offsets';
import { clearHighlights, highlightStyles, paintSearchMatches, paintSpans, paintSuggestions } from '../editor/highlights';
import { visibleSuggestions } from '../state/suggestions';
import { withElements } from '../i18n/rich';
import { STATUSES, statusName } from './DocumentList';

/** The article view of the open document. */
export function ArticleView(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const state = useCorpusState();
  const { openDocId, focusedSpanId, search, suggestionsOn, rejectedSuggestions, focusedSuggestionId } = useUiState();
  const doc = openDocId ? state.documents.get(openDocId) : undefined;
  const articleRef = useRef<HTMLElement | null>(null);
  const paragraphs = useMemo(() => (doc ? splitParagraphs(doc.text) : []), [doc]);
  const spans = useMemo(() => (doc ? spansOfDocument(state, doc.id) : []), [state, doc]);
  const styles = useMemo(() => highlightStyles(state.corpus.schema), [state.corpus.schema]);
  /** Paragraph index → the index of its first occurrence, for later copies of a repeated paragraph. */
  const repeatOf = useMemo(() => {
    const map = new Map<number, number>();
    if (doc) for (const repeat of findRepeatedParagraphs(doc.text)) for (const later of repeat.occurrences.slice(1)) map.set(later, repeat.occurrences[0]!);
    return map;
  }, [doc]);
  const matches = useMemo(() => (doc && search.query.trim() ? findInText(doc.text, search.query, { tehMarbuta: search.tehMarbuta }) : []), [doc, search.query, search.tehMarbuta]);

  const attach = useCallback(
    (element: HTMLElement | null) => {
      articleRef.current = element;
      app.attachArticle(element);
    },
    [app],
  );

  useLayoutEffect(() => {
    if (articleRef.current) paintSpans(articleRef.current, spans, state.corpus.schema, focusedSpanId);
  }, [spans, paragraphs, focusedSpanId, state.corpus.schema]);
  useLayoutEffect(() => {
    if (articleRef.current) paintSearchMatches(articleRef.current, matches);
  }, [matches, paragraphs]);
  const suggestions = useMemo(
    () => (doc && suggestionsOn ? visibleSuggestions(state, doc.id, rejectedSuggestions[doc.id] ?? []).suggestions : []),
    [state, doc, suggestionsOn, rejectedSuggestions],
  );
  useLayoutEffect(() => {
    if (articleRef.current) paintSuggestions(articleRef.current, suggestions, focusedSuggestionId);
  }, [suggestions, focusedSuggestionId, paragraphs]);
  useLayoutEffect(() => () => clearHighlights(), []);

  if (!doc) {
    return (
      <main className="article-pane empty">
        <p>{t('article.none')}</p>
      </main>
    );
  }

  const onMouseUp = (event: React.MouseEvent): void => {
    const selection = document.getSelection();
    if (!articleRef.current || (selection && !selection.isCollapsed)) return;
    const offset = offsetAtPoint(articleRef.current, event.clientX, event.clientY);
    if (offset !== null) app.spans.focusAt(offset);
  };

  return (
    <main className="article-pane">
      <style>{styles}</style>
      <div className="article-header">
        <h1 dir="auto">{doc.title}</h1>
        <p className="article-meta">
          {doc.meta.fileName ? <span>{doc.meta.fileName}</span> : null}
          <span>{t('article.encoding', { encoding: encodingSummary(doc.meta) })}</span>
          <span>{t('count.spans', { count: spans.length })}</span>
          {repeatOf.size ? <span className="repeat-note">{t('article.repeatedParagraphs', { count: repeatOf.size })}</span> : null}
          {search.query.trim() ? (
            <span role="status">{withElements(t('article.matches', { count: matches.length }), { query: <bdi key="q">{search.query.trim()}</bdi> })}</span>
          ) : null}
          <label>
            {t('article.status')}{' '}
            <select aria-label={t('article.status.name')} value={doc.status} onChange={(event) => void app.setStatus(doc.id, event.target.value as DocumentStatus)}>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statusName(status, t)}
                </option>
              ))}
            </select>
          </label>
        </p>
      </div>
      <article ref={attach} className="article-text" aria-label={t('article.name', { title: doc.title })} tabIndex={0} lang="ar" onMouseUp={onMouseUp}>
        {paragraphs.map((p) => {
          const first = repeatOf.get(p.index);
          return (
            <p
              key={p.start}
              dir={p.dir}
              data-start={p.start}
              {...(first === undefined ? {} : { 'data-repeat-of': first + 1, 'data-repeat-note': t('article.repeatOf', { paragraph: first + 1 }), className: 'repeated', title: t('article.repeatOf', { paragraph: first + 1 }) })}
            >
              {doc.text.slice(p.start, p.end)}
            </p>
          );
        })}
      </article>
    </main>
  );
}
