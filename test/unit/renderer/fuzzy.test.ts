import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from '../../../renderer/commands/fuzzy';
import { actionTitle, allActionDefinitions, groupName } from '../../../renderer/commands/definitions';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { createTranslator, type Language } from '../../../shared/i18n/i18n';

const TITLES = ['Open the next document', 'Open the next unfinished document', 'Undo', 'Redo', 'Export corpus as JSON', 'Move the caret a word left (forward in Arabic)', 'Mark as PER — Person'];

/** The palette's texts in a language: each action's title and group, as `CommandPalette` searches them. */
function paletteTexts(language: Language): string[] {
  const t = createTranslator(language);
  return allActionDefinitions(DEFAULT_LABEL_SCHEMA).map((def) => `${actionTitle(def, t)} ${groupName(def.group, t)}`);
}

/** The titles (without the group) the palette lists for a query, best first. */
function search(language: Language, query: string): string[] {
  const t = createTranslator(language);
  const defs = allActionDefinitions(DEFAULT_LABEL_SCHEMA);
  return fuzzyFilter(defs, query, (def) => `${actionTitle(def, t)} ${groupName(def.group, t)}`).map((def) => actionTitle(def, t));
}

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
    expect(search('en', 'cheat').indexOf('Keyboard shortcuts (cheat sheet)')).toBeLessThan(search('en', 'cheat').indexOf('Clear the selection and the focused span'));
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
});
