/** The corpus as a list: title, status and span count of each document. */
import { useMemo } from 'react';
import { documentsInOrder, spanCounts } from '../../shared/model/state';
import type { DocumentStatus } from '../../shared/model/types';
import { useApp, useCorpusState, useUiState } from '../app/hooks';

/** Words for each status, shown in the list and the status menu. */
export const STATUS_NAMES: Record<DocumentStatus, string> = { todo: 'To do', 'in-progress': 'In progress', done: 'Done' };

/** The list of documents in the open corpus. */
export function DocumentList(): React.JSX.Element {
  const app = useApp();
  const state = useCorpusState();
  const { openDocId } = useUiState();
  const documents = useMemo(() => documentsInOrder(state), [state]);
  const counts = useMemo(() => spanCounts(state), [state]);
  return (
    <nav className="documents" aria-label="Documents">
      <h2>
        {state.corpus.name} <span className="count">({documents.length})</span>
      </h2>
      <ul>
        {documents.map((doc) => {
          const count = counts.get(doc.id) ?? 0;
          return (
            <li key={doc.id}>
              <button
                type="button"
                aria-current={doc.id === openDocId ? 'page' : undefined}
                onClick={() => void app.openDocument(doc.id)}
                aria-label={`${doc.title} — ${STATUS_NAMES[doc.status]}, ${count} span${count === 1 ? '' : 's'}`}
              >
                <span className="doc-title" dir="auto">
                  {doc.title}
                </span>
                <span className="doc-meta">
                  <span className={`status status-${doc.status}`}>{STATUS_NAMES[doc.status]}</span>
                  <span className="span-count">
                    {count} span{count === 1 ? '' : 's'}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
