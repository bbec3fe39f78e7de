import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { IsnadPage } from './pages/isnad-page';
import { isolatable } from './support/isolates';

test('attribute a claim via a chain by keyboard only, keep it across a reload, export it', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openDocument(/موسكو تعلن عن محادثات جديدة/);
  const panel = page.getByRole('region', { name: 'Attributions in this document' });
  const palette = page.getByRole('dialog', { name: 'Attribute claim' });

  // Keyboard only from here: into the article, Tab to the claim (the 8th span in reading order).
  await isnad.article.focus();
  for (let i = 0; i < 8; i += 1) await page.keyboard.press('Tab');
  await expect(isnad.spanPanel.getByRole('status')).toHaveText(/^Focused span: CLAIM — Claim: \u2068المحادثات ستتناول/u);

  // A → palette; the registry is searched ignoring the article ال and clitics.
  await page.keyboard.press('a');
  await expect(palette).toBeVisible();
  await page.keyboard.type('لنوفوستي');
  await expect(palette.getByRole('listbox', { name: 'Sources' }).getByRole('option').first()).toContainText(isolatable('In the text: «وكالة نوفوستي» → RIA Novosti'));
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(panel).toContainText(isolatable('claim ← RIA Novosti (وكالة نوفوستي)'));
  // The status line confirms the attribution.
  await expect(isnad.status).toContainText(isolatable('Claim attributed to RIA Novosti (وكالة نوفوستي).'));

  // Second link: the ministry source, via Novosti. Shift+Tab back to "Via", choose, Tab back, search, Enter.
  await page.keyboard.press('a');
  await expect(palette).toBeVisible();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Shift+Tab');
  await expect(palette.getByRole('combobox', { name: 'Via' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Tab');
  await expect(palette.getByRole('combobox', { name: 'Search sources' })).toBeFocused();
  await page.keyboard.type('مصدر في الخارجية');
  await expect(palette.getByRole('listbox', { name: 'Sources' }).getByRole('option').first()).toContainText(isolatable('In the text: «مصدر في الخارجية» (new source)'));
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const chain = 'claim ← مصدر في الخارجية ← via RIA Novosti (وكالة نوفوستي)';
  await expect(panel.getByText(chain)).toBeVisible();
  await expect(isnad.status).toContainText(isolatable('Claim attributed to مصدر في الخارجية, via RIA Novosti (وكالة نوفوستي). مصدر في الخارجية was added to the source registry.'));
  // The chain wraps between its links, never inside a source's name (a name's boxes, one per
  // run of one direction, all on one line).
  const namesBroken = await panel
    .locator('.chain bdi')
    .evaluateAll((names) => names.filter((name) => new Set([...name.getClientRects()].map((box) => Math.round(box.top))).size > 1).map((name) => name.textContent));
  expect(namesBroken).toEqual([]);
  // The document list's source filter now names the sources; however long a name, the filter
  // keeps to the list's width (it widened the column, cutting off titles).
  const list = page.getByRole('navigation', { name: 'Documents' });
  const filter = list.getByRole('combobox', { name: 'Filter by source attributed' });
  await expect(filter.getByRole('option')).toHaveCount(3);
  await filter.evaluate((select) => select.append(new Option('Foreign ministry source in Damascus, speaking on condition of anonymity (مصدر في الخارجية)')));
  expect(await list.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  await filter.evaluate((select) => select.lastElementChild?.remove());

  // Attributes by keyboard from the panel.
  const stance = panel.getByRole('combobox', { name: isolatable('Stance of the attribution to مصدر في الخارجية') });
  await stance.selectOption('asserted');
  // The select shows the stored value: once it reads "asserted", the change is in IndexedDB.
  await expect(stance).toHaveValue('asserted');

  await page.reload();
  await expect(page.getByRole('region', { name: 'Attributions in this document' }).getByText(chain)).toBeVisible();
  await expect(page.getByRole('combobox', { name: isolatable('Stance of the attribution to مصدر في الخارجية') })).toHaveValue('asserted');

  // The document list can be narrowed to the documents citing a source: each link of the chain counts.
  await expect(isnad.sourceFilter.getByRole('option')).toHaveText(['Any source', isolatable('Cites RIA Novosti (وكالة نوفوستي)'), isolatable('Cites مصدر في الخارجية')]);
  const listed = await isnad.listedDocuments.count();
  expect(listed).toBeGreaterThan(1);
  const ministryChoice = await isnad.sourceFilter.getByRole('option', { name: isolatable('Cites مصدر في الخارجية') }).getAttribute('value');
  await isnad.sourceFilter.selectOption(ministryChoice!);
  await expect(isnad.listedDocuments).toHaveCount(1);
  await expect(isnad.listedDocuments.first()).toHaveAccessibleName(isolatable('موسكو تعلن عن محادثات جديدة'));
  await expect(isnad.documentList.getByRole('status')).toHaveText(/^1 of \d+ documents$/);
  await isnad.sourceFilter.selectOption('');
  await expect(isnad.listedDocuments).toHaveCount(listed);

  // Undo and redo cover attributions too.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.getByText(chain)).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByText(chain)).toBeVisible();

  const { json } = await isnad.exportJson();
  const exported = json as unknown as {
    formatVersion: number;
    registry: Array<{ id: string; nameAr: string; nameLatin: string }>;
    documents: Array<{ title: string; spans: Array<{ id: string; text: string }>; attributions: Array<{ id: string; claimSpanId: string; sourceId: string; mentionSpanId?: string; cueSpanId?: string; viaId?: string; stance?: string }> }>;
  };
  expect(exported.formatVersion).toBe(2);
  const doc = exported.documents.find((d) => d.title.startsWith('موسكو تعلن'))!;
  expect(doc.attributions).toHaveLength(2);
  const sourceOf = (id: string) => exported.registry.find((s) => s.id === id)!;
  const spanText = (id: string | undefined) => doc.spans.find((s) => s.id === id)?.text;
  const ministry = doc.attributions.find((a) => sourceOf(a.sourceId).nameAr === 'مصدر في الخارجية')!;
  const novosti = doc.attributions.find((a) => a.id === ministry.viaId)!;
  expect(sourceOf(novosti.sourceId).nameLatin).toBe('RIA Novosti');
  expect(spanText(ministry.claimSpanId)).toBe('المحادثات ستتناول وقف إطلاق النار وفتح الممرات الإنسانية');
  expect(spanText(ministry.mentionSpanId)).toBe('مصدر في الخارجية');
  expect(spanText(novosti.mentionSpanId)).toBe('وكالة نوفوستي');
  expect(spanText(novosti.cueSpanId)).toBe('نقلت');
});

test('suggestions are shown apart, accepted or rejected with one key, ambiguous names with low confidence', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openDocument(/موسكو تعلن عن محادثات جديدة/);
  await isnad.article.focus();
  await page.keyboard.press('g');
  const panel = page.getByRole('region', { name: 'Suggestions' });
  await expect(panel).toBeVisible();
  const qasioun = panel.getByRole('button', { name: /^SOURCE suggestion: \u2068?وكالة قاسيون للأنباء/u });
  await expect(qasioun).toBeVisible();
  // The hint shows its keys as key caps; a suggestion is as wide as its Accept / Reject row.
  await expect(panel.getByText(/accept · .* reject · .* next\/previous/)).toHaveText('Y accept · X reject · . , next/previous · Shift+Y accept all · G hide');
  await expect(panel.locator('.hint kbd')).toHaveText(['Y', 'X', '.', ',', 'Shift+Y', 'G']);
  const item = panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^SOURCE suggestion: \u2068?وكالة قاسيون للأنباء/u }) });
  const [main, accept, reject] = await Promise.all([qasioun.boundingBox(), item.getByRole('button', { name: /^Accept/ }).boundingBox(), item.getByRole('button', { name: /^Reject/ }).boundingBox()]);
  expect(Math.abs(main!.x - accept!.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(main!.x + main!.width - (reject!.x + reject!.width))).toBeLessThanOrEqual(1);
  // Already-marked spans are not proposed again.
  await expect(panel.getByRole('button', { name: /^SOURCE suggestion: \u2068?وكالة نوفوستي/u })).toHaveCount(0);
  const before = await panel.getByRole('listitem').count();

  await qasioun.click();
  await isnad.article.focus();
  await page.keyboard.press('y');
  // The status line confirms what was accepted.
  await expect(isnad.status).toContainText(isolatable('Accepted the SOURCE suggestion: وكالة قاسيون للأنباء.'));
  // The span list below the suggestions draws its rows only while in view.
  await isnad.spanPanel.scrollIntoViewIfNeeded();
  await expect(isnad.spanItem('SOURCE — Source: وكالة قاسيون للأنباء')).toBeVisible();
  await page.keyboard.press('.');
  const focused = panel.locator('.suggestion.focused .suggestion-main');
  const rejectedName = await focused.getAttribute('aria-label');
  await page.keyboard.press('x');
  await expect(panel.getByRole('button', { name: rejectedName! })).toHaveCount(0);
  expect(await panel.getByRole('listitem').count()).toBeLessThan(before);
  // Rejections are remembered for the document.
  await page.reload();
  await isnad.article.focus();
  await page.keyboard.press('g');
  await expect(page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: rejectedName! })).toHaveCount(0);
  // …until they are brought back, which is remembered too.
  await page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: 'Bring back 1 rejected suggestion' }).click();
  await expect(page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: rejectedName! })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: /^Bring back/ })).toHaveCount(0);
  await page.reload();
  await isnad.article.focus();
  await page.keyboard.press('g');
  await expect(page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: rejectedName! })).toHaveCount(1);
  // Rejecting and bringing back are undoable changes like any other, in order, also after a reload.
  await page.keyboard.press('Control+z');
  await expect(isnad.status).toContainText('Undid: Bring back 1 rejected suggestion');
  await expect(page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: rejectedName! })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(isnad.status).toContainText(/Undid: Reject (SOURCE|CUE) suggestion “/);
  await expect(page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: rejectedName! })).toHaveCount(1);
  // The accepted span is still there (highlighted in the article; the span list may be
  // scrolled out of view under the suggestions), until the next undo takes it back.
  expect(await isnad.highlightedTexts('SOURCE')).toContain('وكالة قاسيون للأنباء');
  await page.keyboard.press('Control+z');
  await expect(isnad.status).toContainText('Undid: Accept SOURCE suggestion');
  await expect.poll(() => isnad.highlightedTexts('SOURCE')).not.toContain('وكالة قاسيون للأنباء');

  // قاسيون alone, with no agency context (a headline), is proposed with low confidence;
  // with agency context it is proposed with high confidence.
  await isnad.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
  const suggestions = page.getByRole('region', { name: 'Suggestions' });
  const low = suggestions.getByRole('button', { name: /^SOURCE suggestion: \u2068?قاسيون\u2069? \(\u2068?Qasioun News Agency.*\), (\d+)% confidence$/u });
  await expect(low).toBeVisible();
  const lowPercent = Number(/, (\d+)% confidence$/.exec((await low.getAttribute('aria-label'))!)![1]);
  expect(lowPercent).toBeLessThan(50);
  const high = suggestions.getByRole('button', { name: /^SOURCE suggestion: \u2068?وكالة قاسيون للأنباء/u });
  const highPercent = Number(/, (\d+)% confidence$/.exec((await high.getAttribute('aria-label'))!)![1]);
  expect(highPercent).toBeGreaterThan(80);
});

test('deleting a span that an attribution uses asks first and repairs the attribution', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openDocument(/موسكو تعلن عن محادثات جديدة/);
  await isnad.spanItem(/CLAIM — Claim/).click();
  await page.keyboard.press('a');
  await page.keyboard.type('نوفوستي');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Attributions in this document' });
  await expect(panel).toContainText(isolatable('mention «وكالة نوفوستي»'));
  // The question is the window's own dialog (not the browser's): Escape says no.
  const browserDialogs: string[] = [];
  page.on('dialog', (dialog) => {
    browserDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const confirmation = page.getByRole('dialog', { name: 'Please confirm' });
  await isnad.spanItem('SOURCE — Source: وكالة نوفوستي').click();
  await page.keyboard.press('Delete');
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText('will lose this source mention or cue');
  await page.keyboard.press('Escape');
  await expect(confirmation).toBeHidden();
  await expect(isnad.spanItem('SOURCE — Source: وكالة نوفوستي')).toBeVisible();
  // Enter agrees (its button has the focus).
  await isnad.spanItem('SOURCE — Source: وكالة نوفوستي').click();
  await page.keyboard.press('Delete');
  await expect(confirmation.getByRole('button', { name: 'Delete the span' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirmation).toBeHidden();
  await expect(isnad.spanItem('SOURCE — Source: وكالة نوفوستي')).toHaveCount(0);
  expect(browserDialogs).toEqual([]);
  await expect(panel).toContainText('claim ← RIA Novosti');
  await expect(panel).not.toContainText(isolatable('mention «وكالة نوفوستي»'));
  await page.keyboard.press('Control+z');
  await expect(panel).toContainText(isolatable('mention «وكالة نوفوستي»'));
});

test('attribute values can be extended in the Sources view and used in the palette', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await page.getByRole('button', { name: 'Sources' }).click();
  const form = page.getByRole('form', { name: 'Attribute values' });
  const stance = form.getByRole('textbox', { name: 'Stance values' });
  await stance.fill(`${await stance.inputValue()}, ironic`);
  await form.getByRole('button', { name: 'Save attribute values' }).click();
  // Saved (durably) once it can be undone; reloading earlier raced the write on a busy machine.
  await expect(isnad.undoButton).toHaveAccessibleName('Undo: Edit attribute values');
  await page.reload();
  await page.getByRole('button', { name: 'Sources' }).click();
  await expect(page.getByRole('form', { name: 'Attribute values' }).getByRole('textbox', { name: 'Stance values' })).toHaveValue('asserted, hedged, denied, questioned, ironic');
  await page.getByRole('button', { name: 'Sources' }).click();
  await isnad.openDocument(/موسكو تعلن عن محادثات جديدة/);
  await isnad.spanItem(/CLAIM — Claim/).click();
  await page.keyboard.press('a');
  await page.keyboard.type('رويترز');
  await page.keyboard.press('Enter');
  const select = page.getByRole('combobox', { name: isolatable('Stance of the attribution to Reuters (رويترز)') });
  await select.selectOption('ironic');
  await expect(select).toHaveValue('ironic');
});

test('showing the suggestions above a scrolled span list keeps its rows on screen', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openFiles([fileURLToPath(new URL('../fixtures/articles/bidi-mixed.txt', import.meta.url))]);
  await isnad.openDocument(/اختبار الاتجاه/);
  // Enough spans that the side column scrolls to show the newest one.
  const words = ['قال', 'مراسل', 'Reuters', 'دمشق', 'الوفد', 'سقط', 'قتيلا', 'جريحا', 'نقلت', 'وكالة', 'مصدر', 'الهدنة', 'المحادثات', 'جنيف', 'الوزير', 'ممثلي', 'agency', 'reported', 'deaths', 'نوفوستي'];
  for (const word of words) await isnad.mark(word, '2');
  await expect(isnad.spanPanel.getByRole('heading')).toHaveText('Spans (20)');
  const last = isnad.spanItem('ORG — Organisation: نوفوستي');
  await expect(last).toBeInViewport();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // The suggestions appear above the list; the rows that were on screen still are.
  await page.keyboard.press('g');
  await expect(page.getByRole('region', { name: 'Suggestions' })).toBeAttached();
  await expect(last).toBeInViewport();
  await expect(isnad.spanItem('ORG — Organisation: deaths')).toBeInViewport();
  // …and the list scrolls as before, to its first row.
  await isnad.spanItem('ORG — Organisation: deaths').focus();
  for (let i = 0; i < 19; i += 1) await page.keyboard.press('Shift+Tab');
  await expect(isnad.spanItem('ORG — Organisation: قال')).toBeInViewport();
  // Hidden again: the rows are still there.
  await isnad.article.focus();
  await page.keyboard.press('g');
  await expect(page.getByRole('region', { name: 'Suggestions' })).toHaveCount(0);
  await expect(isnad.spanItems()).not.toHaveCount(0);
});

test('suggestions on a long article: listed a hundred at a time, painted where the reader is', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const file = testInfo.outputPath('long-wire.txt');
  const filler = Array.from({ length: 30 }, () => 'في المدينة القديمة أسواق وشوارع ومساجد').join(' ');
  const paragraphs = Array.from({ length: 600 }, (_, k) => `قال مراسل وكالة رويترز في المدينة ${k + 1} إن الوفد وصل. ${filler}.`);
  await writeFile(file, `برقيات طويلة\n\n${paragraphs.join('\n\n')}\n`);
  await isnad.openFiles([file]);
  await isnad.openDocument(/برقيات طويلة/);
  await isnad.article.focus();
  await page.keyboard.press('g');

  const panel = page.getByRole('region', { name: 'Suggestions' });
  const total = Number((await panel.getByRole('heading', { level: 2 }).textContent())!.match(/\((\d[\d,]*)\)/)![1]!.replace(/,/g, ''));
  expect(total).toBeGreaterThanOrEqual(1200);
  // A hundred are listed; the keys reach the others.
  const suggestionRows = panel.locator('li.suggestion');
  await expect(suggestionRows).toHaveCount(100);
  await expect(panel).toContainText(`The first 100 of ${total.toLocaleString('en')} are listed here`);
  await panel.getByRole('button', { name: 'Show 100 more suggestions' }).click();
  await expect(suggestionRows).toHaveCount(200);

  // Painted where the reader is, not all at once: none in the last paragraph until it is near.
  await expect.poll(() => isnad.highlightRangeCount('isnad-suggestion')).toBeGreaterThan(0);
  expect(await isnad.highlightRangeCount('isnad-suggestion')).toBeLessThan(total / 4);
  expect(await isnad.highlightRangesInLastParagraph('isnad-suggestion')).toBe(0);
  await isnad.scrollArticleToEnd();
  await expect.poll(() => isnad.highlightRangesInLastParagraph('isnad-suggestion'), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

  // Accepting one takes it off the list and out of the article.
  const first = panel.getByRole('button', { name: /^Accept CUE/ }).first();
  await first.click();
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(`(${(total - 1).toLocaleString('en')})`);

  // The keys reach the last one (, from none focused): its page is listed (not all the rows
  // before it), and the side column scrolls to it, as the article does to its text.
  const left = total - 1;
  const lastPageStart = Math.floor((left - 1) / 100) * 100;
  await isnad.article.focus();
  await page.keyboard.press(',');
  const focusedRow = panel.locator('li.suggestion.focused');
  await expect(focusedRow).toHaveCount(1);
  await expect(suggestionRows).toHaveCount(left - lastPageStart);
  await expect(panel).toContainText(`Suggestions ${(lastPageStart + 1).toLocaleString('en')}–${left.toLocaleString('en')} of ${left.toLocaleString('en')} are listed here`);
  await expect(focusedRow).toBeInViewport();
  await expect(focusedRow.getByRole('button', { name: /suggestion/ })).toHaveAttribute('aria-pressed', 'true');
  // Only the side column scrolled: the window itself cannot (a status line below the span
  // list once sat outside the column and made the whole window 14,000 pixels tall).
  expect(await isnad.windowOverflow()).toEqual({ beyond: 0, scrolled: 0 });
  await expect(panel.getByRole('button', { name: /^Show \d+ more suggestions?$/ })).toHaveCount(0);
  // The page before it on request; the focused one stays listed.
  await panel.getByRole('button', { name: 'Show 100 earlier suggestions' }).click();
  await expect(suggestionRows).toHaveCount(left - lastPageStart + 100);
  await expect(focusedRow).toHaveCount(1);
  // . wraps to the first: the first page again.
  await isnad.article.focus();
  await page.keyboard.press('.');
  await expect(suggestionRows).toHaveCount(100);
  await expect(focusedRow).toBeInViewport();

  // Shift+Y accepts every one in one undoable step; the spans are stored (they survive a reload).
  await page.keyboard.press('Shift+Y');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('(0)');
  await expect(isnad.documentList.getByRole('button', { name: /برقيات طويلة/ })).toContainText(`${total} spans`);
  await expect(isnad.undoButton).toHaveAccessibleName(`Undo: Accept ${left} suggestions`);
  await page.reload();
  await isnad.openDocument(/برقيات طويلة/);
  await expect(isnad.documentList.getByRole('button', { name: /برقيات طويلة/ })).toContainText(`${total} spans`);

  // The attribute palette on a claim in the last paragraph offers the 20 mentions nearest to
  // it (of 600 in the article) until something is typed.
  await isnad.mark('إن الوفد وصل', '5', 599);
  await page.keyboard.press('a');
  const palette = page.getByRole('dialog', { name: 'Attribute claim' });
  const mentions = palette.getByRole('listbox', { name: 'Sources' }).getByRole('option').filter({ hasText: 'In the text:' });
  await expect(mentions).toHaveCount(20);
  await page.keyboard.type('رويترز');
  await expect.poll(() => mentions.count()).toBeGreaterThan(20);
  // Closed again, the caret is where it was and the keys go on from it (the modal let go of
  // its mirror in the DOM selection: kept, it made Blink walk back through the whole article).
  // (The first Escape empties the search box, the second closes the palette.)
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(isnad.caret).toBeVisible();
  const last = await isnad.paragraphText('المدينة 600 إن الوفد وصل');
  await page.keyboard.press('ArrowLeft');
  const moved = await isnad.selectionOffsets();
  expect(moved).not.toBeNull();
  expect(moved!.focus).toBeGreaterThan(last.start);
  expect(moved!.focus).toBeLessThanOrEqual(last.start + last.text.length);
});
