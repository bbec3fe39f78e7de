import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from '../../../renderer/commands/fuzzy';
import { actionSearchText, actionTitle, allActionDefinitions, type ActionDefinition } from '../../../renderer/commands/definitions';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { createTranslator, type Language } from '../../../shared/i18n/i18n';

const TITLES = ['Open the next document', 'Open the next unfinished document', 'Undo', 'Redo', 'Export corpus as JSON', 'Move the caret a word left (forward in Arabic)', 'Mark as PER — Person'];

/** The palette's texts in a language: each action's title and group, as `CommandPalette` searches them. */
function paletteTexts(language: Language): string[] {
  const t = createTranslator(language);
  return allActionDefinitions(DEFAULT_LABEL_SCHEMA).map((def) => actionSearchText(def, t));
}

/** The titles (without the group) the palette lists for a query, best first. */
function search(language: Language, query: string): string[] {
  const t = createTranslator(language);
  return matches(language, query).map((def) => actionTitle(def, t));
}

/**
 * The actions the palette lists for a query, best first: it searches each action's title and
 * group in the interface language and, with `bilingual` (as `CommandPalette` does), in the other one.
 */
function matches(language: Language, query: string, bilingual = true): ActionDefinition[] {
  const t = createTranslator(language);
  const other = createTranslator(language === 'ar' ? 'en' : 'ar');
  const defs = allActionDefinitions(DEFAULT_LABEL_SCHEMA);
  return fuzzyFilter(defs, query, (def) => actionSearchText(def, t), bilingual ? (def) => [actionSearchText(def, other)] : undefined);
}

const ids = (defs: readonly ActionDefinition[]): string[] => defs.map((def) => def.id);

describe('fuzzy matching for the command palette', () => {
  it('needs every query word somewhere, ignoring case; scattered letters stay in order within a word', () => {
    expect(fuzzyScore('nxt doc', 'Open the next document')).not.toBeNull();
    expect(fuzzyScore('doc nxt', 'Open the next document')).not.toBeNull();
    expect(fuzzyScore('cod txen', 'Open the next document')).toBeNull();
    expect(fuzzyScore('next zebra', 'Open the next document')).toBeNull();
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('puts word starts and exact words first', () => {
    expect(fuzzyFilter(TITLES, 'undo', (t) => t)[0]).toBe('Undo');
    expect(fuzzyFilter(TITLES, 'nxt doc', (t) => t)[0]).toBe('Open the next document');
    expect(fuzzyFilter(TITLES, 'per', (t) => t)[0]).toBe('Mark as PER — Person');
    expect(fuzzyFilter(TITLES, 'json', (t) => t)).toEqual(['Export corpus as JSON']);
  });

  it('ranks an exact word over a word prefix over a substring over scattered letters', () => {
    const texts = ['s t a r t e r', 'restart', 'starting', 'start'];
    expect(fuzzyFilter(texts, 'start', (t) => t)).toEqual(['start', 'starting', 'restart', 's t a r t e r']);
  });

  it('keeps the original order for an empty query', () => {
    expect(fuzzyFilter(TITLES, '  ', (t) => t)).toEqual(TITLES);
  });

  it('finds the palette’s actions as people type them (English)', () => {
    expect(paletteTexts('en').length).toBeGreaterThan(50);
    expect(search('en', 'cheat')[0]).toBe('Keyboard shortcuts (cheat sheet)');
    expect(search('en', 'cheat').indexOf('Keyboard shortcuts (cheat sheet)')).toBeLessThan(search('en', 'cheat').indexOf('Clear the selection and the focused span (in another view: show the article)'));
    expect(search('en', 'rejected')[0]).toBe('Bring back the suggestions rejected in this document');
    expect(search('en', 'rejected')).toContain('Reject the focused suggestion');
    expect(search('en', 'reject')[0]).toBe('Reject the focused suggestion');
    expect(search('en', 'shrink start char')[0]).toBe('Shrink the focused span by a character at its start');
    expect(search('en', 'char shrink start')[0]).toBe('Shrink the focused span by a character at its start');
    expect(search('en', 'nxt doc')[0]).toBe('Open the next document');
  });

  it('finds Arabic titles: whole words with or without ال, in any order, whatever the harakat', () => {
    expect(search('ar', 'بطاقة المساعدة')[0]).toBe('اختصارات لوحة المفاتيح (بطاقة المساعدة)');
    expect(search('ar', 'المرفوضة')[0]).toBe('إعادة الاقتراحات المرفوضة في هذا المستند');
    expect(search('ar', 'رفض')[0]).toBe('رفض الاقتراح النشط');
    expect(search('ar', 'تالي مستند')[0]).toBe('فتح المستند التالي');
    // «المدونة» without the shadda finds «المدوّنة»; teh marbuta typed as heh too.
    expect(search('ar', 'مصادر المدونه')[0]).toBe('عرض مصادر المدوّنة');
    expect(search('ar', 'تقليص بداية حرف')[0]).toBe('تقليص المقطع النشط بحرف من بدايته');
  });

  it('finds an action by its English title in the Arabic interface, showing the Arabic title', () => {
    expect(search('ar', 'export')).toContain('تصدير المدوّنة بصيغة JSON');
    expect(search('ar', 'export').slice(0, 2)).toEqual(expect.arrayContaining(['تصدير المدوّنة بصيغة JSON', 'تصدير مجموعة بيانات…']));
    expect(search('ar', 'next document')[0]).toBe('فتح المستند التالي');
    expect(search('ar', 'nxt doc')[0]).toBe('فتح المستند التالي');
    expect(search('ar', 'undo')[0]).toBe('تراجع');
    expect(search('ar', 'cheat')[0]).toBe('اختصارات لوحة المفاتيح (بطاقة المساعدة)');
    // Titles with no Latin letters in Arabic: an English query ranks them as the English interface does.
    for (const query of ['export', 'next document', 'undo', 'reject', 'shrink start char', 'Person']) expect(ids(matches('ar', query)), query).toEqual(ids(matches('en', query)));
  });

  it('finds an action by its Arabic title in the English interface', () => {
    expect(search('en', 'تراجع')[0]).toBe('Undo');
    expect(search('en', 'المستند التالي')[0]).toBe('Open the next document');
    expect(search('en', 'تصدير')).toContain('Export corpus as JSON');
  });

  it('ranks Arabic queries in the Arabic interface (and English ones in English) as it did with one language', () => {
    const arabic = ['بطاقة المساعدة', 'المرفوضة', 'رفض', 'تالي مستند', 'مصادر المدونه', 'تقليص بداية حرف', 'تصدير', 'تراجع', 'المستند التالي', 'اقتراح', 'وسم', 'مقطع', 'ب', 'شخص'];
    for (const query of arabic) expect(ids(matches('ar', query)), query).toEqual(ids(matches('ar', query, false)));
    // Latin words of the Arabic titles find more in the English ones, after what they found before, in the same order.
    for (const query of ['PER', 'JSON', 'brat']) {
      const before = ids(matches('ar', query, false));
      expect(before.length, query).toBeGreaterThan(0);
      expect(ids(matches('ar', query)).slice(0, before.length), query).toEqual(before);
    }
    const english = ['cheat', 'rejected', 'reject', 'shrink start char', 'nxt doc', 'export', 'undo', 'PER', 'json', 'e'];
    for (const query of english) expect(ids(matches('en', query)), query).toEqual(ids(matches('en', query, false)));
  });

  it('prefers a match in the interface language to an equally good one in the other language', () => {
    /** [id, text in the interface language, text in the other language] */
    type Item = readonly [string, string, string];
    const rank = (items: readonly Item[], query: string): string[] => fuzzyFilter(items, query, (item) => item[1], (item) => [item[2]]).map((item) => item[0]);
    // "alpha" is the whole first word of b's other text, which is also shorter: on one list, b would come first.
    const equal: Item[] = [['b', 'بيتا', 'alpha'], ['a', 'جيم دال alpha هاء واو زاي حاء طاء', 'gamma']];
    expect(rank(equal, 'alpha')).toEqual(['a', 'b']);
    expect(rank(equal, 'alp')).toEqual(['a', 'b']);
    expect(rank(equal, 'gam')).toEqual(['a']);
    // A better kind of match in the other language still wins: a word start beats letters scattered in a word or across words.
    const better: Item[] = [['x', 'dxexlxtxa', 'omega'], ['y', 'a l p h a b e t', 'omega'], ['z', 'زاي', 'delta alphabet']];
    expect(rank(better, 'delt')).toEqual(['z', 'x']);
    expect(rank(better, 'alpha')).toEqual(['z', 'y']);
  });
});
