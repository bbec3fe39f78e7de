/**
 * Storage failures in the browser: the disk fills up (IndexedDB refuses writes with
 * QuotaExceededError) or IndexedDB is not available at all (private windows, blocked site
 * data). The user gets a clear message, the action is not shown as done, and nothing already
 * stored is harmed.
 */
import { expect, test, type Page } from '@playwright/test';
import { IsnadPage } from './pages/isnad-page';

/** After `window.isnadTestDiskFullAfter` is set to N, the (N+1)-th IndexedDB write on throws QuotaExceededError. */
async function simulateDiskFull(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let writes = 0;
    const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add' | 'delete', (...args: unknown[]) => IDBRequest>;
    for (const method of ['put', 'add', 'delete'] as const) {
      const original = proto[method];
      proto[method] = function (this: IDBObjectStore, ...args: unknown[]): IDBRequest {
        const limit = (window as unknown as { isnadTestDiskFullAfter?: number }).isnadTestDiskFullAfter;
        if (typeof limit === 'number' && writes++ >= limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
}

async function diskFull(page: Page, afterWrites = 0): Promise<void> {
  await page.evaluate((n) => ((window as unknown as { isnadTestDiskFullAfter?: number }).isnadTestDiskFullAfter = n), afterWrites);
}

test('disk full: the edit is refused with a clear message, not shown, and what was stored survives', async ({ page }) => {
  await simulateDiskFull(page);
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
  await isnad.mark('دمشق', '3', 1);
  await expect(isnad.spanItem('LOC — Location: دمشق')).toBeVisible();

  await diskFull(page);
  await isnad.mark('الحميدية', '3');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This change was not saved: the disk is full');
  await expect(alert).toContainText('Everything saved before is intact');
  expect(await isnad.spanNames()).toEqual(['LOC:دمشق']);
  expect(await isnad.highlightedTexts('LOC')).toEqual(['دمشق']);
  await expect(isnad.documentButton(/قاسيون: ارتفاع أسعار الخبز/)).toHaveAccessibleName(/In progress, 1 span$/);
  await expect(isnad.undoButton).toHaveAccessibleName('Undo: Add LOC span');
  // The selection is kept, so the user can try again once there is space.
  await expect.poll(() => isnad.selectedText()).toBe('الحميدية');

  // Undo is refused the same way and changes nothing.
  await isnad.undoButton.click();
  await expect(alert).toContainText('Undo was not saved: the disk is full');
  expect(await isnad.spanNames()).toEqual(['LOC:دمشق']);

  // A snapshot by hand cannot be stored either: said so, and none is listed.
  await page.getByRole('button', { name: 'Snapshots' }).click();
  await page.getByRole('button', { name: 'Take a snapshot now' }).click();
  await expect(alert).toContainText('The snapshot was not saved: the disk is full');
  await expect(page.getByText(/^No snapshot yet/)).toBeVisible();

  // After a restart (space freed), exactly the stored state is there.
  await page.reload();
  await expect(isnad.openButton).toBeVisible();
  await isnad.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
  expect(await isnad.spanNames()).toEqual(['LOC:دمشق']);
  await isnad.mark('الحميدية', '3');
  await expect(isnad.spanItem('LOC — Location: الحميدية')).toBeVisible();
});

const unavailable: Array<[string, () => void]> = [
  [
    'indexedDB.open fails (a private window)',
    () => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      };
    },
  ],
  ['there is no indexedDB at all (site data disabled)', () => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true })],
];

for (const [name, script] of unavailable) {
  test(`IndexedDB unavailable — ${name}: a clear explanation instead of the app`, async ({ page }) => {
    await page.addInitScript(script);
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Isnad cannot store your work in this browser' })).toBeVisible();
    await expect(alert).toContainText('private or incognito windows');
    await expect(alert).toContainText('Nothing was changed');
    await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toHaveCount(0);
  });
}
