/**
 * The open article: one element per paragraph, each with its own `dir`, the text as a single
 * text node (so DOM positions are logical offsets), spans painted as highlights.
 *
 * Rendering stays fast on long articles (see ARCHITECTURE.md, "Rendering the article"): the
 * paragraphs are rendered once per text (a memoised component, untouched by span edits); on
 * opening, the browser lays out only the chunks of paragraphs near the viewport and the rest
 * follow in idle frames (editor/progressive-layout.ts), while every paragraph stays in the DOM
 * for selection, offsets and search; spans are painted with the CSS Custom Highlight API,
 * incrementally.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { sortedSpansOf } from '../../shared/model/span-index';
import type { DocumentStatus } from '../../shared/model/types';
import { encodingSummary } from '../../shared/model/import';
import { findRepeatedParagraphs } from '../../shared/text/repeats';
import { findInText } from '../../shared/search/search';
import { splitParagraphs, type Paragraph } from '../../shared/text/paragraphs';
import { useApp, useCorpusState, useT, useUiState } from '../app/hooks';
import { invalidateParagraphIndex, offsetAtPoint } from '../editor/dom-offsets';
import { CHUNK_CLASS, chunkParagraphs, layOutInBackground } from '../editor/progressive-layout';
import { clearHighlights, highlightStyles, paintSearchMatches, paintSuggestions, SpanHighlights } from '../editor/highlights';
import type { Translate } from '../i18n/i18n';
import { withElements } from '../i18n/rich';
import { visibleSuggestions } from '../state/suggestions';
import { STATUSES, statusName } from './DocumentList';

const NO_SPANS: readonly never[] = [];

/** About how many characters fill a line of the article column (for size estimates only). */
const CHARS_PER_LINE = 90;

interface ParagraphsProps {
  text: string;
  paragraphs: readonly Paragraph[];
  /** Paragraph index → the index of its first occurrence, for later copies of a repeated paragraph. */
  repeatOf: ReadonlyMap<number, number>;
  t: Translate;
}

/**
 * The paragraphs of one text, in chunks laid out progressively (editor/progressive-layout.ts).
 * Memoised on the text: span edits, focus and search never render them again. A chunk not
 * laid out yet holds an estimate of its height (lines of text plus paragraph margins).
 */
const ArticleParagraphs = memo(function ArticleParagraphs({ text, paragraphs, repeatOf, t }: ParagraphsProps): React.JSX.Element {
  const chunks = useMemo(() => chunkParagraphs(paragraphs, 4000, CHARS_PER_LINE), [paragraphs]);
  return (
    <>
      {chunks.map((chunk) => (
        <div
          key={chunk.paragraphs[0]!.start}
          className={CHUNK_CLASS}
          data-chunk-start={chunk.paragraphs[0]!.start}
          data-chunk-end={chunk.paragraphs.at(-1)!.end}
          style={{ containIntrinsicBlockSize: `auto calc(${chunk.lines}lh + ${chunk.paragraphs.length * 0.8}em)` }}
        >
          {chunk.paragraphs.map((p) => {
            const first = repeatOf.get(p.index);
            return (
              <p
                key={p.start}
                dir={p.dir}
                data-start={p.start}
                {...(first === undefined ? {} : { 'data-repeat-of': first + 1, 'data-repeat-note': t('article.repeatOf', { paragraph: first + 1 }), className: 'repeated', title: t('article.repeatOf', { paragraph: first + 1 }) })}
              >
                {text.slice(p.start, p.end)}
              </p>
            );
          })}
        </div>
      ))}
    </>
  );
});

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

/** The article view of the open document. */
export function ArticleView(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const state = useCorpusState();
  const { openDocId, focusedSpanId, search, suggestionsOn, rejectedSuggestions, focusedSuggestionId } = useUiState();
  const doc = openDocId ? state.documents.get(openDocId) : undefined;
  const text = doc?.text ?? '';
  const docId = doc?.id ?? null;
  const articleRef = useRef<HTMLElement | null>(null);
  const painterRef = useRef<SpanHighlights | null>(null);
  const { paragraphs, repeatOf } = useTextLayout(text);
  // The document's spans in reading order: cached per state and carried through edits.
  const spans = doc ? sortedSpansOf(state.spans, doc.id) : NO_SPANS;
  const schema = state.corpus.schema;
  const styles = useMemo(() => highlightStyles(schema), [schema]);
  const matches = useMemo(() => (text && search.query.trim() ? findInText(text, search.query, { tehMarbuta: search.tehMarbuta }) : []), [text, search.query, search.tehMarbuta]);

  const attach = useCallback(
    (element: HTMLElement | null) => {
      articleRef.current = element;
      app.attachArticle(element);
    },
    [app],
  );

  // Another document means new paragraph elements: a fresh index and a fresh painter.
  useLayoutEffect(() => {
    const root = articleRef.current;
    if (!root) return;
    invalidateParagraphIndex(root);
    const painter = new SpanHighlights(root);
    painterRef.current = painter;
    const stopLayout = layOutInBackground(root, { busy: () => app.corpus.busy });
    return () => {
      stopLayout();
      painter.clear();
      painterRef.current = null;
    };
  }, [app, docId, text]);
  useLayoutEffect(() => {
    painterRef.current?.update(spans, schema, focusedSpanId);
  }, [spans, schema, focusedSpanId, docId, text]);
  useLayoutEffect(() => {
    if (articleRef.current) paintSearchMatches(articleRef.current, matches);
  }, [matches, docId, text]);
  const suggestions = useMemo(
    () => (doc && suggestionsOn ? visibleSuggestions(state, doc.id, rejectedSuggestions[doc.id] ?? []).suggestions : []),
    [state, doc, suggestionsOn, rejectedSuggestions],
  );
  useLayoutEffect(() => {
    if (articleRef.current) paintSuggestions(articleRef.current, suggestions, focusedSuggestionId);
  }, [suggestions, focusedSuggestionId, docId, text]);
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
      {/* One article element per document: React builds a new one with all its paragraphs
          before inserting it (inserting thousands of paragraphs into a live element costs
          React a sibling search per paragraph). */}
      <article key={doc.id} ref={attach} className="article-text" aria-label={t('article.name', { title: doc.title })} tabIndex={0} lang="ar" onMouseUp={onMouseUp}>
        <ArticleParagraphs text={text} paragraphs={paragraphs} repeatOf={repeatOf} t={t} />
      </article>
    </main>
  );
}
