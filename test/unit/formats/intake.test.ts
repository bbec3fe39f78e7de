import { describe, expect, it } from 'vitest';
import type { IntakeResult } from '../../../shared/formats/article-draft';
import { NATIVE_FORMAT_TAG } from '../../../shared/formats/native-schema';
import { extractArticles, isProbablyArticleFile, SUPPORTED_EXTENSIONS } from '../../../shared/formats/intake';
import { encodeCodePage, encodeUtf16, utf8 } from './support';

type Ok = Extract<IntakeResult, { ok: true }>;

function ok(result: ReturnType<typeof extractArticles>): Ok {
  if (!result.ok || !('articles' in result)) throw new Error(`expected articles, got ${JSON.stringify(result)}`);
  return result;
}

const ARTICLE = 'أعلنت وزارة الزراعة بدء موسم قطاف الزيتون في المحافظات الشمالية.\nوقال مسؤول في الوزارة إن الإنتاج هذا العام أفضل من العام الماضي.';

describe('plain text', () => {
  it('imports UTF-8 text as one article: line endings made \\n, nothing else changed, no title', () => {
    const result = ok(extractArticles('olives.txt', utf8(ARTICLE.replace('\n', '\r\n') + '\r\n')));
    expect(result).toEqual({
      ok: true,
      format: 'text',
      problems: [],
      articles: [{ text: `${ARTICLE}\n`, format: 'text', decoding: { encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'crlf' } }],
    });
  });

  it('decodes Windows-1256 and UTF-16 (LE and BE, with BOM)', () => {
    const cp1256 = ok(extractArticles('olives-1256.txt', encodeCodePage(ARTICLE, 'windows-1256')));
    expect(cp1256.articles[0]!.text).toBe(ARTICLE);
    expect(cp1256.articles[0]!.decoding).toMatchObject({ encoding: 'windows-1256', encodingMethod: 'detected' });
    for (const order of ['le', 'be'] as const) {
      const utf16 = ok(extractArticles(`olives-${order}.text`, encodeUtf16(ARTICLE, order)));
      expect(utf16.articles[0]!.text).toBe(ARTICLE);
      expect(utf16.articles[0]!.decoding).toEqual({ encoding: `utf-16${order}`, encodingMethod: 'bom', encodingConfidence: 1, lineEndings: 'lf' });
    }
  });

  it('handles a .xml.txt name as text', () => {
    expect(ok(extractArticles('raw/AB-12.xml.txt', utf8('<DOC>\n<TEXT>نص</TEXT>\n</DOC>'))).format).toBe('text');
  });
});

describe('records in legacy encodings', () => {
  const csv = 'id,text,title\n1,"الفقرة الأولى\nوالثانية",عنوان\n2,نص ثان طويل بما يكفي للكشف عن الترميز,عنوان آخر\n';
  const jsonl = '{"text": "خبر أول عن الطقس في المدن الساحلية", "title": "طقس"}\n{"text": "خبر ثان عن الأسواق الشعبية"}\n';

  it('reads CSV in Windows-1256 and UTF-16', () => {
    for (const bytes of [encodeCodePage(csv, 'windows-1256'), encodeUtf16(csv, 'le'), encodeUtf16(csv, 'be')]) {
      const result = ok(extractArticles('list.csv', bytes));
      expect(result.articles.map((a) => [a.record, a.text, a.title])).toEqual([
        [2, 'الفقرة الأولى\nوالثانية', 'عنوان'],
        [4, 'نص ثان طويل بما يكفي للكشف عن الترميز', 'عنوان آخر'],
      ]);
    }
  });

  it('reads JSON Lines in Windows-1256 and UTF-16', () => {
    for (const [bytes, encoding] of [
      [encodeCodePage(jsonl, 'windows-1256'), 'windows-1256'],
      [encodeUtf16(jsonl, 'le'), 'utf-16le'],
    ] as const) {
      const result = ok(extractArticles('feed.jsonl', bytes));
      expect(result.articles.map((a) => a.text)).toEqual(['خبر أول عن الطقس في المدن الساحلية', 'خبر ثان عن الأسواق الشعبية']);
      expect(result.articles[0]!.decoding.encoding).toBe(encoding);
    }
  });
});

describe('encoding override', () => {
  // Only letters whose Windows-1256 bytes are also valid ISO-8859-6 bytes (which are other letters there).
  const sentence = 'سمع الطالب صوت المطر على السطح طوال الليل';
  const bytes = encodeCodePage(sentence, 'windows-1256');

  it('decodes as the user asks, even where detection would choose another code page', () => {
    const detected = ok(extractArticles('rain.txt', bytes));
    expect(detected.articles[0]).toMatchObject({ text: sentence, decoding: { encoding: 'windows-1256', encodingMethod: 'detected' } });
    const forced = ok(extractArticles('rain.txt', bytes, { encoding: 'iso-8859-6' }));
    expect(forced.articles[0]!.text).toBe(new TextDecoder('iso-8859-6').decode(bytes));
    expect(forced.articles[0]!.text).not.toBe(sentence);
    expect(forced.articles[0]!.decoding).toEqual({ encoding: 'iso-8859-6', encodingMethod: 'user', encodingConfidence: 1, lineEndings: 'none' });
  });

  it('refuses an override the bytes are not valid in', () => {
    const withYa = encodeCodePage('في البيت', 'windows-1256');
    expect(extractArticles('x.txt', withYa, { encoding: 'iso-8859-6' })).toMatchObject({ ok: false, format: 'text', reason: '“x.txt” is not valid iso-8859-6.' });
    expect(extractArticles('x.txt', withYa, { encoding: 'utf-8' })).toMatchObject({ ok: false, format: 'text', reason: expect.stringMatching(/^“x\.txt” is not valid UTF-8: the byte 0xDD at byte offset 0 \(line 1\) is not part of any character\./u) });
  });

  it('strips a byte-order mark and normalises line endings under an override', () => {
    const result = ok(extractArticles('bom.txt', encodeUtf16('سطر\r\nسطر', 'le'), { encoding: 'utf-16le' }));
    expect(result.articles[0]).toMatchObject({ text: 'سطر\nسطر', decoding: { encoding: 'utf-16le', encodingMethod: 'user', lineEndings: 'crlf' } });
  });
});

describe('HTML declared charset', () => {
  it('reads a Windows-1256 page in the charset it declares (method "declared")', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>خبر</title></head><body><p>افتتح المعرض الدولي للكتاب أبوابه اليوم.</p></body></html>';
    const result = ok(extractArticles('page.htm', encodeCodePage(html, 'windows-1256')));
    expect(result.articles[0]).toMatchObject({ text: 'افتتح المعرض الدولي للكتاب أبوابه اليوم.', title: 'خبر', decoding: { encoding: 'windows-1256', encodingMethod: 'declared' } });
  });

  it('ignores the declaration when the bytes are valid UTF-8', () => {
    const html = '<meta charset="windows-1256"><p>نص بترميز UTF-8 رغم التصريح.</p>';
    expect(ok(extractArticles('page.html', utf8(html))).articles[0]).toMatchObject({ text: 'نص بترميز UTF-8 رغم التصريح.', decoding: { encoding: 'utf-8', encodingMethod: 'valid-utf8' } });
  });
});

describe('format by content when the name does not tell', () => {
  it('sniffs HTML, JSON, JSON Lines, Markdown front matter and text', () => {
    expect(ok(extractArticles('saved-page', utf8('<!DOCTYPE html><html><body><p>نص الصفحة.</p></body></html>'))).format).toBe('html');
    expect(ok(extractArticles('data.dat', utf8('[{"text": "نص"}]'))).format).toBe('json');
    expect(ok(extractArticles('data.log', utf8('{"text": "أ"}\n{"text": "ب"}\n'))).format).toBe('jsonl');
    expect(ok(extractArticles('note', utf8('---\ntitle: ملاحظة\n---\nنص الملاحظة.'))).articles[0]).toMatchObject({ format: 'markdown', title: 'ملاحظة', text: 'نص الملاحظة.' });
    expect(ok(extractArticles('README', utf8('[تحديث] نص يبدأ بقوسين وليس JSON.'))).format).toBe('text');
  });
});

describe('native Isnad exports', () => {
  it('hands the JSON back untouched for the native importer', () => {
    const json = JSON.stringify({ format: NATIVE_FORMAT_TAG, formatVersion: 1, documents: [] }, null, 2);
    expect(extractArticles('corpus.json', utf8(json))).toEqual({ ok: true, format: 'native', nativeJson: json });
  });
});

describe('refusals', () => {
  it('refuses known non-article files by name', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(extractArticles('photo.png', png)).toMatchObject({ ok: false, reason: '“photo.png” is not an article: images are not imported.' });
    expect(extractArticles('scan.PDF', utf8('%PDF-1.7'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^“scan\.PDF” is not an article: PDF files are not imported/) });
    expect(extractArticles('setup.exe', utf8('MZ'))).toMatchObject({ ok: false, reason: '“setup.exe” is not an article: programs are not imported.' });
    expect(extractArticles('.DS_Store', utf8('x'))).toMatchObject({ ok: false, reason: '“.DS_Store” is not an article: it is a macOS folder settings file.' });
    expect(extractArticles('folder/._story.txt', utf8('x'))).toMatchObject({ ok: false, reason: '“folder/._story.txt” is not an article: it is a macOS resource file.' });
    expect(extractArticles('old.doc', utf8('x'))).toMatchObject({ ok: false, reason: '“old.doc” is not an article: old Word .doc files are not read (save it as .docx).' });
  });

  it('refuses binary content under an unknown name, empty files and files over the size limit', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(extractArticles('mystery', png)).toMatchObject({ ok: false, reason: '“mystery” is not a text file (it looks like a PNG image).' });
    expect(extractArticles('empty.txt', new Uint8Array())).toMatchObject({ ok: false, format: 'text', reason: '“empty.txt” is empty (it contains no text).' });
    expect(extractArticles('big.txt', utf8('نص'.repeat(2000)), { maxBytes: 1024 })).toMatchObject({ ok: false, format: 'text', reason: '“big.txt” is too large to import (8 KB; the limit is 1 KB).' });
    expect(extractArticles('big.docx', new Uint8Array(3 * 1024 * 1024), { maxBytes: 2 * 1024 * 1024 })).toMatchObject({ ok: false, format: 'docx', reason: '“big.docx” is too large to import (3 MB; the limit is 2 MB).' });
  });

  it('refuses Markdown that is only front matter', () => {
    expect(extractArticles('meta.md', utf8('---\ntitle: ع\n---\n\n'))).toMatchObject({ ok: false, format: 'markdown', reason: '“meta.md” has no text (only front matter).' });
  });
});

describe('file names', () => {
  it('lists the supported extensions without dots', () => {
    expect([...SUPPORTED_EXTENSIONS].sort()).toEqual(['csv', 'docx', 'htm', 'html', 'json', 'jsonl', 'markdown', 'md', 'ndjson', 'text', 'tsv', 'txt', 'xhtml']);
  });

  it('tells folder walks which files are probably articles', () => {
    for (const name of ['a.txt', 'b.MD', 'c.html', 'd.json', 'e.jsonl', 'f.csv', 'g.docx', 'dir/h.xml.txt', 'C:\\news\\i.htm']) expect(isProbablyArticleFile(name), name).toBe(true);
    for (const name of ['photo.jpg', 'scan.pdf', '.DS_Store', 'Thumbs.db', '._a.txt', '~$report.docx', '.hidden.txt', 'page_files/app.js', 'README', 'data.dat']) {
      expect(isProbablyArticleFile(name), name).toBe(false);
    }
  });
});
