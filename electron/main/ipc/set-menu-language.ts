/** `setMenuLanguage({ language })`: the window's interface language, for the application menu. */
import type { InterfaceLanguage } from '../../../shared/ipc/contract';

/** Dependencies of {@link setMenuLanguage}: what rebuilds the menu (menu-language.ts in the app). */
export interface SetMenuLanguageDeps {
  apply(language: InterfaceLanguage): void;
}

/** Rebuilds the menu in `language` (already checked against the contract by the IPC guard). */
export function setMenuLanguage(request: { language: InterfaceLanguage }, deps: SetMenuLanguageDeps): void {
  deps.apply(request.language);
}
