/**
 * The open article: one element per paragraph, each with its own `dir`, the text as a single
 * text node (so DOM positions are logical offsets), spans painted as highlights.
 */
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { spansOfDocument } from '../../shared/model/state';
import type { DocumentMeta, DocumentStatus } from '../../shared/model/types';
import { splitParagraphs } from '../../shared/text/paragraphs';
import { useApp, useCorpusState, useUiState } from '../app/hooks';
import { offsetAtPoint } from '../editor/dom-offsets';
import { clearHighlights, highlightStyles, paintSpans } from '../editor/highlights';
import { STATUS_NAMES } from './DocumentList';

const ENCODING_NAMES: Record<DocumentMeta['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1256': 'Windows-1256 (Arabic)',
  'iso-8859-6': 'ISO-8859-6 (Arabic)',
};

/** "Windows-1256 (Arabic), detected 87%" — how a document's bytes were decoded. */
export function encodingSummary(meta: DocumentMeta): string {
  const name = ENCODING_NAMES[meta.encoding];
  switch (meta.encodingMethod) {
    case 'bom':
      return `${name} (byte-order mark)`;
    case 'valid-utf8':
      return name;
    case 'declared':
      return `${name} (declared)`;
    case 'detected':
      return `${name}, detected ${Math.round(meta.encodingConfidence * 100)}%`;
  }
}

/** The article view of the open document. */
export function ArticleView(): React.JSX.Element {
  const app = useApp();
  const state = useCorpusState();
  const { openDocId, focusedSpanId } = useUiState();
  const doc = openDocId ? state.documents.get(openDocId) : undefined;
  const articleRef = useRef<HTMLElement | null>(null);
  const paragraphs = useMemo(() => (doc ? splitParagraphs(doc.text) : []), [doc]);
  const spans = useMemo(() => (doc ? spansOfDocument(state, doc.id) : []), [state, doc]);
  const styles = useMemo(() => highlightStyles(state.corpus.schema), [state.corpus.schema]);

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
  useLayoutEffect(() => () => clearHighlights(), []);

  if (!doc) {
    return (
      <main className="article-pane empty">
        <p>No document is open. Open article files with “Open files…” or drop them on the window.</p>
      </main>
    );
  }

  const onMouseUp = (event: React.MouseEvent): void => {
    const selection = document.getSelection();
    if (!articleRef.current || (selection && !selection.isCollapsed)) return;
    const offset = offsetAtPoint(articleRef.current, event.clientX, event.clientY);
    if (offset !== null) app.focusSpanAt(offset);
  };

  return (
    <main className="article-pane">
      <style>{styles}</style>
      <div className="article-header">
        <h1 dir="auto">{doc.title}</h1>
        <p className="article-meta">
          {doc.meta.fileName ? <span>{doc.meta.fileName}</span> : null}
          <span aria-label="Detected encoding">Encoding: {encodingSummary(doc.meta)}</span>
          <span>
            {spans.length} span{spans.length === 1 ? '' : 's'}
          </span>
          <label>
            Status{' '}
            <select aria-label="Document status" value={doc.status} onChange={(event) => void app.setStatus(doc.id, event.target.value as DocumentStatus)}>
              {(Object.keys(STATUS_NAMES) as DocumentStatus[]).map((status) => (
                <option key={status} value={status}>
                  {STATUS_NAMES[status]}
                </option>
              ))}
            </select>
          </label>
        </p>
      </div>
      <article ref={attach} className="article-text" aria-label={`Article: ${doc.title}`} tabIndex={0} lang="ar" onMouseUp={onMouseUp}>
        {paragraphs.map((p) => (
          <p key={p.start} dir={p.dir} data-start={p.start}>
            {doc.text.slice(p.start, p.end)}
          </p>
        ))}
      </article>
    </main>
  );
}
