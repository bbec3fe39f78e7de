/**
 * A zod validation issue of a file (a native corpus file, a source registry) as a problem with a phrase, so that
 * the interface says it in its language. The English stays zod's own sentence, exactly as it
 * was shown before, "documents.0.title: Too big: expected string to have <=2000 characters":
 * the message is read back into a phrase only when the phrase renders that very sentence;
 * any other message is kept whole, inside a phrase that says in the language that the field
 * is not valid. A check of our own (a zod `custom` issue) gives its phrase as `params.phrase`,
 * with that phrase's English as its message.
 */
import { said, phrase, english, isKnownPhrase, type Phrase, type PhraseCode, type PhraseParam } from '../phrases/phrase';
import type { Problem } from './dataset';

/** What a validation issue needs here: where it is in the file, and zod's English message. */
export interface SchemaIssue {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  /** zod's issue code: `custom` for a check of our own, which may carry its phrase in `params`. */
  readonly code?: string;
  readonly params?: unknown;
}

const TYPES: Record<string, PhraseCode> = {
  string: 'jsonType.string',
  number: 'jsonType.number',
  int: 'jsonType.int',
  boolean: 'jsonType.boolean',
  object: 'jsonType.object',
  array: 'jsonType.array',
  null: 'jsonType.null',
  undefined: 'jsonType.undefined',
};

/** zod's English messages (locale en, zod 4) that have a phrase, each with how it becomes one. */
const MESSAGES: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => Phrase | null]> = [
  [/^Invalid input: expected (\w+), received (\w+)$/u, (m) => (TYPES[m[1]!] && TYPES[m[2]!] ? phrase('schemaIssue.type', { expected: phrase(TYPES[m[1]!]!), received: phrase(TYPES[m[2]!]!) }) : null)],
  [/^Invalid input: expected ((?:(?!, received ).)+)$/u, (m) => phrase('schemaIssue.value', { value: m[1]! })],
  [/^Invalid option: expected one of (.+)$/u, (m) => phrase('schemaIssue.option', { values: m[1]! })],
  [/^Too big: expected string to have <=(\d+) characters$/u, (m) => phrase('schemaIssue.stringTooLong', { max: Number(m[1]) })],
  [/^Too small: expected string to have >=(\d+) characters$/u, (m) => phrase('schemaIssue.stringTooShort', { min: Number(m[1]) })],
  [/^Too big: expected array to have <=(\d+) items$/u, (m) => phrase('schemaIssue.arrayTooLong', { max: Number(m[1]) })],
  [/^Too big: expected number to be <=(-?\d+(?:\.\d+)?)$/u, (m) => phrase('schemaIssue.numberTooBig', { max: Number(m[1]) })],
  [/^Too small: expected number to be >=(-?\d+(?:\.\d+)?)$/u, (m) => phrase('schemaIssue.numberTooSmall', { min: Number(m[1]) })],
  [/^Invalid string: must match pattern (.+)$/u, (m) => phrase('schemaIssue.pattern', { pattern: m[1]! })],
];

/** zod's message as a phrase whose English is exactly that message. */
function messagePhrase(message: string): Phrase {
  for (const [pattern, make] of MESSAGES) {
    const match = message.match(pattern);
    const made = match && make(match);
    if (made && english(made) === message) return made;
  }
  return phrase('schemaIssue.other', { message });
}

/** The issue a check of our own adds to zod's context (`ctx.addIssue`): its phrase, and that phrase's English as the message. */
export function ownIssue(said: Phrase, path: PropertyKey[]): { code: 'custom'; message: string; path: PropertyKey[]; params: { phrase: Phrase } } {
  return { code: 'custom', message: english(said), path, params: { phrase: said } };
}

/** The phrase a check of our own gave its issue ({@link ownIssue}), if any. */
function ownPhrase(issue: SchemaIssue): Phrase | undefined {
  const given = issue.code === 'custom' && typeof issue.params === 'object' && issue.params !== null ? (issue.params as { phrase?: unknown }).phrase : undefined;
  return isKnownPhrase(given) ? given : undefined;
}

/** How a path is written: "documents.0.title" by default. */
const dottedPath = (path: ReadonlyArray<PropertyKey>): string => path.map(String).join('.');

/**
 * An issue as a problem: "path: message" (or "file: message" for the whole file), with its
 * phrase. `pathText` writes the path (a registry writes "sources[0].kind").
 */
export function schemaIssueProblem(issue: SchemaIssue, pathText: (path: ReadonlyArray<PropertyKey>) => string = dottedPath): Problem {
  const path = pathText(issue.path);
  const where: PhraseParam = path ? phrase('schemaIssue.field', { path }) : phrase('schemaIssue.file');
  return said('dataset.at', { where, problem: ownPhrase(issue) ?? messagePhrase(issue.message) });
}
