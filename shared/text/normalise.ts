/**
 * Arabic normalisation for SEARCH ONLY. A document's text is never changed (DESIGN.md §2);
 * search runs over a normalised copy and maps every match back to the original through an
 * index map, so highlights always land on the original letters.
 *
 * Rules, applied per UTF-16 unit (one original unit gives at most one normalised unit,
 * except a presentation form, below):
 * - removed: Arabic combining marks — harakat, tanween, shadda, sukun, superscript alef,
 *   Quranic marks (U+0610–061A, U+064B–065F, U+0670, U+06D6–06DC, U+06DF–06E8,
 *   U+06EA–06ED and every other non-spacing mark of the Arabic script, e.g. U+08CA–08FF);
 *   tatweel U+0640; invisible format characters — bidi marks, embeddings and isolates,
 *   ZWSP/ZWNJ/ZWJ, word joiner, soft hyphen, BOM (the set `isBlank` in chars.ts treats as
 *   blank, U+061C ALM included);
 * - alef forms أ إ آ ٱ → ا; ى → ي (also Farsi yeh ی → ي and keheh ک → ك, which scraped
 *   Arabic text sometimes uses); optionally ة → ه;
 * - Arabic-Indic ٠–٩ and Extended Arabic-Indic ۰–۹ digits → ASCII 0–9;
 * - NBSP, tab and every other horizontal Unicode space → ' ', and a run of spaces (after
 *   removals) collapses to one ' '; line breaks are kept, so matches never cross them;
 * - case folding (default on): the simple lower-case of each character when it is a single
 *   UTF-16 unit (two for an astral character), otherwise the character is kept (İ).
 * - Arabic presentation forms (Presentation Forms-A U+FB50–FDFF and -B U+FE70–FEFF: the
 *   contextual letter shapes and ligatures such as ﻻ U+FEFB, ﷲ, ﷺ) are replaced by their
 *   compatibility decomposition (NFKC), whose units then follow the rules above: ﻻ → لا,
 *   ﻷ → لأ → لا. This is the one case where an original unit gives several normalised
 *   units; each of them maps back to the presentation form, so a match that covers any
 *   part of a ligature highlights the whole ligature. No other compatibility decomposition
 *   is applied. The word hashing of near-duplicates (`normaliseUnit`, `normaliseToUnits`)
 *   leaves presentation forms as they are, so stored MinHash signatures do not change.
 */
import { ALEF_FORMS, decimalDigitValue, isBlank, isCombiningMark } from './chars';
import { snapToGrapheme } from './graphemes';
import { UnitTable } from './unit-table';

/** Options of {@link normaliseForSearch} and {@link normaliseQuery}. */
export interface NormaliseOptions {
  /** Fold teh marbuta into heh (ة → ه), so مدرسه finds مدرسة. Default false. */
  tehMarbuta?: boolean;
  /** Lower-case letters (Latin and any other cased script), one unit for one unit. Default true. */
  caseFold?: boolean;
}

/** A normalised copy of a text with the way back to the original. */
export interface NormalisedText {
  /** The normalised text that searches run over. */
  text: string;
  /**
   * For each UTF-16 index of `text`, the UTF-16 index in the original it came from; plus
   * one final entry = original length. Non-decreasing: strictly increasing except across
   * the units of one decomposed presentation form, which share its index.
   */
  toOriginal: Int32Array;
  /** The original text (kept so ranges can be widened to whole graphemes, and to check cache hits). */
  original: string;
}

const TATWEEL = 0x0640;
const SPACE = 0x20;
const REMOVE = -1;
const TEH_MARBUTA = 0x0629;
const HEH = 0x0647;

const UNKNOWN = -2;

/**
 * One entry per BMP unit: REMOVE, the unit it becomes (case folding aside), or UNKNOWN
 * until first seen. Filled lazily: a text uses a few hundred distinct units, and
 * classifying all 65,536 up front would cost tens of milliseconds at the first search.
 */
const baseTable = new UnitTable(UNKNOWN);
/** One entry per BMP unit: its single-unit simple lower-case (or itself), or UNKNOWN until first seen. */
const lowerTable = new UnitTable(UNKNOWN);

const ARABIC_MARK = /^(?=\p{Mn})\p{Script_Extensions=Arabic}$/u;
const HORIZONTAL_SPACE = /^[\p{Zs}\t\v\f]$/u;
const LINE_BREAK = /^[\n\r\u2028\u2029\u0085]$/u;
const ALEF = 0x0627;

/** True for the Arabic marks the design names explicitly (some, like ۥ ۦ, are not Mn). */
function isListedArabicMark(c: number): boolean {
  return (
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed)
  );
}

/** What the BMP unit `c` becomes, case folding aside: REMOVE or a unit. */
function classify(c: number): number {
  const digit = decimalDigitValue(c); // ٠–٩ and ۰–۹ → 0–9
  if (digit >= 0) return 0x30 + digit;
  if (c === 0x0649 || c === 0x06cc) return 0x064a; // ى ی → ي
  if (c === 0x06a9) return 0x0643; // ک → ك
  const ch = String.fromCharCode(c);
  if (ALEF_FORMS.has(ch)) return ALEF; // أ إ آ ٱ → ا
  if (c === TATWEEL || isListedArabicMark(c) || ARABIC_MARK.test(ch)) return REMOVE;
  if (HORIZONTAL_SPACE.test(ch)) return SPACE;
  if (c >= 0x80 && !LINE_BREAK.test(ch) && isBlank(ch)) return REMOVE; // invisible format characters
  return c;
}

/** The single-unit simple lower-case of the BMP unit `c`, or `c`. */
function lowerOf(c: number): number {
  const lower = c >= 0xd800 && c <= 0xdfff ? '' : String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/**
 * What the unit `code` (of the BMP, not a surrogate) becomes under the rules, the collapsing
 * of space runs aside: one unit, or -1 when it is removed. For hot loops that read a text
 * unit by unit without building the normalised copy (near-duplicate word hashing).
 */
export function normaliseUnit(code: number, tehMarbuta: boolean, caseFold: boolean): number {
  let out = baseTable.get(code);
  if (out === UNKNOWN) out = baseTable.set(code, classify(code));
  if (out === REMOVE) return REMOVE;
  if (out === TEH_MARBUTA && tehMarbuta) return HEH;
  if (!caseFold) return out;
  const folded = lowerTable.get(out);
  return folded === UNKNOWN ? lowerTable.set(out, lowerOf(out)) : folded;
}

/** Presentation Forms-A and -B (U+FEFF, the BOM, is a format character, not a form). */
const PRESENTATION_FORM = /[\uFB50-\uFDFF\uFE70-\uFEFE]/u;
const NOT_A_FORM = -1;
/** Per unit of the two blocks: the index of its decomposition in `decompositions`, NOT_A_FORM, or UNKNOWN. */
const formTable = new UnitTable(UNKNOWN);
const decompositions: string[] = [];

function isPresentationForm(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe);
}

/** The NFKC decomposition of a presentation-form unit, or null when NFKC leaves it alone (unassigned, noncharacters). */
function decompositionOf(c: number): string | null {
  let index = formTable.get(c);
  if (index === UNKNOWN) {
    const ch = String.fromCharCode(c);
    const nfkc = ch.normalize('NFKC');
    if (nfkc === ch) index = formTable.set(c, NOT_A_FORM);
    else {
      decompositions.push(nfkc);
      index = formTable.set(c, decompositions.length - 1);
    }
  }
  return index === NOT_A_FORM ? null : decompositions[index]!;
}

/** How many more units than `original.length` the folding of presentation forms can write. */
function extraUnits(original: string, presentationForms: boolean): number {
  if (!presentationForms || !PRESENTATION_FORM.test(original)) return 0;
  let extra = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (isPresentationForm(c)) extra += Math.max(0, (decompositionOf(c)?.length ?? 1) - 1);
  }
  return extra;
}

/** Where a normalisation stands: it can stop after any original unit and resume. */
interface NormaliseCursor {
  /** Next original index to read. */
  at: number;
  /** Normalised units written so far. */
  length: number;
  /** The last unit written (for collapsing space runs), -1 at the start. */
  previous: number;
  surrogates: boolean;
}

/**
 * The rules themselves: reads `original` from `cursor.at` up to `until` (at most; a
 * surrogate pair is never split) and writes the normalised units into `units` and, when
 * given, the original index of each into `map`, advancing the cursor. `units` must have
 * room for `original.length + extraUnits(...)`.
 */
function normaliseInto(original: string, options: NormaliseOptions | undefined, presentationForms: boolean, units: Uint16Array, map: Int32Array | undefined, cursor: NormaliseCursor, until = original.length): void {
  const caseFold = options?.caseFold ?? true;
  const tehMarbuta = options?.tehMarbuta ?? false;
  let { previous, length, surrogates } = cursor;
  const n = original.length;
  let i = cursor.at;
  for (; i < until; i++) {
    const code = original.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      surrogates = true;
      const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        // An astral character: dropped when it is an Arabic mark (U+10EFD…), lower-cased
        // only when the result is again one code point.
        let pair = original.slice(i, i + 2);
        i++;
        if (ARABIC_MARK.test(pair)) continue;
        if (caseFold) {
          const folded = pair.toLowerCase();
          if (folded.length === 2) pair = folded;
        }
        if (map) {
          map[length] = i - 1;
          map[length + 1] = i;
        }
        units[length++] = pair.charCodeAt(0);
        units[length++] = pair.charCodeAt(1);
        previous = next;
        continue;
      }
    }
    if (presentationForms && code >= 0xfb50 && isPresentationForm(code)) {
      const decomposed = decompositionOf(code);
      if (decomposed !== null) {
        for (let k = 0; k < decomposed.length; k++) {
          const out = normaliseUnit(decomposed.charCodeAt(k), tehMarbuta, caseFold);
          if (out === REMOVE || (out === SPACE && previous === SPACE)) continue;
          if (map) map[length] = i;
          units[length++] = out;
          previous = out;
        }
        continue;
      }
    }
    const out = normaliseUnit(code, tehMarbuta, caseFold);
    if (out === REMOVE) continue;
    if (out === SPACE && previous === SPACE) continue;
    if (map) map[length] = i;
    units[length++] = out;
    previous = out;
  }
  cursor.at = i;
  cursor.length = length;
  cursor.previous = previous;
  cursor.surrogates = surrogates;
}

const CHUNK = 4096;
let utf16Decoder: InstanceType<typeof TextDecoder> | undefined;

/**
 * A string from UTF-16 units. Without surrogates the native UTF-16 decoder is used (much
 * faster on long texts); otherwise chunks go through String.fromCharCode, which keeps lone
 * surrogates as they are (the decoder would replace them).
 */
function unitsToString(units: Uint16Array, length: number, surrogates: boolean): string {
  if (!surrogates && length > 64) {
    utf16Decoder ??= new TextDecoder('utf-16le');
    return utf16Decoder.decode(new Uint8Array(units.buffer, units.byteOffset, length * 2));
  }
  let out = '';
  for (let i = 0; i < length; i += CHUNK) out += String.fromCharCode.apply(null, units.subarray(i, Math.min(i + CHUNK, length)) as unknown as number[]);
  return out;
}

/**
 * A normalisation that runs a slice at a time (for long documents: normalising 20 MB takes
 * about half a second, too long for one task of the interface thread).
 */
export interface NormaliseJob {
  /** Normalises about `units` more original units; true once the whole text is done. */
  step(units: number): boolean;
  /** True once the whole text is done. */
  readonly done: boolean;
  /** The result (finishing the rest first if needed). */
  result(): NormalisedText;
}

/**
 * A {@link NormaliseJob} for `original`: with `withMap` false the result's `toOriginal` is
 * empty (for callers that build the map later or never).
 */
export function normaliseInSteps(original: string, options?: NormaliseOptions, withMap = true): NormaliseJob {
  const capacity = original.length + extraUnits(original, true);
  const units = new Uint16Array(capacity);
  const map = withMap ? new Int32Array(capacity + 1) : undefined;
  const cursor: NormaliseCursor = { at: 0, length: 0, previous: -1, surrogates: false };
  let result: NormalisedText | undefined;
  const job: NormaliseJob = {
    step(count) {
      if (cursor.at < original.length) normaliseInto(original, options, true, units, map, cursor, Math.min(original.length, cursor.at + Math.max(1, count)));
      return cursor.at >= original.length;
    },
    get done() {
      return cursor.at >= original.length;
    },
    result() {
      if (result) return result;
      while (!job.step(original.length)) {
        /* finish */
      }
      const { length, surrogates } = cursor;
      let toOriginal = new Int32Array(0);
      if (map) {
        map[length] = original.length;
        toOriginal = length === capacity ? map : map.slice(0, length + 1);
      }
      result = { text: unitsToString(units, length, surrogates), toOriginal, original };
      return result;
    },
  };
  return job;
}

/**
 * The normalised copy of `original` (rules in the module comment) and the map from each
 * normalised index back to the original index it came from.
 */
export function normaliseForSearch(original: string, options?: NormaliseOptions): NormalisedText {
  return normaliseInSteps(original, options).result();
}

/**
 * The UTF-16 units of `text` normalised like {@link normaliseQuery}, without building a
 * string: for hot loops (near-duplicate shingles) that only read the units. Presentation
 * forms are NOT decomposed here (stored MinHash signatures depend on these units).
 */
export function normaliseToUnits(text: string, options?: NormaliseOptions): Uint16Array {
  const units = new Uint16Array(text.length);
  const cursor: NormaliseCursor = { at: 0, length: 0, previous: -1, surrogates: false };
  normaliseInto(text, options, false, units, undefined, cursor);
  return units.subarray(0, cursor.length);
}

/** `query` normalised by the same rules as {@link normaliseForSearch}, without the map. */
export function normaliseQuery(query: string, options?: NormaliseOptions): string {
  return normaliseInSteps(query, options, false).result().text;
}

/** True for what a match may absorb after its last letter: a combining mark or tatweel. */
function attachesToLetter(ch: string | undefined): boolean {
  return ch === '\u0640' || isCombiningMark(ch);
}

/**
 * The original range of the normalised range [start, end). The end is extended over the
 * combining marks and tatweel that normalisation removed right after the last letter (so
 * قال found in قَالَ covers the final fatha), then both edges are widened to grapheme
 * boundaries of the original (`snapToGrapheme`): a match never splits a letter from its
 * harakat, a surrogate pair, or the lam-alef ligature (ال found in الامم covers لا).
 * An empty range maps to an empty range at the original position.
 */
export function mapRangeToOriginal(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  const last = n.text.length;
  const s = Math.min(Math.max(Math.trunc(start), 0), last);
  const e = Math.min(Math.max(Math.trunc(end), s), last);
  const from = n.toOriginal[s]!;
  if (e === s) return { start: from, end: from };
  let to = n.toOriginal[e - 1]! + 1;
  const nextKept = n.toOriginal[e]!;
  while (to < nextKept && attachesToLetter(n.original[to])) to++;
  return { start: snapToGrapheme(n.original, from, 'backward'), end: snapToGrapheme(n.original, to, 'forward') };
}
