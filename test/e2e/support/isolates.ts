/**
 * The English interface isolates right-to-left data in its sentences and names (FSI … PDI
 * around “حماة” in "LOC — Location: حماة"), as the Arabic interface isolates Latin data. The
 * marks are invisible and screen readers skip them; tests name things as the user reads them.
 */

export { withoutIsolates } from '../../unit/helpers/isolates';

/**
 * A pattern that finds `text` as Playwright finds a string name (anywhere in the name, any
 * case), with bidi isolation marks allowed between its characters.
 */
export function isolatable(text: string): RegExp {
  const escaped = [...text].map((ch) => ch.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&'));
  return new RegExp(escaped.join('[\\u2066-\\u2069]*'), 'iu');
}

/** A pattern matching the whole of `text` (case kept), with bidi isolation marks allowed anywhere in it. */
export function exactly(text: string): RegExp {
  return new RegExp(`^[\\u2066-\\u2069]*${isolatable(text).source}[\\u2066-\\u2069]*$`, 'u');
}

/** Data inside an English sentence as the interface writes it: isolated (FSI … PDI), so that it does not reorder the sentence around it. */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}
