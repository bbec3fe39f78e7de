/**
 * The Snapshots view (shown when `ui.view === 'snapshots'`): the automatic copies of the open
 * corpus with their time and counts, "Take a snapshot now", the schedule settings, and
 * Restore behind a confirmation that says what will happen. The work is done by
 * `app.snapshots` (renderer/app/actions/snapshot-actions.ts); this view only renders.
 */
import { useState } from 'react';
import { SNAPSHOT_LIMITS, type SnapshotSettings } from '../../shared/snapshots/snapshot-info';
import { SNAPSHOT_REASON_NAMES, formatSnapshotTime } from '../app/actions/snapshot-actions';
import { useApp, useCorpusState, useUiState } from '../app/hooks';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The settings form: interval and how many to keep (remounted when the saved settings change). */
function SnapshotSettingsForm({ settings }: { settings: SnapshotSettings }): React.JSX.Element {
  const app = useApp();
  const [interval, setIntervalText] = useState(String(settings.intervalMinutes));
  const [keep, setKeep] = useState(String(settings.keep));
  return (
    <form
      className="snapshot-settings"
      aria-label="Snapshot settings"
      onSubmit={(event) => {
        event.preventDefault();
        void app.snapshots.saveSettings({ intervalMinutes: Number(interval), keep: Number(keep) });
      }}
    >
      <label>
        Take a snapshot every
        <input type="number" min={SNAPSHOT_LIMITS.minInterval} max={SNAPSHOT_LIMITS.maxInterval} value={interval} onChange={(e) => setIntervalText(e.target.value)} aria-label="Minutes between snapshots" />
        minutes while the corpus changes
      </label>
      <label>
        Keep the last
        <input type="number" min={SNAPSHOT_LIMITS.minKeep} max={SNAPSHOT_LIMITS.maxKeep} value={keep} onChange={(e) => setKeep(e.target.value)} aria-label="Snapshots to keep" />
        snapshots
      </label>
      <button type="submit">Save settings</button>
    </form>
  );
}

/** The Snapshots view. */
export function SnapshotsView(): React.JSX.Element {
  const app = useApp();
  const state = useCorpusState();
  const { list, confirmingId, busy, settings } = useUiState().snapshots;
  const confirming = list?.find((s) => s.id === confirmingId) ?? null;
  return (
    <main className="snapshots-view" aria-label="Snapshots">
      <header className="sources-header">
        <h1>Snapshots</h1>
        <div className="sources-actions">
          <button type="button" disabled={busy} onClick={() => void app.snapshots.takeNow()}>
            Take a snapshot now
          </button>
        </div>
        <p className="hint">
          Isnad keeps copies of “{state.corpus.name}” in {app.snapshots.storage.where}: one a while after you change something, and one when you close Isnad. Every edit is saved the
          moment you make it; a snapshot lets you go back to an earlier state of the whole corpus.
        </p>
      </header>
      <section aria-labelledby="snapshot-list-heading">
        <h2 id="snapshot-list-heading">Stored snapshots</h2>
        {list === null ? (
          <p className="hint">Reading…</p>
        ) : list.length === 0 ? (
          <p className="hint">No snapshot yet. The first one is taken a few minutes after your next change, or now with “Take a snapshot now”.</p>
        ) : (
          <ul className="snapshot-list" aria-label="Stored snapshots">
            {list.map((snapshot) => {
              const time = formatSnapshotTime(snapshot.takenAt);
              return (
                <li key={snapshot.id} aria-label={`${time}, ${SNAPSHOT_REASON_NAMES[snapshot.reason]}: ${plural(snapshot.documents, 'document')}, ${plural(snapshot.spans, 'span')}`}>
                  <time dateTime={snapshot.takenAt}>{time}</time>
                  <span className="snapshot-reason">{SNAPSHOT_REASON_NAMES[snapshot.reason]}</span>
                  <span className="snapshot-counts">
                    {plural(snapshot.documents, 'document')}, {plural(snapshot.spans, 'span')}
                  </span>
                  <button type="button" disabled={busy} onClick={() => app.snapshots.askRestore(snapshot.id)} aria-label={`Restore the snapshot of ${time}`}>
                    Restore…
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
          <h2 id="snapshot-confirm-heading">Restore the snapshot of {formatSnapshotTime(confirming.takenAt)}?</h2>
          <p id="snapshot-confirm-text">
            {`The corpus will become what it was then (${plural(confirming.documents, 'document')}, ${plural(confirming.spans, 'span')}; now it has ${plural(state.documents.size, 'document')}, ${plural(state.spans.size, 'span')}), and the undo history will be cleared. A snapshot of the current state is taken first: restore that one to go back.`}
          </p>
          <div className="dialog-buttons">
            <button type="button" className="primary" onClick={() => void app.snapshots.restore(confirming.id)} autoFocus>
              Restore
            </button>
            <button type="button" onClick={() => app.snapshots.cancelRestore()}>
              Cancel
            </button>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="snapshot-settings-heading">
        <h2 id="snapshot-settings-heading">Settings</h2>
        <SnapshotSettingsForm key={`${settings.intervalMinutes}/${settings.keep}`} settings={settings} />
      </section>
    </main>
  );
}
