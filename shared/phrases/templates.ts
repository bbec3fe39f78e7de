/**
 * Message templates, the language-free half of translation: a template is a string with
 * `{name}` placeholders, or, when it counts something, one template per plural category of
 * Intl.PluralRules chosen by the `count` parameter. Used by the interface's translator
 * (shared/i18n) and by the English rendering of phrases (english.ts).
 */

/** A plural category of Intl.PluralRules. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** A counted message: one template per plural category the language uses (`other` always). */
export type PluralMessage = Partial<Record<PluralCategory, string>> & { other: string };

/** One catalogue entry. */
export type Message = string | PluralMessage;

/** Values for a template's placeholders, already in words (numbers are formatted by the caller). */
export type TemplateValues = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names of a template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Fills a template's placeholders; one without a value is left as it is (tests catch those). */
export function interpolate(template: string, params: TemplateValues, formatNumber: (n: number) => string): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The template of a message for a count (plural messages), or the message itself. */
export function templateFor(message: Message, count: number | undefined, rules: Pick<Intl.PluralRules, 'select'>): string {
  if (typeof message === 'string') return message;
  const category = rules.select(count ?? 0) as PluralCategory;
  return message[category] ?? message.other;
}
