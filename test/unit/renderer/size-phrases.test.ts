/**
 * File sizes in the interface language: the import dialog's Size column and the refusal of a
 * file over the size limit (picked or dropped in the browser) are said in the interface's
 * language — «20 بايت», «1.5 كيلوبايت» in Arabic, "20 bytes", "1.5 KB" in English — and the
 * refusal is an Arabic sentence in the Arabic interface.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/i18n';
import { byteSizePhrase, sizeOverLimit } from '../../../shared/phrases/sizes';
import { english } from '../../../shared/phrases/phrase';
import { toWorkerFiles } from '../../../renderer/platform/host';
import { extractArticles } from '../../../shared/formats/intake';

const arabic = createTranslator('ar');
const englishT = createTranslator('en');
const isolated = (text: string): string => `\u2068${text}\u2069`;

describe('file sizes', () => {
  const cases: Array<[number, string, string]> = [
    [1, '1 byte', '1 بايت'],
    [20, '20 bytes', '20 بايتًا'],
    [200, '200 bytes', '200 بايت'],
    [5, '5 bytes', '5 بايتات'],
    [1536, '1.5 KB', '1.5 كيلوبايت'],
    [20 * 1024, '20 KB', '20 كيلوبايت'],
    [Math.round(2.5 * 1024 * 1024), '2.5 MB', '2.5 ميغابايت'],
    [20 * 1024 * 1024, '20 MB', '20 ميغابايت'],
  ];
  for (const [bytes, en, ar] of cases) {
    it(`${bytes} bytes: “${en}”, «${ar}»`, () => {
      expect(englishT.phrase(byteSizePhrase(bytes))).toBe(en);
      expect(english(byteSizePhrase(bytes))).toBe(en);
      expect(arabic.phrase(byteSizePhrase(bytes))).toBe(ar);
    });
  }

  it('sizes against a limit round kilobytes up, as the refusals always did', () => {
    expect(english(byteSizePhrase(8000, 'whole-up'))).toBe('8 KB');
    expect(english(byteSizePhrase(20, 'whole-up'))).toBe('1 KB');
  });

  it('a size against a limit rounds megabytes up too, and a limit rounds down', () => {
    expect(english(byteSizePhrase(20 * 1024 * 1024 + 1, 'whole-up'))).toBe('20.1 MB');
    expect(english(byteSizePhrase(20 * 1024 * 1024, 'whole-up'))).toBe('20 MB');
    expect(english(byteSizePhrase(Math.round(20.04 * 1024 * 1024), 'down'))).toBe('20 MB');
    expect(english(byteSizePhrase(1536, 'down'))).toBe('1 KB');
    expect(english(byteSizePhrase(20, 'down'))).toBe('20 bytes');
  });

  it('a size just over a limit never reads as the limit or below it', () => {
    const MB = 1024 * 1024;
    for (const limit of [20 * MB, 1024, 1000, 5 * MB + 1, Math.round(20.05 * MB), 1023 * 1024 + 512, MB - 1]) {
      for (const size of [limit + 1, limit + 100, limit + 52_000]) {
        const said = sizeOverLimit(size, limit);
        const [shownSize, shownLimit] = [english(said.size), english(said.limit)];
        expect(shownSize, `${size} against ${limit}`).not.toBe(shownLimit);
        const bytes = (text: string): number => {
          const [n, unit] = text.split(' ');
          return Number(n) * (unit === 'MB' ? MB : unit === 'KB' ? 1024 : 1);
        };
        expect(bytes(shownSize), `${shownSize} against ${shownLimit}`).toBeGreaterThan(bytes(shownLimit));
      }
    }
  });
});

describe('a file over the size limit', () => {
  it('picked in the browser: refused by name, in Arabic in the Arabic interface', () => {
    const big = new File([new Uint8Array(3 * 1024 * 1024)], 'big-feed.json');
    const [refused] = toWorkerFiles([big], 2 * 1024 * 1024);
    if (!refused || !('error' in refused)) throw new Error('a file over the limit should be refused');
    expect(refused.error).toBe('“big-feed.json” is too large to import (3 MB; the limit is 2 MB).');
    expect(englishT.text(refused.error, refused.errorPhrase)).toBe(refused.error);
    expect(arabic.text(refused.error, refused.errorPhrase)).toBe(`الملف «${isolated('big-feed.json')}» أكبر من أن يُستورد (3 ميغابايت؛ والحد الأقصى 2 ميغابايت).`);
  });

  it('read by the intake: the same sentence, with sizes in Arabic units', () => {
    const result = extractArticles('big.txt', new TextEncoder().encode('نص'.repeat(2000)), { maxBytes: 1024 });
    expect(result).toMatchObject({ ok: false, reason: '“big.txt” is too large to import (8 KB; the limit is 1 KB).' });
    if (result.ok) throw new Error('refused');
    expect(arabic.phrase(result.phrase!)).toBe(`الملف «${isolated('big.txt')}» أكبر من أن يُستورد (8 كيلوبايت؛ والحد الأقصى 1 كيلوبايت).`);
  });

  it('one byte over 20 MB reads as over it, not as the limit', () => {
    const limit = 20 * 1024 * 1024;
    const [refused] = toWorkerFiles([new File([new Uint8Array(limit + 1)], 'big/over.txt')], limit);
    if (!refused || !('error' in refused)) throw new Error('a file over the limit should be refused');
    expect(refused.error).toBe('“big/over.txt” is too large to import (20.1 MB; the limit is 20 MB).');
  });
});
