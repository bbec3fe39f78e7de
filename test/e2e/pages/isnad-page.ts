/**
 * Page object for the Isnad window. Tests speak in user terms (open files, select a word,
 * press a label key) and find elements by role and accessible name.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { exactly, isolatable, withoutIsolates } from '../support/isolates';

/** What the command palette is called in each interface language. */
const PALETTE_NAMES = {
  en: { dialog: 'Command palette', search: 'Search commands', list: 'Commands' },
  ar: { dialog: 'لوحة الأوامر', search: 'البحث في الأوامر', list: 'الأوامر' },
} as const;

export class IsnadPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.openButton).toBeVisible();
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Main toolbar' });
  }
  get openButton(): Locator {
    return this.page.getByRole('button', { name: /^Open/ });
  }
  get exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Export corpus as JSON' });
  }
  get undoButton(): Locator {
    return this.page.getByRole('button', { name: /^Undo/ });
  }
  get redoButton(): Locator {
    return this.page.getByRole('button', { name: /^Redo/ });
  }
  get documentList(): Locator {
    return this.page.getByRole('navigation', { name: 'Documents' });
  }
  get article(): Locator {
    return this.page.getByRole('article');
  }
  get spanPanel(): Locator {
    return this.page.getByRole('complementary', { name: 'Spans in this document' });
  }
  /** The focused span's details in the span panel (named in the interface language). */
  focusedSpanDetails(name = 'Focused span details'): Locator {
    return this.page.getByRole('region', { name });
  }

  get status(): Locator {
    return this.page.locator('.status-area');
  }

  labelButton(name: string | RegExp): Locator {
    return this.page.getByRole('group', { name: 'Labels' }).getByRole('button', { name });
  }

  documentButton(title: string | RegExp): Locator {
    return this.documentList.getByRole('button', { name: title });
  }

  /** The document list's filter by a source attributed in the document. */
  get sourceFilter(): Locator {
    return this.documentList.getByRole('combobox', { name: 'Filter by source attributed' });
  }

  /** The buttons of the documents the list shows (the list draws only the rows in view). */
  get listedDocuments(): Locator {
    return this.documentList.getByRole('list', { name: 'Document list' }).getByRole('button');
  }

  get exportDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Export dataset' });
  }

  /** Opens the export dialog from the toolbar. */
  async openExportDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Export dataset…' }).click();
    await expect(this.exportDialog).toBeVisible();
    return this.exportDialog;
  }

  /** A running export's progress (in the export dialog while it is open, else in the window). */
  get exportProgress(): Locator {
    return this.page.getByRole('group', { name: 'Export' });
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Import \d+ files?/ });
  }

  /** Chooses files in the browser's file chooser after clicking "Open files…", then confirms the import dialog. */
  async openFiles(paths: string[], options: { confirm?: boolean } = {}): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.openButton.click();
    await (await chooser).setFiles(paths);
    await expect(this.importDialog).toBeVisible();
    if (options.confirm ?? true) await this.confirmImport();
  }

  /**
   * The same in another interface language: `names` are the accessible names there of the open
   * button, the import dialog, its import button and the import's progress bar; `beforeImport`
   * looks at the import dialog before its import button is clicked.
   */
  async openFilesNamed(paths: string[], names: { open: string; dialog: RegExp; importButton: RegExp; progress: string }, options: { beforeImport?: (dialog: Locator) => Promise<void> } = {}): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: names.open }).click();
    await (await chooser).setFiles(paths);
    const dialog = this.page.getByRole('dialog', { name: names.dialog });
    await expect(dialog).toBeVisible();
    await options.beforeImport?.(dialog);
    await dialog.getByRole('button', { name: names.importButton }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('progressbar', { name: names.progress })).toHaveCount(0, { timeout: 30_000 });
  }

  /** Clicks "Import N files" in the import dialog and waits for the import to finish. */
  async confirmImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: /^Import \d+ files?$/ }).click();
    await expect(this.importDialog).toBeHidden();
    await expect(this.page.getByRole('progressbar', { name: 'Import progress' })).toHaveCount(0, { timeout: 30_000 });
  }

  /** The toolbar button naming the open corpus ("Corpus: NAME"). */
  get corpusButton(): Locator {
    return this.toolbar.getByRole('button', { name: /^Corpus: / });
  }
  get corpusDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Corpora' });
  }
  get datasetDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import dataset' });
  }
  /** The dataset dialog's list of skipped and repaired lines. */
  get importReport(): Locator {
    return this.datasetDialog.getByRole('region', { name: 'Import report' });
  }
  get mergePreview(): Locator {
    return this.datasetDialog.getByRole('region', { name: 'Merge preview' });
  }

  /**
   * Clicks "Import dataset…" and chooses files (paths, or named buffers); the dataset dialog
   * opens. `names`: the toolbar's, the button's and the dialog's names in another interface language.
   */
  async chooseDataset(
    files: string[] | Array<{ name: string; mimeType: string; buffer: Buffer }>,
    names: { toolbar: string; button: string; dialog: string } = { toolbar: 'Main toolbar', button: 'Import dataset…', dialog: 'Import dataset' },
  ): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('toolbar', { name: names.toolbar }).getByRole('button', { name: names.button }).click();
    await (await chooser).setFiles(files);
    await expect(this.page.getByRole('dialog', { name: names.dialog })).toBeVisible();
  }

  /** Imports the staged dataset into a new corpus and waits until that corpus is open. */
  async importIntoNewCorpus(name: string): Promise<void> {
    await this.datasetDialog.getByRole('textbox', { name: 'New corpus name' }).fill(name);
    await this.datasetDialog.getByRole('button', { name: 'Import into new corpus' }).click();
    // A large dataset is written whole before the dialog closes.
    await expect(this.datasetDialog).toBeHidden({ timeout: 30_000 });
    await expect(this.corpusButton).toHaveAccessibleName(exactly(`Corpus: ${name}`));
  }

  /** Opens the corpus dialog and opens the corpus named `name`. */
  async switchCorpus(name: string): Promise<void> {
    await this.corpusButton.click();
    await expect(this.corpusDialog).toBeVisible();
    await this.corpusDialog.getByRole('button', { name: `Open ${name}` }).click();
    await expect(this.corpusDialog).toBeHidden();
    await expect(this.corpusButton).toHaveAccessibleName(exactly(`Corpus: ${name}`));
  }

  async openDocument(title: string | RegExp): Promise<void> {
    await this.documentButton(title).click();
    await expect(this.article).toBeVisible();
  }

  /** Selects the n-th occurrence of `quote` in the article text, as a user's mouse selection would. */
  async selectText(quote: string, occurrence = 0): Promise<void> {
    await this.article.evaluate(
      (root, { quote, occurrence }) => {
        let seen = 0;
        for (const p of root.querySelectorAll('p')) {
          const node = p.firstChild;
          const text = node?.textContent ?? '';
          let from = 0;
          for (;;) {
            const index = text.indexOf(quote, from);
            if (index < 0) break;
            if (seen++ === occurrence) {
              (root as HTMLElement).focus();
              document.getSelection()!.setBaseAndExtent(node!, index, node!, index + quote.length);
              return;
            }
            from = index + 1;
          }
        }
        throw new Error(`“${quote}” is not in the article`);
      },
      { quote, occurrence },
    );
  }

  /** Selects the n-th occurrence of `quote` and presses a label key (without waiting for the span to show). */
  async mark(quote: string, key: string, occurrence = 0): Promise<void> {
    await this.selectText(quote, occurrence);
    await this.page.keyboard.press(key);
  }

  /** Puts the caret just before `quote` (like a click there). */
  async placeCaretBefore(quote: string): Promise<void> {
    await this.article.evaluate((root, quote) => {
      for (const p of root.querySelectorAll('p')) {
        const node = p.firstChild;
        const index = node?.textContent?.indexOf(quote) ?? -1;
        if (index >= 0) {
          (root as HTMLElement).focus();
          document.getSelection()!.collapse(node!, index);
          return;
        }
      }
      throw new Error(`“${quote}” is not in the article`);
    }, quote);
  }

  /**
   * Selects from one screen point to another as a pointer would: the browser's caret
   * position under each point becomes the selection's anchor and focus.
   */
  async selectBetweenPoints(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    await this.article.evaluate(
      (root, { from, to }) => {
        const a = document.caretPositionFromPoint(from.x, from.y);
        const f = document.caretPositionFromPoint(to.x, to.y);
        if (!a || !f) throw new Error('No text under the points');
        (root as HTMLElement).focus();
        document.getSelection()!.setBaseAndExtent(a.offsetNode, a.offset, f.offsetNode, f.offset);
      },
      { from, to },
    );
  }

  /** The selected text, as the browser reports it. */
  async selectedText(): Promise<string> {
    return this.page.evaluate(() => document.getSelection()?.toString() ?? '');
  }

  /**
   * The texts painted by the highlights of one label (CSS Custom Highlight API), at every
   * nesting level (`isnad-PER`, and `isnad--1-PER`, `isnad--2-PER` for nested spans).
   */
  async highlightedTexts(label: string): Promise<string[]> {
    const byName = await this.highlights();
    return Object.entries(byName)
      .filter(([name]) => name === `isnad-${label}` || new RegExp(`^isnad--\\d-${label}$`).test(name))
      .flatMap(([, texts]) => texts);
  }

  /** Every Isnad highlight by name, with the texts of its ranges. */
  async highlights(): Promise<Record<string, string[]>> {
    return this.page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return Object.fromEntries([...registry].filter(([name]) => name.startsWith('isnad-')).map(([name, ranges]) => [name, [...ranges].map((range) => range.toString())]));
    });
  }

  /** The article paragraph holding `text`. */
  paragraph(text: string): Locator {
    return this.article.locator('p', { hasText: text });
  }

  /** The open article's count of search matches ("N matches for “query”"). */
  get matchStatus(): Locator {
    return this.page.getByRole('main').getByRole('status');
  }

  /** The line under the search box saying how many documents the list shows. */
  get listStatus(): Locator {
    return this.page.getByRole('search').getByRole('status');
  }

  /** The screen shown instead of the app after an error (with a Reload button). */
  get crashScreen(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Isnad stopped because of an error' }) });
  }

  /** How many ranges the search highlight registers (only those near the view are). */
  async searchRangeCount(): Promise<number> {
    return this.highlightRangeCount('isnad-search');
  }

  /** How many ranges the article's highlight of that name (`isnad-search`, `isnad-suggestion`…) has registered. */
  async highlightRangeCount(name: string): Promise<number> {
    return this.page.evaluate((name) => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name)?.size ?? 0, name);
  }

  /** How many search-highlight ranges lie inside the article's last paragraph. */
  async searchRangesInLastParagraph(): Promise<number> {
    return this.highlightRangesInLastParagraph('isnad-search');
  }

  /** How many ranges of the highlight `name` lie inside the article's last paragraph. */
  async highlightRangesInLastParagraph(name: string): Promise<number> {
    return this.page.evaluate((name) => {
      const ranges = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? new Set<Range>();
      const paragraphs = document.querySelectorAll('.article-text [data-start]');
      const last = paragraphs[paragraphs.length - 1];
      return [...ranges].filter((range) => !!last && last.contains(range.startContainer)).length;
    }, name);
  }

  /**
   * How far the window itself could be scrolled, in pixels (its content's height beyond the
   * viewport, and where it is scrolled to): 0 and 0 while everything stays inside the app's
   * own scrolling panes, as it should.
   */
  async windowOverflow(): Promise<{ beyond: number; scrolled: number }> {
    return this.page.evaluate(() => {
      const root = document.scrollingElement!;
      return { beyond: root.scrollHeight - root.clientHeight, scrolled: root.scrollTop };
    });
  }

  /** Scrolls the article's pane to its end. */
  async scrollArticleToEnd(): Promise<void> {
    await this.article.evaluate((article) => {
      const pane = article.closest('.article-pane');
      if (pane) pane.scrollTop = pane.scrollHeight;
    });
  }

  /** The search box of the document list (the app's own search, also highlighted in the article). */
  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search documents' });
  }

  /** The logical offsets of the current selection in the article ({anchor, focus}), or null. */
  async selectionOffsets(): Promise<{ anchor: number; focus: number } | null> {
    return this.article.evaluate((root) => {
      const selection = document.getSelection();
      const offsetOf = (node: Node | null, offset: number): number | null => {
        const p = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('[data-start]');
        return p && root.contains(p) ? Number(p.dataset.start) + offset : null;
      };
      if (!selection || selection.rangeCount === 0) return null;
      const anchor = offsetOf(selection.anchorNode, selection.anchorOffset);
      const focus = offsetOf(selection.focusNode, selection.focusOffset);
      return anchor === null || focus === null ? null : { anchor, focus };
    });
  }

  /** The text of the open document (the article's paragraphs, with their offsets). */
  async paragraphText(contains: string): Promise<{ start: number; text: string }> {
    return this.article.evaluate((root, contains) => {
      for (const p of root.querySelectorAll<HTMLElement>('[data-start]')) {
        const text = p.textContent ?? '';
        if (text.includes(contains)) return { start: Number(p.dataset.start), text };
      }
      throw new Error(`no paragraph holds “${contains}”`);
    }, contains);
  }

  /** Presses keys one after another (Playwright names: "Shift+ArrowLeft", "Control+k"). */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** The drawn text caret (decorative and hidden from assistive technology, so found by test id). */
  get caret(): Locator {
    return this.page.getByTestId('text-caret');
  }

  /** Whether the caret's canvas is painted now (it blinks by drawing and clearing itself). */
  async caretPainted(): Promise<boolean> {
    return (await this.caretColour()) !== null;
  }

  /** The colour of the caret's painted pixels (`rgb(r, g, b)`), or null while it is cleared. */
  async caretColour(): Promise<string | null> {
    return this.caret.evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3]! > 0) return `rgb(${pixels[i]}, ${pixels[i + 1]}, ${pixels[i + 2]})`;
      return null;
    });
  }

  /** How many CSS animations and transitions are running in the page (each restyles it every frame). */
  async runningAnimations(): Promise<number> {
    return this.page.evaluate(() => document.getAnimations().filter((animation) => animation.playState === 'running').length);
  }

  /** A drag handle on an edge of the focused span (decorative; the keyboard does the same with [ and ]). */
  spanHandle(edge: 'start' | 'end'): Locator {
    return this.page.locator(`.span-handle[data-edge="${edge}"]`);
  }

  /** The viewport box of `quote` (its n-th occurrence) in the article, for mouse tests. */
  async textBox(quote: string, occurrence = 0): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.article.evaluate(
      (root, { quote, occurrence }) => {
        let seen = 0;
        for (const p of root.querySelectorAll('p')) {
          const node = p.firstChild;
          const text = node?.textContent ?? '';
          for (let index = text.indexOf(quote); index >= 0; index = text.indexOf(quote, index + 1)) {
            if (seen++ !== occurrence) continue;
            const range = document.createRange();
            range.setStart(node!, index);
            range.setEnd(node!, index + quote.length);
            const rect = range.getBoundingClientRect();
            return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
          }
        }
        throw new Error(`“${quote}” is not in the article`);
      },
      { quote, occurrence },
    );
  }

  get commandPalette(): Locator {
    return this.palette().dialog;
  }
  get commandSearch(): Locator {
    return this.palette().search;
  }
  /** The command palette, its search box and its options, by their names in the interface language. */
  palette(language: 'en' | 'ar' = 'en'): { dialog: Locator; search: Locator; options: Locator } {
    const names = PALETTE_NAMES[language];
    const dialog = this.page.getByRole('dialog', { name: names.dialog });
    return { dialog, search: dialog.getByRole('combobox', { name: names.search }), options: dialog.getByRole('listbox', { name: names.list }).getByRole('option') };
  }
  get shortcutsSheet(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }
  /** The keyboard and mouse section of the settings view. */
  get keyboardSettings(): Locator {
    return this.page.getByRole('region', { name: 'Keyboard and mouse' });
  }

  /** The keys the cheat sheet lists for an action (as shown, e.g. ["N"]). */
  async shortcutKeys(actionTitle: string): Promise<string[]> {
    const row = this.shortcutsSheet.getByRole('row', { name: new RegExp(`^${actionTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    await expect(row).toBeVisible();
    return row.locator('kbd').allTextContents();
  }

  /** In the keyboard settings: unfolds the shortcut list (folded by default). */
  async showShortcutList(): Promise<void> {
    const change = this.keyboardSettings.getByRole('button', { name: /^Change the shortcut of/ }).first();
    if (!(await change.isVisible())) await this.keyboardSettings.getByText('Shortcuts', { exact: true }).click();
    await expect(change).toBeVisible();
  }

  /** In the keyboard settings: records `keys` as the new shortcut of an action. */
  async rebind(actionTitle: string, keys: string): Promise<void> {
    await this.showShortcutList();
    await this.keyboardSettings.getByRole('button', { name: `Change the shortcut of ${actionTitle}` }).click();
    await this.page.keyboard.press(keys);
  }

  /** Span entries in the span panel (accessible names like "PER — Person: روسيا"). */
  spanItems(): Locator {
    return this.spanPanel.getByRole('listitem');
  }

  /** The spans of the open document as "LABEL:quote" (e.g. "LOC:دمشق"), in list order. */
  async spanNames(): Promise<string[]> {
    const names = await this.spanPanel.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    return names.map((name) => withoutIsolates(name).replace(/^([A-Z]+) — [^:]+: /, '$1:'));
  }

  /** How many documents the corpus has (the count in the document list's heading). */
  async documentCount(): Promise<number> {
    const text = (await this.documentList.getByRole('heading').first().textContent()) ?? '';
    return Number(/\(([\d,]+)\)\s*$/.exec(text)?.[1]?.replace(/,/g, '') ?? Number.NaN);
  }

  /** A span's button in the span panel, by its accessible name (e.g. "LOC — Location: حماة", the quote's isolation marks aside). */
  spanItem(name: string | RegExp): Locator {
    return this.spanPanel.getByRole('button', { name: typeof name === 'string' ? isolatable(name) : name });
  }

  /** The title field of the open document's details (open them first with {@link openDocumentDetails}). */
  get titleField(): Locator {
    return this.page.getByRole('form', { name: 'Document details' }).getByRole('textbox', { name: 'Title' });
  }

  /** Opens the open document's "Document details" and returns its form (title, outlet, URL, date). */
  async openDocumentDetails(): Promise<Locator> {
    const form = this.page.getByRole('form', { name: 'Document details' });
    if (!(await form.isVisible())) await this.page.getByText('Document details', { exact: true }).click();
    await expect(form).toBeVisible();
    return form;
  }

  /** Clicks Export and returns the downloaded file and its parsed JSON. */
  async exportJson(): Promise<{ download: Download; json: ExportedFile }> {
    const downloadPromise = this.page.waitForEvent('download');
    await this.exportButton.click();
    const download = await downloadPromise;
    const path = await download.path();
    const json = JSON.parse(await readFile(path, 'utf8')) as ExportedFile;
    return { download, json };
  }
}

/** The parts of a native export the tests read. */
export interface ExportedFile {
  format: string;
  formatVersion: number;
  offsetUnit: 'codepoint' | 'utf16';
  schema: { labels: Array<{ id: string; name: string }> };
  documents: Array<{
    id: string;
    title: string;
    text: string;
    meta: { encoding: string; sha256: string; fileName?: string };
    spans: Array<{ start: number; end: number; label: string; text: string }>;
  }>;
}
