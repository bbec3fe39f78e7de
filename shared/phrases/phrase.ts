/**
 * Phrases: what shared/ tells the user (why a file was refused, what an undoable change
 * was, why a command cannot run, how a format counts offsets), as a message code and its
 * parameters rather than a sentence, so that each interface says it in its own language.
 * shared/ chooses no language: the renderer translates a phrase with its catalogue
 * (shared/i18n, where every code has a message in every language), and the CLI and the
 * files Isnad writes use the English rendering ({@link english}), which is also stored
 * beside the phrase so that older readers, and records written before phrases existed,
 * still have a sentence to show.
 */
import { ENGLISH_PHRASES, type PhraseCode } from './english-phrases';
import { interpolate, templateFor, type TemplateValues } from './templates';

export type { PhraseCode } from './english-phrases';

/** A parameter: user data (a file name, a label), a number, a nested phrase, or a list of them. */
export type PhraseParam = string | number | Phrase | readonly PhraseParam[];

/** A message code with its parameters (plain data: it crosses workers and is stored in IndexedDB). */
export interface Phrase {
  readonly code: PhraseCode;
  readonly params?: Readonly<Record<string, PhraseParam>>;
}

/** Makes a phrase. */
export function phrase(code: PhraseCode, params?: Record<string, PhraseParam>): Phrase {
  return params === undefined ? { code } : { code, params };
}

/** True for a phrase whose code this build knows (stored data may come from another version). */
export function isKnownPhrase(value: unknown): value is Phrase {
  return typeof value === 'object' && value !== null && typeof (value as Phrase).code === 'string' && Object.hasOwn(ENGLISH_PHRASES, (value as Phrase).code);
}

/** How one language renders a phrase: its message for a code, and how it writes data and lists. */
export interface PhraseRenderer {
  /** The code's message, filled in with `values` (nested phrases and lists already rendered). */
  message(code: PhraseCode, values: TemplateValues): string;
  /** Joins the items of a list parameter. */
  list(items: readonly string[]): string;
  /** Wraps user data (file names, labels, quotes) for the language, e.g. bidi isolation. */
  data(text: string): string;
}

/** Renders a phrase with a language's renderer, nested phrases and lists included. */
export function renderPhrase(value: Phrase, renderer: PhraseRenderer): string {
  const param = (p: PhraseParam): string | number => {
    if (typeof p === 'number') return p;
    if (typeof p === 'string') return renderer.data(p);
    if (Array.isArray(p)) return renderer.list((p as readonly PhraseParam[]).map((item) => String(param(item))));
    return renderPhrase(p as Phrase, renderer);
  };
  const values: TemplateValues = {};
  for (const [name, p] of Object.entries(value.params ?? {})) values[name] = param(p);
  return renderer.message(value.code, values);
}

const ENGLISH_RULES = new Intl.PluralRules('en');

const ENGLISH: PhraseRenderer = {
  message: (code, values) => interpolate(templateFor(ENGLISH_PHRASES[code], typeof values.count === 'number' ? values.count : undefined, ENGLISH_RULES), values, String),
  list: (items) => items.join(', '),
  data: (text) => text,
};

/** The English sentence of a phrase: what the CLI prints and what files and records keep. */
export function english(value: Phrase): string {
  return renderPhrase(value, ENGLISH);
}

/**
 * An error thrown where the user may read its message (an exporter that cannot write a
 * span): the message is the phrase's English, and the phrase goes with it to whoever says it.
 */
export class PhraseError extends RangeError {
  constructor(readonly phrase: Phrase) {
    super(english(phrase));
    this.name = 'PhraseError';
  }
}

/** What went wrong, as a phrase parameter: a {@link PhraseError}'s phrase, else the error's own message. */
export function errorParam(error: unknown): PhraseParam {
  if (error instanceof PhraseError) return error.phrase;
  return error instanceof Error ? error.message : String(error);
}

/** A phrase with its English sentence, for results that carry both (`message` + `phrase`). */
export function said(code: PhraseCode, params?: Record<string, PhraseParam>): { text: string; phrase: Phrase } {
  const value = phrase(code, params);
  return { text: english(value), phrase: value };
}
