/**
 * The application menu in the interface language. At start the menu takes the system's
 * language (the same rule as the window's default: the first of the system's preferred
 * languages that Isnad speaks, else English); the window then reports the language it uses
 * (the user's setting) through `setMenuLanguage`, and the menu is rebuilt when it differs.
 * Main's native file dialogs speak the menu's language too ({@link dialogLanguage}).
 */
import type { InterfaceLanguage } from '../../shared/ipc/contract';
import { createTranslator, systemLanguage } from '../../shared/i18n/i18n';
import { buildMenuTemplate, type MenuOptions } from './menu';

/** Keeps the menu in one language; `install` puts a built template in place (Menu.setApplicationMenu in the app). */
export class MenuLanguage {
  private current: InterfaceLanguage | null = null;

  constructor(
    private readonly options: Omit<MenuOptions, 't'>,
    private readonly install: (template: ReturnType<typeof buildMenuTemplate>) => void,
  ) {}

  /** The language the menu speaks (null before the first build). */
  get language(): InterfaceLanguage | null {
    return this.current;
  }

  /** Builds the menu in the first of `preferred` (BCP 47 tags) that Isnad speaks. */
  applySystem(preferred: readonly string[]): void {
    this.apply(systemLanguage(preferred));
  }

  /** Builds the menu in `language`, unless it already speaks it. */
  apply(language: InterfaceLanguage): void {
    if (language === this.current) return;
    this.current = language;
    this.install(buildMenuTemplate({ ...this.options, t: createTranslator(language) }));
  }
}

/**
 * The language of main's native file dialogs: the one the menu speaks (the window's, once it
 * has reported it), or before the menu is first built the system's (`preferred`, BCP 47 tags,
 * by the same rule as the menu and the window).
 */
export function dialogLanguage(menu: Pick<MenuLanguage, 'language'>, preferred: readonly string[]): InterfaceLanguage {
  return menu.language ?? systemLanguage(preferred);
}
