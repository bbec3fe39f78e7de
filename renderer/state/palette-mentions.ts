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

/** The text between a mention and the claim, as offsets (empty when the mention is inside or overlaps it). */
function between(span: { start: number; end: number }, claim: { start: number; end: number }): { from: number; to: number } {
  if (span.end <= claim.start) return { from: span.end, to: claim.start };
  if (span.start >= claim.end) return { from: claim.end, to: span.start };
  return { from: 0, to: 0 };
}

/**
 * Whether a line break lies in `gap`. The search stops at the first line break after the
 * gap's start: a paragraph's length at most, not the text up to a far mention.
 */
function crossesParagraph(text: string, gap: { from: number; to: number }): boolean {
  if (gap.to <= gap.from) return false;
  const lineBreak = text.indexOf('\n', gap.from);
  return lineBreak >= 0 && lineBreak < gap.to;
}

/**
 * The SOURCE spans among `spans` (one document's, with its `text`), the nearest to the claim
 * first: those in the claim's paragraph before those in other paragraphs, then by the
 * characters between mention and claim ("…، حسب وكالة نوفوستي" right after a long claim comes
 * before a mention that ends a sentence earlier), then in reading order.
 */
export function mentionsNearest(spans: readonly SpanRecord[], text: string, claim: { start: number; end: number }, sources: readonly SourceRecord[]): PaletteMention[] {
  return spans
    .filter((span) => span.label === 'SOURCE')
    .map((span) => {
      const gap = between(span, claim);
      return { span, elsewhere: crossesParagraph(text, gap) ? 1 : 0, gap: gap.to - gap.from };
    })
    .sort((a, b) => a.elsewhere - b.elsewhere || a.gap - b.gap || a.span.start - b.span.start)
    .map(({ span }) => {
      const quote = text.slice(span.start, span.end);
      const best = searchRegistry(sources, quote, 1)[0];
      return { span, text: quote, source: best && best.score >= NAMES_SOURCE ? best.source : null };
    });
}
