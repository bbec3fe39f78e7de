/**
 * Words: segmentation, Arabic prefix clitics, selection snapping and word-by-word
 * movement. This module gathers the public word API; each part lives in its own file.
 */
export { wordSegments, nextWordEdge, type WordSegment } from './wordSegments';
export { cliticBoundaries } from './clitics';
export { snapSelection, trimDetachedPunctuation, type SnapMode } from './snapSelection';
