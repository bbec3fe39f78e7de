import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocxParagraphs, MAX_DOCX_DOCUMENT_BYTES } from '../../../shared/formats/intake/docx';
import { lowerRoman } from '../../../shared/formats/intake/docx-notes';
import { extractArticles } from '../../../shared/formats/intake';
import { fixture, makeDocx } from './support';

const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

/** `zip` with the declared uncompressed size of `part` (central directory, offset 24) set to `size`. */
function forgeDeclaredSize(zip: Uint8Array, part: string, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = new TextEncoder().encode(part);
  for (let i = 0; i + 46 < zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const entry = zip.subarray(i + 46, i + 46 + nameLength);
    if (entry.length === name.length && entry.every((b, k) => b === name[k])) view.setUint32(i + 24, size, true);
  }
  return zip;
}

describe('extractDocxParagraphs', () => {
  const body = [
    // A word split over runs with different formatting, as Word writes after an edit.
    `<w:p><w:pPr><w:bidi/><w:tabs><w:tab w:val="right" w:pos="720"/></w:tabs></w:pPr>${r('افتتحت الجمعية مر')}<w:r><w:rPr><w:b/></w:rPr><w:t>كز</w:t></w:r>${r('اً للتدريب المهني.')}</w:p>`,
    `<w:p>${r('الموعد:')}<w:r><w:tab/></w:r>${r('الثامنة')}</w:p>`,
    `<w:p>${r('يستقبل المركز ')}<w:del w:id="3" w:author="x"><w:r><w:delText>خمسين</w:delText></w:r></w:del><w:ins w:id="4" w:author="x">${r('مئة')}</w:ins>${r(' متدرب.')}</w:p>`,
    '<w:p></w:p><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>',
    `<w:p>${r('سطر أول')}<w:r><w:br/></w:r>${r('في الفقرة نفسها')}<w:r><w:cr/></w:r>${r('و')}</w:p>`,
    `<w:p>${r('رقم')}<w:r><w:noBreakHyphen/></w:r>${r('الهاتف')}</w:p>`,
    `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('الموقع الرسمي')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    `<w:p>${r('نص ظاهر')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>نص مخفي</w:t></w:r><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t> وظاهر أيضاً</w:t></w:r></w:p>`,
    `<w:p><mc:AlternateContent><mc:Choice Requires="wps">${r('مربع نص')}</mc:Choice><mc:Fallback>${r('نسخة احتياطية مكررة')}</mc:Fallback></mc:AlternateContent></w:p>`,
    `<w:p>${r('العدد &amp; النوع &lt;مهم&gt;')}</w:p>`,
    '<w:sectPr/>',
  ].join('');

  it('reads paragraphs, runs, tabs, breaks and hyphens; skips deletions, field codes, hidden runs and fallbacks', () => {
    const result = extractDocxParagraphs(makeDocx(body, { title: 'مركز التدريب' }), 'centre.docx');
    expect(result).toEqual({
      ok: true,
      title: 'مركز التدريب',
      paragraphs: [
        'افتتحت الجمعية مركزاً للتدريب المهني.',
        'الموعد:\tالثامنة',
        'يستقبل المركز مئة متدرب.',
        'سطر أول\nفي الفقرة نفسها\nو',
        'رقم-الهاتف',
        'الموقع الرسمي',
        'نص ظاهر وظاهر أيضاً',
        'مربع نص',
        'العدد & النوع <مهم>',
      ],
    });
  });

  it('keeps a line break inside a paragraph as a line feed, without blank lines, and a line feed of the XML as a space', () => {
    const xml = [
      `<w:p>${r('العنوان:')}<w:r><w:br/><w:br/></w:r>${r('شارع\nالنخيل')}<w:r><w:br w:type="page"/></w:r></w:p>`,
      `<w:p><w:r><w:br/></w:r>${r('بيت أول')}<w:r><w:br/><w:t>بيت ثان</w:t></w:r></w:p>`,
    ].join('');
    expect(extractDocxParagraphs(makeDocx(xml))).toEqual({ ok: true, paragraphs: ['العنوان:\nشارع النخيل', 'بيت أول\nبيت ثان'] });
    const result = extractArticles('poem.docx', makeDocx(xml));
    expect(result).toMatchObject({ ok: true, articles: [{ text: 'العنوان:\nشارع النخيل\nبيت أول\nبيت ثان' }] });
  });

  it('keeps footnotes and endnotes after the body, marked where the body refers to them', () => {
    const ref = (kind: 'footnote' | 'endnote', id: number): string => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:${kind}Reference w:id="${id}"/></w:r>`;
    const note = (kind: 'footnote' | 'endnote', id: number, ...paragraphs: string[]): string =>
      `<w:${kind} w:id="${id}">${paragraphs.map((p, i) => `<w:p>${i === 0 ? `<w:r><w:${kind}Ref/></w:r>` : ''}${r(p)}</w:p>`).join('')}</w:${kind}>`;
    const body = [
      `<w:p>${r('قال المتحدث إن الاتفاق وقع')}${ref('footnote', 3)}${r(' أمس.')}</w:p>`,
      `<w:p>${r('ونقلت الصحيفة الخبر')}${ref('endnote', 2)}${r(' عن مصدر')}${ref('footnote', 2)}${ref('footnote', 9)}${r('.')}</w:p>`,
    ].join('');
    const footnotes = [
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
      note('footnote', 2, 'مصدر طلب عدم ذكر اسمه.'),
      note('footnote', 3, 'بيان المكتب الإعلامي،', 'الصفحة الثانية.'),
      note('footnote', 4, 'حاشية لا يشير إليها النص.'),
    ].join('');
    const endnotes = note('endnote', 2, 'العدد الصادر يوم الأحد.');
    const result = extractDocxParagraphs(makeDocx(body, { footnotes, endnotes }));
    expect(result).toEqual({
      ok: true,
      paragraphs: [
        'قال المتحدث إن الاتفاق وقع[1] أمس.',
        'ونقلت الصحيفة الخبر[i] عن مصدر[2].',
        '[1] بيان المكتب الإعلامي،',
        'الصفحة الثانية.',
        '[2] مصدر طلب عدم ذكر اسمه.',
        '[i] العدد الصادر يوم الأحد.',
      ],
    });
  });

  it('removes soft hyphens, written as w:softHyphen or as the character, from paragraphs and title', () => {
    const xml = `<w:p>${r('المؤت')}<w:r><w:softHyphen/></w:r>${r('مر الصح\u00ADفي')}</w:p>`;
    expect(extractDocxParagraphs(makeDocx(xml, { title: 'عنوا\u00ADن' }))).toEqual({ ok: true, title: 'عنوان', paragraphs: ['المؤتمر الصحفي'] });
  });

  it('numbers endnotes in lower-case Roman numerals', () => {
    expect([1, 2, 4, 9, 14, 40, 1994, 4000].map(lowerRoman)).toEqual(['i', 'ii', 'iv', 'ix', 'xiv', 'xl', 'mcmxciv', '4000']);
  });

  it('refuses a footnotes part whose declared size is over the limit', () => {
    const zip = forgeDeclaredSize(makeDocx(`<w:p>${r('نص')}</w:p>`, { footnotes: '' }), 'word/footnotes.xml', MAX_DOCX_DOCUMENT_BYTES + 10 * 1024 * 1024);
    expect(extractDocxParagraphs(zip, 'notes.docx')).toMatchObject({ ok: false, reason: '“notes.docx” is too large to import: its text part would be 60 MB uncompressed (the limit is 50 MB).' });
  });

  it('follows the prefix the document binds to the WordprocessingML namespace', () => {
    const result = extractDocxParagraphs(makeDocx('<x:p><x:r><x:t>نص ببادئة أخرى</x:t></x:r></x:p>', { prefix: 'x' }));
    expect(result).toEqual({ ok: true, paragraphs: ['نص ببادئة أخرى'] });
  });

  it('has no title without core properties', () => {
    const result = extractDocxParagraphs(makeDocx(`<w:p>${r('نص')}</w:p>`));
    expect(result.ok && result.title).toBe(undefined);
  });

  it('refuses a corrupt zip, a zip without word/document.xml, and something that is not a zip', () => {
    const good = makeDocx(`<w:p>${r('نص')}</w:p>`);
    const corrupt = good.slice(0, Math.floor(good.length / 2));
    expect(extractDocxParagraphs(corrupt, 'broken.docx')).toMatchObject({ ok: false, reason: '“broken.docx” is not a Word document (it is not a valid ZIP archive).' });
    const noDocument = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(extractDocxParagraphs(noDocument, 'x.docx')).toMatchObject({ ok: false, reason: '“x.docx” is not a Word document (no word/document.xml).' });
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(extractDocxParagraphs(ole, 'locked.docx')).toMatchObject({
      ok: false,
      reason: '“locked.docx” is not a Word document (it is an old-style .doc file, or a password-protected one; save it as .docx without a password).',
    });
    const result = extractDocxParagraphs(new TextEncoder().encode('نص عادي'), 'plain.docx');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^“plain.docx” is not a Word document/);
  });

  it('refuses a document part whose declared size is over the limit, before inflating it', () => {
    const zip = forgeDeclaredSize(makeDocx(`<w:p>${r('نص')}</w:p>`), 'word/document.xml', MAX_DOCX_DOCUMENT_BYTES + 30 * 1024 * 1024);
    const result = extractDocxParagraphs(zip, 'bomb.docx');
    expect(result).toMatchObject({ ok: false, reason: '“bomb.docx” is too large to import: its text part would be 80 MB uncompressed (the limit is 50 MB).' });
  });
});

describe('.docx through extractArticles', () => {
  it('imports the committed fixture (made by test/fixtures/intake/make-docx.mjs)', () => {
    const result = extractArticles('library-opening.docx', fixture('library-opening.docx'));
    if (!result.ok || !('articles' in result)) throw new Error(JSON.stringify(result));
    expect(result.format).toBe('docx');
    expect(result.articles).toEqual([
      {
        text: [
          'بلدية الساحل تعلن افتتاح مكتبة عامة جديدة',
          'قال رئيس البلدية إن المكتبة ستفتح أبوابها يوم السبت المقبل.',
          'الموعد:\tالعاشرة صباحاً',
          'وأضاف أن الدخول مجاني للجميع.',
          'للاستفسار: الهاتف-الأرضي',
        ].join('\n'),
        title: 'افتتاح مكتبة الساحل',
        format: 'docx',
        decoding: { encoding: 'utf-8', encodingMethod: 'declared', encodingConfidence: 1, lineEndings: 'none' },
      },
    ]);
  });

  it('recognises a .docx without its extension by content', () => {
    const result = extractArticles('download', makeDocx(`<w:p>${r('خبر بلا امتداد')}</w:p>`));
    expect(result).toMatchObject({ ok: true, format: 'docx', articles: [{ text: 'خبر بلا امتداد' }] });
  });

  it('refuses a corrupt .docx, an empty one, and a zip that is not a Word document', () => {
    const good = makeDocx(`<w:p>${r('نص')}</w:p>`);
    expect(extractArticles('cut.docx', good.slice(0, 40))).toMatchObject({ ok: false, format: 'docx', reason: '“cut.docx” is not a Word document (it is not a valid ZIP archive).' });
    expect(extractArticles('blank.docx', makeDocx('<w:p/>'))).toMatchObject({ ok: false, format: 'docx', reason: '“blank.docx” has no text.' });
    expect(extractArticles('bundle', zipSync({ 'a.txt': strToU8('x') }))).toMatchObject({
      ok: false,
      reason: '“bundle” is not an article: archives are not imported (unpack it and import the files inside).',
    });
  });
});
