import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareSpans } from '../../../shared/model/state';
import type { SpanRecord } from '../../../shared/model/types';
import { levelAt, nestingLevels } from '../../../renderer/editor/nesting';
import { chunkParagraphs } from '../../../renderer/editor/progressive-layout';

const KINDS: Record<string, string> = { PER: 'entity', ORG: 'entity', CLAIM: 'attribution', SOURCE: 'attribution' };
const kindOf = (label: string): string => KINDS[label] ?? `label:${label}`;

function span(id: string, start: number, end: number, label: string): SpanRecord {
  return { id, corpusId: 'c', docId: 'd', start, end, label, annotator: 't', createdAt: '2026-01-01T00:00:00.000Z' };
}

describe('nesting levels of spans', () => {
  it('puts an entity in an entity and a role in a role one level down, and leaves other kinds alone', () => {
    // ذكرت وكالة نوفوستي أن وزارة الخارجية الروسية …: a claim holding a source that is also an
    // organisation holding a location; the agency both an organisation and a source.
    const spans = [
      span('claim', 24, 70, 'CLAIM'),
      span('org', 24, 46, 'ORG'),
      span('source', 24, 46, 'SOURCE'),
      span('loc', 39, 46, 'PER'),
      span('agency-org', 5, 18, 'ORG'),
      span('agency-source', 5, 18, 'SOURCE'),
    ].sort(compareSpans);
    const levels = nestingLevels(spans, kindOf);
    const byId = Object.fromEntries(spans.map((s, i) => [s.id, levels[i]]));
    expect(byId).toEqual({ claim: 0, org: 0, source: 1, loc: 1, 'agency-org': 0, 'agency-source': 0 });
  });

  it('caps the level at 2 and counts a span that ended before another starts as closed', () => {
    const spans = [span('a', 0, 30, 'ORG'), span('b', 2, 20, 'ORG'), span('c', 4, 10, 'ORG'), span('d', 5, 8, 'ORG'), span('e', 30, 35, 'ORG')];
    expect([...nestingLevels(spans, kindOf)]).toEqual([0, 1, 2, 2, 0]);
  });

  it('looking back from one span gives the same level as the full pass', () => {
    const spanArb = fc.record({ start: fc.nat(60), length: fc.integer({ min: 1, max: 15 }), label: fc.constantFrom('PER', 'ORG', 'CLAIM', 'SOURCE', 'X') });
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 40 }), (raw) => {
        const spans = raw.map((s, i) => span(`s${i}`, s.start, s.start + s.length, s.label)).sort(compareSpans);
        const levels = nestingLevels(spans, kindOf);
        const maxLength = Math.max(0, ...spans.map((s) => s.end - s.start));
        spans.forEach((_, i) => expect(levelAt(spans, i, kindOf, maxLength)).toBe(levels[i]));
      }),
    );
  });
});

describe('chunks of paragraphs', () => {
  it('groups whole paragraphs up to the size, a long paragraph alone, and estimates lines', () => {
    const p = (start: number, length: number): { start: number; end: number } => ({ start, end: start + length });
    const chunks = chunkParagraphs([p(0, 100), p(101, 150), p(252, 400), p(653, 50), p(704, 30)], 300, 90);
    expect(chunks.map((c) => c.paragraphs.map((x) => x.start))).toEqual([[0, 101], [252], [653, 704]]);
    expect(chunks.map((c) => c.lines)).toEqual([2 + 2, 5, 1 + 1]);
  });

  it('keeps every paragraph once, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 60 }), fc.integer({ min: 1, max: 2000 }), (lengths, max) => {
        let at = 0;
        const paragraphs = lengths.map((length) => ({ start: at, end: (at += length + 1) - 1 }));
        expect(chunkParagraphs(paragraphs, max).flatMap((c) => c.paragraphs)).toEqual(paragraphs);
      }),
    );
  });
});
