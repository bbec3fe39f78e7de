import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { IsnadPage } from './pages/isnad-page';
import { SettingsView } from './pages/settings-view';

/**
 * Every view passes axe-core's WCAG 2.1 A/AA rules — accessible names for every control,
 * labels, ARIA use, colour contrast — in English with the light theme and in Arabic with the
 * dark theme (contrast of text painted by the CSS Custom Highlight API is not visible to axe;
 * test/unit/renderer/theme-contrast.test.ts checks it).
 */
async function violations(page: Page, where: string): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${where}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  // The window itself never scrolls (a keyboard user scrolling it would lose the toolbar); the app's panes do.
  const { beyond, scrolled } = await new IsnadPage(page).windowOverflow();
  if (beyond > 0 || scrolled > 0) found.push(`${where}: the window itself scrolls (${beyond} px beyond the viewport, scrolled by ${scrolled} px)`);
  return found;
}

interface Names {
  settings: string;
  sources: string;
  suggestions: string;
  exportDataset: string;
  exportDialog: string;
  spans: string;
  claim: RegExp;
  palette: string;
  snapshots: string;
  takeSnapshot: string;
  restoreSnapshot: RegExp;
  corpora: string;
  importDataset: string;
  datasetDialog: string;
  mergeTarget: RegExp;
}

const ENGLISH: Names = {
  settings: 'Settings',
  sources: 'Sources',
  suggestions: 'Suggestions',
  exportDataset: 'Export dataset…',
  exportDialog: 'Export dataset',
  spans: 'Spans in this document',
  claim: /^CLAIM — Claim:/,
  palette: 'Attribute claim',
  snapshots: 'Snapshots',
  takeSnapshot: 'Take a snapshot now',
  restoreSnapshot: /^Restore the snapshot of /,
  corpora: 'Corpora',
  importDataset: 'Import dataset…',
  datasetDialog: 'Import dataset',
  mergeTarget: /^The open corpus/,
};

const ARABIC: Names = {
  settings: 'الإعدادات',
  sources: 'المصادر',
  suggestions: 'الاقتراحات',
  exportDataset: 'تصدير مجموعة بيانات…',
  exportDialog: 'تصدير مجموعة بيانات',
  spans: 'المقاطع في هذا المستند',
  claim: /^CLAIM — ادعاء:/,
  palette: 'إسناد الادعاء',
  snapshots: 'اللقطات',
  takeSnapshot: 'التقاط لقطة الآن',
  restoreSnapshot: /^استعادة لقطة /,
  corpora: 'المدوّنات',
  importDataset: 'استيراد مجموعة بيانات…',
  datasetDialog: 'استيراد مجموعة بيانات',
  mergeTarget: /^المدوّنة المفتوحة/,
};

/** Visits the article (suggestions on), the attribute palette, the export dialog, the corpus and dataset import dialogs, the sources, the snapshots (with a restore to confirm) and the settings. */
async function auditViews(page: Page, names: Names): Promise<string[]> {
  const found: string[] = [];
  await page.getByRole('button', { name: names.suggestions, exact: true }).click();
  // The span list below the suggestions draws its rows only while in view.
  await page.getByRole('complementary', { name: names.spans }).scrollIntoViewIfNeeded();
  await page.getByRole('complementary', { name: names.spans }).getByRole('button', { name: names.claim }).first().click();
  found.push(...(await violations(page, 'article')));
  await page.keyboard.press('a');
  await expect(page.getByRole('dialog', { name: names.palette })).toBeVisible();
  found.push(...(await violations(page, 'attribute palette')));
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: names.exportDataset }).click();
  await expect(page.getByRole('dialog', { name: names.exportDialog })).toBeVisible();
  found.push(...(await violations(page, 'export dialog')));
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+K');
  await expect(page.getByRole('dialog', { name: names.corpora })).toBeVisible();
  found.push(...(await violations(page, 'corpus dialog')));
  await page.keyboard.press('Escape');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: names.importDataset }).click();
  await (await chooser).setFiles([{ name: 'tiny.conll', mimeType: 'text/plain', buffer: Buffer.from('قال O\nالوزير B-PER\n\nمصدر O\n\n') }]);
  const dataset = page.getByRole('dialog', { name: names.datasetDialog });
  await dataset.getByRole('radio', { name: names.mergeTarget }).check();
  found.push(...(await violations(page, 'dataset import dialog with merge preview')));
  await page.keyboard.press('Escape');
  await expect(dataset).toBeHidden();
  await page.getByRole('button', { name: names.sources, exact: true }).click();
  found.push(...(await violations(page, 'sources')));
  await page.getByRole('button', { name: names.snapshots, exact: true }).click();
  await page.getByRole('button', { name: names.takeSnapshot }).click();
  await page.getByRole('button', { name: names.restoreSnapshot }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  found.push(...(await violations(page, 'snapshots')));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await new SettingsView(page).open(names.settings);
  found.push(...(await violations(page, 'settings')));
  return found;
}

const RUNS = [
  { title: 'English, light theme', choices: ['Light'], back: 'Back to the article', documents: 'Documents', names: ENGLISH },
  { title: 'Arabic, dark theme', choices: ['العربية', 'داكن'], back: 'العودة إلى المقال', documents: 'المستندات', names: ARABIC },
];

for (const run of RUNS) {
  test(`every view has accessible names and enough contrast: ${run.title}`, async ({ page }) => {
    test.setTimeout(240_000);
    await new IsnadPage(page).goto();
    const settings = new SettingsView(page);
    await settings.open('Settings');
    for (const choice of run.choices) await settings.choose(choice);
    await page.getByRole('button', { name: run.back }).click();
    await page.getByRole('navigation', { name: run.documents }).getByRole('button', { name: /موسكو تعلن عن محادثات جديدة/ }).click();
    expect(await auditViews(page, run.names)).toEqual([]);
  });
}
