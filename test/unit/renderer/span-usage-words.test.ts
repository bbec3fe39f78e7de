import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/i18n';
import { usageInWords } from '../../../renderer/components/span-usage-words';

describe("the focused span's part in attributions, in words", () => {
  const en = createTranslator('en');
  const ar = createTranslator('ar');

  it('says only the parts the span has, counted', () => {
    expect(usageInWords({ claimOf: 0, mentionOrCueOf: 0 }, en)).toBe('none');
    expect(usageInWords({ claimOf: 1, mentionOrCueOf: 0 }, en)).toBe('the claim of 1 attribution');
    expect(usageInWords({ claimOf: 0, mentionOrCueOf: 2 }, en)).toBe('the source or cue of 2 attributions');
    expect(usageInWords({ claimOf: 1, mentionOrCueOf: 3 }, en)).toBe('the claim of 1 attribution, the source or cue of 3 attributions');
  });

  it('in Arabic, with the noun in the genitive after the preposition', () => {
    expect(usageInWords({ claimOf: 0, mentionOrCueOf: 0 }, ar)).toBe('لا شيء');
    expect(usageInWords({ claimOf: 1, mentionOrCueOf: 0 }, ar)).toBe('الادعاء في إسناد واحد');
    expect(usageInWords({ claimOf: 0, mentionOrCueOf: 2 }, ar)).toBe('ذِكر المصدر أو القرينة في إسنادين');
    expect(usageInWords({ claimOf: 3, mentionOrCueOf: 11 }, ar)).toBe('الادعاء في 3 إسنادات، ذِكر المصدر أو القرينة في 11 إسنادًا');
  });
});
