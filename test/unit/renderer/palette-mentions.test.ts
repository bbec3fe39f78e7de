import { describe, expect, it } from 'vitest';
import { mentionsNearest } from '../../../renderer/state/palette-mentions';
import type { SpanRecord } from '../../../shared/model/types';
import { SOURCES } from '../attribution/fixtures';

const TEXT = 'قالت وكالة نوفوستي إن الوفد وصل. وأضاف مصدر في الخارجية أن المحادثات ستبدأ، كما ذكرت وكالة رويترز.';

function span(id: string, quote: string, label = 'SOURCE'): SpanRecord {
  const start = TEXT.indexOf(quote);
  return { id, corpusId: 'corpus-1', docId: 'doc-1', start, end: start + quote.length, label, annotator: 't', createdAt: '2026-01-01T00:00:00.000Z' };
}

describe('the SOURCE mentions the attribute palette offers', () => {
  const spans = [span('novosti', 'وكالة نوفوستي'), span('cue', 'قالت', 'CUE'), span('ministry', 'مصدر في الخارجية'), span('reuters', 'وكالة رويترز')];

  it('lists only SOURCE spans, the nearest to the claim first', () => {
    const claim = { start: TEXT.indexOf('المحادثات') };
    expect(mentionsNearest(spans, TEXT, claim, SOURCES).map((m) => m.span.id)).toEqual(['ministry', 'reuters', 'novosti']);
    const first = { start: TEXT.indexOf('الوفد') };
    expect(mentionsNearest(spans, TEXT, first, SOURCES).map((m) => m.span.id)).toEqual(['novosti', 'ministry', 'reuters']);
  });

  it('keeps reading order between mentions as far from the claim on either side', () => {
    const a = span('a', 'وكالة نوفوستي');
    const b = { ...a, id: 'b', start: a.start + 20, end: a.end + 20 };
    expect(mentionsNearest([b, a], TEXT, { start: a.start + 10 }, SOURCES).map((m) => m.span.id)).toEqual(['a', 'b']);
  });

  it('names the registry source a mention matches well, and none for a new one', () => {
    const found = mentionsNearest(spans, TEXT, { start: 0 }, SOURCES);
    expect(found.find((m) => m.span.id === 'novosti')!.source?.nameLatin).toBe('RIA Novosti');
    expect(found.find((m) => m.span.id === 'ministry')!.source).toBeNull();
    expect(found.find((m) => m.span.id === 'novosti')!.text).toBe('وكالة نوفوستي');
  });
});
