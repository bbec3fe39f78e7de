/** Messages for the user: import reports, refusals, export results. Errors are alerts. */
import { useApp, useT, useUiValue } from '../app/hooks';

/** Lines of a message shown at once; a longer list shows this many and folds the rest. */
const FIRST_LINES = 3;

/** How many of `lines` are shown unfolded (all of them when only one more would be folded). */
function shownLines(lines: readonly string[]): number {
  return lines.length <= FIRST_LINES + 1 ? lines.length : FIRST_LINES;
}

/**
 * Each line is a sentence of the interface language (its data isolated inside), so it takes
 * the interface's direction: with dir="auto" a line opening with an Arabic file name was laid
 * out right to left in English.
 */
function DetailLines({ lines }: { lines: readonly string[] }): React.JSX.Element {
  return (
    <ul>
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

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
              <>
                <DetailLines lines={notice.details.slice(0, shownLines(notice.details))} />
                {notice.details.length > shownLines(notice.details) ? (
                  // The rest of a long report (an import's every file) folded away, so the
                  // status area does not take a third of the window; what went wrong comes first.
                  <details>
                    <summary>{t('status.moreDetails', { count: notice.details.length - shownLines(notice.details) })}</summary>
                    <DetailLines lines={notice.details.slice(shownLines(notice.details))} />
                  </details>
                ) : null}
              </>
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
