/** Shows a `<dialog>` as a modal while `open` is true, and closes it when it turns false. */
import { useEffect, type RefObject } from 'react';

export function useModal(ref: RefObject<HTMLDialogElement | null>, open: boolean, onOpen?: () => void): void {
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      onOpen?.();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [ref, open, onOpen]);
}
