/**
 * Offsets at the boundary of a dataset format: converting a document's UTF-16 spans to the
 * format's unit with their quoted text, checking a written span against its quote (by an
 * independent slice), and reading offsets in a declared unit back to UTF-16.
 */
import type { DatasetSpan } from '../dataset';
import { fromUtf16Offsets, hasSurrogates, lengthInUnit, textInUnit, toUtf16Offsets, type OffsetUnit, type TextInUnit } from '../../text/offsets';
import { valueText } from './value-text';
import { english, phrase, PhraseError, said, type Phrase, type PhraseCode, type PhraseParam } from '../../phrases/phrase';

/** A span as written by an exporter: offsets in the export's unit, with the text it covers. */
export interface UnitSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
}

/**
 * Converts spans of `text` to `unit` (or through the text's {@link TextInUnit}, when the
 * exporter has built one to check with), each with its quoted text. Throws a RangeError for a
 * span outside the text or with an edge inside a surrogate pair (exporters turn it into a problem).
 */
export function spansInUnit(text: string, spans: readonly DatasetSpan[], unit: OffsetUnit | TextInUnit): UnitSpan[] {
  const edges = new Array<number>(2 * spans.length);
  spans.forEach((s, i) => {
    if (!(s.start < s.end)) throw new PhraseError(phrase('spanError.empty', { id: s.id, ...codePointRange(text, s) }));
    edges[2 * i] = s.start;
    edges[2 * i + 1] = s.end;
  });
  const offsets = typeof unit === 'string' ? fromUtf16Offsets(text, edges, unit) : unit.fromUtf16(edges);
  return spans.map((s, i) => ({ id: s.id, start: offsets[2 * i]!, end: offsets[2 * i + 1]!, label: s.label, text: text.slice(s.start, s.end) }));
}

/** How many code points the first `offset` UTF-16 units of `text` hold (an edge inside a pair counts its half). */
function codePointsBefore(text: string, offset: number): number {
  let count = offset;
  for (let i = 1; i < offset; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) count--;
  }
  return count;
}

/**
 * A span's `[start, end)` (UTF-16, as a dataset document holds it) in code points, as an
 * export's notes give offsets: the unit the README and `isnad convert` speak of, whatever
 * unit the file is written in. Never throws (a note must not stop an export).
 */
export function codePointRange(text: string, span: { start: number; end: number }): { start: number; end: number } {
  if (!hasSurrogates(text)) return { start: span.start, end: span.end };
  return { start: codePointsBefore(text, span.start), end: codePointsBefore(text, span.end) };
}

/** Checks a written span `[start, end)` against its quote; returns a problem, or null when the span reads its quote. */
export type QuoteCheck = (start: unknown, end: unknown, quote: string | undefined) => string | null;

/** Like {@link QuoteCheck}, the problem as a phrase. */
export type QuotePhraseCheck = (start: unknown, end: unknown, quote: string | undefined) => Phrase | null;

/**
 * A checker of written spans against one text, in `unit` (or against a {@link TextInUnit}
 * already built for the text). The text is indexed once, so each check is one substring.
 */
export function quoteChecker(text: string, unit: OffsetUnit): QuoteCheck;
export function quoteChecker(view: TextInUnit): QuoteCheck;
export function quoteChecker(text: string | TextInUnit, unit: OffsetUnit = 'codepoint'): QuoteCheck {
  const check = typeof text === 'string' ? quotePhraseChecker(text, unit) : quotePhraseChecker(text);
  return (start, end, quote) => {
    const problem = check(start, end, quote);
    return problem && english(problem);
  };
}

/** {@link quoteChecker} saying the problem as a phrase (for a reader's note). */
export function quotePhraseChecker(text: string, unit: OffsetUnit): QuotePhraseCheck;
export function quotePhraseChecker(view: TextInUnit): QuotePhraseCheck;
export function quotePhraseChecker(text: string | TextInUnit, unit: OffsetUnit = 'codepoint'): QuotePhraseCheck {
  const view = typeof text === 'string' ? textInUnit(text, unit) : text;
  const { length } = view;
  return (start, end, quote) => {
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) return phrase('spanWhy.notIntegers', { start: valueText(start), end: valueText(end) });
    if (!(start >= 0 && start < end && end <= length)) return phrase('spanWhy.emptyOrOutside', { start, end, length, unit: unitPhrase(view.unit) });
    if (quote === undefined) return null;
    return view.reads(start, end, quote) ? null : phrase('spanWhy.quote', { start, end, unit: unitPhrase(view.unit), actual: view.slice(start, end), quote });
  };
}

/** An offset unit as a reader's note names it. */
export function unitPhrase(unit: OffsetUnit): Phrase {
  return phrase(unit === 'utf16' ? 'readUnit.utf16' : 'readUnit.codepoint');
}

/** Why offsets were not read: in English (`reason`) and as a phrase (`why`). */
export interface OffsetRefusal {
  reason: string;
  why: Phrase;
}

/** An {@link OffsetRefusal} from a phrase. */
export function refusal(code: PhraseCode, params?: Record<string, PhraseParam>): OffsetRefusal {
  const { text, phrase: why } = said(code, params);
  return { reason: text, why };
}

/**
 * Reads `[start, end)` given in `unit` back to UTF-16 code units. Returns a reason instead
 * when the offsets are not integers, empty, outside the text, or split a surrogate pair.
 */
export function spanToUtf16(text: string, start: unknown, end: unknown, unit: OffsetUnit): { start: number; end: number } | OffsetRefusal {
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) return refusal('spanWhy.notIntegers', { start: valueText(start), end: valueText(end) });
  if (!(start >= 0 && start < end)) return refusal('spanWhy.empty', { start, end });
  const [s, e] = toUtf16Offsets(text, [start, end], unit);
  if (s === null || s === undefined || e === null || e === undefined) return refusal('spanWhy.outside', { start, end, length: lengthInUnit(text, unit), unit: unitPhrase(unit) });
  if (splitsPair(text, s) || splitsPair(text, e)) return refusal('spanWhy.splitsPair', { start, end });
  return { start: s, end: e };
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
