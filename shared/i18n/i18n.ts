/**
 * The interface languages and the translator. Messages live in per-language catalogues
 * (en.ts, ar.ts) with the same keys; a message is a template with `{name}` placeholders, or,
 * when it counts something, one template per plural category of the language
 * (Intl.PluralRules: English has one/other, Arabic zero/one/two/few/many/other), chosen by
 * the `count` parameter. Numbers are formatted for the language (Latin digits in both, as
 * offsets, sizes and percentages are read against exported data).
 * Texts made in shared/ arrive as phrases (shared/phrases: a code and parameters); their
 * codes are message keys too, and `t.phrase` / `t.text` say them in the language.
 */
import { isKnownPhrase, renderPhrase, type Phrase } from '../phrases/phrase';
import { hasRightToLeftText } from '../text/paragraphs';
import { interpolate, placeholdersOf, templateFor, type Message } from '../phrases/templates';
import { ar } from './ar';
import { en, type MessageKey } from './en';

export type { MessageKey } from './en';
export type { Message, PluralCategory, PluralMessage } from '../phrases/templates';
export { interpolate, placeholdersOf, templateFor };

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
  /** A phrase made in shared/, in the language; user data in it is isolated (see {@link Translate.data}). */
  phrase(value: Phrase): string;
  /**
   * A text shared/ gave in English with its phrase: the phrase in the language, or the English
   * as it was stored when there is no phrase this build knows (records from older versions).
   */
  text(english: string, value: Phrase | undefined): string;
  /**
   * User data or a message from elsewhere (a file name, an engine's error) as a sentence of
   * the language holds it: isolated (FSI … PDI) in right-to-left languages; in left-to-right
   * ones only when it holds right-to-left text (an Arabic file name or quote), which the
   * English around it would otherwise reorder.
   */
  data(text: string): string;
};

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
  // User data (file names, labels, quotes) inside a right-to-left sentence is isolated
  // (FSI … PDI), so a Latin file name with dots and brackets keeps its place and order; the
  // right-to-left catalogue's templates isolate their own placeholders. Inside a
  // left-to-right sentence, data holding right-to-left text is isolated, and so is a value
  // given to a template: “7 مدنيين قُتلوا” quoted in an English sentence would otherwise show
  // its 7 at the wrong end, and an Arabic file name would take the line's punctuation with it.
  const isolate = (text: string): string => `\u2068${text}\u2069`;
  const data = dir === 'rtl' ? isolate : (text: string) => (hasRightToLeftText(text) ? isolate(text) : text);
  const values = (params: Params): Params => {
    if (dir === 'rtl') return params;
    let isolated: Params | null = null;
    for (const [name, value] of Object.entries(params)) {
      if (typeof value !== 'string' || !hasRightToLeftText(value)) continue;
      isolated ??= { ...params };
      isolated[name] = isolate(value);
    }
    return isolated ?? params;
  };
  const translate = (key: MessageKey, params: Params = {}): string => {
    const message = catalogue[key] ?? catalogues.en[key];
    if (message === undefined) return key;
    const count = typeof params.count === 'number' ? params.count : undefined;
    return interpolate(templateFor(message, count, rules), values(params), (n) => inSentence.format(n));
  };
  const phraseRenderer = {
    message: (code: MessageKey, values: Params) => translate(code, values),
    list: (items: readonly string[]) => items.join(translate('common.listSeparator')),
    data,
  };
  const phrase = (value: Phrase): string => renderPhrase(value, phraseRenderer);
  return Object.assign(translate, {
    language,
    dir,
    number: (n: number) => standalone.format(n),
    dateTime: (value: Date | string) => dates.format(typeof value === 'string' ? new Date(value) : value),
    phrase,
    text: (english: string, value: Phrase | undefined) => (isKnownPhrase(value) ? phrase(value) : english),
    data: phraseRenderer.data,
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
