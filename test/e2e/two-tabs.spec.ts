/**
 * Two tabs on the same corpus (one browser context, one IndexedDB): a change in one shows in
 * the other without a reload (a span, a rejected suggestion), undo works across them, and
 * when both change the same span at once only one change is stored; the other tab says so
 * and shows the stored one.
 */
import { expect, test, type Page } from '@playwright/test';
import { IsnadPage } from './pages/isnad-page';
import { SettingsView } from './pages/settings-view';

/** Lets the test hold this tab's BroadcastChannel messages (a tab that has not heard the news yet). */
async function holdableSync(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const held: Array<() => void> = [];
    const w = window as unknown as { isnadTestHoldSync: boolean; isnadTestReleaseSync: () => void };
    w.isnadTestHoldSync = false;
    w.isnadTestReleaseSync = () => {
      w.isnadTestHoldSync = false;
      for (const deliver of held.splice(0)) deliver();
    };
    const add = BroadcastChannel.prototype.addEventListener;
    BroadcastChannel.prototype.addEventListener = function (this: BroadcastChannel, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
      const call = (event: Event): void => (typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event));
      const wrapped = (event: Event): void => {
        if (w.isnadTestHoldSync) held.push(() => call(event));
        else call(event);
      };
      add.call(this, type, wrapped, options);
    } as typeof BroadcastChannel.prototype.addEventListener;
  });
}

test('a span marked in one tab appears in the other, and undo there takes it back here', async ({ context }) => {
  const one = new IsnadPage(await context.newPage());
  await one.goto();
  const two = new IsnadPage(await context.newPage());
  await two.goto();
  for (const tab of [one, two]) await tab.openDocument(/قاسيون: ارتفاع أسعار الخبز/);

  await one.page.bringToFront();
  await one.mark('دمشق', '3', 1);
  await expect(one.spanItem('LOC — Location: دمشق')).toBeVisible();
  await expect(two.spanItem('LOC — Location: دمشق')).toBeVisible();
  expect(await two.highlightedTexts('LOC')).toEqual(['دمشق']);
  await expect(two.documentButton(/قاسيون: ارتفاع أسعار الخبز/)).toHaveAccessibleName(/In progress, 1 span$/);
  await expect(two.undoButton).toHaveAccessibleName('Undo: Add LOC span');

  await two.page.bringToFront();
  await two.undoButton.click();
  await expect(two.status).toContainText('Undid: Add LOC span.');
  await expect(one.spanItems()).toHaveCount(0);
  expect(await one.highlightedTexts('LOC')).toEqual([]);
  await expect(one.redoButton).toHaveAccessibleName('Redo: Add LOC span');
});

test('the same span changed in two tabs at once: one change is stored, the other tab says so and shows it', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await holdableSync(second);
  const one = new IsnadPage(first);
  const two = new IsnadPage(second);
  await one.goto();
  await two.goto();
  for (const tab of [one, two]) await tab.openDocument(/موسكو تعلن عن محادثات جديدة/);

  // The second tab has not heard of the first one's change yet when it makes its own.
  await second.evaluate(() => ((window as unknown as { isnadTestHoldSync: boolean }).isnadTestHoldSync = true));
  await first.bringToFront();
  await one.spanItem('LOC — Location: أنقرة').click();
  await first.keyboard.press('2');
  await expect(one.spanItem('ORG — Organisation: أنقرة')).toBeVisible();

  await second.bringToFront();
  await two.spanItem('LOC — Location: أنقرة').click();
  await second.keyboard.press('1');
  const alert = second.getByRole('alert');
  await expect(alert).toContainText('This change was not saved: another Isnad window changed the same annotations at the same moment');
  await expect(alert).toContainText('This window now shows the latest version');
  await expect(two.spanItem('ORG — Organisation: أنقرة')).toBeVisible();
  await expect(two.spanItem('PER — Person: أنقرة')).toHaveCount(0);
  await expect(two.undoButton).toHaveAccessibleName('Undo: Relabel LOC as ORG');

  // The late news changes nothing more; a reload shows the same.
  await second.evaluate(() => (window as unknown as { isnadTestReleaseSync: () => void }).isnadTestReleaseSync());
  await second.reload();
  await expect(two.openButton).toBeVisible();
  await two.openDocument(/موسكو تعلن عن محادثات جديدة/);
  await expect(two.spanItem('ORG — Organisation: أنقرة')).toBeVisible();
  await expect(one.spanItem('ORG — Organisation: أنقرة')).toBeVisible();
});

test('a suggestion rejected in one tab is hidden in the other, and undo there brings it back here', async ({ context }) => {
  const one = new IsnadPage(await context.newPage());
  await one.goto();
  const two = new IsnadPage(await context.newPage());
  await two.goto();
  for (const tab of [one, two]) {
    await tab.page.bringToFront();
    await tab.openDocument(/موسكو تعلن عن محادثات جديدة/);
    await tab.article.focus();
    await tab.page.keyboard.press('g');
    await expect(tab.page.getByRole('region', { name: 'Suggestions' })).toBeVisible();
  }

  await one.page.bringToFront();
  await one.article.focus();
  await one.page.keyboard.press('.');
  const suggestions = (tab: IsnadPage) => tab.page.getByRole('region', { name: 'Suggestions' });
  const name = (await suggestions(one).locator('.suggestion.focused .suggestion-main').getAttribute('aria-label'))!;
  await expect(suggestions(two).getByRole('button', { name })).toHaveCount(1);
  await one.page.keyboard.press('x');
  await expect(suggestions(one).getByRole('button', { name })).toHaveCount(0);
  await expect(suggestions(two).getByRole('button', { name })).toHaveCount(0);
  await expect(two.undoButton).toHaveAccessibleName(/^Undo: Reject (SOURCE|CUE) suggestion “/);

  await two.page.bringToFront();
  await two.undoButton.click();
  await expect(suggestions(two).getByRole('button', { name })).toHaveCount(1);
  await expect(suggestions(one).getByRole('button', { name })).toHaveCount(1);
});

test('settings chosen in one tab reach the other, and a change there keeps them', async ({ context }) => {
  const one = new IsnadPage(await context.newPage());
  await one.goto();
  const two = new IsnadPage(await context.newPage());
  await two.goto();
  const settingsOne = new SettingsView(one.page);
  await one.page.bringToFront();
  await settingsOne.open('Settings');
  await settingsOne.choose('Dark');
  await settingsOne.choose('العربية');
  // The other tab, open all along, follows without a reload…
  await expect(two.page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' })).toBeVisible();
  expect(await new SettingsView(two.page).shell()).toMatchObject({ lang: 'ar', dir: 'rtl', theme: 'dark' });
  // …and its own change is made to them, not to what it showed before.
  await two.page.bringToFront();
  const settingsTwo = new SettingsView(two.page);
  await settingsTwo.open('الإعدادات');
  await settingsTwo.nudge('حجم الخط', 'ArrowUp');
  await expect(settingsTwo.slider('حجم الخط')).toHaveAttribute('aria-valuetext', '21 بكسل');
  await one.page.reload();
  await expect(one.page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' })).toBeVisible();
  expect(await settingsOne.shell()).toMatchObject({ lang: 'ar', theme: 'dark' });
});
