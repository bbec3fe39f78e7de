/**
 * Small pieces the modal dialogs share: opening and closing a native `<dialog>` as state
 * says, and ↑ ↓ Enter over a listbox driven from a combobox.
 */
import { useEffect, useRef } from 'react';

/**
 * Shows `dialog` as a modal. A collapsed DOM selection (the article's caret, which the app
 * keeps in its UI store and draws itself; the DOM selection only mirrors it) is let go of
 * first: a modal dialog makes the rest of the page inert, and Blink then looks for the
 * nearest position before the caret that can still hold it, walking back through the whole
 * article — 80–100 ms on a 1 MB article, traced in `VisibleUnits::canonicalPosition`. With it
 * gone, opening took 21–42 ms instead of 85–126 ms. (Putting it back after the dialog opens
 * cost more still: 160–220 ms.) A selection the user made, not collapsed, is kept: a command
 * run from the palette may act on it.
 */
export function showModalDialog(dialog: HTMLDialogElement): void {
  const selection = dialog.ownerDocument.getSelection();
  if (selection && selection.rangeCount > 0 && selection.isCollapsed) selection.removeAllRanges();
  dialog.showModal();
}

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
      showModalDialog(dialog);
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
