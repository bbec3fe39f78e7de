import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countControlBytes, countControlChars, looksBinary } from '../../../shared/text/binarySniff';
import { DEFAULT_MAX_FILE_BYTES, decodeArticleBytes, decodeStrict, describeEncoding, normaliseLineEndings, type DecodedText, type RefusedFile } from '../../../shared/text/decode';
import { detectLineEndings } from '../../../shared/text/lineEndings';
import { concatBytes, encodeSingleByte, encodeUtf16, encodeUtf8, pseudoRandomBytes } from './encoders';

// Our own sentences (not taken from any corpus).
const SENTENCE = 'قال المتحدث باسم وزارة الخارجية إن الوفد سيصل إلى القاهرة صباح الغد لبحث الملف.';
const LONG_ARABIC = [
  'أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، وقالت إنها ستوفر قروضاً ميسرة.',
  'وأضاف الوزير أن الخطة تشمل إصلاح قنوات الري وبناء مخازن للحبوب قبل موسم الحصاد المقبل.',
  'ورحبت نقابة الفلاحين بالقرار، لكنها طالبت بمراقبة توزيع الأموال على المستحقين.',
].join('\n');
const TRICKY = 'قَالَ الرَّئِيسُ\u00A0إنّ الســلام\u200Cممكن  \u0627\u0653خر ﻻ 𝒜 \t«نص»  ';

function ok(result: DecodedText | RefusedFile): DecodedText {
  if (!result.ok) throw new Error(`expected success, got ${result.reason}: ${result.message}`);
  return result;
}

function refused(result: DecodedText | RefusedFile): RefusedFile {
  if (result.ok) throw new Error(`expected a refusal, got ${describeEncoding(result)}`);
  return result;
}

describe('decodeArticleBytes: Unicode encodings', () => {
  it('reads valid UTF-8 without a BOM as such, with full confidence', () => {
    const d = ok(decodeArticleBytes(encodeUtf8(SENTENCE), 'article.txt'));
    expect(d).toEqual({ ok: true, text: SENTENCE, encoding: 'utf-8', hadBom: false, method: 'valid-utf8', confidence: 1, lineEndings: 'none' });
    expect(describeEncoding(d)).toBe('UTF-8');
  });

  it('reads plain ASCII as UTF-8', () => {
    const d = ok(decodeArticleBytes(encodeUtf8('Reuters reported on 14 March.\n'), 'en.txt'));
    expect(d.encoding).toBe('utf-8');
    expect(d.lineEndings).toBe('lf');
  });

  it('removes a UTF-8 BOM and reports it', () => {
    const d = ok(decodeArticleBytes(encodeUtf8(SENTENCE, true), 'bom.txt'));
    expect(d.text).toBe(SENTENCE);
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(d).toMatchObject({ encoding: 'utf-8', hadBom: true, method: 'bom', confidence: 1 });
    expect(describeEncoding(d)).toBe('UTF-8 (byte-order mark)');
  });

  it('removes only the leading BOM: a U+FEFF later in the text stays', () => {
    const d = ok(decodeArticleBytes(encodeUtf8('أ\uFEFFب', true), 'x.txt'));
    expect(d.text).toBe('أ\uFEFFب');
  });

  it.each([
    ['le', 'utf-16le', 'UTF-16 LE (byte-order mark)'],
    ['be', 'utf-16be', 'UTF-16 BE (byte-order mark)'],
  ] as const)('reads UTF-16 %s with a BOM, surrogate pairs included', (order, encoding, description) => {
    const text = `${SENTENCE} 📰 𝒜\r\nسطر ثانٍ`;
    const d = ok(decodeArticleBytes(encodeUtf16(text, order, true), `utf16${order}.txt`));
    expect(d.text).toBe(`${SENTENCE} 📰 𝒜\nسطر ثانٍ`);
    expect(d).toMatchObject({ encoding, hadBom: true, method: 'bom', confidence: 1, lineEndings: 'crlf' });
    expect(describeEncoding(d)).toBe(description);
  });

  it.each(['le', 'be'] as const)('detects UTF-16 %s without a BOM and says it was detected', (order) => {
    const d = ok(decodeArticleBytes(encodeUtf16(LONG_ARABIC, order, false), 'nobom.txt'));
    expect(d.text).toBe(LONG_ARABIC);
    expect(d.encoding).toBe(order === 'le' ? 'utf-16le' : 'utf-16be');
    expect(d.method).toBe('detected');
    expect(d.hadBom).toBe(false);
    expect(d.confidence).toBeGreaterThan(0);
    expect(d.confidence).toBeLessThan(1);
    expect(describeEncoding(d)).toMatch(/^UTF-16 (LE|BE), detected \d+%$/);
  });

  it.each(['le', 'be'] as const)('detects fully vocalised UTF-16 %s without a BOM (harakat are Arabic text, not noise)', (order) => {
    const vocalised = 'قَالَ الرَّئِيسُ إِنَّ المَدْرَسَةَ الجَدِيدَةَ سَتُفْتَحُ غَدًا';
    const d = ok(decodeArticleBytes(encodeUtf16(vocalised, order, false), 'vocalised.txt'));
    expect(d.text).toBe(vocalised);
    expect(d.encoding).toBe(order === 'le' ? 'utf-16le' : 'utf-16be');
  });

  it('refuses a UTF-16 file whose byte count is odd (damaged)', () => {
    const bytes = concatBytes(encodeUtf16(SENTENCE, 'le', true), [0x41]);
    const r = refused(decodeArticleBytes(bytes, 'broken.txt'));
    expect(r.reason).toBe('undecodable');
    expect(r.message).toContain('“broken.txt”');
  });

  it('refuses a UTF-8 BOM followed by invalid UTF-8 instead of inserting replacement characters', () => {
    const bytes = concatBytes(encodeUtf8('نص ', true), [0xc3, 0x28], encodeUtf8(' آخر'));
    const r = refused(decodeArticleBytes(bytes, 'bad.txt'));
    expect(r.reason).toBe('undecodable');
    expect(r.message).toMatch(/“bad\.txt”.*UTF-8/);
  });

  it('refuses UTF-32 with a clear message', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x27, 0x06, 0x00, 0x00]);
    const r = refused(decodeArticleBytes(bytes, 'wide.txt'));
    expect(r.reason).toBe('undecodable');
    expect(r.message).toContain('UTF-32');
  });
});

describe('decodeArticleBytes: legacy Arabic code pages', () => {
  it('detects Windows-1256 with chardet and decodes it exactly', () => {
    const d = ok(decodeArticleBytes(encodeSingleByte(LONG_ARABIC, 'windows-1256'), 'cp1256.txt'));
    expect(d.text).toBe(LONG_ARABIC);
    expect(d).toMatchObject({ encoding: 'windows-1256', method: 'detected', hadBom: false, lineEndings: 'lf' });
    expect(d.confidence).toBeGreaterThan(0.5);
    expect(d.confidence).toBeLessThanOrEqual(1);
    expect(describeEncoding(d)).toMatch(/^Windows-1256 \(Arabic\), detected \d+%$/);
  });

  it('decodes a Windows-1256 sentence with CRLF line endings', () => {
    const d = ok(decodeArticleBytes(encodeSingleByte(`${SENTENCE}\r\n${SENTENCE}\r\n`, 'windows-1256'), 'crlf.txt'));
    expect(d.text).toBe(`${SENTENCE}\n${SENTENCE}\n`);
    expect(d.encoding).toBe('windows-1256');
    expect(d.lineEndings).toBe('crlf');
  });

  it('detects ISO-8859-6', () => {
    const text = LONG_ARABIC.replace(/ً/g, '');
    const d = ok(decodeArticleBytes(encodeSingleByte(text, 'iso-8859-6'), 'iso.txt'));
    expect(d.text).toBe(text);
    expect(d).toMatchObject({ encoding: 'iso-8859-6', method: 'detected' });
    expect(describeEncoding(d)).toMatch(/^ISO-8859-6 \(Arabic\), detected \d+%$/);
  });

  it.each(['نعم', 'خبر عاجل', 'وزير الخارجية يزور القاهرة'])('tells ISO-8859-6 from Windows-1256 in a short text: %s', (text) => {
    for (const encoding of ['iso-8859-6', 'windows-1256'] as const) {
      const d = ok(decodeArticleBytes(encodeSingleByte(text, encoding), 'short.txt'));
      expect(d.text).toBe(text);
      expect(d.encoding).toBe(encoding);
    }
  });

  it('falls back to Windows-1256 with a low confidence when chardet cannot tell but the text reads as Arabic', () => {
    const d = ok(decodeArticleBytes(encodeSingleByte('مرحبا', 'windows-1256'), 'short.txt'));
    expect(d.text).toBe('مرحبا');
    expect(d.encoding).toBe('windows-1256');
    expect(d.method).toBe('detected');
    expect(d.confidence).toBeLessThanOrEqual(0.5);
  });

  it('refuses non-UTF-8 text that is not Arabic (Windows-1252 French) as undecodable, naming the file', () => {
    const bytes = encodeSingleByte('Le café était très chaud à Paris, où la fête fut brûlante.', 'windows-1252');
    const r = refused(decodeArticleBytes(bytes, 'french.txt'));
    expect(r.reason).toBe('undecodable');
    expect(r.message).toMatch(/^“french\.txt” could not be decoded/);
    expect(r.message).toContain('Save it as UTF-8');
  });
});

describe('decodeArticleBytes: text is kept exactly, except line endings', () => {
  it('keeps harakat, shadda, NBSP, ZWNJ, tatweel, decomposed madda, presentation forms and spaces', () => {
    const d = ok(decodeArticleBytes(encodeUtf8(TRICKY), 'tricky.txt'));
    expect(d.text).toBe(TRICKY);
    expect(d.text).not.toBe(TRICKY.normalize('NFC'));
  });

  it('turns CRLF into LF and reports crlf', () => {
    const d = ok(decodeArticleBytes(encodeUtf8(`${TRICKY}\r\n\r\nسطر\r\n`), 'crlf.txt'));
    expect(d.text).toBe(`${TRICKY}\n\nسطر\n`);
    expect(d.lineEndings).toBe('crlf');
  });

  it('turns lone CR into LF and reports cr', () => {
    const d = ok(decodeArticleBytes(encodeUtf8('أ\rب\r\rج'), 'cr.txt'));
    expect(d.text).toBe('أ\nب\n\nج');
    expect(d.lineEndings).toBe('cr');
  });

  it('reports mixed line endings', () => {
    const d = ok(decodeArticleBytes(encodeUtf8('أ\r\nب\nج\rد'), 'mixed.txt'));
    expect(d.text).toBe('أ\nب\nج\nد');
    expect(d.lineEndings).toBe('mixed');
  });

  it('normaliseLineEndings changes nothing but line endings', () => {
    expect(normaliseLineEndings('a\r\nb\rc\nd\r\n\re')).toBe('a\nb\nc\nd\n\ne');
    expect(normaliseLineEndings(TRICKY)).toBe(TRICKY);
    expect(normaliseLineEndings('')).toBe('');
  });

  it('detectLineEndings counts CRLF as one ending', () => {
    expect(detectLineEndings('a\r\nb\r\n')).toBe('crlf');
    expect(detectLineEndings('a\nb')).toBe('lf');
    expect(detectLineEndings('ab')).toBe('none');
    expect(detectLineEndings('a\r\n\nb')).toBe('mixed');
  });
});

describe('decodeArticleBytes: refusals', () => {
  it('refuses a PNG image, naming the file', () => {
    const png = concatBytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], encodeUtf8('IHDR'), pseudoRandomBytes(64));
    const r = refused(decodeArticleBytes(png, 'photo.png'));
    expect(r.reason).toBe('binary');
    expect(r.message).toBe('“photo.png” is not a text file (it looks like a PNG image).');
  });

  it.each([
    ['report.pdf', encodeUtf8('%PDF-1.7\n%âãÏÓ\n'), 'PDF'],
    ['article.docx', concatBytes([0x50, 0x4b, 0x03, 0x04], pseudoRandomBytes(40)), 'ZIP'],
    ['anim.gif', encodeUtf8('GIF89a....'), 'GIF'],
    ['pic.jpg', concatBytes([0xff, 0xd8, 0xff, 0xe0], pseudoRandomBytes(40)), 'JPEG'],
  ])('refuses %s by its signature', (name, bytes, kind) => {
    const r = refused(decodeArticleBytes(bytes, name));
    expect(r.reason).toBe('binary');
    expect(r.message).toContain(`“${name}”`);
    expect(r.message).toContain(kind);
  });

  it('refuses random bytes containing NULs', () => {
    const bytes = pseudoRandomBytes(4096);
    bytes[100] = 0;
    const r = refused(decodeArticleBytes(bytes, 'data.bin'));
    expect(r.reason).toBe('binary');
    expect(r.message).toBe('“data.bin” is not a text file (it contains binary data).');
  });

  it('refuses text sprinkled with NULs and control characters', () => {
    const withNul = concatBytes(encodeUtf8(SENTENCE), [0], encodeUtf8(SENTENCE));
    expect(refused(decodeArticleBytes(withNul, 'nul.txt')).reason).toBe('binary');
    const controls = new Uint8Array(200).map((_, i) => (i % 4 === 0 ? 0x01 : 0x61));
    expect(refused(decodeArticleBytes(controls, 'ctl.txt')).reason).toBe('binary');
  });

  it('refuses UTF-16 text (with BOM) that decodes to NUL characters', () => {
    const r = refused(decodeArticleBytes(encodeUtf16('ab\u0000\u0000cd', 'le', true), 'nul16.txt'));
    expect(r.reason).toBe('binary');
  });

  it('keeps a stray control character in otherwise normal text', () => {
    const text = `${LONG_ARABIC}\u000b`;
    expect(ok(decodeArticleBytes(encodeUtf8(text), 'vt.txt')).text).toBe(text);
  });

  it.each([
    ['no bytes', new Uint8Array(0)],
    ['only a UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['only a UTF-16 LE BOM', new Uint8Array([0xff, 0xfe])],
    ['only a UTF-16 BE BOM', new Uint8Array([0xfe, 0xff])],
    ['only ASCII whitespace', encodeUtf8(' \r\n\t \n ')],
    ['only a BOM and whitespace', encodeUtf8(' \n\u00A0\u200F ', true)],
    ['only UTF-16 whitespace', encodeUtf16(' \n \u00A0', 'be', true)],
  ])('refuses an empty file: %s', (_label, bytes) => {
    const r = refused(decodeArticleBytes(bytes, 'blank.txt'));
    expect(r.reason).toBe('empty');
    expect(r.message).toMatch(/^“blank\.txt” is empty/);
  });

  it('refuses a file above the size limit before looking at its content', () => {
    const bytes = encodeUtf8('0123456789A');
    const r = refused(decodeArticleBytes(bytes, 'big.txt', { maxBytes: 10 }));
    expect(r.reason).toBe('too-large');
    expect(r.message).toMatch(/^“big\.txt” is too large to import/);
    expect(ok(decodeArticleBytes(bytes.subarray(0, 10), 'fits.txt', { maxBytes: 10 })).text).toBe('0123456789');
    expect(refused(decodeArticleBytes(new Uint8Array(11), 'zeros.bin', { maxBytes: 10 })).reason).toBe('too-large');
  });

  it('has a default limit of 20 MiB and names it in the message', () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
    const r = refused(decodeArticleBytes(new Uint8Array(DEFAULT_MAX_FILE_BYTES + 1), 'huge.txt'));
    expect(r.reason).toBe('too-large');
    expect(r.message).toContain('20 MB');
  });
});

describe('decodeArticleBytes: binary data is judged by the bytes', () => {
  // Arabic and Latin text with C0 controls (NUL, allowed and disallowed ones) sprinkled at
  // densities around the 2% limit, with or without a UTF-8 BOM, sometimes with a byte that is
  // not UTF-8.
  const pieceArb = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('قال', ' ', 'المتحدث', '\n', 'Reuters', '٢٠١٩', '\u00A0', '😀', 'é') },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  );
  const fileArb = fc.tuple(fc.array(pieceArb, { minLength: 1, maxLength: 120 }), fc.boolean(), fc.option(fc.nat(), { freq: 5 })).map(([pieces, bom, badAt]) => {
    const bytes = encodeUtf8(pieces.join(''), bom);
    if (badAt !== null && bytes.length > 3) bytes[3 + (badAt % (bytes.length - 3))] = 0xff;
    return { bytes, bom };
  });

  it('counting controls in the decoded UTF-8 text gives the byte counts (property)', () => {
    fc.assert(
      fc.property(fileArb, ({ bytes }) => {
        const text = decodeStrict(bytes, 'utf-8');
        if (text !== undefined) expect(countControlChars(text)).toEqual(countControlBytes(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('a file is refused as binary exactly when its bytes have too many controls (property)', () => {
    fc.assert(
      fc.property(fileArb, ({ bytes, bom }) => {
        const body = bom ? bytes.subarray(3) : bytes;
        const binary = looksBinary(countControlBytes(body), body.length);
        const result = decodeArticleBytes(bytes, 'mixed.txt');
        const judgedBinary = result.ok ? result.encoding.startsWith('utf-16') : result.reason === 'binary';
        if (result.ok ? true : result.reason !== 'empty') expect(judgedBinary).toBe(binary);
        if (!binary && result.ok) expect(result.encoding === 'utf-8' || result.method === 'detected').toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

