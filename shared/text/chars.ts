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

/** One entry per BMP unit: 1 when it is blank (see {@link isBlank}), 0 when not, -1 until first asked. */
const blankUnits = new Int8Array(0x10000).fill(-1);

/**
 * True when the UTF-16 unit `code` is blank by {@link isBlank}'s rules: a text is blank
 * exactly when every unit of it is (surrogates never are). For loops over a text's units.
 */
export function isBlankUnit(code: number): boolean {
  let blank = blankUnits[code]!;
  if (blank < 0) blank = blankUnits[code] = code < 0xd800 || code > 0xdfff ? (BLANK_RUN.test(String.fromCharCode(code)) ? 1 : 0) : 0;
  return blank === 1;
}

/**
 * The value of a decimal digit unit — ASCII 0–9, Arabic-Indic ٠–٩ or Eastern Arabic-Indic
 * ۰–۹ — or -1 for any other unit. Search folds these digits onto ASCII; folder walks order
 * runs of them by the number they write.
 */
export function decimalDigitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x0660 && code <= 0x0669) return code - 0x0660;
  if (code >= 0x06f0 && code <= 0x06f9) return code - 0x06f0;
  return -1;
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
