/**
 * Page object for the Snapshots view: the list of stored snapshots, "Take a snapshot now",
 * the restore confirmation and the settings. Found by role and accessible name.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class SnapshotsView {
  constructor(readonly page: Page) {}

  get toggle(): Locator {
    return this.page.getByRole('button', { name: 'Snapshots', exact: true });
  }
  get view(): Locator {
    return this.page.getByRole('main', { name: 'Snapshots' });
  }
  get list(): Locator {
    return this.view.getByRole('list', { name: 'Stored snapshots' });
  }
  get confirmation(): Locator {
    return this.page.getByRole('alertdialog');
  }

  /** Shows the Snapshots view. */
  async open(): Promise<void> {
    if ((await this.toggle.getAttribute('aria-pressed')) !== 'true') await this.toggle.click();
    await expect(this.view).toBeVisible();
  }

  /** Back to the article. */
  async close(): Promise<void> {
    if ((await this.toggle.getAttribute('aria-pressed')) === 'true') await this.toggle.click();
    await expect(this.view).toBeHidden();
  }

  async takeNow(): Promise<void> {
    await this.view.getByRole('button', { name: 'Take a snapshot now' }).click();
  }

  /** The list entries' accessible names ("29 Nov 2026, 10:15:00, Taken by hand: 3 documents, 9 spans"), newest first. */
  async entries(): Promise<string[]> {
    return this.list.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  }

  /** Clicks "Restore…" on the n-th entry (0 = newest) and returns the confirmation. */
  async askRestore(index: number): Promise<Locator> {
    await this.list.getByRole('listitem').nth(index).getByRole('button', { name: /^Restore the snapshot of / }).click();
    await expect(this.confirmation).toBeVisible();
    return this.confirmation;
  }
}
