/**
 * Export a dataset: format, offset unit, labels, statuses, outlets, the documents the list
 * shows (search), attributions, and a reproducible
 * train/dev/test split that keeps near-duplicate groups on one side.
 */
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { FormatName } from '../../shared/formats/dataset';
import { DATASET_FORMATS } from '../../shared/formats/formats';
import type { DocumentStatus } from '../../shared/model/types';
import { documentsInOrder } from '../../shared/model/state';
import { documentsTheListShows, isFiltering, outletsOf } from '../state/document-filter';
import { withElements } from '../i18n/rich';
import type { OffsetUnit } from '../../shared/text/offsets';
import { useApp, useCorpusStateWhile, useT, useUiValue } from '../app/hooks';
import type { DatasetExportRequest } from '../app/dataset-export';
import type { MessageKey } from '../../shared/i18n/i18n';
import { STATUSES, statusName } from './DocumentList';
import { useModalDialog } from './dialog-hooks';
import { ExportProgressBar } from './ExportProgressBar';
import { FORMAT_TITLES } from './format-titles';

const SPLIT_PARTS: Record<'train' | 'dev' | 'test', MessageKey> = { train: 'exportDialog.split.train', dev: 'exportDialog.split.dev', test: 'exportDialog.split.test' };

/** The export dialog. */
export function ExportDialog(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const exportOpen = useUiValue('exportOpen');
  const state = useCorpusStateWhile(exportOpen);
  const exportProgress = useUiValue('exportProgress');
  const search = useUiValue('search');
  const dialogRef = useModalDialog(exportOpen);
  const [format, setFormat] = useState<FormatName>('jsonl');
  const [offsetUnit, setOffsetUnit] = useState<OffsetUnit>('codepoint');
  const [labels, setLabels] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<DocumentStatus[]>([]);
  const [outlets, setOutlets] = useState<string[]>([]);
  const [onlyListed, setOnlyListed] = useState(false);
  const documents = useMemo(() => documentsInOrder(state), [state]);
  const allOutlets = useMemo(() => outletsOf(documents), [documents]);
  // The documents the list shows (its filters, and the search session's results for its
  // query), while the dialog is open: the corpus is not searched again here.
  const results = useSyncExternalStore(app.search.subscribe, app.search.getSnapshot);
  const listed = useMemo(() => {
    if (!exportOpen || !isFiltering(search)) return null;
    return documentsTheListShows(state, documents, search, results);
  }, [exportOpen, search, documents, state, results]);
  const listedIds = Array.isArray(listed) ? listed : null;
  const [attributions, setAttributions] = useState(true);
  const [split, setSplit] = useState(false);
  const [ratios, setRatios] = useState({ train: 80, dev: 10, test: 10 });
  const [seed, setSeed] = useState(13);
  const [splitClitics, setSplitClitics] = useState(false);
  // A split's parts are whole percentages that add up to 100 (90/10/10 was silently scaled down).
  const splitTotal = ratios.train + ratios.dev + ratios.test;
  const splitInvalid = split && (splitTotal !== 100 || Object.values(ratios).some((r) => !Number.isInteger(r) || r < 0));


  const toggle = <T,>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  // The unit chosen applies where the file says which it uses; elsewhere the format's own.
  const units = DATASET_FORMATS[format].offsetUnits;
  const unit: OffsetUnit = units === 'token' ? 'codepoint' : units.includes(offsetUnit) ? offsetUnit : units[0]!;
  const request: DatasetExportRequest = { format, offsetUnit: unit, labels, statuses, outlets, documentIds: onlyListed && listedIds ? listedIds : null, attributions, split: split ? { ratios, seed } : null, splitClitics };

  return (
    <dialog ref={dialogRef} className="export-dialog" aria-labelledby="export-title" onCancel={() => app.ui.update({ exportOpen: false })} onKeyDown={(e) => e.stopPropagation()}>
      <h2 id="export-title">{t('exportDialog.title')}</h2>
      <label>
        {t('exportDialog.format')}
        <select aria-label={t('exportDialog.format')} value={format} onChange={(e) => setFormat(e.target.value as FormatName)}>
          {(Object.keys(FORMAT_TITLES) as FormatName[]).map((name) => (
            <option key={name} value={name}>
              {t(FORMAT_TITLES[name])}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{withElements(t('exportDialog.offsets'), { convention: <bdi key="c">{t.phrase(DATASET_FORMATS[format].offsetConvention)}</bdi> })}</p>
      <label>
        {t('exportDialog.offsetUnit')}
        <select
          aria-label={t('exportDialog.offsetUnit.name')}
          value={units === 'token' ? 'token' : unit}
          disabled={units === 'token' || units.length < 2}
          onChange={(e) => setOffsetUnit(e.target.value as OffsetUnit)}
        >
          {units === 'token' ? (
            <option value="token">{t('exportDialog.offsetUnit.none')}</option>
          ) : (
            units.map((u) => (
              <option key={u} value={u}>
                {t(u === 'codepoint' ? 'exportDialog.offsetUnit.codepoint' : 'exportDialog.offsetUnit.utf16')}
              </option>
            ))
          )}
        </select>
      </label>
      <fieldset>
        <legend>{t('exportDialog.labels')}</legend>
        {state.corpus.schema.labels.map((label) => (
          <label key={label.id} className="checkbox">
            <input type="checkbox" checked={labels.includes(label.id)} onChange={() => setLabels(toggle(labels, label.id))} />
            {label.id}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('exportDialog.documents')}</legend>
        {STATUSES.map((status) => (
          <label key={status} className="checkbox">
            <input type="checkbox" checked={statuses.includes(status)} onChange={() => setStatuses(toggle(statuses, status))} />
            {statusName(status, t)}
          </label>
        ))}
        {listed && (
          <label className="checkbox">
            <input type="checkbox" checked={onlyListed} disabled={!listedIds} onChange={(e) => setOnlyListed(e.target.checked)} />
            {listedIds ? t('exportDialog.listed', { count: listedIds.length }) : t('exportDialog.listedSearching')}
          </label>
        )}
      </fieldset>
      {allOutlets.length > 0 && (
        <fieldset>
          <legend>{t('exportDialog.outlets')}</legend>
          {allOutlets.map((outlet) => (
            <label key={outlet} className="checkbox">
              <input type="checkbox" checked={outlets.includes(outlet)} onChange={() => setOutlets(toggle(outlets, outlet))} />
              <bdi>{outlet}</bdi>
            </label>
          ))}
        </fieldset>
      )}
      {format === 'conll' ? (
        <label className="checkbox">
          <input type="checkbox" checked={splitClitics} onChange={(e) => setSplitClitics(e.target.checked)} />
          {t('exportDialog.splitClitics')}
        </label>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={attributions} onChange={(e) => setAttributions(e.target.checked)} />
        {t('exportDialog.attributions')}
      </label>
      <fieldset>
        <legend>
          <label className="checkbox">
            <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} />
            {t('exportDialog.split')}
          </label>
        </legend>
        {(['train', 'dev', 'test'] as const).map((name) => (
          <label key={name}>
            {t('exportDialog.split.percent', { part: t(SPLIT_PARTS[name]) })}
            <input type="number" min={0} max={100} disabled={!split} value={ratios[name]} onChange={(e) => setRatios({ ...ratios, [name]: Number(e.target.value) })} />
          </label>
        ))}
        <label>
          {t('exportDialog.seed')}
          <input type="number" disabled={!split} value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
        </label>
        {splitInvalid ? (
          <p className="error-text" role="alert">
            {t('exportDialog.split.total', { total: t.number(splitTotal) })}
          </p>
        ) : null}
      </fieldset>
      <ExportProgressBar inDialog />
      <div className="dialog-buttons">
        <button type="button" onClick={() => app.ui.update({ exportOpen: false })}>
          {exportProgress ? t('common.close') : t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={exportProgress !== null || (onlyListed && listed === 'searching') || splitInvalid} onClick={() => void app.exports.exportDataset(request)}>
          {t('exportDialog.export')}
        </button>
      </div>
    </dialog>
  );
}
