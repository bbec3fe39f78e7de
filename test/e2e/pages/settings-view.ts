/**
 * Page object for the settings view: language, theme, article text size and line spacing.
 * The accessible names depend on the interface language, so each control is found by the
 * name given (the tests pass English or Arabic names as the window shows them).
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** What the window looks like right now: language, direction, theme, article text. */
export interface ShellState {
  lang: string;
  dir: string;
  theme: string | null;
  /** The computed background colour of the page. */
  background: string;
}

export class SettingsView {
  constructor(readonly page: Page) {}

  /** Opens the settings with the toolbar button of that name ("Settings", "الإعدادات"). */
  async open(buttonName: string): Promise<void> {
    await this.page.getByRole('button', { name: buttonName, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: buttonName })).toBeVisible();
  }

  radio(name: string): Locator {
    return this.page.getByRole('radio', { name, exact: true });
  }

  /** Chooses an option (the choice shows once it is stored, a moment after the click). */
  async choose(name: string): Promise<void> {
    await this.radio(name).click();
    await expect(this.radio(name)).toBeChecked();
  }

  slider(name: string): Locator {
    return this.page.getByRole('slider', { name, exact: true });
  }

  /** Moves a slider with the keyboard (ArrowUp raises the value in either direction). */
  async nudge(name: string, key: 'ArrowUp' | 'ArrowDown' | 'Home' | 'End', times = 1): Promise<void> {
    const slider = this.slider(name);
    await slider.focus();
    for (let i = 0; i < times; i += 1) await slider.press(key);
  }

  async shell(): Promise<ShellState> {
    return this.page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      theme: document.documentElement.dataset.theme ?? null,
      background: getComputedStyle(document.body).backgroundColor,
    }));
  }

  /** The computed font size and line height of the article text (or the settings sample). */
  async articleText(): Promise<{ fontSize: string; lineHeight: string }> {
    return this.page.locator('.article-text').first().evaluate((el) => {
      const style = getComputedStyle(el);
      return { fontSize: style.fontSize, lineHeight: style.lineHeight };
    });
  }
}
