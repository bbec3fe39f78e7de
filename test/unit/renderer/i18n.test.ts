import { describe, expect, it } from 'vitest';
import { ar } from '../../../shared/i18n/ar';
import { en, type MessageKey } from '../../../shared/i18n/en';
import { createTranslator, placeholdersOf, systemLanguage, type Message } from '../../../shared/i18n/i18n';
import { attributeValueName, labelName, sourceName } from '../../../renderer/i18n/labels';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';

const ARABIC_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

function forms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message);
}

function placeholders(message: Message): Set<string> {
  return new Set(forms(message).flatMap(placeholdersOf));
}

/** Messages that are technical names, the same in every language. */
const SAME_IN_ARABIC = new Set<MessageKey>([
  'format.markdown',
  'encoding.utf8',
  'encoding.utf16le',
  'encoding.utf16be',
  'exportDialog.format.doccano',
  'exportDialog.format.brat',
  'exportDialog.format.conll',
  'exportDialog.format.spacy',
  'exportDialog.format.webAnnotation',
  'value.null',
  'sourceFormat.markdown',
  'sourceFormat.html',
  'sourceFormat.json',
  'sourceFormat.jsonl',
  'sourceFormat.csv',
  'encodingName.utf-8',
  'encodingName.utf-16le',
  'encodingName.utf-16be',
]);

describe('message catalogues', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('have the same keys in English and Arabic', () => {
    expect(Object.keys(ar).sort()).toEqual([...keys].sort());
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = keys.filter((key) => [...placeholders(en[key])].sort().join() !== [...placeholders(ar[key])].sort().join());
    expect(mismatched).toEqual([]);
  });

  it('keep every placeholder but the count in every plural form, so no form drops information', () => {
    const dropped: string[] = [];
    for (const key of keys) {
      for (const [language, message] of [['en', en[key]], ['ar', ar[key]]] as const) {
        if (typeof message === 'string') continue;
        const needed = [...placeholders(message)].filter((p) => p !== 'count');
        for (const [category, form] of Object.entries(message)) {
          const missing = needed.filter((p) => !placeholdersOf(form).includes(p));
          if (missing.length) dropped.push(`${language} ${key}.${category}: ${missing.join(', ')}`);
        }
      }
    }
    expect(dropped).toEqual([]);
  });

  it('give English plurals one/other and Arabic plurals all six categories of Intl.PluralRules', () => {
    expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories.sort()).toEqual([...ARABIC_CATEGORIES].sort());
    for (const key of keys) {
      const english = en[key] as Message;
      if (typeof english !== 'string') expect(Object.keys(english).sort(), key).toEqual(['one', 'other']);
      const arabic = ar[key];
      if (typeof arabic !== 'string') expect(Object.keys(arabic).sort(), key).toEqual([...ARABIC_CATEGORIES].sort());
    }
  });

  it('translate everything into Arabic (only technical names are left as they are)', () => {
    const untranslated = keys.filter((key) => !SAME_IN_ARABIC.has(key) && /[a-z]{3}/i.test(forms(en[key]).join(' ').replace(/\{\w+\}/g, '')) && !forms(ar[key]).some((f) => /[\u0600-\u06ff]/.test(f)));
    expect(untranslated).toEqual([]);
  });

  it('have balanced braces and guillemets in every form', () => {
    for (const key of keys) {
      for (const form of [...forms(en[key]), ...forms(ar[key])]) {
        expect(form.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
        expect((form.match(/«/g) ?? []).length, key).toBe((form.match(/»/g) ?? []).length);
      }
    }
  });
});

describe('t()', () => {
  const t = { en: createTranslator('en'), ar: createTranslator('ar') };

  it('chooses Arabic plural forms by number, with the noun in the right case', () => {
    const spans = [0, 1, 2, 3, 10, 11, 99, 100, 103, 111].map((count) => t.ar('count.spans', { count }));
    expect(spans).toEqual(['لا مقاطع', 'مقطع واحد', 'مقطعان', '3 مقاطع', '10 مقاطع', '11 مقطعًا', '99 مقطعًا', '100 مقطع', '103 مقاطع', '111 مقطعًا']);
    expect(t.en('count.spans', { count: 1 })).toBe('1 span');
    expect(t.en('count.spans', { count: 0 })).toBe('0 spans');
  });

  it('fills placeholders and writes numbers with Latin digits in both languages (grouped only when standing alone)', () => {
    expect(t.en('importReport.imported', { count: 1234 })).toBe('Imported 1234 documents.');
    expect(t.ar('importReport.imported', { count: 1234 })).toBe('استُورد 1234 مستندًا.');
    expect(t.ar('importReport.imported', { count: 1200 })).toBe('استُورد 1200 مستند.');
    expect(t.en.number(1234)).toBe('1,234');
    expect(t.ar('notice.undid', { change: 'Add PER span' })).toBe('تم التراجع عن: Add PER span.');
    expect(t.ar.number(12.5)).toBe('12.5');
  });

  it('keeps a placeholder it was given no value for (rich messages put elements there)', () => {
    expect(t.en('documents.tehMarbuta')).toBe('Treat {teh} as {heh}');
  });

  it('names the default labels in the interface language, and renamed labels as the user named them', () => {
    const per = DEFAULT_LABEL_SCHEMA.labels[0]!;
    expect(labelName(per, t.en)).toBe('PER — Person');
    expect(labelName(per, t.ar)).toBe('PER — شخص');
    expect(labelName({ ...per, name: 'Personne' }, t.ar)).toBe('PER — Personne');
    for (const label of DEFAULT_LABEL_SCHEMA.labels) expect(labelName(label, t.en)).toBe(`${label.id} — ${label.name}`);
  });

  it('isolates right-to-left data in English sentences, so a quote or file name keeps its order', () => {
    const quote = '7 مدنيين قُتلوا وجُرح 12 آخرون';
    const said = t.en.phrase({ code: 'refusal.crosses', params: { label: 'CLAIM', other: 'CLAIM', quote } });
    expect(said).toBe(`The CLAIM span would partly overlap the CLAIM span “\u2068${quote}\u2069”; spans may nest but not cross.`);
    // Given to a template directly, too; Latin data and numbers are left as they are.
    expect(t.en('importReport.importedLine', { file: 'مقال عربي.txt', detail: 'Plain text, UTF-8.' })).toBe('\u2068مقال عربي.txt\u2069: Plain text, UTF-8.');
    expect(t.en('importReport.importedLine', { file: 'report (1).txt', detail: 'Plain text.' })).toBe('report (1).txt: Plain text.');
    expect(t.en.data('Reuters')).toBe('Reuters');
    expect(t.en.data('وكالة سانا')).toBe('\u2068وكالة سانا\u2069');
    // A sentence whose Arabic is already isolated is not isolated again.
    expect(t.en('importReport.importedLine', { file: 'a.txt', detail: said })).toBe(`a.txt: ${said}`);
    // In Arabic, data is always isolated (Latin too), as before.
    expect(t.ar.data('Reuters')).toBe('\u2068Reuters\u2069');
  });

  it('shows default attribute values in the interface language, values the user added as written', () => {
    expect(attributeValueName('stance', 'asserted', t.en)).toBe('asserted');
    expect(attributeValueName('stance', 'asserted', t.ar)).toBe('مؤكَّد');
    expect(attributeValueName('quotation', 'indirect', t.ar)).toBe('غير مباشر');
    expect(attributeValueName('stance', 'ironic', t.ar)).toBe('ironic');
    // A default value of another attribute is not translated under this one.
    expect(attributeValueName('quotation', 'denial', t.ar)).toBe('denial');
  });

  it("names a source in the interface's script first, the other in brackets", () => {
    const novosti = { nameLatin: 'RIA Novosti', nameAr: 'وكالة نوفوستي' };
    expect(sourceName(novosti, t.en)).toBe('RIA Novosti (وكالة نوفوستي)');
    expect(sourceName(novosti, t.ar)).toBe('وكالة نوفوستي (RIA Novosti)');
    expect(sourceName({ nameLatin: '', nameAr: 'مصدر مجهول' }, t.en)).toBe('مصدر مجهول');
    expect(sourceName({ nameLatin: 'Reuters', nameAr: '' }, t.ar)).toBe('Reuters');
  });

  it('carries the direction of its language', () => {
    expect([t.en.dir, t.ar.dir]).toEqual(['ltr', 'rtl']);
  });
});

describe('systemLanguage', () => {
  it('takes the first preferred language the interface has, else English', () => {
    expect(systemLanguage(['ar-EG', 'en-GB'])).toBe('ar');
    expect(systemLanguage(['fr-FR', 'ar', 'en'])).toBe('ar');
    expect(systemLanguage(['fr-FR', 'en-US'])).toBe('en');
    expect(systemLanguage(['fr'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });
});

