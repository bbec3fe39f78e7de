/**
 * The interface languages and the translator. Messages live in per-language catalogues
 * (en.ts, ar.ts) with the same keys; a message is a template with `{name}` placeholders, or,
 * when it counts something, one template per plural category of the language
 * (Intl.PluralRules: English has one/other, Arabic zero/one/two/few/many/other), chosen by
 * the `count` parameter. Numbers are formatted for the language (Latin digits in both, as
 * offsets, sizes and percentages are read against exported data).
 */
import { ar } from './ar';
import { en, type MessageKey } from './en';

export type { MessageKey } from './en';

/** A plural category of Intl.PluralRules. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** A counted message: one template per plural category the language uses (`other` always). */
export type PluralMessage = Partial<Record<PluralCategory, string>> & { other: string };

/** One catalogue entry. */
export type Message = string | PluralMessage;

/** A catalogue: every message key, in one language. */
export type Catalogue = Record<MessageKey, Message>;

/** The interface languages. */
export type Language = 'en' | 'ar';

/** What the interface needs to know about each language. */
export const LANGUAGES: Record<Language, { dir: 'ltr' | 'rtl'; nativeName: string; intlLocale: string }> = {
  en: { dir: 'ltr', nativeName: 'English', intlLocale: 'en-GB' },
  ar: { dir: 'rtl', nativeName: 'العربية', intlLocale: 'ar-u-nu-latn' },
};

const CATALOGUES: Record<Language, Catalogue> = { en, ar };

/** Values for a message's placeholders; numbers are formatted for the language. */
export type Params = Record<string, string | number>;

/**
 * Translates a message key. Also carries the language and its number and date formats, so
 * that a component needs only this one object.
 */
export type Translate = ((key: MessageKey, params?: Params) => string) & {
  readonly language: Language;
  readonly dir: 'ltr' | 'rtl';
  /** A number standing alone, as the language writes it ("1,234"). */
  number(value: number): string;
  /** A date and time as the language writes it. */
  dateTime(value: Date | string): string;
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names of a template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Fills a template's placeholders; one without a value is left as it is (tests catch those). */
export function interpolate(template: string, params: Params, formatNumber: (n: number) => string): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The template of a message for a count (plural messages), or the message itself. */
export function templateFor(message: Message, count: number | undefined, rules: Intl.PluralRules): string {
  if (typeof message === 'string') return message;
  const category = rules.select(count ?? 0) as PluralCategory;
  return message[category] ?? message.other;
}

/** Builds the translator of a language (optionally over other catalogues, for tests). */
export function createTranslator(language: Language, catalogues: Record<Language, Catalogue> = CATALOGUES): Translate {
  const { intlLocale, dir } = LANGUAGES[language];
  const catalogue = catalogues[language];
  const rules = new Intl.PluralRules(intlLocale);
  // Inside sentences numbers are written plainly ("Import 5000 files", as file names and
  // offsets are); a number standing alone (a list count) gets digit grouping.
  const inSentence = new Intl.NumberFormat(intlLocale, { useGrouping: false });
  const standalone = new Intl.NumberFormat(intlLocale);
  const dates = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const translate = (key: MessageKey, params: Params = {}): string => {
    const message = catalogue[key] ?? catalogues.en[key];
    if (message === undefined) return key;
    const count = typeof params.count === 'number' ? params.count : undefined;
    return interpolate(templateFor(message, count, rules), params, (n) => inSentence.format(n));
  };
  return Object.assign(translate, {
    language,
    dir,
    number: (n: number) => standalone.format(n),
    dateTime: (value: Date | string) => dates.format(typeof value === 'string' ? new Date(value) : value),
  });
}

/**
 * The interface language for the system's preferred languages (navigator.languages; in
 * Electron these follow the operating system's locale): the first one we have, else English.
 */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'ar' || primary === 'en') return primary;
  }
  return 'en';
}
