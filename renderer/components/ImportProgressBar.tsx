/** Progress of a running import: files done / total, the current file, and Cancel. */
import { useApp, useT, useUiValue } from '../app/hooks';

/** Shown while an import runs. */
export function ImportProgressBar(): React.JSX.Element | null {
  const app = useApp();
  const t = useT();
  const importProgress = useUiValue('importProgress');
  if (!importProgress) return null;
  const { done, total, current, cancelling } = importProgress;
  const label = cancelling ? t('importProgress.cancelling') : current ? t('importProgress.fileNamed', { done, count: total, file: current }) : t('importProgress.files', { done, count: total });
  return (
    <div className="import-progress" role="group" aria-label={t('importProgress.group')}>
      <progress aria-label={t('importProgress.name')} max={total} value={done} aria-valuetext={t('importProgress.value', { done, count: total })} />
      <span className="progress-text" aria-live="polite" dir="auto">
        {label}
      </span>
      <button type="button" onClick={() => app.imports.cancel()} disabled={cancelling}>
        {t('importProgress.cancel')}
      </button>
    </div>
  );
}
