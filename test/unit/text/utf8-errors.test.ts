/**
 * Damaged UTF-8 (a stray byte, a character cut short) is refused saying where the first
 * invalid byte is — its byte offset and line — in both languages, instead of “it is not
 * UTF-8 … (the detector's best guess was UTF-8)”.
 */
import { describe, expect, it } from 'vitest';
import { decodeForIntake } from '../../../shared/formats/intake/decoding';
import { createTranslator } from '../../../shared/i18n/i18n';
import { decodeArticleBytes, type DecodedText, type RefusedFile } from '../../../shared/text/decode';
import { findUtf8Errors, isNearlyUtf8 } from '../../../shared/text/utf8-errors';
import { concatBytes, encodeSingleByte, encodeUtf8 } from './encoders';

// Our own sentences (not taken from any corpus).
const LINES = [
  'أكد رئيس البلدية أن أعمال الصيانة في الشارع الرئيسي ستنتهي قبل نهاية الشهر.',
  'وقال إن الفرق تعمل ليلاً ونهاراً لتقليل الازدحام في وسط المدينة.',
  'وأشار إلى أن المرحلة الثانية تبدأ في الربيع المقبل.',
];

function refused(result: DecodedText | RefusedFile): RefusedFile {
  if (result.ok) throw new Error(`expected a refusal, got ${result.encoding}`);
  return result;
}

describe('findUtf8Errors', () => {
  it('finds nothing in valid UTF-8', () => {
    expect(findUtf8Errors(encodeUtf8(LINES.join('\n')))).toBeUndefined();
  });

  it('gives the first invalid byte, its line (CRLF counted once) and the counts', () => {
    const head = encodeUtf8(`${LINES[0]}\r\n${LINES[1]}\r\nو`);
    const bytes = concatBytes(head, [0xff], encodeUtf8(LINES[2]!), [0xc0, 0x80]);
    const found = findUtf8Errors(bytes)!;
    expect(found).toMatchObject({ offset: head.length, line: 3, bytes: [0xff], truncated: false, errors: 3 });
    expect(isNearlyUtf8(found)).toBe(true);
  });

  it('rejects what the WHATWG decoder rejects: overlong forms, surrogates, a lead byte without its continuation', () => {
    expect(findUtf8Errors(new Uint8Array([0x41, 0xc0, 0xaf]))).toMatchObject({ offset: 1, errors: 2 });
    expect(findUtf8Errors(new Uint8Array([0xed, 0xa0, 0x80]))).toMatchObject({ offset: 0, errors: 3 });
    expect(findUtf8Errors(new Uint8Array([0xe0, 0xa0, 0x41]))).toMatchObject({ offset: 0, bytes: [0xe0, 0xa0], truncated: false, errors: 1 });
  });

  it('says when the bytes end inside a character', () => {
    const whole = encodeUtf8(LINES[0]!.replace(/\.$/u, ''));
    const found = findUtf8Errors(whole.subarray(0, whole.length - 1))!;
    expect(found).toMatchObject({ offset: whole.length - 2, line: 1, truncated: true, errors: 1 });
  });

  it('does not take a legacy Arabic code page for damaged UTF-8', () => {
    const found = findUtf8Errors(encodeSingleByte(LINES.join('\n'), 'windows-1256'))!;
    expect(isNearlyUtf8(found)).toBe(false);
  });
});

describe('damaged UTF-8 is refused saying where', () => {
  const head = encodeUtf8(`${LINES[0]}\n${LINES[1]}\nو`);
  const stray = concatBytes(head, [0xff], encodeUtf8(`${LINES[2]}\n`));
  const whole = encodeUtf8(LINES.join('\n').replace(/\.$/u, '')); // ends in a letter: two bytes
  const cut = whole.subarray(0, whole.length - 1);

  it('a stray byte: its value, byte offset and line, without the detector’s guess', () => {
    const r = refused(decodeArticleBytes(stray, 'stray.txt'));
    expect(r.reason).toBe('undecodable');
    expect(r.message).toBe(
      `“stray.txt” is not valid UTF-8: the byte 0xFF at byte offset ${head.length} (line 3) is not part of any character. Correct or remove it (or save the file as UTF-8 again) and import it again.`,
    );
    expect(r.message).not.toContain('best guess');
  });

  it('a character cut short at the end', () => {
    const r = refused(decodeArticleBytes(cut, 'cut.txt'));
    expect(r.message).toContain(`ends in the middle of a character (0x${cut[cut.length - 1]!.toString(16).toUpperCase()} at byte offset ${cut.length - 1}, line 3)`);
  });

  it('after a UTF-8 byte-order mark, counting the mark’s bytes', () => {
    const r = refused(decodeArticleBytes(concatBytes([0xef, 0xbb, 0xbf], stray), 'bom.txt'));
    expect(r.message).toContain(`0xFF at byte offset ${head.length + 3} (line 3)`);
  });

  it('with the encoding chosen as UTF-8 (isnad --encoding utf-8, the per-file override)', () => {
    const r = decodeForIntake(stray, 'chosen.txt', { encoding: 'utf-8' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(`0xFF at byte offset ${head.length} (line 3)`);
  });

  it('in Arabic too', () => {
    const arabic = createTranslator('ar');
    const r = refused(decodeArticleBytes(stray, 'stray.txt'));
    expect(arabic.phrase(r.phrase)).toContain(`عند الإزاحة ${head.length} بالبايتات (السطر 3)`);
    const c = refused(decodeArticleBytes(cut, 'cut.txt'));
    expect(arabic.phrase(c.phrase)).toContain('ينتهي في منتصف حرف');
  });

  it('still decodes legacy Arabic code pages', () => {
    const d = decodeArticleBytes(encodeSingleByte(LINES.join('\n'), 'windows-1256'), 'cp1256.txt');
    expect(d.ok && d.encoding).toBe('windows-1256');
  });
});
