/**
 * The open article: one element per paragraph, each with its own `dir`, the text as a single
 * text node (so DOM positions are logical offsets), spans painted as highlights.
 *
 * Rendering stays fast on long articles (see ARCHITECTURE.md, "Rendering the article"): the
 * paragraphs are built once per text outside React (editor/article-dom.ts), untouched by span
 * edits; the browser lays out and paints only the chunks of paragraphs near the viewport, and
 * measures the others once in idle frames (editor/progressive-layout.ts), while every
 * paragraph stays in the DOM for selection, offsets and search; spans are painted with the
 * CSS Custom Highlight API, incrementally, by a subscription to the stores
 * (editor/document-marks.ts): a span edit renders no component here but the span count.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { sortedSpansOf } from '../../shared/model/span-index';
import type { DocumentRecord, DocumentStatus } from '../../shared/model/types';
import { encodingPhrase } from '../../shared/text/decode';
import { findRepeatedParagraphs } from '../../shared/text/repeats';
import type { TextMatch } from '../../shared/search/search';
import { splitParagraphs, type Paragraph } from '../../shared/text/paragraphs';
import { useApp, useCorpusValue, useT, useUiValue } from '../app/hooks';
import { invalidateParagraphIndex, offsetAtPoint } from '../editor/dom-offsets';
import { layOutInBackground } from '../editor/progressive-layout';
import { renderParagraphs, updateRepeatNotes } from '../editor/article-dom';
import { followDocumentMarks } from '../editor/document-marks';
import { clearHighlights, highlightStyles, SearchHighlights, SpanHighlights, SuggestionHighlights } from '../editor/highlights';
import { withElements } from '../i18n/rich';
import { STATUSES, statusName } from './DocumentList';

/**
 * The paragraphs of a text and which repeat earlier ones. Keyed on the text itself (a
 * document record changes with its status; its text never does), so span edits recompute
 * none of it.
 */
function useTextLayout(text: string): { paragraphs: Paragraph[]; repeatOf: Map<number, number> } {
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  const repeatOf = useMemo(() => {
    const map = new Map<number, number>();
    for (const repeat of findRepeatedParagraphs(text)) for (const later of repeat.occurrences.slice(1)) map.set(later, repeat.occurrences[0]!);
    return map;
  }, [text]);
  return { paragraphs, repeatOf };
}

/** "N spans" of document `docId`: renders again when the count changes, not on every edit. */
function SpanCount({ docId }: { docId: string }): React.JSX.Element {
  const t = useT();
  const count = useCorpusValue((state) => sortedSpansOf(state.spans, docId).length);
  return <span>{t('count.spans', { count })}</span>;
}

interface ArticleHeaderProps {
  doc: DocumentRecord;
  repeatCount: number;
  query: string;
  matchCount: number;
  /** The search of this document is still running (the count can grow). */
  counting: boolean;
}

/**
 * The article's title and facts (file, encoding, spans, repeats, search matches) and its
 * status. Memoised: a span edit renders only its span count, and that only when it changes.
 */
const ArticleHeader = memo(function ArticleHeader({ doc, repeatCount, query, matchCount, counting }: ArticleHeaderProps): React.JSX.Element {
  const app = useApp();
  const t = useT();
  return (
    <div className="article-header">
      <h1 dir="auto">{doc.title}</h1>
      <p className="article-meta">
        {doc.meta.fileName ? <span>{doc.meta.fileName}</span> : null}
        <span>{t('article.encoding', { encoding: t.phrase(encodingPhrase(doc.meta)) })}</span>
        <SpanCount docId={doc.id} />
        {repeatCount ? <span className="repeat-note">{t('article.repeatedParagraphs', { count: repeatCount })}</span> : null}
        {query.trim() ? (
          <span role="status">
            {withElements(t('article.matches', { count: matchCount }), { query: <bdi key="q">{query.trim()}</bdi> })}
            {counting ? ` — ${t('search.running')}` : null}
          </span>
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
  );
});

const NO_MATCHES: readonly TextMatch[] = [];

/** The article view of the open document. */
export function ArticleView(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const openDocId = useUiValue('openDocId');
  // The open document's record: the same object across span edits (its text never changes).
  const doc = useCorpusValue((state) => (openDocId ? state.documents.get(openDocId) : undefined));
  const schema = useCorpusValue((state) => state.corpus.schema);
  const text = doc?.text ?? '';
  const docId = doc?.id ?? null;
  const articleRef = useRef<HTMLElement | null>(null);
  const { paragraphs, repeatOf } = useTextLayout(text);
  const styles = useMemo(() => highlightStyles(schema), [schema]);
  // The search runs outside React, a slice at a time, the open document first
  // (state/search-session.ts); its matches arrive here as they are found.
  const results = useSyncExternalStore(app.search.subscribe, app.search.getSnapshot);
  const open = results.open && results.open.docId === docId ? results.open : null;
  const matches = open?.matches ?? NO_MATCHES;
  const searchHighlights = useRef<SearchHighlights | null>(null);

  const attach = useCallback(
    (element: HTMLElement | null) => {
      articleRef.current = element;
      app.attachArticle(element);
    },
    [app],
  );

  // The paragraphs, built once per text (editor/article-dom.ts), before anything reads them;
  // the notes on repeated paragraphs follow the interface language.
  useLayoutEffect(() => {
    if (articleRef.current) renderParagraphs(articleRef.current, text, paragraphs, repeatOf);
  }, [docId, text, paragraphs, repeatOf]);
  const repeatNote = useCallback((paragraph: number) => t('article.repeatOf', { paragraph }), [t]);
  useLayoutEffect(() => {
    if (articleRef.current) updateRepeatNotes(articleRef.current, repeatNote);
  }, [repeatNote, docId, text]);
  // Another document means new paragraph elements: a fresh index and a fresh painter, which
  // follows the stores from here on (spans, focus, suggestions) without rendering this view.
  useLayoutEffect(() => {
    const root = articleRef.current;
    if (!root || !docId) return;
    invalidateParagraphIndex(root);
    const painter = new SpanHighlights(root);
    const stopLayout = layOutInBackground(root, { busy: () => app.corpus.busy });
    const suggestions = new SuggestionHighlights(root);
    const stopMarks = followDocumentMarks(app, docId, { spans: painter, suggestions: (list, focused) => suggestions.show(list, focused) });
    return () => {
      stopMarks();
      stopLayout();
      painter.clear();
      suggestions.clear();
    };
  }, [app, docId, text]);
  useLayoutEffect(() => {
    const root = articleRef.current;
    if (!root || !docId) return;
    const painter = new SearchHighlights(root);
    searchHighlights.current = painter;
    return () => {
      painter.clear();
      searchHighlights.current = null;
    };
  }, [docId, text]);
  // Called again as matches arrive (the same array, grown): only the new ones are painted.
  useLayoutEffect(() => {
    searchHighlights.current?.show(matches);
  }, [results, matches, docId, text]);
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
      <ArticleHeader doc={doc} repeatCount={repeatOf.size} query={open ? results.query : ''} matchCount={matches.length} counting={!!open && !open.done} />
      {/* The paragraphs are not React's: they are built once per text in a layout effect above. */}
      <article key={doc.id} ref={attach} className="article-text" aria-label={t('article.name', { title: doc.title })} tabIndex={0} lang="ar" onMouseUp={onMouseUp} />
    </main>
  );
}
