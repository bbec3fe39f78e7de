/**
 * A sentence without its bidi isolates (LRI, RLI, FSI, PDI): the English interface isolates
 * right-to-left data that the English sentences of the CLI and of files carry as it is, so
 * tests that compare the two compare them without the marks.
 */
export function withoutIsolates(text: string | null): string {
  return (text ?? '').replace(/[\u2066-\u2069]/gu, '');
}
