/**
 * Texts made in shared/ speak the interface language (issue 6): in Arabic, refused files are
 * reported in Arabic with their Latin names isolated in the right-to-left sentence, and undo
 * names the change in Arabic, and the dataset dialog says what a reader repaired or skipped in
 * Arabic, as it says why a dataset file could not be read at all (a native file whose span does
 * not read its quoted text included). The screenshots of the
 * reports are looked at for the bidi order.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { IsnadPage } from './pages/isnad-page';

const SHOTS = 'test-results/screenshots';
/** Text as the user reads it: without the invisible isolation marks around file names. */
const visible = (text: string | null): string => (text ?? '').replace(/[\u2066-\u2069]/g, '');

/**
 * Picks `file` in the Arabic dataset import dialog, which refuses it as a whole: the dialog,
 * its alert (once it starts with `heading`) and the one problem the alert lists.
 */
async function refusedDataset(page: Page, file: string, heading: string): Promise<{ dialog: Locator; problem: Locator }> {
  const isnad = new IsnadPage(page);
  await page.goto('/');
  await expect(page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' })).toBeVisible();
  await isnad.chooseDataset([file], { toolbar: 'شريط الأدوات الرئيسي', button: 'استيراد مجموعة بيانات…', dialog: 'استيراد مجموعة بيانات' });
  const dialog = page.getByRole('dialog', { name: 'استيراد مجموعة بيانات' });
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText(heading);
  const problem = refusal.getByRole('listitem');
  await expect(problem).toHaveCount(1);
  return { dialog, problem };
}

test.describe('in Arabic', () => {
  test.use({ locale: 'ar-EG', deviceScaleFactor: 2 });

  test('a refused file is reported in Arabic, and undo names the change in Arabic', async ({ page }) => {
    await mkdir(SHOTS, { recursive: true });
    const folder = await mkdtemp(join(tmpdir(), 'isnad-ar-'));
    const binary = join(folder, 'scan-2019 (copy).dat');
    const empty = join(folder, 'empty.txt');
    await writeFile(binary, Uint8Array.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 0, 0, 0, 1, 2, 3, 4, 0, 0, 9, 0]));
    await writeFile(empty, '');

    const isnad = new IsnadPage(page);
    await page.goto('/');
    await expect(page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' })).toBeVisible();
    await isnad.openFilesNamed([binary, empty], { open: 'فتح ملفات…', dialog: /^استيراد ملفين$/, importButton: /^استيراد ملفين$/, progress: 'تقدُّم الاستيراد' });

    const report = page.getByRole('alert');
    await expect(report).toContainText('لم يُستورد شيء.');
    await expect(report).toContainText('رُفض ملفان.');
    const lines = (await report.getByRole('listitem').allTextContents()).map(visible);
    expect(lines).toEqual(expect.arrayContaining(['الملف «scan-2019 (copy).dat» ليس ملفًا نصيًا (فيه بيانات ثنائية).', 'الملف «empty.txt» فارغ (لا نص فيه).']));
    // Each line reads right to left, the Latin name kept whole inside the guillemets.
    const first = report.getByRole('listitem').first();
    expect(await first.evaluate((li) => getComputedStyle(li).direction)).toBe('rtl');
    await report.screenshot({ path: `${SHOTS}/import-report-arabic.png`, animations: 'disabled' });

    // A refused command says why in Arabic: the sample article already has أنقرة as LOC.
    await isnad.mark('أنقرة', '3');
    await expect(page.getByRole('alert')).toHaveText(/^هذا النص موسوم بالفعل بالوسم \u2068LOC\u2069\.$/);

    // Mark a word with a label key, then undo: the button and the notice name the change in Arabic.
    await isnad.mark('نظيره', '1');
    const undo = page.getByRole('button', { name: /^تراجع: / });
    await expect(undo).toHaveAccessibleName(/^تراجع: إضافة مقطع \u2068?PER\u2069?$/);
    await undo.click();
    await expect(page.getByRole('status').filter({ hasText: 'تم التراجع عن' })).toHaveText(/^تم التراجع عن: إضافة مقطع \u2068PER\u2069\.$/);
    await page.locator('.status-area').screenshot({ path: `${SHOTS}/undo-arabic.png`, animations: 'disabled' });
  });

  test('key combinations in the focused span’s hint and in the status line read left to right in Arabic; Enter says what it does for that span', async ({ page }) => {
    const isnad = new IsnadPage(page);
    await page.goto('/');
    await expect(page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' })).toBeVisible();

    // A new PER span takes the focus: its details show the keys bound now, as left-to-right key caps.
    await isnad.mark('نظيره', '1');
    const details = isnad.focusedSpanDetails('تفاصيل المقطع النشط');
    await expect(details).toBeVisible();
    const hint = details.locator('.hint');
    await expect(hint.locator('kbd')).toHaveText(['[', ']', 'Shift+[', 'Shift+]', 'Alt+[', 'Alt+]', 'Alt+Shift+[', 'Alt+Shift+]', 'Delete', 'Enter']);
    for (const cap of await hint.locator('kbd').all()) expect(await cap.evaluate((kbd) => getComputedStyle(kbd).direction)).toBe('ltr');
    // "Shift+[" is laid out with Shift on the left, not mirrored into "[+Shift".
    const shift = hint.locator('kbd', { hasText: /^Shift\+\[$/ });
    const box = await shift.boundingBox();
    const range = await shift.evaluate((kbd) => {
      const text = kbd.firstChild!;
      const at = (i: number): number => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect().left;
      };
      return { shift: at(0), bracket: at(6) };
    });
    expect(box).not.toBeNull();
    expect(range.shift).toBeLessThan(range.bracket);
    // Enter on an entity shows its details; the hint says so, not "open the claim".
    await expect(hint).toHaveText(/في النص يعرض هذه التفاصيل$/);
    await expect(hint).not.toContainText('الادعاء');
    await details.screenshot({ path: `${SHOTS}/focused-span-hint-arabic.png`, animations: 'disabled' });

    // Enter: the status line names the resize and delete keys as isolated left-to-right runs.
    await isnad.article.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'مفتاح الوسم يعيد وسمه' })).toHaveText(/و\u2066\[\u2069 و\u2066\]\u2069 تغيّران طرفيه، و\u2066Delete\u2069 يحذفه\.$/);
    const line = await isnad.status.getByRole('status').locator('p').evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const box = range.getBoundingClientRect();
      return { x: box.x - 4, y: box.y - 4, width: box.width + 8, height: box.height + 8 };
    });
    await page.screenshot({ path: `${SHOTS}/span-details-notice-arabic.png`, clip: line, animations: 'disabled' });

    // A claim: Enter opens its attributes.
    await isnad.mark('لبحث الوضع في محافظة إدلب', '5');
    await expect(isnad.focusedSpanDetails('تفاصيل المقطع النشط').locator('.hint')).toHaveText(/فتح سمات الادعاء$/);
  });

  test('sizes and broken JSON are said in Arabic: the import dialog, its report and the dataset dialog', async ({ page }) => {
    const REVIEW = process.env.REVIEW_SHOTS ?? SHOTS;
    await mkdir(REVIEW, { recursive: true });
    const folder = await mkdtemp(join(tmpdir(), 'isnad-ar-'));
    const binary = join(folder, 'scan.dat');
    const broken = join(folder, 'broken.json');
    const feed = join(folder, 'feed.jsonl');
    await writeFile(binary, Uint8Array.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 0, 0, 0, 1, 2, 3, 4, 0, 0, 9, 0]));
    await writeFile(broken, '[{"text": "خبر", "title": "عنوان}]');
    await writeFile(feed, '{"text": "خبر أول"}\n{"text": "خبر ثان\n');
    const ENGINE_WORDS = /Unexpected|Unterminated|Expected|position|bytes/u;

    const isnad = new IsnadPage(page);
    await page.goto('/');
    await expect(page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' })).toBeVisible();
    await isnad.openFilesNamed([binary, broken, feed], { open: 'فتح ملفات…', dialog: /^استيراد 3 ملفات$/, importButton: /^استيراد 3 ملفات$/, progress: 'تقدُّم الاستيراد' }, {
      beforeImport: async (dialog) => {
        const row = dialog.getByRole('row').filter({ hasText: 'scan.dat' });
        await expect(row.getByRole('cell').nth(1)).toHaveText('20 بايتًا');
        await dialog.screenshot({ path: `${REVIEW}/import-dialog-arabic-sizes.png`, animations: 'disabled' });
      },
    });
    // One article was imported, so the report is a status, not an alert.
    const report = page.getByRole('status').filter({ hasText: 'رُفض ملفان.' });
    await expect(report).toContainText('استُورد مستند واحد.');
    const lines = (await report.getByRole('listitem').allTextContents()).map(visible);
    expect(lines).toEqual(expect.arrayContaining(['الملف «scan.dat» ليس ملفًا نصيًا (فيه بيانات ثنائية).', 'الملف «broken.json» ليس JSON صالحًا: السطر 1، العمود 27: سلسلة نصية لا تُغلق.']));
    expect(lines.find((l) => l.includes('feed.jsonl'))).toContain('السطر 2: ليس JSON صالحًا (العمود 10: سلسلة نصية لا تُغلق)');
    for (const line of lines) expect(line).not.toMatch(ENGINE_WORDS);
    await report.screenshot({ path: `${REVIEW}/import-report-arabic-json.png`, animations: 'disabled' });

    // Import dataset…: a skipped JSON Lines line says its line once and the column in it.
    const records = join(folder, 'records.jsonl');
    await writeFile(records, `${JSON.stringify({ text: 'نص الخبر', entities: [], offsetUnit: 'codepoint' })}\n{not json\n`);
    await isnad.chooseDataset([records], { toolbar: 'شريط الأدوات الرئيسي', button: 'استيراد مجموعة بيانات…', dialog: 'استيراد مجموعة بيانات' });
    const dialog = page.getByRole('dialog', { name: 'استيراد مجموعة بيانات' });
    const skipped = dialog.getByRole('region', { name: 'تقرير الاستيراد' }).getByRole('listitem');
    await expect(skipped).toHaveCount(1);
    expect(visible(await skipped.textContent())).toBe("records.jsonl، السطر 2 — تُرك: ليس JSON صالحًا عند العمود 2 (وُجد 'n' حيث ينبغي أن يكون اسم خاصية بين علامتي تنصيص مزدوجتين): {not json");
    await dialog.screenshot({ path: `${REVIEW}/dataset-report-arabic-jsonl.png`, animations: 'disabled' });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('Import dataset… refuses a binary file and a broken JSON file as Open files… does, in Arabic', async ({ page }) => {
    const REVIEW = process.env.REVIEW_SHOTS ?? SHOTS;
    await mkdir(REVIEW, { recursive: true });
    const folder = await mkdtemp(join(tmpdir(), 'isnad-ar-'));
    const binary = join(folder, 'scan.dat');
    await writeFile(binary, Uint8Array.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 0, 0, 0, 1, 2, 3, 4, 0, 0, 9, 0]));
    const first = await refusedDataset(page, binary, 'لا يمكن استيراد شيء من هذا الملف.');
    expect(visible(await first.problem.textContent())).toBe('الملف «scan.dat» ليس ملفًا نصيًا (فيه بيانات ثنائية).');
    // Nothing was read: no file list, and no format to read it as instead.
    await expect(first.dialog.getByRole('combobox')).toHaveCount(0);
    await expect(first.dialog).not.toContainText('لا ملفات');
    await first.dialog.screenshot({ path: `${REVIEW}/dataset-refusal-arabic-binary.png`, animations: 'disabled' });

    const broken = join(folder, 'review.json');
    await writeFile(broken, '{"text": "خبر", "label": [[0, 3, "LOC"]], "x": }');
    const second = await refusedDataset(page, broken, 'لا يمكن استيراد شيء من هذا الملف.');
    expect(visible(await second.problem.textContent())).toBe("الملف «review.json» ليس JSON صالحًا: السطر 1، العمود 48: وُجد '}' حيث ينبغي أن تكون قيمة.");
    await second.dialog.screenshot({ path: `${REVIEW}/dataset-refusal-arabic-json.png`, animations: 'disabled' });
  });

  test('the dataset dialog reports what the CoNLL reader repaired and skipped in Arabic', async ({ page }) => {
    await mkdir(SHOTS, { recursive: true });
    const folder = await mkdtemp(join(tmpdir(), 'isnad-ar-'));
    const file = join(folder, 'messy-news.conll');
    const lines = ['قال O', 'المتحدث B-PER', 'باسم X-ORG', 'Reuters B-ORG', 'AFP news B-ORG', '', 'الخبر O', 'الأمم I-ORG', ' O', ''];
    await writeFile(file, lines.join('\n'));

    const isnad = new IsnadPage(page);
    await page.goto('/');
    await expect(page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' })).toBeVisible();
    await isnad.chooseDataset([file], { toolbar: 'شريط الأدوات الرئيسي', button: 'استيراد مجموعة بيانات…', dialog: 'استيراد مجموعة بيانات' });
    const dialog = page.getByRole('dialog', { name: 'استيراد مجموعة بيانات' });
    const report = dialog.getByRole('region', { name: 'تقرير الاستيراد' });
    const items = report.getByRole('listitem');
    await expect(items).toHaveCount(4);
    const said = (await items.allTextContents()).map(visible);
    expect(said).toEqual([
      'messy-news.conll، السطر 3 — صُحِّح: «X-ORG» ليس وسم BIO: قُرئت الوحدة اللفظية «باسم» بالوسم O.',
      'messy-news.conll، السطر 5 — تُرك: عدد الأعمدة المتوقع 2 والموجود 3 («AFP news B-ORG»): تُرك السطر.',
      'messy-news.conll، السطر 8 — صُحِّح: الوسم I-ORG لا يسبقه B-ORG: قُرئ بداية لقطعة ORG.',
      'messy-news.conll، السطر 9 — تُرك: وحدة لفظية فارغة: تُرك السطر.',
    ]);
    // The note runs right to left even where it holds Latin tokens; the tokens are isolated runs.
    const columns = items.filter({ hasText: 'AFP news B-ORG' });
    expect(await columns.evaluate((li) => getComputedStyle(li).direction)).toBe('rtl');
    expect(await columns.locator('bdi').last().getAttribute('dir')).toBe('rtl');
    await report.screenshot({ path: `${SHOTS}/dataset-report-arabic.png`, animations: 'disabled' });
    await columns.screenshot({ path: `${SHOTS}/dataset-report-arabic-columns.png`, animations: 'disabled' });
  });

  test('a dataset file refused as a whole says why in Arabic, its name whole', async ({ page }) => {
    await mkdir(SHOTS, { recursive: true });
    const folder = await mkdtemp(join(tmpdir(), 'isnad-ar-'));
    const file = join(folder, 'field notes (v2).dat');
    await writeFile(file, 'plain words, not a dataset\n');

    const { dialog, problem } = await refusedDataset(page, file, 'لا يمكن استيراد شيء من هذا الملف.');
    expect(visible(await problem.textContent())).toBe('تعذّر التعرّف على صيغة الملف «field notes (v2).dat»؛ اخترها من القائمة.');
    // The sentence runs right to left; the Latin file name, brackets included, is one isolated run.
    expect(await problem.evaluate((li) => getComputedStyle(li).direction)).toBe('rtl');
    expect(await problem.textContent()).toContain('\u2068field notes (v2).dat\u2069');
    await dialog.screenshot({ path: `${SHOTS}/dataset-refusal-arabic.png`, animations: 'disabled' });
  });

  test('a native file whose span does not read its quote is refused in Arabic, ids and quotes isolated', async ({ page }) => {
    await mkdir(SHOTS, { recursive: true });
    const folder = await mkdtemp(join(tmpdir(), 'isnad-ar-'));
    const file = join(folder, 'news (edited).isnad.json');
    const text = 'قال المتحدث باسم Reuters أمس';
    const at = '2026-01-01T00:00:00.000Z';
    // Edited by hand: the span starts one letter late, so it reads لمتحدث where it quotes المتحدث.
    const native = {
      format: 'isnad-corpus',
      formatVersion: 2,
      offsetUnit: 'codepoint',
      exportedAt: at,
      generator: 'hand',
      corpus: { id: 'c1', name: 'أخبار', createdAt: at },
      schema: { labels: [{ id: 'PER', name: 'Person', kind: 'entity', colour: '#f4a261', hotkey: '1' }], allowCrossing: 'never' },
      registry: [],
      documents: [
        {
          id: 'd1',
          title: 'خبر اليوم',
          status: 'todo',
          order: 0,
          text,
          meta: { origin: 'file', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'none', importedAt: at, sha256: createHash('sha256').update(text).digest('hex') },
          spans: [{ id: 's1', start: 5, end: 11, label: 'PER', text: 'المتحدث', annotator: 'me', createdAt: at }],
          attributions: [],
        },
      ],
    };
    await writeFile(file, JSON.stringify(native));

    const { dialog, problem } = await refusedDataset(page, file, 'لا يمكن استيراد شيء من هذا الملف على أنه صيغة إسناد الأصلية JSON (دون فقدان).');
    expect(visible(await problem.textContent())).toBe('news (edited).isnad.json: المستند «خبر اليوم» (d1): المقطع s1 \u200f[5, 11) بحساب نقاط رموز يُقرأ «لمتحدث» لكنه يقتبس «المتحدث».');
    expect(await problem.evaluate((li) => getComputedStyle(li).direction)).toBe('rtl');
    // The file name, the ids and both quotes are each one isolated run.
    for (const value of ['news (edited).isnad.json', 'd1', 's1', 'لمتحدث', 'المتحدث']) expect(await problem.textContent()).toContain(`\u2068${value}\u2069`);
    await dialog.screenshot({ path: `${SHOTS}/native-refusal-arabic.png`, animations: 'disabled' });
  });

  test('rejected suggestions can be brought back, and both are undone by name, in Arabic', async ({ page }) => {
    await mkdir(SHOTS, { recursive: true });
    await page.goto('/');
    await page.getByRole('navigation', { name: 'المستندات' }).getByRole('button', { name: /موسكو تعلن عن محادثات جديدة/ }).click();
    const article = page.getByRole('article');
    await article.focus();
    await page.keyboard.press('g');
    const panel = page.getByRole('region', { name: 'الاقتراحات' });
    await expect(panel).toBeVisible();
    await page.keyboard.press('.');
    const focused = panel.locator('.suggestion.focused .suggestion-main');
    const rejected = await focused.getAttribute('aria-label');
    // Why it is suggested, in Arabic: only the registry's and the article's words stay as they are, isolated.
    const reason = (await focused.getAttribute('title')) ?? '';
    expect(reason).toMatch(/[\u0600-\u06ff]/u);
    expect(reason.replace(/\u2068[^\u2068\u2069]*\u2069/gu, '')).not.toMatch(/[A-Za-z]/u);
    await expect(panel.getByText(reason, { exact: true })).toBeVisible();
    await page.keyboard.press('x');
    await expect(panel.getByRole('button', { name: rejected! })).toHaveCount(0);
    const bringBack = panel.getByRole('button', { name: 'إعادة اقتراح مرفوض' });
    await expect(bringBack).toBeVisible();
    await panel.screenshot({ path: `${SHOTS}/suggestions-bring-back-arabic.png`, animations: 'disabled' });
    await bringBack.click();
    await expect(panel.getByRole('button', { name: rejected! })).toHaveCount(1);
    await expect(bringBack).toHaveCount(0);
    // Both are undoable, and undo names them in Arabic.
    await page.getByRole('article').focus();
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('status').filter({ hasText: 'تم التراجع عن' })).toHaveText('تم التراجع عن: إعادة اقتراح مرفوض.');
    await expect(panel.getByRole('button', { name: rejected! })).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('status').filter({ hasText: 'تم التراجع عن' })).toHaveText(/^تم التراجع عن: رفض اقتراح ⁨(SOURCE|CUE)⁩ «⁨[^⁩]+⁩»\.$/);
    await expect(panel.getByRole('button', { name: rejected! })).toHaveCount(1);
    await page.locator('.status-area').screenshot({ path: `${SHOTS}/undo-rejection-arabic.png`, animations: 'disabled' });
  });

  test('a registry file that is not one is refused in Arabic, its field and name isolated', async ({ page }) => {
    await mkdir(SHOTS, { recursive: true });
    const wrong = test.info().outputPath('wire (old).json');
    await writeFile(wrong, JSON.stringify({ sources: [{ nameAr: 'س', nameLatin: 'S', kind: 'person', ambiguous: ['ص'] }] }));
    await page.goto('/');
    const toolbar = page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' });
    await toolbar.getByRole('button', { name: 'المصادر', exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('main', { name: 'المصادر' }).getByRole('button', { name: 'استيراد سجل…', exact: true }).click();
    await (await chooser).setFiles([wrong]);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('تعذّر استيراد السجل');
    expect(visible(await alert.textContent())).toContain('wire (old).json: ليس سجل مصادر (الحقل sources[0].ambiguous[0]: «ص» ليس من أسماء هذا المصدر ولا من أسمائه الأخرى)');
    for (const value of ['wire (old).json', 'sources[0].ambiguous[0]', 'ص']) expect(await alert.textContent()).toContain(`\u2068${value}\u2069`);
    await alert.screenshot({ path: `${SHOTS}/registry-refusal-arabic.png`, animations: 'disabled' });
  });

  test('a source is named Arabic first in the undo button and the notice, as the registry lists it', async ({ page }) => {
    await mkdir(SHOTS, { recursive: true });
    await page.goto('/');
    await page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' }).getByRole('button', { name: 'المصادر', exact: true }).click();
    const main = page.getByRole('main', { name: 'المصادر' });
    await main.getByRole('button', { name: /^حذف \u2068?سبوتنيك\u2069? \(\u2068?Sputnik\u2069?\)$/u }).click();
    await expect(page.getByRole('status').filter({ hasText: 'من السجل' })).toHaveText(/^حُذف \u2068?سبوتنيك\u2069? \(\u2068?Sputnik\u2069?\) من السجل/u);
    // The undoable change names it as the registry does: Arabic name first, the Latin one after.
    const undo = page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' }).getByRole('button', { name: /^تراجع/u });
    await expect(undo).toHaveAccessibleName(/^تراجع: حذف المصدر \u2068?سبوتنيك\u2069? \(\u2068?Sputnik\u2069?\)$/u);
    await page.locator('.status-area').screenshot({ path: `${SHOTS}/source-deleted-arabic.png`, animations: 'disabled' });
  });

  test('the snapshot settings agree with the numbers typed in them', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' }).getByRole('button', { name: 'اللقطات', exact: true }).click();
    const form = page.getByRole('main', { name: 'اللقطات' }).getByRole('form', { name: 'إعدادات اللقطات' });
    const every = form.getByRole('spinbutton', { name: 'الدقائق بين لقطتين' });
    const keep = form.getByRole('spinbutton', { name: 'عدد اللقطات المحتفظ بها' });
    const said = async (): Promise<string> => (await form.textContent()) ?? '';
    await every.fill('10');
    await keep.fill('10');
    expect(await said()).toContain('كل  دقائق');
    expect(await said()).toContain('بآخر  لقطات');
    await every.fill('15');
    await keep.fill('2');
    expect(await said()).toContain('كل  دقيقة');
    expect(await said()).toContain('بآخر  لقطتين');
  });
});

/** The search box's placeholder is read whole in a 900 px window; what the search ignores is its description. */
for (const { locale, name, description } of [
  { locale: 'en-GB', name: 'Search documents', description: /^Finds a word however it is written: harakat, tatweel, the hamza forms of alef/ },
  { locale: 'ar-EG', name: 'البحث في المستندات', description: /^يجد الكلمة أيًّا كانت كتابتها: لا يُعتدّ بالحركات/ },
]) {
  test.describe(`the search box (${locale})`, () => {
    test.use({ locale, viewport: { width: 900, height: 700 } });

    test('shows its whole placeholder and describes what it ignores', async ({ page }) => {
      await page.goto('/');
      const search = page.getByRole('searchbox', { name });
      await expect(search).toHaveAccessibleDescription(description);
      const fits = await search.evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text: context.measureText(input.placeholder).width, room };
      });
      expect(fits.text).toBeLessThanOrEqual(fits.room);
    });
  });
}
