/**
 * Small pieces the modal dialogs share: opening and closing a native `<dialog>` as state
 * says, and ↑ ↓ Enter over a listbox driven from a combobox.
 */
import { useEffect, useRef } from 'react';

/**
 * A ref for a `<dialog>` that is shown as a modal while `open` is true and closed otherwise;
 * `onOpen` runs each time it opens (reset fields, focus the input).
 */
export function useModalDialog(open: boolean, onOpen?: (dialog: HTMLDialogElement) => void): React.RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      onOpenRef.current?.(dialog);
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}

/**
 * ↑ and ↓ move the active option of a listbox of `count` options (clamped), Enter chooses
 * it. Returns true when the key was one of them (its default is prevented).
 */
export function handleListboxKey(event: React.KeyboardEvent, count: number, setActive: (update: (index: number) => number) => void, choose: () => void): boolean {
  if (event.key === 'ArrowDown') setActive((i) => Math.min(count - 1, i + 1));
  else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
  else if (event.key === 'Enter') choose();
  else return false;
  event.preventDefault();
  return true;
}
