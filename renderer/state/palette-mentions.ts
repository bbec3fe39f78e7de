/**
 * The SOURCE mentions the attribute palette offers for a claim: every SOURCE span of the
 * document, the nearest to the claim first (the source of a claim is usually named in its
 * sentence or paragraph), each with the registry source it names, if one matches well.
 * Pure, so that it is tested in Node.
 */
import { searchRegistry } from '../../shared/attribution/registry-search';
import type { SourceRecord, SpanRecord } from '../../shared/model/types';

/** A registry match at least this good names the mention's source. */
const NAMES_SOURCE = 0.6;

/** One mention: its span, its text, and the source it names (null: a new source). */
export interface PaletteMention {
  span: SpanRecord;
  text: string;
  source: SourceRecord | null;
}

/**
 * The SOURCE spans among `spans` (one document's, with its `text`), ordered by the distance
 * of their start from the claim's start, then in reading order.
 */
export function mentionsNearest(spans: readonly SpanRecord[], text: string, claim: { start: number }, sources: readonly SourceRecord[]): PaletteMention[] {
  return spans
    .filter((span) => span.label === 'SOURCE')
    .map((span) => ({ span, distance: Math.abs(span.start - claim.start) }))
    .sort((a, b) => a.distance - b.distance || a.span.start - b.span.start)
    .map(({ span }) => {
      const quote = text.slice(span.start, span.end);
      const best = searchRegistry(sources, quote, 1)[0];
      return { span, text: quote, source: best && best.score >= NAMES_SOURCE ? best.source : null };
    });
}
