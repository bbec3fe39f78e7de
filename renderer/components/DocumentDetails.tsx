/**
 * Details of the open document: title, outlet, URL and date (editable; the text never is),
 * and where it came from — file, format, encoding, SHA-256, repeated paragraphs.
 */
import { useState } from 'react';
import { encodingPhrase } from '../../shared/text/decode';
import { sourcesInOrder } from '../../shared/model/state';
import { lengthInUnit } from '../../shared/text/offsets';
import type { DocumentRecord, EditableDocumentFields } from '../../shared/model/types';
import { useApp, useCorpusState, useT, useUiValue } from '../app/hooks';
import type { MessageKey } from '../../shared/i18n/i18n';
import { sourceName } from '../i18n/labels';

const FORMAT_NAMES: Record<string, MessageKey> = {
  text: 'format.text',
  markdown: 'format.markdown',
  html: 'format.html',
  json: 'format.json',
  jsonl: 'format.jsonl',
  csv: 'format.csv',
  docx: 'format.docx',
  native: 'format.native',
};

type Field = keyof EditableDocumentFields;
const FIELDS: Array<[Field, MessageKey]> = [
  ['title', 'details.title'],
  ['outlet', 'details.outlet'],
  ['url', 'details.url'],
  ['date', 'details.date'],
];

/**
 * The editable fields; remounted (by key) whenever the stored values change, e.g. on undo.
 * A refused change (an empty title) puts the stored value back in its field, while the
 * notice says why: the field never shows a value that is not the document's.
 */
function DetailsForm({ doc }: { doc: DocumentRecord }): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const [draft, setDraft] = useState<Record<Field, string>>({ title: doc.title, outlet: doc.meta.outlet ?? '', url: doc.meta.url ?? '', date: doc.meta.date ?? '' });
  const commit = (field: Field): void => {
    const current = field === 'title' ? doc.title : (doc.meta[field] ?? '');
    const value = draft[field];
    if (value.trim() === current) return;
    void app.updateDetails(doc.id, { [field]: value }).then((stored) => {
      // Refused (the controller has told why): show the stored value again, unless the user typed on meanwhile.
      if (!stored) setDraft((now) => (now[field] === value ? { ...now, [field]: current } : now));
    });
  };
  return (
    <form
      aria-label={t('details.name')}
      onSubmit={(event) => {
        event.preventDefault();
        for (const [field] of FIELDS) commit(field);
      }}
    >
      {FIELDS.map(([field, label]) => (
        <label key={field}>
          {t(label)}
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
        {t('details.save')}
      </button>
    </form>
  );
}

/** The document details panel. */
export function DocumentDetails(): React.JSX.Element | null {
  const app = useApp();
  const t = useT();
  const state = useCorpusState();
  const openDocId = useUiValue('openDocId');
  const detailsOpen = useUiValue('detailsOpen');
  const doc = openDocId ? state.documents.get(openDocId) : undefined;
  if (!doc) return null;
  const formKey = [doc.id, doc.title, doc.meta.outlet, doc.meta.url, doc.meta.date].join('\u0000');

  return (
    <details className="doc-details" open={detailsOpen} onToggle={(event) => app.ui.update({ detailsOpen: (event.target as HTMLDetailsElement).open })}>
      <summary>{t('details.name')}</summary>
      <DetailsForm key={formKey} doc={doc} />
      <label className="publisher">
        {t('details.publisher')}
        <select aria-label={t('details.publisher')} value={doc.publisherId ?? ''} onChange={(event) => void app.attribution.setPublisher(doc.id, event.target.value || null)}>
          <option value="">—</option>
          {sourcesInOrder(state).map((source) => (
            <option key={source.id} value={source.id}>
              {sourceName(source, t)}
            </option>
          ))}
        </select>
      </label>
      <dl>
        {doc.meta.fileName ? (
          <>
            <dt>{t('details.file')}</dt>
            <dd dir="auto">{doc.meta.fileName}</dd>
          </>
        ) : null}
        <dt>{t('details.format')}</dt>
        <dd>{t(FORMAT_NAMES[doc.meta.format ?? 'text'] ?? 'format.text')}</dd>
        <dt>{t('details.encoding')}</dt>
        <dd>{t.phrase(encodingPhrase(doc.meta))}</dd>
        <dt>{t('details.characters')}</dt>
        <dd>{t.number(lengthInUnit(doc.text, 'codepoint'))}</dd>
        <dt>{t('details.repeats')}</dt>
        <dd>
          {doc.meta.collapsedRepeats
            ? t('details.repeats.removed', { count: doc.meta.collapsedRepeats.removedParagraphs })
            : doc.meta.repeatedParagraphs
              ? t('details.repeats.marked', { count: doc.meta.repeatedParagraphs })
              : t('details.repeats.none')}
        </dd>
        {doc.meta.externalId ? (
          <>
            <dt>{t('details.recordId')}</dt>
            <dd>{doc.meta.externalId}</dd>
          </>
        ) : null}
        <dt>SHA-256</dt>
        <dd className="hash">{doc.sha256}</dd>
        <dt>{t('details.imported')}</dt>
        <dd>{t.dateTime(doc.meta.importedAt)}</dd>
      </dl>
    </details>
  );
}
