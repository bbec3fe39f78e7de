/**
 * The normalisation that attribution matching runs on: `normaliseForSearch` with teh
 * marbuta folded (ة → ه) and case folded, plus three more one-way folds that names need:
 * - the hamza carriers ؤ → و and ئ → ي (alef forms are already folded to ا);
 * - Latin letters with diacritics → their base letter (é → e, ı stays);
 * - every remaining combining mark (non-Arabic ones, e.g. a decomposed acute) removed.
 * The result is still a `NormalisedText`, so `mapRangeToOriginal` turns a match back into
 * a grapheme-safe range of the original text. Keys (names, aliases, queries) go through the
 * same rules and are then reduced to their word tokens joined by one space, so that
 * "France-Presse" and "France Presse" are the same key.
 */
import { normaliseForSearch, type NormalisedText } from '../text/normalise';
import { tokenise } from './tokens';
import { UnitTable } from '../text/unit-table';

const WAW_HAMZA = 0x0624;
const YEH_HAMZA = 0x0626;
const WAW = 0x0648;
const YEH = 0x064a;
const DROP = -1;
const KEEP = -2;
const UNKNOWN = -3;

/** Quick test: does the text hold anything the extra folds change? */
const NEEDS_FOLD = /[\u0624\u0626\u00c0-\u024f\u1e00-\u1eff\p{Mn}]/u;
const MARK = /^\p{Mn}$/u;
const ASCII_LETTER = /^[a-z]$/i;

/** Per BMP unit: DROP, KEEP or the unit it becomes; UNKNOWN until first seen. */
const table = new UnitTable(UNKNOWN);

function classify(code: number): number {
  if (code === WAW_HAMZA) return WAW;
  if (code === YEH_HAMZA) return YEH;
  if (code >= 0xd800 && code <= 0xdfff) return KEEP;
  const ch = String.fromCharCode(code);
  if (MARK.test(ch)) return DROP;
  if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)) {
    const decomposed = ch.normalize('NFD');
    const base = decomposed[0] ?? '';
    if (decomposed.length > 1 && ASCII_LETTER.test(base) && MARK.test(decomposed.slice(1, 2))) return base.charCodeAt(0);
  }
  return KEEP;
}

function foldOf(code: number): number {
  let v = table.get(code);
  if (v === UNKNOWN) v = table.set(code, classify(code));
  return v;
}

/** Applies the extra folds to an already normalised text, composing the index maps. */
function foldNormalised(base: NormalisedText): NormalisedText {
  const src = base.text;
  if (!NEEDS_FOLD.test(src)) return base;
  const units = new Array<number>();
  const map = new Array<number>();
  for (let i = 0; i < src.length; i++) {
    const code = src.charCodeAt(i);
    const v = foldOf(code);
    if (v === DROP) continue;
    units.push(v === KEEP ? code : v);
    map.push(base.toOriginal[i]!);
  }
  map.push(base.original.length);
  let text = '';
  // 4,096 units per call: a few stay far below the argument limit of the engines.
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode.apply(null, units.slice(i, i + 4096));
  return { text, toOriginal: Int32Array.from(map), original: base.original };
}

/**
 * The matching copy of `original` (rules in the module comment) with its map back to the
 * original: pass it to `mapRangeToOriginal`.
 */
export function foldForMatching(original: string): NormalisedText {
  return foldNormalised(normaliseForSearch(original, { tehMarbuta: true, caseFold: true }));
}

/**
 * A name, alias or query as a matching key: folded like {@link foldForMatching}, then its
 * word tokens joined by one space ("Agence  France-Presse" → "agence france presse",
 * "الأُمَم المتَّحدة" → "الامم المتحده").
 */
export function matchKey(text: string): string {
  return tokenise(foldForMatching(text).text)
    .map((t) => t.text)
    .join(' ');
}
