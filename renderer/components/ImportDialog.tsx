/**
 * The import dialog: the files about to be imported (each with the encoding detection found,
 * read ahead in the background, and an override), the field mapping for JSON / JSON Lines / CSV records, and whether to
 * collapse repeated paragraphs. Settings are remembered per corpus.
 */
import { useEffect, useRef, useState } from 'react';
import type { FieldMapping } from '../../shared/formats/article-draft';
import { encodingPhrase, type TextEncodingName } from '../../shared/text/decode';
import { previewReadings, type FileReading } from '../import/encoding-preview';
import type { WorkerInputFile } from '../import/protocol';
import type { Translate } from '../../shared/i18n/i18n';
import { useApp, useT, useUiValue } from '../app/hooks';
import type { MessageKey } from '../../shared/i18n/i18n';
import { byteSizePhrase } from '../../shared/phrases/sizes';
import { showModalDialog } from './dialog-hooks';

const ENCODINGS: Array<[TextEncodingName | '', MessageKey]> = [
  ['', 'encoding.detect'],
  ['utf-8', 'encoding.utf8'],
  ['utf-16le', 'encoding.utf16le'],
  ['utf-16be', 'encoding.utf16be'],
  ['windows-1256', 'encoding.windows1256'],
  ['iso-8859-6', 'encoding.iso88596'],
];

const MAPPING_FIELDS: Array<[keyof FieldMapping, MessageKey]> = [
  ['text', 'importDialog.field.text'],
  ['title', 'importDialog.field.title'],
  ['url', 'importDialog.field.url'],
  ['date', 'importDialog.field.date'],
  ['outlet', 'importDialog.field.outlet'],
  ['id', 'importDialog.field.id'],
];

/** Files listed one by one; the rest are summarised (thousands of files stay fast). */
const LISTED_FILES = 200;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** True for a file read as a Word document (which has no encoding to choose). */
function isWordDocument(reading: FileReading | undefined): boolean {
  return !!reading?.ok && reading.format === 'docx';
}

/** The first choice of a file's encoding menu: automatic, with what detection found once it is known. */
function automaticChoice(reading: FileReading | undefined, t: Translate): string {
  if (!reading?.ok || reading.format === 'docx') return t('encoding.detect');
  const how = t.phrase(encodingPhrase(reading.decoding));
  return reading.sampled ? t('importDialog.detectedFromStart', { how }) : t('importDialog.detected', { how });
}

/**
 * How the listed files would be read, found in the background while the dialog is open (see
 * renderer/import/encoding-preview.ts); a file not read yet has no entry.
 */
function useReadings(files: readonly WorkerInputFile[] | undefined): ReadonlyMap<string, FileReading> {
  const [readings, setReadings] = useState<{ files: readonly WorkerInputFile[] | undefined; map: ReadonlyMap<string, FileReading> }>({ files, map: new Map() });
  useEffect(() => {
    if (!files) return;
    const stop = new AbortController();
    void previewReadings(files.slice(0, LISTED_FILES), (name, reading) => setReadings((prev) => ({ files, map: new Map(prev.files === files ? prev.map : []).set(name, reading) })), stop.signal);
    return () => stop.abort();
  }, [files]);
  return readings.files === files ? readings.map : new Map();
}

/** The modal import dialog, shown while files are staged. */
export function ImportDialog(): React.JSX.Element | null {
  const app = useApp();
  const t = useT();
  const importDraft = useUiValue('importDraft');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [mapping, setMapping] = useState<FieldMapping>(app.imports.settings.fieldMapping);
  const [collapse, setCollapse] = useState(app.imports.settings.collapseRepeatedParagraphs);
  const readings = useReadings(importDraft?.files);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (importDraft && !dialog.open) {
      setMapping(app.imports.settings.fieldMapping);
      setCollapse(app.imports.settings.collapseRepeatedParagraphs);
      showModalDialog(dialog);
    }
    if (!importDraft && dialog.open) dialog.close();
  }, [importDraft, app]);

  if (!importDraft) return <dialog ref={dialogRef} aria-label={t('importDialog.closedName')} />;
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
      <h2 id="import-dialog-title">{t('importDialog.title', { count })}</h2>
      {skipped.length ? <p className="hint">{t('importDialog.skipped', { count: skipped.length })}</p> : null}
      <div className="file-table" role="region" aria-label={t('importDialog.files')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('importDialog.file')}</th>
              <th scope="col">{t('importDialog.size')}</th>
              <th scope="col">{t('importDialog.encoding')}</th>
            </tr>
          </thead>
          <tbody>
            {files.slice(0, LISTED_FILES).map((file) => {
              const reading = readings.get(file.name);
              return (
                <tr key={file.name}>
                  <td dir="auto">{file.name}</td>
                  <td>{'file' in file ? t.phrase(byteSizePhrase(file.file.size)) : 'bytes' in file ? t.phrase(byteSizePhrase(file.bytes.byteLength)) : '—'}</td>
                  <td>
                    {'error' in file ? (
                      <span className="error-text">{t.text(file.error, file.errorPhrase)}</span>
                    ) : isWordDocument(reading) ? (
                      <span className="hint">{t('importDialog.noEncoding')}</span>
                    ) : (
                      <>
                        <select
                          aria-label={t('importDialog.encodingOf', { file: file.name })}
                          value={encodings[file.name] ?? ''}
                          onChange={(event) => app.imports.setStagedEncoding(file.name, (event.target.value || null) as TextEncodingName | null)}
                        >
                          {ENCODINGS.map(([value, label]) => (
                            <option key={value} value={value}>
                              {value ? t(label) : automaticChoice(reading, t)}
                            </option>
                          ))}
                        </select>
                        {/* Detection failed (or the file will be refused): said before the import. */}
                        {reading && !reading.ok && !encodings[file.name] ? <span className="error-text file-problem">{t.text(reading.reason, reading.phrase)}</span> : null}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {files.length > LISTED_FILES ? <p className="hint">{t('importDialog.moreFiles', { count: files.length - LISTED_FILES })}</p> : null}
      </div>
      <fieldset className="mapping" disabled={!hasRecords}>
        <legend>{hasRecords ? t('importDialog.recordFields') : t('importDialog.recordFields.none')}</legend>
        {MAPPING_FIELDS.map(([key, label]) => (
          <label key={key}>
            {t(label)}
            <input type="text" value={mapping[key] ?? ''} onChange={(event) => setMapping({ ...mapping, [key]: event.target.value })} spellCheck={false} />
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={collapse} onChange={(event) => setCollapse(event.target.checked)} />
        {t('importDialog.collapse')}
      </label>
      <div className="dialog-buttons">
        <button type="button" onClick={() => app.imports.discard()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={start} autoFocus>
          {t('importDialog.title', { count })}
        </button>
      </div>
    </dialog>
  );
}
