/** A span's offsets as export notes give them: code points, whatever the document holds (UTF-16). */
import { describe, expect, it } from 'vitest';
import { codePointRange } from '../../../shared/formats/common/span-units';

describe('codePointRange', () => {
  it('is the identity without characters beyond U+FFFF', () => {
    const text = 'قال الوزير إن الجلسة انتهت.';
    expect(codePointRange(text, { start: 4, end: 10 })).toEqual({ start: 4, end: 10 });
  });

  it('counts each emoji before an edge once', () => {
    const text = '🔴📢 عاجل: أعلن المتحدث 🎤 أن الاجتماع تأجل.';
    const start = text.indexOf('المتحدث');
    const end = text.indexOf('الاجتماع') + 'الاجتماع'.length;
    expect(codePointRange(text, { start, end })).toEqual({ start: start - 2, end: end - 3 });
    expect(Array.from(text).slice(start - 2, end - 3).join('')).toBe(text.slice(start, end));
  });

  it('does not throw for an edge inside a pair (a note must not stop an export)', () => {
    expect(codePointRange('أ📢ب', { start: 2, end: 4 })).toEqual({ start: 2, end: 3 });
  });
});
