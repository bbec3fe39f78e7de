/**
 * The Snapshots view (shown when `ui.view === 'snapshots'`): the automatic copies of the open
 * corpus with their time and counts, "Take a snapshot now", the schedule settings, and
 * Restore behind a confirmation that says what will happen. The work is done by
 * `app.snapshots` (renderer/app/actions/snapshot-actions.ts); this view only renders.
 */
import { useState } from 'react';
import { SNAPSHOT_LIMITS, type SnapshotSettings } from '../../shared/snapshots/snapshot-info';
import { snapshotCounts, snapshotReasonName, snapshotTime } from '../app/actions/snapshot-actions';
import { useApp, useCorpusState, useT, useUiValue } from '../app/hooks';
import { withElements } from '../i18n/rich';

/** The settings form: interval and how many to keep (remounted when the saved settings change). */
function SnapshotSettingsForm({ settings }: { settings: SnapshotSettings }): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const [interval, setIntervalText] = useState(String(settings.intervalMinutes));
  const [keep, setKeep] = useState(String(settings.keep));
  return (
    <form
      className="snapshot-settings"
      aria-label={t('snapshots.settings.name')}
      onSubmit={(event) => {
        event.preventDefault();
        void app.snapshots.saveSettings({ intervalMinutes: Number(interval), keep: Number(keep) });
      }}
    >
      <label>
        {withElements(t('snapshots.settings.every', { count: typedCount(interval) }), {
          input: (
            <input type="number" min={SNAPSHOT_LIMITS.minInterval} max={SNAPSHOT_LIMITS.maxInterval} value={interval} onChange={(e) => setIntervalText(e.target.value)} aria-label={t('snapshots.settings.every.name')} />
          ),
        })}
      </label>
      <label>
        {withElements(t('snapshots.settings.keep', { count: typedCount(keep) }), {
          input: <input type="number" min={SNAPSHOT_LIMITS.minKeep} max={SNAPSHOT_LIMITS.maxKeep} value={keep} onChange={(e) => setKeep(e.target.value)} aria-label={t('snapshots.settings.keep.name')} />,
        })}
      </label>
      <button type="submit">{t('snapshots.settings.save')}</button>
    </form>
  );
}

/** The number typed in a field, for the agreement of the words around it (0 while it is not a number). */
function typedCount(text: string): number {
  const n = Number(text);
  return Number.isFinite(n) ? n : 0;
}

/** The Snapshots view. */
export function SnapshotsView(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const state = useCorpusState();
  const { list, confirmingId, busy, settings } = useUiValue('snapshots');
  const confirming = list?.find((s) => s.id === confirmingId) ?? null;
  return (
    <main className="snapshots-view" aria-label={t('snapshots.title')}>
      <header className="sources-header">
        <h1 tabIndex={-1} data-view-heading="">
          {t('snapshots.title')}
        </h1>
        <div className="sources-actions">
          <button type="button" disabled={busy} onClick={() => void app.snapshots.takeNow()}>
            {t('snapshots.takeNow')}
          </button>
        </div>
        <p className="hint">{t('snapshots.hint', { corpus: state.corpus.name, where: t(app.snapshots.storage.where) })}</p>
      </header>
      <section aria-labelledby="snapshot-list-heading">
        <h2 id="snapshot-list-heading">{t('snapshots.list')}</h2>
        {list === null ? (
          <p className="hint">{t('snapshots.reading')}</p>
        ) : list.length === 0 ? (
          <p className="hint">{t('snapshots.none')}</p>
        ) : (
          <ul className="snapshot-list" aria-label={t('snapshots.list')}>
            {list.map((snapshot) => {
              const time = snapshotTime(snapshot.takenAt, t);
              const reason = snapshotReasonName(snapshot.reason, t);
              const counts = snapshotCounts(snapshot, t);
              return (
                <li key={snapshot.id} aria-label={t('snapshots.item.name', { time, reason, ...counts })}>
                  <time dateTime={snapshot.takenAt}>{time}</time>
                  <span className="snapshot-reason">{reason}</span>
                  <span className="snapshot-counts">{t('snapshots.item.counts', counts)}</span>
                  <button type="button" disabled={busy} onClick={() => app.snapshots.askRestore(snapshot.id)} aria-label={t('snapshots.restore.name', { time })}>
                    {t('snapshots.restore')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {confirming ? (
        <section
          role="alertdialog"
          aria-labelledby="snapshot-confirm-heading"
          aria-describedby="snapshot-confirm-text"
          className="snapshot-confirm"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            app.snapshots.cancelRestore();
          }}
        >
          <h2 id="snapshot-confirm-heading">{t('snapshots.confirm.title', { time: snapshotTime(confirming.takenAt, t) })}</h2>
          <p id="snapshot-confirm-text">
            {t('snapshots.confirm.text', {
              ...snapshotCounts(confirming, t),
              nowDocuments: t('count.documents', { count: state.documents.size }),
              nowSpans: t('count.spans', { count: state.spans.size }),
            })}
          </p>
          <div className="dialog-buttons">
            <button type="button" className="primary" onClick={() => void app.snapshots.restore(confirming.id)} autoFocus>
              {t('snapshots.confirm.restore')}
            </button>
            <button type="button" onClick={() => app.snapshots.cancelRestore()}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="snapshot-settings-heading">
        <h2 id="snapshot-settings-heading">{t('snapshots.settings')}</h2>
        <SnapshotSettingsForm key={`${settings.intervalMinutes}/${settings.keep}`} settings={settings} />
      </section>
    </main>
  );
}
