/**
 * The window's own yes-or-no dialog (IsnadApp.ask): in the interface language and its
 * direction, with the app's focus ring and keys, where the browser's `confirm()` showed a
 * box of its own (in Electron, the system's), not mirrored in Arabic. The confirming button
 * has the focus, so Enter agrees, as it did; Escape and Cancel say no.
 */
import { useApp, useT, useUiValue } from '../app/hooks';
import { useModalDialog } from './dialog-hooks';

export function ConfirmDialog(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const confirmation = useUiValue('confirmation');
  const dialogRef = useModalDialog(!!confirmation, (dialog) => dialog.querySelector<HTMLButtonElement>('button.confirm')?.focus());
  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-question"
      onCancel={(event) => {
        event.preventDefault();
        app.answer(false);
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <h2 id="confirm-title">{t('confirm.title')}</h2>
      <p id="confirm-question">{confirmation?.question}</p>
      <div className="dialog-buttons">
        <button type="button" className="confirm danger" onClick={() => app.answer(true)}>
          {confirmation?.confirmLabel}
        </button>
        <button type="button" onClick={() => app.answer(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
