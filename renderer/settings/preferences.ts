/**
 * The user's interface preferences: language, theme, and how the article text is set.
 * Stored as one IndexedDB setting; anything stored that is missing or out of range falls
 * back to the default, so an old or damaged value never breaks the window.
 */
import { LANGUAGES, systemLanguage, type Language } from '../../shared/i18n/i18n';

/** Interface preferences. `system` follows the operating system (or browser). */
export interface Preferences {
  language: 'system' | Language;
  theme: 'system' | 'light' | 'dark';
  /** Article text size in CSS pixels. */
  articleFontSize: number;
  /** Article line height, as a multiple of the font size. */
  articleLineHeight: number;
}

/** The setting key the preferences are stored under. */
export const PREFERENCES_KEY = 'preferences';

/** Limits of the adjustable values (the settings view's sliders use them too). */
export const FONT_SIZE = { min: 14, max: 36, step: 1 } as const;
export const LINE_HEIGHT = { min: 1.4, max: 3, step: 0.1 } as const;

/** What a new installation starts with. */
export const DEFAULT_PREFERENCES: Preferences = { language: 'system', theme: 'system', articleFontSize: 20, articleLineHeight: 2.1 };

function inRange(value: unknown, limits: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= limits.min && value <= limits.max ? value : fallback;
}

/**
 * A sound Preferences value from whatever was stored or asked for: unknown fields are
 * dropped, and a missing or bad one takes its value from `fallback` (the defaults, or the
 * current preferences when a change is asked for).
 */
export function sanitisePreferences(stored: unknown, fallback: Preferences = DEFAULT_PREFERENCES): Preferences {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const language = raw.language === 'system' || (typeof raw.language === 'string' && raw.language in LANGUAGES) ? (raw.language as Preferences['language']) : fallback.language;
  const theme = raw.theme === 'light' || raw.theme === 'dark' || raw.theme === 'system' ? raw.theme : fallback.theme;
  return {
    language,
    theme,
    articleFontSize: inRange(raw.articleFontSize, FONT_SIZE, fallback.articleFontSize),
    // Rounded to the step, so 2.1 stays 2.1 after a slider moved through floats.
    articleLineHeight: Math.round(inRange(raw.articleLineHeight, LINE_HEIGHT, fallback.articleLineHeight) * 10) / 10,
  };
}

/** The language the interface uses under these preferences. */
export function resolveLanguage(preferences: Preferences, systemLanguages: readonly string[]): Language {
  return preferences.language === 'system' ? systemLanguage(systemLanguages) : preferences.language;
}

/**
 * Applies preferences to the document root: `lang` and `dir` (the whole shell mirrors for
 * Arabic), `data-theme` (absent for `system`: the style sheet follows prefers-color-scheme
 * through `color-scheme: light dark`), and the article text variables.
 */
export function applyPreferences(root: HTMLElement, preferences: Preferences, language: Language): void {
  root.lang = language;
  root.dir = LANGUAGES[language].dir;
  if (preferences.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = preferences.theme;
  root.style.setProperty('--article-font-size', `${preferences.articleFontSize}px`);
  root.style.setProperty('--article-line-height', String(preferences.articleLineHeight));
}
