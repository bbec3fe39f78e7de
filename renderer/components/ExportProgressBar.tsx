/**
 * Progress of a running export: documents done / total, and Cancel. Shown inside the export
 * dialog while it is open (it is modal), otherwise above the status bar.
 */
import { useUiState } from '../app/hooks';
import type { ExportActivity } from '../export/run-export';

function describe({ phase, done, total, what }: ExportActivity): string {
  if (phase === 'sending') return `Preparing to export ${what}: ${done} of ${total} documents`;
  if (phase === 'saving') return `Saving ${what} (${total} documents)…`;
  return `Exporting ${what}: ${done} of ${total} documents`;
}

/** Shown while an export runs, in the dialog (`inDialog`) or in the window. */
export function ExportProgressBar({ inDialog }: { inDialog: boolean }): React.JSX.Element | null {
  const { exportProgress, exportOpen } = useUiState();
  if (!exportProgress || inDialog !== exportOpen) return null;
  const { phase, done, total } = exportProgress;
  return (
    <div className="export-progress" role="group" aria-label="Export">
      <progress aria-label="Export progress" max={Math.max(total, 1)} value={phase === 'exporting' || phase === 'saving' ? done : 0} aria-valuetext={`${done} of ${total} documents`} />
      <span className="progress-text" aria-live="polite">
        {describe(exportProgress)}
      </span>
      <button type="button" onClick={() => exportProgress.cancel()} disabled={phase === 'saving'}>
        Cancel export
      </button>
    </div>
  );
}
