import { describe, expect, it } from 'vitest';
import { actionKeyInText, keyInText } from '../../../renderer/i18n/key-names';
import { createTranslator } from '../../../shared/i18n/i18n';
import { en } from '../../../shared/i18n/en';
import { ar } from '../../../shared/i18n/ar';

const english = createTranslator('en');
const arabic = createTranslator('ar');

describe('keys named in sentences', () => {
  it('isolates a key combination left to right in Arabic, and leaves English text as it is', () => {
    expect(keyInText('Shift+[', english, 'pc')).toBe('Shift+[');
    expect(keyInText('Shift+[', arabic, 'pc')).toBe('\u2066Shift+[\u2069');
    expect(keyInText('Mod+Alt+]', arabic, 'mac')).toBe('\u2066⌘+⌥+]\u2069');
  });

  it('names the first key an action has now, or says there is none', () => {
    expect(actionKeyInText(['Q', '1'], english, 'pc')).toBe('Q');
    expect(actionKeyInText([], english, 'pc')).toBe(english('keys.none'));
  });

  it('a message naming the label key says the key it is given, isolated in Arabic', () => {
    expect(english('notice.selectFirst', { key: keyInText('Q', english, 'pc'), label: 'PER — Person' })).toBe('Select some text first, then press Q to mark it PER — Person.');
    expect(arabic('notice.spanDetails', { label: 'شخص', quote: 'روسيا', growStart: keyInText('[', arabic, 'pc'), growEnd: keyInText(']', arabic, 'pc'), delete: keyInText('Delete', arabic, 'pc') })).toContain('و\u2066[\u2069 و\u2066]\u2069 تغيّران طرفيه');
  });

  it('no Arabic message writes a key combination or a bracket key as bare text', () => {
    // A combination ("Shift+[", "Alt+…") or a bracket key outside an isolate is reordered in Arabic.
    const bare = /(?:Ctrl|Shift|Alt|Cmd|Mod)\+|(?:^|\s)[[\]](?:\s|$)/u;
    for (const [key, message] of Object.entries(ar)) {
      if (typeof message !== 'string') continue;
      const outside = message.replace(/\u2066[^\u2069]*\u2069/gu, '');
      expect(bare.test(outside), `${key}: ${message}`).toBe(false);
    }
    // The English says the same keys as placeholders, so both name the keys bound now.
    expect(en['spanDetails.keys.claim']).toContain('{enter} opens the claim’s attributes');
    expect(en['spanDetails.keys.other']).toContain('{enter} in the text shows these details');
  });
});
