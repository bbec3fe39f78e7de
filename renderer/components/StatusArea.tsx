/** Messages for the user: import reports, refusals, export results. Errors are alerts. */
import { useApp, useT, useUiValue } from '../app/hooks';
import type { Translate } from '../../shared/i18n/i18n';

/** Lines of a message shown at once; a longer list shows this many and folds the rest. */
const FIRST_LINES = 3;

/** How many of `lines` are shown unfolded: at least `first` and FIRST_LINES of them (all when only one more would be folded). */
function shownLines(lines: readonly string[], first = 0): number {
  const shown = Math.max(first, FIRST_LINES);
  return lines.length <= shown + 1 ? lines.length : shown;
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

/**
 * A message's lines: the first few, and the rest of a long report (an import's every file)
 * folded away, so the status area does not take a third of the window. What went wrong comes
 * first in a report, so it is among the lines shown.
 */
function Details({ lines, first, t }: { lines: readonly string[]; first: number | undefined; t: Translate }): React.JSX.Element {
  const shown = shownLines(lines, first);
  return (
    <>
      <DetailLines lines={lines.slice(0, shown)} />
      {lines.length > shown ? (
        <details>
          <summary>{t('status.moreDetails', { count: lines.length - shown })}</summary>
          <DetailLines lines={lines.slice(shown)} />
        </details>
      ) : null}
    </>
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
            {notice.details?.length ? <Details lines={notice.details} first={notice.detailsShown} t={t} /> : null}
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
