/**
 * The import dialog: the files about to be imported (format by extension, an encoding
 * override per file), the field mapping for JSON / JSON Lines / CSV records, and whether to
 * collapse repeated paragraphs. Settings are remembered per corpus.
 */
import { useEffect, useRef, useState } from 'react';
import type { FieldMapping } from '../../shared/formats/article-draft';
import type { TextEncodingName } from '../../shared/text/decode';
import { useApp, useUiState } from '../app/hooks';
import { formatBytes } from '../platform/host';

const ENCODINGS: Array<[TextEncodingName | '', string]> = [
  ['', 'Detect automatically'],
  ['utf-8', 'UTF-8'],
  ['utf-16le', 'UTF-16 LE'],
  ['utf-16be', 'UTF-16 BE'],
  ['windows-1256', 'Windows-1256 (Arabic)'],
  ['iso-8859-6', 'ISO-8859-6 (Arabic)'],
];

const MAPPING_FIELDS: Array<[keyof FieldMapping, string]> = [
  ['text', 'Text field'],
  ['title', 'Title field'],
  ['url', 'URL field'],
  ['date', 'Date field'],
  ['outlet', 'Outlet field'],
  ['id', 'Id field'],
];

/** Files listed one by one; the rest are summarised (thousands of files stay fast). */
const LISTED_FILES = 200;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The modal import dialog, shown while files are staged. */
export function ImportDialog(): React.JSX.Element | null {
  const app = useApp();
  const { importDraft } = useUiState();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [mapping, setMapping] = useState<FieldMapping>(app.imports.settings.fieldMapping);
  const [collapse, setCollapse] = useState(app.imports.settings.collapseRepeatedParagraphs);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (importDraft && !dialog.open) {
      setMapping(app.imports.settings.fieldMapping);
      setCollapse(app.imports.settings.collapseRepeatedParagraphs);
      dialog.showModal();
    }
    if (!importDraft && dialog.open) dialog.close();
  }, [importDraft, app]);

  if (!importDraft) return <dialog ref={dialogRef} aria-label="Import files" />;
  const { files, skipped, encodings } = importDraft;
  const hasRecords = files.some((f) => ['json', 'jsonl', 'ndjson', 'csv', 'tsv'].includes(extensionOf(f.name)));
  const count = files.length;

  const start = (): void => {
    const fieldMapping: FieldMapping = { text: mapping.text.trim() || 'text' };
    for (const [key] of MAPPING_FIELDS) {
      const value = mapping[key]?.trim();
      if (key !== 'text' && value) fieldMapping[key] = value;
    }
    void app.imports.run({ fieldMapping, collapseRepeatedParagraphs: collapse });
  };

  return (
    <dialog ref={dialogRef} className="import-dialog" aria-labelledby="import-dialog-title" onCancel={() => app.imports.discard()}>
      <h2 id="import-dialog-title">
        Import {count} file{count === 1 ? '' : 's'}
      </h2>
      {skipped.length ? (
        <p className="hint">
          {skipped.length} file{skipped.length === 1 ? ' is' : 's are'} not articles and will be skipped (listed in the report).
        </p>
      ) : null}
      <div className="file-table" role="region" aria-label="Files to import" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Size</th>
              <th scope="col">Encoding</th>
            </tr>
          </thead>
          <tbody>
            {files.slice(0, LISTED_FILES).map((file) => (
              <tr key={file.name}>
                <td dir="auto">{file.name}</td>
                <td>{'file' in file ? formatBytes(file.file.size) : 'bytes' in file ? formatBytes(file.bytes.byteLength) : '—'}</td>
                <td>
                  {'error' in file ? (
                    <span className="error-text">{file.error}</span>
                  ) : (
                    <select
                      aria-label={`Encoding of ${file.name}`}
                      value={encodings[file.name] ?? ''}
                      onChange={(event) => app.imports.setStagedEncoding(file.name, (event.target.value || null) as TextEncodingName | null)}
                    >
                      {ENCODINGS.map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {files.length > LISTED_FILES ? <p className="hint">…and {files.length - LISTED_FILES} more files, detected automatically.</p> : null}
      </div>
      <fieldset className="mapping" disabled={!hasRecords}>
        <legend>Record fields (JSON, JSON Lines, CSV){hasRecords ? '' : ' — no record files in this import'}</legend>
        {MAPPING_FIELDS.map(([key, label]) => (
          <label key={key}>
            {label}
            <input type="text" value={mapping[key] ?? ''} onChange={(event) => setMapping({ ...mapping, [key]: event.target.value })} spellCheck={false} />
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={collapse} onChange={(event) => setCollapse(event.target.checked)} />
        Collapse repeated paragraphs (keep the first copy of each; the document records it)
      </label>
      <div className="dialog-buttons">
        <button type="button" onClick={() => app.imports.discard()}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={start} autoFocus>
          Import {count} file{count === 1 ? '' : 's'}
        </button>
      </div>
    </dialog>
  );
}
