/**
 * Progress of a running export: documents done / total, and Cancel. Shown inside the export
 * dialog while it is open (it is modal), otherwise above the status bar.
 */
import type { ReactNode } from 'react';
import { useT, useUiValue } from '../app/hooks';
import type { Translate } from '../../shared/i18n/i18n';
import { withElements } from '../i18n/rich';
import type { ExportActivity } from '../export/run-export';

/** The progress sentence; what is exported (a Latin format name in an Arabic sentence) is isolated. */
function describe({ phase, done, total, what }: ExportActivity, t: Translate): ReactNode {
  const text = phase === 'sending' ? t('exportProgress.sending', { done, count: total }) : phase === 'saving' ? t('exportProgress.saving') : t('exportProgress.documents', { done, count: total });
  return withElements(text, { what: <bdi>{what}</bdi> });
}

/** Shown while an export runs, in the dialog (`inDialog`) or in the window. */
export function ExportProgressBar({ inDialog }: { inDialog: boolean }): React.JSX.Element | null {
  const t = useT();
  const exportProgress = useUiValue('exportProgress');
  const exportOpen = useUiValue('exportOpen');
  if (!exportProgress || inDialog !== exportOpen) return null;
  const { phase, done, total } = exportProgress;
  return (
    <div className="export-progress" role="group" aria-label={t('exportProgress.group')}>
      <progress aria-label={t('exportProgress.name')} max={Math.max(total, 1)} value={phase === 'sending' ? 0 : done} aria-valuetext={t('exportProgress.value', { done, count: total })} />
      <span className="progress-text" aria-live="polite" dir="auto">
        {describe(exportProgress, t)}
      </span>
      <button type="button" onClick={() => exportProgress.cancel()} disabled={phase === 'saving'}>
        {t('exportProgress.cancel')}
      </button>
    </div>
  );
}
