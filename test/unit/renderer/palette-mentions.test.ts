import { describe, expect, it } from 'vitest';
import { mentionsNearest } from '../../../renderer/state/palette-mentions';
import type { SpanRecord } from '../../../shared/model/types';
import { SOURCES } from '../attribution/fixtures';

const TEXT = 'قالت وكالة نوفوستي إن الوفد وصل. وأضاف مصدر في الخارجية أن المحادثات ستبدأ، كما ذكرت وكالة رويترز.';

function span(id: string, quote: string, label = 'SOURCE', text = TEXT): SpanRecord {
  const start = text.indexOf(quote);
  return { id, corpusId: 'corpus-1', docId: 'doc-1', start, end: start + quote.length, label, annotator: 't', createdAt: '2026-01-01T00:00:00.000Z' };
}

/** The claim covering the first occurrence of `quote`. */
function range(quote: string, text = TEXT): { start: number; end: number } {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length };
}

describe('the SOURCE mentions the attribute palette offers', () => {
  const spans = [span('novosti', 'وكالة نوفوستي'), span('cue', 'قالت', 'CUE'), span('ministry', 'مصدر في الخارجية'), span('reuters', 'وكالة رويترز')];

  it('lists only SOURCE spans, the nearest to the claim first', () => {
    const claim = range('المحادثات ستبدأ');
    expect(mentionsNearest(spans, TEXT, claim, SOURCES).map((m) => m.span.id)).toEqual(['ministry', 'reuters', 'novosti']);
    const first = range('الوفد وصل');
    expect(mentionsNearest(spans, TEXT, first, SOURCES).map((m) => m.span.id)).toEqual(['novosti', 'ministry', 'reuters']);
  });

  it('keeps reading order between mentions as far from the claim on either side', () => {
    const a = span('a', 'وكالة نوفوستي');
    const b = { ...a, id: 'b', start: a.start + 20, end: a.end + 20 };
    expect(mentionsNearest([b, a], TEXT, { start: a.end + 2, end: b.start - 2 }, SOURCES).map((m) => m.span.id)).toEqual(['a', 'b']);
  });

  it('measures from the claim’s edges: a source named right after a long claim comes before one a sentence earlier', () => {
    const text = 'أعلن مصدر حكومي أمس أن الاجتماع انتهى. وأكد البيان أن المحادثات مع الوفد الأممي حول آلية إيصال المساعدات عبر الحدود ستستمر أسبوعًا آخر، حسب وكالة نوفوستي.';
    const claim = range('المحادثات مع الوفد الأممي حول آلية إيصال المساعدات عبر الحدود ستستمر أسبوعًا آخر', text);
    const mentions = [span('government', 'مصدر حكومي', 'SOURCE', text), span('novosti', 'وكالة نوفوستي', 'SOURCE', text)];
    expect(mentionsNearest(mentions, text, claim, SOURCES).map((m) => m.span.id)).toEqual(['novosti', 'government']);
  });

  it('offers the mentions of the claim’s paragraph before nearer ones across a line break', () => {
    const text = 'ذكرت وكالة سانا في تقرير مطول عن الأوضاع الإنسانية في الشمال أن القافلة وصلت.\nرويترز: الأمم المتحدة تؤكد وصول القافلة.';
    const claim = range('القافلة وصلت', text);
    const mentions = [span('reuters', 'رويترز', 'SOURCE', text), span('sana', 'وكالة سانا', 'SOURCE', text)];
    expect(mentionsNearest(mentions, text, claim, SOURCES).map((m) => m.span.id)).toEqual(['sana', 'reuters']);
  });

  it('names the registry source a mention matches well, and none for a new one', () => {
    const found = mentionsNearest(spans, TEXT, { start: 0, end: 0 }, SOURCES);
    expect(found.find((m) => m.span.id === 'novosti')!.source?.nameLatin).toBe('RIA Novosti');
    expect(found.find((m) => m.span.id === 'ministry')!.source).toBeNull();
    expect(found.find((m) => m.span.id === 'novosti')!.text).toBe('وكالة نوفوستي');
  });
});
