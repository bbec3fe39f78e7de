/**
 * Page object for the sources view: the registry table, the add / edit / merge dialogs,
 * registry export and import, and the who-cites-whom graph. Elements are found by role and
 * accessible name, as a screen-reader user would find them.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { exactly } from '../support/isolates';

/** The form fields of a source, by their visible labels. */
export interface SourceFormValues {
  arabicName?: string;
  latinName?: string;
  kind?: string;
  arabicAliases?: string;
  latinAliases?: string;
  ambiguous?: string;
  note?: string;
  url?: string;
}

const FIELD_LABELS: Array<[keyof SourceFormValues, string]> = [
  ['arabicName', 'Arabic name'],
  ['latinName', 'Latin name'],
  ['arabicAliases', 'Arabic aliases'],
  ['latinAliases', 'Latin aliases'],
  ['ambiguous', 'Ambiguous names'],
  ['note', 'Note'],
  ['url', 'URL'],
];

/** A registry file as the view exports it. */
export interface RegistryFile {
  format: string;
  version: number;
  sources: Array<{ nameAr: string; nameLatin: string; kind: string; aliasesAr: string[]; aliasesLatin: string[]; ambiguous?: string[]; note?: string; url?: string }>;
}

export class SourcesView {
  constructor(readonly page: Page) {}

  /** The toolbar button that opens this view. */
  get sourcesButton(): Locator {
    return this.page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Sources', exact: true });
  }
  get main(): Locator {
    return this.page.getByRole('main', { name: 'Sources' });
  }
  get table(): Locator {
    return this.main.getByRole('table', { name: 'Registry' });
  }
  get graph(): Locator {
    return this.main.getByRole('img', { name: /^Who cites whom: \d+ sources?, \d+ links?$/ });
  }
  /** The screen-reader list of the graph's links. */
  get graphList(): Locator {
    return this.main.getByRole('list', { name: 'Who cites whom, as a list' });
  }
  get status(): Locator {
    return this.page.locator('.status-area');
  }
  get sourceDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^(Add source|Edit )/ });
  }
  get mergeDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Merge .* into another source$/ });
  }

  /** Opens the view from the toolbar. */
  async open(): Promise<void> {
    await this.sourcesButton.click();
    await expect(this.main).toBeVisible();
  }

  /** The row of a source, found by its (Arabic or Latin) name in the row header. */
  row(name: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  /** A row's action button: "Edit", "Merge", "Delete" + the source's display name ("RIA Novosti (وكالة نوفوستي)"). */
  action(verb: 'Edit' | 'Delete', displayName: string): Locator {
    return this.main.getByRole('button', { name: exactly(`${verb} ${displayName}`) });
  }
  mergeButton(displayName: string): Locator {
    return this.main.getByRole('button', { name: exactly(`Merge ${displayName} into…`) });
  }

  /** Fills the open source dialog's fields (only those given). */
  async fill(values: SourceFormValues): Promise<void> {
    const dialog = this.sourceDialog;
    for (const [key, label] of FIELD_LABELS) {
      const value = values[key];
      if (value !== undefined) await dialog.getByLabel(label, { exact: true }).fill(value);
    }
    if (values.kind) await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: values.kind });
  }

  async save(): Promise<void> {
    await this.sourceDialog.getByRole('button', { name: 'Save', exact: true }).click();
  }

  /** Adds a source through the form and waits for the dialog to close. */
  async addSource(values: SourceFormValues): Promise<void> {
    await this.main.getByRole('button', { name: 'Add source', exact: true }).click();
    await expect(this.sourceDialog).toBeVisible();
    await this.fill(values);
    await this.save();
    await expect(this.sourceDialog).toBeHidden();
  }

  /** Merges one source into another through the merge dialog. */
  async merge(displayName: string, intoDisplayName: string): Promise<void> {
    await this.mergeButton(displayName).click();
    await expect(this.mergeDialog).toBeVisible();
    await this.mergeDialog.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: intoDisplayName });
    await this.mergeDialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(this.mergeDialog).toBeHidden();
  }

  /** Clicks "Export registry" and returns the downloaded file's name and JSON. */
  async exportRegistry(): Promise<{ fileName: string; json: RegistryFile }> {
    const download = this.page.waitForEvent('download');
    await this.main.getByRole('button', { name: 'Export registry', exact: true }).click();
    const file = await download;
    return { fileName: file.suggestedFilename(), json: JSON.parse(await readFile(await file.path(), 'utf8')) as RegistryFile };
  }

  /** Clicks "Import registry…" and chooses the files in the browser's file chooser. */
  async importRegistry(paths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.main.getByRole('button', { name: 'Import registry…', exact: true }).click();
    await (await chooser).setFiles(paths);
  }
}
