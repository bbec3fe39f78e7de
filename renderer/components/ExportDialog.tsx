/**
 * Export a dataset: format, offset unit, labels, statuses, attributions, and a reproducible
 * train/dev/test split that keeps near-duplicate groups on one side.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormatName } from '../../shared/formats/dataset';
import { DATASET_FORMATS } from '../../shared/formats/formats';
import type { DocumentStatus } from '../../shared/model/types';
import type { OffsetUnit } from '../../shared/text/offsets';
import { useApp, useCorpusState, useUiState } from '../app/hooks';
import type { DatasetExportRequest } from '../app/dataset-export';
import { STATUS_NAMES } from './DocumentList';
import { FORMAT_TITLES } from './format-titles';


/** The export dialog. */
export function ExportDialog(): React.JSX.Element {
  const app = useApp();
  const state = useCorpusState();
  const { exportOpen } = useUiState();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<FormatName>('jsonl');
  const [offsetUnit, setOffsetUnit] = useState<OffsetUnit>('codepoint');
  const [labels, setLabels] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<DocumentStatus[]>([]);
  const [attributions, setAttributions] = useState(true);
  const [split, setSplit] = useState(false);
  const [ratios, setRatios] = useState({ train: 80, dev: 10, test: 10 });
  const [seed, setSeed] = useState(13);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (exportOpen && !dialog.open) dialog.showModal();
    if (!exportOpen && dialog.open) dialog.close();
  }, [exportOpen]);

  const toggle = <T,>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const request: DatasetExportRequest = { format, offsetUnit, labels, statuses, attributions, split: split ? { ratios, seed } : null };

  return (
    <dialog ref={dialogRef} className="export-dialog" aria-labelledby="export-title" onCancel={() => app.ui.update({ exportOpen: false })} onKeyDown={(e) => e.stopPropagation()}>
      <h2 id="export-title">Export dataset</h2>
      <label>
        Format
        <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as FormatName)}>
          {(Object.keys(FORMAT_TITLES) as FormatName[]).map((name) => (
            <option key={name} value={name}>
              {FORMAT_TITLES[name]}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">Offsets: {DATASET_FORMATS[format].offsetConvention}</p>
      <label>
        Offset unit (where the format allows a choice)
        <select aria-label="Offset unit" value={offsetUnit} onChange={(e) => setOffsetUnit(e.target.value as OffsetUnit)}>
          <option value="codepoint">Unicode code points (Python text[start:end])</option>
          <option value="utf16">UTF-16 code units (JavaScript)</option>
        </select>
      </label>
      <fieldset>
        <legend>Labels (none ticked: all)</legend>
        {state.corpus.schema.labels.map((label) => (
          <label key={label.id} className="checkbox">
            <input type="checkbox" checked={labels.includes(label.id)} onChange={() => setLabels(toggle(labels, label.id))} />
            {label.id}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Documents (none ticked: all)</legend>
        {(Object.keys(STATUS_NAMES) as DocumentStatus[]).map((status) => (
          <label key={status} className="checkbox">
            <input type="checkbox" checked={statuses.includes(status)} onChange={() => setStatuses(toggle(statuses, status))} />
            {STATUS_NAMES[status]}
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={attributions} onChange={(e) => setAttributions(e.target.checked)} />
        Include attributions (relations)
      </label>
      <fieldset>
        <legend>
          <label className="checkbox">
            <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} />
            Split into train / dev / test (near-duplicates stay together)
          </label>
        </legend>
        {(['train', 'dev', 'test'] as const).map((name) => (
          <label key={name}>
            {name} %
            <input type="number" min={0} max={100} disabled={!split} value={ratios[name]} onChange={(e) => setRatios({ ...ratios, [name]: Number(e.target.value) })} />
          </label>
        ))}
        <label>
          Seed
          <input type="number" disabled={!split} value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
        </label>
      </fieldset>
      <div className="dialog-buttons">
        <button type="button" onClick={() => app.ui.update({ exportOpen: false })}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void app.exports.exportDataset(request)}>
          Export
        </button>
      </div>
    </dialog>
  );
}
