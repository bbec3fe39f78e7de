/**
 * Offsets at the boundary of a dataset format: converting a document's UTF-16 spans to the
 * format's unit with their quoted text, checking a written span against its quote (by an
 * independent slice), and reading offsets in a declared unit back to UTF-16.
 */
import type { DatasetSpan } from '../dataset';
import { fromUtf16Offsets, lengthInUnit, textInUnit, toUtf16Offsets, type OffsetUnit, type TextInUnit } from '../../text/offsets';
import { valueText } from './value-text';

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
    if (!(s.start < s.end)) throw new RangeError(`Span ${s.id} [${s.start}, ${s.end}) is empty.`);
    edges[2 * i] = s.start;
    edges[2 * i + 1] = s.end;
  });
  const offsets = typeof unit === 'string' ? fromUtf16Offsets(text, edges, unit) : unit.fromUtf16(edges);
  return spans.map((s, i) => ({ id: s.id, start: offsets[2 * i]!, end: offsets[2 * i + 1]!, label: s.label, text: text.slice(s.start, s.end) }));
}

/** Checks a written span `[start, end)` against its quote; returns a problem, or null when the span reads its quote. */
export type QuoteCheck = (start: unknown, end: unknown, quote: string | undefined) => string | null;

/**
 * A checker of written spans against one text, in `unit` (or against a {@link TextInUnit}
 * already built for the text). The text is indexed once, so each check is one substring.
 */
export function quoteChecker(text: string, unit: OffsetUnit): QuoteCheck;
export function quoteChecker(view: TextInUnit): QuoteCheck;
export function quoteChecker(text: string | TextInUnit, unit: OffsetUnit = 'codepoint'): QuoteCheck {
  const view = typeof text === 'string' ? textInUnit(text, unit) : text;
  const { length } = view;
  return (start, end, quote) => {
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) return `offsets ${valueText(start)}–${valueText(end)} are not integers`;
    if (!(start >= 0 && start < end && end <= length)) return `[${start}, ${end}) is empty or outside the text (${length} ${view.unit}s)`;
    if (quote === undefined) return null;
    return view.reads(start, end, quote) ? null : `[${start}, ${end}) in ${view.unit}s reads “${view.slice(start, end)}” but quotes “${quote}”`;
  };
}

/**
 * Reads `[start, end)` given in `unit` back to UTF-16 code units. Returns a reason instead
 * when the offsets are not integers, empty, outside the text, or split a surrogate pair.
 */
export function spanToUtf16(text: string, start: unknown, end: unknown, unit: OffsetUnit): { start: number; end: number } | { reason: string } {
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) return { reason: `offsets ${valueText(start)}–${valueText(end)} are not integers` };
  if (!(start >= 0 && start < end)) return { reason: `[${start}, ${end}) is empty or negative` };
  const [s, e] = toUtf16Offsets(text, [start, end], unit);
  if (s === null || s === undefined || e === null || e === undefined) return { reason: `[${start}, ${end}) is outside the text (${lengthInUnit(text, unit)} ${unit}s)` };
  if (splitsPair(text, s) || splitsPair(text, e)) return { reason: `[${start}, ${end}) cuts a character in half (an edge inside a surrogate pair)` };
  return { start: s, end: e };
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
