/**
 * The text layer of Isnad: decoding article files, grapheme and word boundaries,
 * selection snapping, paragraphs and offset units. Offsets are UTF-16 code units in
 * logical (reading) order.
 */
export * from './decode';
export { detectLineEndings, type LineEndingStyle } from './lineEndings';
export * from './graphemes';
export * from './words';
export * from './paragraphs';
export * from './offsets';
export * from './sentences';
export * from './caret';
export * from './span-edges';
