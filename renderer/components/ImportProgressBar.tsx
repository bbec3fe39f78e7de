/** Progress of a running import: files done / total, the current file, and Cancel. */
import { useApp, useUiState } from '../app/hooks';

/** Shown while an import runs. */
export function ImportProgressBar(): React.JSX.Element | null {
  const app = useApp();
  const { importProgress } = useUiState();
  if (!importProgress) return null;
  const { done, total, current, cancelling } = importProgress;
  const label = cancelling ? 'Cancelling the import…' : `Importing ${done} of ${total} files${current ? `: ${current}` : ''}`;
  return (
    <div className="import-progress" role="group" aria-label="Import">
      <progress aria-label="Import progress" max={total} value={done} aria-valuetext={`${done} of ${total} files`} />
      <span className="progress-text" aria-live="polite" dir="auto">
        {label}
      </span>
      <button type="button" onClick={() => app.imports.cancel()} disabled={cancelling}>
        Cancel import
      </button>
    </div>
  );
}
