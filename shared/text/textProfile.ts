/**
 * Plausibility scores for decoded text, used when the encoding has to be inferred: does
 * this look like Arabic prose (legacy Arabic code pages), or like ordinary text (UTF-16
 * without a byte-order mark)?
 */
import { isDisallowedControl } from './binarySniff';

/** Texts longer than this are scored on a sample (start, middle and end). */
export const SCORE_SAMPLE_CHARS = 192 * 1024;

/** Moves a cut point off the second half of a surrogate pair. */
function cutAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
}

/**
 * `text` itself when short, otherwise three slices of it (start, middle, end) together
 * {@link SCORE_SAMPLE_CHARS} long, cut so that no surrogate pair is split.
 */
export function scoringSample(text: string): string {
  if (text.length <= SCORE_SAMPLE_CHARS) return text;
  const part = Math.floor(SCORE_SAMPLE_CHARS / 3);
  const middle = Math.floor(text.length / 2);
  const slice = (from: number, to: number): string => text.slice(cutAt(text, from), cutAt(text, to));
  return slice(0, part) + slice(middle, middle + part) + slice(text.length - part, text.length);
}

// Script extensions, not script: harakat (U+064B–U+065F), tatweel and the Arabic comma are
// 'Inherited' or 'Common' by script, though they occur only in Arabic text.
const ARABIC_SCRIPT = /\p{Script_Extensions=Arabic}/u;
const LETTER = /\p{L}/u;
const UNASSIGNED_OR_PRIVATE = /[\p{Cn}\p{Co}\p{Cs}]/u;

function isBad(code: number, ch: string): boolean {
  if (isDisallowedControl(code) || code === 0x7f || (code >= 0x80 && code <= 0x9f) || code === 0xfffd) return true;
  return code > 0x7f && UNASSIGNED_OR_PRIVATE.test(ch);
}

/** Non-ASCII characters that are at home in Arabic text besides the Arabic script. */
function isArabicCompanion(code: number): boolean {
  return (
    code === 0xa0 || // no-break space
    code === 0xab || // «
    code === 0xbb || // »
    code === 0xd7 || // ×
    code === 0xf7 || // ÷
    (code >= 0x2000 && code <= 0x206f) // general punctuation, ZWNJ/ZWJ, bidi marks
  );
}

/**
 * How much `text` looks like Arabic prose, from 0 (not at all) to 1. It is 0 unless the
 * text has no control, replacement, private-use or unassigned characters, at least two
 * Arabic letters, and Arabic letters make up at least half of all letters. Otherwise it
 * is the share of non-ASCII characters that are Arabic script or common punctuation
 * (a wrong code page produces stray Latin letters and symbols). Long texts are scored
 * on a {@link scoringSample}.
 */
export function arabicTextScore(text: string): number {
  const sample = scoringSample(text);
  let arabicLetters = 0;
  let letters = 0;
  let nonAscii = 0;
  let fitting = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if (isBad(code, ch)) return 0;
    const isLetter = code < 0x80 ? /[A-Za-z]/.test(ch) : LETTER.test(ch);
    if (isLetter) letters++;
    if (code < 0x80) continue;
    nonAscii++;
    if (ARABIC_SCRIPT.test(ch)) {
      fitting++;
      if (isLetter) arabicLetters++;
    } else if (isArabicCompanion(code)) fitting++;
  }
  if (arabicLetters < 2 || arabicLetters * 2 < letters) return 0;
  return fitting / nonAscii;
}

/**
 * Share (0..1) of characters that are ordinary in Arabic or Latin-script documents:
 * printable ASCII and whitespace, Latin-1 letters and signs, the Arabic script, and
 * general punctuation. Control characters make the score 0. Text decoded with the wrong
 * UTF-16 byte order scores low (it turns into CJK and other unrelated blocks). Long
 * texts are scored on a {@link scoringSample}.
 */
export function ordinaryTextScore(text: string): number {
  const sample = scoringSample(text);
  let total = 0;
  let ordinary = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    total++;
    if (isBad(code, ch)) return 0;
    if (code < 0x80 || (code >= 0xa0 && code <= 0x24f) || (code >= 0x200b && code <= 0x206f) || ARABIC_SCRIPT.test(ch)) ordinary++;
  }
  return total === 0 ? 0 : ordinary / total;
}

/**
 * How often each Arabic letter occurs in Arabic prose, in percent (rounded, from news text):
 * enough to tell a right decoding from a wrong one of the same bytes.
 */
const LETTER_PERCENT: Readonly<Record<string, number>> = {
  'ا': 12, 'ل': 11, 'ي': 6.5, 'م': 6, 'و': 6, 'ن': 5.5, 'ر': 4.8, 'ت': 4, 'ب': 3.6, 'ه': 3, 'ع': 3.2,
  'ة': 2.8, 'ف': 2.8, 'أ': 2.4, 'د': 2.6, 'ق': 2.3, 'س': 2.3, 'ك': 2, 'ح': 1.9, 'ج': 1.3, 'ى': 1,
  'إ': 0.9, 'ش': 1, 'ص': 1, 'خ': 0.9, 'ط': 0.9, 'ز': 0.6, 'ث': 0.6, 'ض': 0.6, 'ذ': 0.6, 'غ': 0.4,
  'ئ': 0.5, 'ء': 0.4, 'ظ': 0.2, 'ؤ': 0.2, 'آ': 0.1,
};
/** The share given to an Arabic letter outside the table (a rare or a Persian letter). */
const RARE_LETTER_PERCENT = 0.02;

/**
 * The mean log-frequency of the Arabic letters in `text` (higher: more like Arabic prose),
 * or -Infinity without any. Two decodings of the same bytes in different Arabic code pages
 * both give Arabic letters; the wrong one gives rare letters where common ones belong
 * (“خبر عاجل” in ISO-8859-6 read as Windows-1256 is “خبر ظاجن”). Long texts are scored on a
 * {@link scoringSample}.
 */
export function arabicLetterLikelihood(text: string): number {
  let sum = 0;
  let count = 0;
  for (const ch of scoringSample(text)) {
    const code = ch.charCodeAt(0);
    if (code < 0x0621 || code > 0x06ff || !LETTER.test(ch)) continue;
    sum += Math.log((LETTER_PERCENT[ch] ?? RARE_LETTER_PERCENT) / 100);
    count++;
  }
  return count ? sum / count : -Infinity;
}
