/** Messages for the user: import reports, refusals, export results. Errors are alerts. */
import { useApp, useT, useUiValue } from '../app/hooks';

/** The status area at the bottom of the window. */
export function StatusArea(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const notice = useUiValue('notice');
  return (
    <footer className="status-area">
      <div role={notice?.tone === 'error' ? 'alert' : 'status'} aria-live={notice?.tone === 'error' ? 'assertive' : 'polite'} className={`notice ${notice?.tone ?? ''}`}>
        {notice ? (
          <>
            <p>{notice.text}</p>
            {notice.details?.length ? (
              <ul>
                {notice.details.map((line, i) => (
                  // Each line is a sentence of the interface language (its data isolated
                  // inside), so it takes the interface's direction: with dir="auto" a line
                  // opening with an Arabic file name was laid out right to left in English.
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      {notice ? (
        <button type="button" className="dismiss" onClick={() => app.ui.update({ notice: null })} aria-label={t('status.dismiss')}>
          ×
        </button>
      ) : null}
    </footer>
  );
}
