/**
 * Right-to-left correctness of the article view, with text we wrote
 * (test/fixtures/articles/bidi-mixed.txt): Arabic with Latin names, Western and Arabic-Indic
 * digits, brackets, quotation marks and punctuation; spans on them, nested and overlapping.
 * Order and joining are asserted by measurement (where each character is drawn) against the
 * Unicode Bidirectional Algorithm, and the look against committed screenshots.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { IsnadPage } from './pages/isnad-page';
import { asText, charBoxes, expectedVisualLines, visualLines, type CharBox } from './pages/text-layout';

const fixture = fileURLToPath(new URL('../fixtures/articles/bidi-mixed.txt', import.meta.url));
const TITLE = /اختبار الاتجاه/;

/** The fixture's lines (each one paragraph of the article), by what they test. */
const LINES = {
  latinName: 'قال مراسل Reuters في دمشق إن الوفد وصل.',
  digits: 'سقط 12 قتيلا و٣٥ جريحا في عام 2024.',
  brackets: 'نقلت وكالة (سانا) عن مصدر قوله: «الهدنة صامدة».',
  punctuation: 'هل تستأنف المحادثات في جنيف؟ نعم، غدا؛ بحسب “الأناضول”.',
  clitic: 'التقى الوزير بدمشق ممثلي UN Security Council (مجلس الأمن).',
  latinParagraph: 'The agency (سانا) reported 12 deaths on ٣ آذار.',
  nested: 'ذكرت وكالة نوفوستي أن وزارة الخارجية الروسية في موسكو أكدت الخبر.',
};

/** Spans made by keyboard: select the quote (n-th occurrence), press the label key. */
const SPANS: Array<{ quote: string; occurrence?: number; key: string; name: string }> = [
  { quote: 'Reuters', key: '2', name: 'ORG — Organisation' },
  { quote: 'دمشق', key: '3', name: 'LOC — Location' },
  { quote: 'عام 2024', key: '4', name: 'DATE — Date' },
  { quote: '٣٥', key: '4', name: 'DATE — Date' },
  { quote: 'سانا', key: '2', name: 'ORG — Organisation' },
  { quote: 'الهدنة صامدة', key: '5', name: 'CLAIM — Claim' },
  { quote: 'جنيف', key: '3', name: 'LOC — Location' },
  { quote: 'الأناضول', key: '6', name: 'SOURCE — Source' },
  { quote: 'دمشق', occurrence: 1, key: '3', name: 'LOC — Location' },
  { quote: 'UN Security Council', key: '2', name: 'ORG — Organisation' },
  { quote: 'سانا', occurrence: 1, key: '2', name: 'ORG — Organisation' },
  { quote: '٣ آذار', key: '4', name: 'DATE — Date' },
  // Nested and overlapping: a claim holding a source, which is also an organisation that
  // holds a location; the agency is both an organisation and a source; a cue.
  { quote: 'وزارة الخارجية الروسية في موسكو أكدت الخبر', key: '5', name: 'CLAIM — Claim' },
  { quote: 'وزارة الخارجية الروسية', key: '2', name: 'ORG — Organisation' },
  { quote: 'وزارة الخارجية الروسية', key: '6', name: 'SOURCE — Source' },
  { quote: 'الروسية', key: '3', name: 'LOC — Location' },
  { quote: 'موسكو', key: '3', name: 'LOC — Location' },
  { quote: 'وكالة نوفوستي', key: '2', name: 'ORG — Organisation' },
  { quote: 'وكالة نوفوستي', key: '6', name: 'SOURCE — Source' },
  { quote: 'ذكرت', key: '7', name: 'CUE — Cue' },
];

async function openFixture(page: Page): Promise<IsnadPage> {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openFiles([fixture]);
  await isnad.openDocument(TITLE);
  await page.evaluate(() => document.fonts.ready);
  return isnad;
}

async function markAll(isnad: IsnadPage): Promise<void> {
  for (const span of SPANS) {
    await isnad.selectText(span.quote, span.occurrence ?? 0);
    await isnad.page.keyboard.press(span.key);
    await expect(isnad.spanItems()).toHaveCount(SPANS.indexOf(span) + 1);
  }
  // No focused span, no selection: only the spans' own highlights are painted.
  await isnad.page.keyboard.press('Escape');
}

/** Every line of the fixture: where its characters are drawn. */
async function layout(isnad: IsnadPage): Promise<Record<string, CharBox[]>> {
  const result: Record<string, CharBox[]> = {};
  for (const [name, line] of Object.entries(LINES)) result[name] = await charBoxes(isnad.paragraph(line));
  return result;
}

test.describe('right-to-left text in the article', () => {
  test('mixed Arabic, Latin, digits, brackets, quotes and punctuation are drawn in bidi order, with and without highlights', async ({ page }) => {
    const isnad = await openFixture(page);
    const plain = await layout(isnad);
    for (const [name, line] of Object.entries(LINES)) {
      const dir = name === 'latinParagraph' ? 'ltr' : 'rtl';
      await expect(isnad.paragraph(line)).toHaveCSS('direction', dir);
      const drawn = visualLines(plain[name]!);
      expect(asText(line, drawn), name).toEqual(asText(line, expectedVisualLines(line, dir, drawn)));
    }
    // Spot checks a reader would make: in an Arabic line the Latin name reads left to right
    // and sits left of the Arabic before it; the opening bracket is on the right.
    const at = (name: keyof typeof LINES, char: string, from = 0): CharBox => plain[name]!.find((b) => b.char === char && b.index >= LINES[name].indexOf(char, from))!;
    expect(at('latinName', 'R').left).toBeLessThan(at('latinName', 's').left);
    expect(at('latinName', 's').right).toBeLessThan(at('latinName', 'م').left);
    expect(at('brackets', '(').left).toBeGreaterThan(at('brackets', ')').left);
    expect(at('brackets', '«').left).toBeGreaterThan(at('brackets', '»').left);
    expect(at('digits', '1').left).toBeLessThan(at('digits', '2').left);
    expect(at('digits', '٣').left).toBeLessThan(at('digits', '٥').left);

    await markAll(isnad);
    // Highlights insert nothing into the text: every character is drawn exactly where it was.
    expect(await layout(isnad)).toEqual(plain);
  });

  test('a span edge inside a joined word keeps the letters joined', async ({ page }) => {
    const isnad = await openFixture(page);
    const line = LINES.clitic;
    const ba = line.indexOf('بدمشق');
    const before = await charBoxes(isnad.paragraph(line));
    await isnad.selectText('دمشق', 1);
    await page.keyboard.press('3');
    // The span starts after the clitic ب, between two joined letters.
    await expect(isnad.spanItem('LOC — Location: دمشق')).toHaveCount(1);
    expect(await isnad.highlightedTexts('LOC')).toEqual(['دمشق']);
    const after = await charBoxes(isnad.paragraph(line));
    expect(after).toEqual(before);

    // Measured letterforms: ب joined to the next letter is its narrow initial form; alone, or
    // cut off by an element boundary that breaks shaping, it is the wide isolated form.
    const widths = await isnad.article.evaluate((article) => {
      const probe = document.createElement('div');
      probe.className = 'article-text';
      probe.style.cssText = 'position: absolute; inset-block-start: 0; visibility: hidden;';
      probe.innerHTML = '<p dir="rtl"><span id="alone">ب</span></p><p dir="rtl"><span id="cut">ب</span><span style="display: inline-block">دمشق</span></p>';
      article.ownerDocument.body.append(probe);
      const width = (id: string): number => probe.querySelector(`#${id}`)!.getBoundingClientRect().width;
      const result = { alone: width('alone'), cut: width('cut') };
      probe.remove();
      return result;
    });
    const joined = after.find((b) => b.index === ba)!;
    expect(joined.char).toBe('ب');
    // The measurement can tell: an element boundary inside the word does break the joining.
    expect(widths.cut).toBeGreaterThan(widths.alone * 0.9);
    expect(joined.right - joined.left).toBeLessThan(widths.alone * 0.7);
    // …and the joined ب touches the د after it (drawn to its left).
    const dal = after.find((b) => b.index === ba + 1)!;
    expect(Math.abs(joined.left - dal.right)).toBeLessThan(1);
  });

  test('nested and overlapping spans are drawn apart, level by level', async ({ page }) => {
    const isnad = await openFixture(page);
    await markAll(isnad);
    const highlights = await isnad.highlights();
    // Outermost spans of each kind at level 0; an entity in an entity and a role in a role one level down.
    expect(highlights['isnad-CLAIM']).toEqual(expect.arrayContaining(['وزارة الخارجية الروسية في موسكو أكدت الخبر']));
    expect(highlights['isnad--1-SOURCE']).toEqual(['وزارة الخارجية الروسية']);
    expect(highlights['isnad-ORG']).toEqual(expect.arrayContaining(['وزارة الخارجية الروسية', 'وكالة نوفوستي']));
    expect(highlights['isnad--1-LOC']).toEqual(['الروسية']);
    expect(highlights['isnad-LOC']).toEqual(expect.arrayContaining(['موسكو']));
    expect(highlights['isnad-SOURCE']).toEqual(expect.arrayContaining(['وكالة نوفوستي']));
    // The two spans on وكالة نوفوستي are of different kinds (background and underline): both level 0.
    expect(highlights['isnad--1-ORG']).toBeUndefined();
    await expect(isnad.paragraph(LINES.nested)).toHaveScreenshot('nested-spans.png', { maxDiffPixelRatio: 0.02 });
  });

  test('the article looks right, plain and highlighted (screenshots)', async ({ page }) => {
    const isnad = await openFixture(page);
    await expect(isnad.article).toHaveScreenshot('mixed-plain.png', { maxDiffPixelRatio: 0.02 });
    await markAll(isnad);
    await expect(isnad.article).toHaveScreenshot('mixed-highlighted.png', { maxDiffPixelRatio: 0.02 });
  });

  test('a span whose text runs against its paragraph has a handle at each of its ends, and the caret at its end', async ({ page }) => {
    const isnad = await openFixture(page);
    const centre = async (mark: Locator): Promise<{ x: number; y: number }> => {
      const box = (await mark.boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    // Latin in Arabic paragraphs and Arabic in the English one (where the direction changes at
    // both edges), and a span in its paragraph's own direction: a left-to-right span starts at
    // its left end, a right-to-left one at its right end.
    const cases = [
      { quote: 'Reuters', occurrence: 0, key: '2', name: 'ORG — Organisation: Reuters', ltr: true },
      { quote: 'UN Security Council', occurrence: 0, key: '2', name: 'ORG — Organisation: UN Security Council', ltr: true },
      { quote: 'سانا', occurrence: 1, key: '2', name: 'ORG — Organisation: سانا', ltr: false },
      { quote: 'جنيف', occurrence: 0, key: '3', name: 'LOC — Location: جنيف', ltr: false },
      { quote: 'agency', occurrence: 0, key: '2', name: 'ORG — Organisation: agency', ltr: true },
    ];
    for (const { quote, occurrence, key, name, ltr } of cases) {
      await isnad.mark(quote, key, occurrence);
      // The new span is focused and shows its handles.
      await expect(isnad.spanItem(name)).toHaveAttribute('aria-pressed', 'true');
      await expect(isnad.spanHandle('start')).toBeVisible();
      const word = await isnad.textBox(quote, occurrence);
      const [left, right] = [word.x, word.x + word.width];
      const expected = { start: ltr ? left : right, end: ltr ? right : left };
      const marks = { start: await centre(isnad.spanHandle('start')), end: await centre(isnad.spanHandle('end')), caret: await centre(isnad.caret) };
      expect(Math.abs(marks.start.x - expected.start), `${quote}: start handle`).toBeLessThanOrEqual(1);
      expect(Math.abs(marks.end.x - expected.end), `${quote}: end handle`).toBeLessThanOrEqual(1);
      // The caret is left after the new span, where its end handle is.
      expect(Math.abs(marks.caret.x - expected.end), `${quote}: caret`).toBeLessThanOrEqual(1);
      for (const mark of Object.values(marks)) expect(Math.abs(mark.y - (word.y + word.height / 2)), `${quote}: on its line`).toBeLessThanOrEqual(3);
    }
    // Shrinking the Latin name by a word from its end (] works in reading order): the end
    // handle moves left, to the end of "UN Security".
    await isnad.spanItem('ORG — Organisation: UN Security Council').click();
    await page.keyboard.press('Shift+]');
    await expect(isnad.spanItem('ORG — Organisation: UN Security')).toHaveCount(1);
    const shrunk = await isnad.textBox('UN Security');
    await expect.poll(async () => Math.abs((await centre(isnad.spanHandle('end'))).x - (shrunk.x + shrunk.width))).toBeLessThanOrEqual(1);
    expect(Math.abs((await centre(isnad.spanHandle('start'))).x - shrunk.x)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: test.info().outputPath('handles-across-directions.png') });
  });

  test('a selection made by pointing across a direction change maps to logical offsets', async ({ page }) => {
    const isnad = await openFixture(page);
    const centreOf = (boxes: CharBox[], line: string, word: string): { x: number; y: number } => {
      const start = line.indexOf(word);
      const own = boxes.filter((b) => b.index >= start && b.index < start + word.length);
      return { x: own.reduce((sum, b) => sum + (b.left + b.right) / 2, 0) / own.length, y: (own[0]!.top + own[0]!.bottom) / 2 };
    };
    // From the Arabic word to the Latin name drawn left of it: in logical order that is
    // مراسل then Reuters, whatever the screen order; pointing the other way gives the same span.
    const rtl = await charBoxes(isnad.paragraph(LINES.latinName));
    await isnad.selectBetweenPoints(centreOf(rtl, LINES.latinName, 'Reuters'), centreOf(rtl, LINES.latinName, 'مراسل'));
    await page.keyboard.press('2');
    await expect(isnad.spanItem('ORG — Organisation: مراسل Reuters')).toHaveCount(1);
    expect(await isnad.highlightedTexts('ORG')).toEqual(['مراسل Reuters']);

    // The same in the left-to-right paragraph, across the Arabic inside it.
    const ltr = await charBoxes(isnad.paragraph(LINES.latinParagraph));
    await isnad.selectBetweenPoints(centreOf(ltr, LINES.latinParagraph, 'agency'), centreOf(ltr, LINES.latinParagraph, 'reported'));
    await page.keyboard.press('2');
    await expect(isnad.spanItem('ORG — Organisation: agency (سانا) reported')).toHaveCount(1);
    // And from the Arabic-Indic digit to the Arabic month drawn right of it.
    await isnad.selectBetweenPoints(centreOf(ltr, LINES.latinParagraph, 'آذار'), centreOf(ltr, LINES.latinParagraph, '٣'));
    await page.keyboard.press('4');
    await expect(isnad.spanItem('DATE — Date: ٣ آذار')).toHaveCount(1);
  });
});

test.describe('a long article', () => {
  /** An article we generate: numbered paragraphs, one word only in the last one. */
  async function openLongArticle(page: Page): Promise<IsnadPage> {
    const sentence = 'أعلنت الوزارة في بيان رسمي أن الاجتماع سيعقد الأسبوع المقبل لبحث الملفات العالقة بين الطرفين';
    const paragraphs = Array.from({ length: 600 }, (_, i) => `${sentence} (الفقرة ${i + 1}).`);
    paragraphs[599] = `${sentence} وفي الختام ظهرت كلمة زنبقية مرة واحدة.`;
    const file = test.info().outputPath('long-article.txt');
    await writeFile(file, `مقال طويل للاختبار\n${paragraphs.join('\n')}\n`);
    const isnad = new IsnadPage(page);
    await isnad.goto();
    await isnad.openFiles([file]);
    await isnad.openDocument(/مقال طويل للاختبار/);
    return isnad;
  }

  test('search finds, highlights and shows text far down the article', async ({ page }) => {
    const isnad = await openLongArticle(page);
    await expect(isnad.article.locator('p')).toHaveCount(601);
    await isnad.searchBox.fill('زنبقيه');
    await page.getByRole('checkbox', { name: 'Treat ة as ه' }).check();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/1 match/);
    expect((await isnad.highlights())['isnad-search']).toEqual(['زنبقية']);
    await expect(isnad.paragraph('زنبقية')).toBeInViewport();
  });

  test('the span list, longer than its column, keeps the focused span in view', async ({ page }) => {
    const isnad = await openLongArticle(page);
    for (let n = 1; n <= 40; n += 1) {
      await isnad.selectText(`(الفقرة ${n})`);
      await page.keyboard.press('4');
    }
    const row = (n: number): Locator => isnad.spanItem(new RegExp(`^DATE — Date: \u2068?الفقرة ${n}\u2069?$`, 'u'));
    await expect(row(40)).toBeInViewport();
    await expect(row(40)).toHaveAttribute('aria-pressed', 'true');
    // The list is longer than the column: the first span is out of view (or not rendered at all:
    // only the rows near the visible part are).
    if (await row(1).count()) await expect(row(1)).not.toBeInViewport();
    // Moving the focus back through the spans brings each into view in turn.
    for (let n = 39; n >= 1; n -= 1) {
      await page.keyboard.press('Shift+Tab');
      if (n % 10 === 0) await expect(row(n)).toBeInViewport();
    }
    await expect(row(1)).toBeInViewport();
    await expect(row(1)).toHaveAttribute('aria-pressed', 'true');
  });

  test('the span handles and the caret stay on their word while the article scrolls and rewraps', async ({ page }) => {
    const isnad = await openLongArticle(page);
    // The first word of the first paragraph, labelled: it is focused, with handles.
    await isnad.selectText('أعلنت');
    await isnad.press('1');
    await expect(isnad.spanItem('PER — Person: أعلنت')).toBeVisible();
    /** How far (px) each mark is from where it belongs: in Arabic the span starts at the word's right edge and ends at its left, where the caret is too. */
    const misplacement = async (): Promise<number> => {
      const word = await isnad.textBox('أعلنت');
      const centre = async (mark: Locator): Promise<{ x: number; y: number }> => {
        const box = (await mark.boundingBox())!;
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      };
      const marks = [
        { at: await centre(isnad.spanHandle('start')), x: word.x + word.width },
        { at: await centre(isnad.spanHandle('end')), x: word.x },
        { at: await centre(isnad.caret), x: word.x },
      ];
      const wordMiddle = word.y + word.height / 2;
      return Math.max(...marks.map(({ at, x }) => Math.max(Math.abs(at.x - x), Math.abs(at.y - wordMiddle))));
    };
    expect(await misplacement()).toBeLessThanOrEqual(3);
    // Scrolled: the marks move with the text (they are drawn inside the scrolling pane).
    await page.getByRole('main').evaluate((pane) => (pane.scrollTop += 90));
    await expect.poll(misplacement).toBeLessThanOrEqual(3);
    // A narrower window rewraps the text: the marks are measured again.
    const before = await isnad.textBox('أعلنت');
    await page.setViewportSize({ width: 900, height: 700 });
    await expect.poll(async () => (await isnad.textBox('أعلنت')).x).not.toBe(before.x);
    await expect.poll(misplacement).toBeLessThanOrEqual(3);
    await page.screenshot({ path: test.info().outputPath('marks-after-rewrap.png') });
  });

  test('selection maps to exact offsets in paragraphs never shown on screen', async ({ page }) => {
    const isnad = await openLongArticle(page);
    // Paragraph 500 is far below the first screen: the browser has not laid it out.
    await isnad.selectText('(الفقرة 500)');
    await page.keyboard.press('4');
    await expect(isnad.spanItem('DATE — Date: الفقرة 500')).toHaveCount(1);
    // Its highlight is there when its paragraph comes into view.
    await isnad.paragraph('(الفقرة 500)').scrollIntoViewIfNeeded();
    await expect.poll(() => isnad.highlightedTexts('DATE')).toEqual(['الفقرة 500']);
    const exported = (await isnad.exportJson()).json.documents.find((d) => d.title === 'مقال طويل للاختبار')!;
    const [span] = exported.spans;
    expect([...exported.text].slice(span!.start, span!.end).join('')).toBe('الفقرة 500');
  });

  test('spans flung into view are highlighted once the article comes to rest', async ({ page }) => {
    const isnad = await openLongArticle(page);
    await isnad.selectText('(الفقرة 500)');
    await page.keyboard.press('4');
    await expect(isnad.spanItem('DATE — Date: الفقرة 500')).toHaveCount(1);
    // Flung from the top: a screen per frame until paragraph 500 is on screen.
    await page.getByRole('main').evaluate(async (pane) => {
      pane.scrollTop = 0;
      const target = [...pane.querySelectorAll('p')].find((p) => p.textContent!.includes('(الفقرة 500)'))!;
      while (target.getBoundingClientRect().top > pane.getBoundingClientRect().bottom - 100) {
        pane.scrollTop += pane.clientHeight;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    // At rest, its highlight is painted where the paragraph is shown.
    await expect.poll(() => isnad.highlightedTexts('DATE')).toEqual(['الفقرة 500']);
    const inView = await page.getByRole('main').evaluate((pane) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const box = pane.getBoundingClientRect();
      return [...(registry.get('isnad-DATE') ?? [])].some((range) => {
        const rect = range.getBoundingClientRect();
        return rect.height > 0 && rect.bottom > box.top && rect.top < box.bottom;
      });
    });
    expect(inView).toBe(true);
    await page.screenshot({ path: test.info().outputPath('flung-and-at-rest.png') });
  });
});
