/**
 * Details of the open document: title, outlet, URL and date (editable; the text never is),
 * and where it came from — file, format, encoding, SHA-256, repeated paragraphs.
 */
import { useState } from 'react';
import { encodingSummary } from '../../shared/model/import';
import { sourceDisplayName } from '../../shared/model/attribution-commands';
import { sourcesInOrder } from '../../shared/model/state';
import type { DocumentRecord, EditableDocumentFields } from '../../shared/model/types';
import { useApp, useCorpusState, useUiState } from '../app/hooks';

const FORMAT_NAMES: Record<string, string> = { text: 'Plain text', markdown: 'Markdown', html: 'HTML page', json: 'JSON record', jsonl: 'JSON Lines record', csv: 'CSV row', docx: 'Word document', native: 'Isnad JSON' };

type Field = keyof EditableDocumentFields;
const FIELDS: Array<[Field, string]> = [
  ['title', 'Title'],
  ['outlet', 'Outlet'],
  ['url', 'URL'],
  ['date', 'Date'],
];

/** The editable fields; remounted (by key) whenever the stored values change, e.g. on undo. */
function DetailsForm({ doc }: { doc: DocumentRecord }): React.JSX.Element {
  const app = useApp();
  const [draft, setDraft] = useState<Record<Field, string>>({ title: doc.title, outlet: doc.meta.outlet ?? '', url: doc.meta.url ?? '', date: doc.meta.date ?? '' });
  const commit = (field: Field): void => {
    const current = field === 'title' ? doc.title : (doc.meta[field] ?? '');
    if (draft[field].trim() === current) return;
    void app.updateDetails(doc.id, { [field]: draft[field] });
  };
  return (
    <form
      aria-label="Document details"
      onSubmit={(event) => {
        event.preventDefault();
        for (const [field] of FIELDS) commit(field);
      }}
    >
      {FIELDS.map(([field, label]) => (
        <label key={field}>
          {label}
          <input
            type={field === 'url' ? 'url' : 'text'}
            dir={field === 'url' ? 'ltr' : 'auto'}
            value={draft[field]}
            onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            onBlur={() => commit(field)}
          />
        </label>
      ))}
      <button type="submit" className="visually-hidden">
        Save details
      </button>
    </form>
  );
}

/** The document details panel. */
export function DocumentDetails(): React.JSX.Element | null {
  const app = useApp();
  const state = useCorpusState();
  const { openDocId, detailsOpen } = useUiState();
  const doc = openDocId ? state.documents.get(openDocId) : undefined;
  if (!doc) return null;
  const formKey = [doc.id, doc.title, doc.meta.outlet, doc.meta.url, doc.meta.date].join('\u0000');

  return (
    <details className="doc-details" open={detailsOpen} onToggle={(event) => app.ui.update({ detailsOpen: (event.target as HTMLDetailsElement).open })}>
      <summary>Document details</summary>
      <DetailsForm key={formKey} doc={doc} />
      <label className="publisher">
        Publisher
        <select aria-label="Publisher" value={doc.publisherId ?? ''} onChange={(event) => void app.attribution.setPublisher(doc.id, event.target.value || null)}>
          <option value="">—</option>
          {sourcesInOrder(state).map((source) => (
            <option key={source.id} value={source.id}>
              {sourceDisplayName(source)}
            </option>
          ))}
        </select>
      </label>
      <dl>
        {doc.meta.fileName ? (
          <>
            <dt>File</dt>
            <dd dir="auto">{doc.meta.fileName}</dd>
          </>
        ) : null}
        <dt>Format</dt>
        <dd>{FORMAT_NAMES[doc.meta.format ?? 'text']}</dd>
        <dt>Encoding</dt>
        <dd>{encodingSummary(doc.meta)}</dd>
        <dt>Characters</dt>
        <dd>{[...doc.text].length.toLocaleString('en')}</dd>
        <dt>Repeated paragraphs</dt>
        <dd>
          {doc.meta.collapsedRepeats
            ? `${doc.meta.collapsedRepeats.removedParagraphs} removed at import`
            : doc.meta.repeatedParagraphs
              ? `${doc.meta.repeatedParagraphs} (marked in the text)`
              : 'none'}
        </dd>
        {doc.meta.externalId ? (
          <>
            <dt>Record id</dt>
            <dd>{doc.meta.externalId}</dd>
          </>
        ) : null}
        <dt>SHA-256</dt>
        <dd className="hash">{doc.sha256}</dd>
        <dt>Imported</dt>
        <dd>{new Date(doc.meta.importedAt).toLocaleString('en-GB')}</dd>
      </dl>
    </details>
  );
}
