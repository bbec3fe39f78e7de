/**
 * Snapshots: a snapshot taken by hand, restored after a confirmation; the restore takes a
 * snapshot of the state before it, and restoring that one undoes the restore. Snapshots and
 * their settings survive a reload.
 */
import { expect, test } from '@playwright/test';
import { IsnadPage } from './pages/isnad-page';
import { SnapshotsView } from './pages/snapshots-view';

test('take a snapshot, restore it after confirming, and undo the restore with the snapshot taken before it', async ({ page }) => {
  const isnad = new IsnadPage(page);
  const snapshots = new SnapshotsView(page);
  await isnad.goto();
  await isnad.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
  await isnad.mark('دمشق', '3', 1);
  await expect(isnad.spanItem('LOC — Location: دمشق')).toBeVisible();

  await snapshots.open();
  await expect(snapshots.view.getByText(/^No snapshot yet/)).toBeVisible();
  await snapshots.takeNow();
  await expect(isnad.status).toContainText("Snapshot taken: 3 documents, 9 spans, kept in this browser’s storage");
  expect(await snapshots.entries()).toEqual([expect.stringMatching(/, Taken by hand: 3 documents, 9 spans$/)]);

  await snapshots.close();
  await isnad.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
  await isnad.mark('الحميدية', '3');
  await expect(isnad.spanItem('LOC — Location: الحميدية')).toBeVisible();

  // Cancel changes nothing.
  await snapshots.open();
  let confirmation = await snapshots.askRestore(0);
  await expect(confirmation).toContainText('(3 documents, 9 spans; now it has 3 documents, 10 spans), and the undo history will be cleared');
  await expect(confirmation).toContainText('A snapshot of the current state is taken first: restore that one to go back.');
  await page.screenshot({ path: test.info().outputPath('snapshots-confirm.png') });
  await confirmation.getByRole('button', { name: 'Cancel' }).click();
  await expect(snapshots.confirmation).toBeHidden();
  expect(await snapshots.entries()).toHaveLength(1);

  confirmation = await snapshots.askRestore(0);
  await confirmation.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(isnad.status).toContainText(/Restored the snapshot of .* \(3 documents, 9 spans\)\. The corpus as it was just before is kept as the newest snapshot, “Before a restore”: restore it to undo this\./);
  expect(await snapshots.entries()).toEqual([expect.stringMatching(/, Before a restore: 3 documents, 10 spans$/), expect.stringMatching(/, Taken by hand: 3 documents, 9 spans$/)]);
  await page.screenshot({ path: test.info().outputPath('snapshots-list.png') });

  await snapshots.close();
  await isnad.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
  expect(await isnad.spanNames()).toEqual(['LOC:دمشق']);
  await expect(isnad.undoButton).toBeDisabled();

  // Undo the restore: restore the snapshot taken just before it.
  await snapshots.open();
  confirmation = await snapshots.askRestore(0);
  await confirmation.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(isnad.status).toContainText('(3 documents, 10 spans)');
  await snapshots.close();
  await isnad.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
  expect((await isnad.spanNames()).sort()).toEqual(['LOC:الحميدية', 'LOC:دمشق']);

  // Snapshots are stored: after a reload they are all listed.
  await page.reload();
  await expect(isnad.openButton).toBeVisible();
  await snapshots.open();
  expect(await snapshots.entries()).toHaveLength(3);
});

test('snapshot settings are kept, and keeping fewer deletes the oldest at once', async ({ page }) => {
  const isnad = new IsnadPage(page);
  const snapshots = new SnapshotsView(page);
  await isnad.goto();
  await snapshots.open();
  for (let i = 0; i < 3; i += 1) {
    await snapshots.takeNow();
    await expect(snapshots.list.getByRole('listitem')).toHaveCount(i + 1);
  }
  const newest = (await snapshots.entries())[0];
  const settings = snapshots.view.getByRole('form', { name: 'Snapshot settings' });
  await settings.getByRole('spinbutton', { name: 'Minutes between snapshots' }).fill('5');
  await settings.getByRole('spinbutton', { name: 'Snapshots to keep' }).fill('1');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(isnad.status).toContainText('Snapshots: every 5 minutes while you work, the last 1 kept.');
  expect(await snapshots.entries()).toEqual([newest]);

  await page.reload();
  await snapshots.open();
  await expect(snapshots.view.getByRole('spinbutton', { name: 'Minutes between snapshots' })).toHaveValue('5');
  await expect(snapshots.view.getByRole('spinbutton', { name: 'Snapshots to keep' })).toHaveValue('1');
});
