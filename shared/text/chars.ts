/**
 * Character classes shared by the segmentation modules: what counts as blank, which
 * characters form the lam-alef ligature, and the Arabic combining marks (harakat).
 */

/**
 * Whitespace plus invisible format characters (bidi marks and isolates, zero-width
 * characters, soft hyphen, BOM). A span edge never needs to include them.
 */
const BLANK_RUN = /^[\s\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]*$/u;

/** True when `s` is empty or contains only whitespace and invisible format characters. */
export function isBlank(s: string): boolean {
  return BLANK_RUN.test(s);
}

/** U+0644 ARABIC LETTER LAM. */
export const LAM = '\u0644';

/** The alef forms that join a preceding lam into the لا ligature: ا أ إ آ ٱ. */
export const ALEF_FORMS: ReadonlySet<string> = new Set(['\u0627', '\u0623', '\u0625', '\u0622', '\u0671']);

const NONSPACING_MARK = /^\p{Mn}$/u;

/** True when the UTF-16 unit `ch` is a non-spacing combining mark (a haraka, shadda, sukun …). */
export function isCombiningMark(ch: string | undefined): boolean {
  return ch !== undefined && NONSPACING_MARK.test(ch);
}

const LAM_CLUSTER = /^\u0644\p{Mn}*$/u;

/** True when a grapheme cluster is a lam carrying only combining marks (ل لَ لّ لْ …). */
export function isLamCluster(cluster: string): boolean {
  return LAM_CLUSTER.test(cluster);
}
