import { describe, expect, it } from 'vitest';
import { compactSpans, shareStrings } from '../../../shared/model/shared-strings';

describe('sharing repeated field values of records', () => {
  it('keeps every value and leaves other fields and non-strings alone', () => {
    const fresh = (s: string): string => s.split('').join(''); // a distinct string object with the same value
    const records = [
      { id: 'a', docId: fresh('doc-1'), label: fresh('PER'), start: 0, note: fresh('x') },
      { id: 'b', docId: fresh('doc-1'), label: fresh('ORG'), start: 4, note: fresh('x') },
      { id: 'c', docId: fresh('doc-2'), label: fresh('PER'), start: 9, note: undefined },
    ];
    const copy = structuredClone(records);
    expect(shareStrings(records, ['docId', 'label', 'note'])).toBe(records);
    expect(records).toEqual(copy);
  });
});

describe('compacting span records read from the database', () => {
  const span = { id: 's1', corpusId: 'c', docId: 'd', start: 3, end: 9, label: 'PER', annotator: 'a', createdAt: '2026-01-01T00:00:00.000Z' };

  it('keeps every field and value, in the same order', () => {
    const [compact] = compactSpans([{ ...span }]);
    expect(compact).toEqual(span);
    expect(Object.keys(compact!)).toEqual(Object.keys(span));
  });

  it('keeps a record with fields it does not know as it is', () => {
    const extended = { ...span, note: 'from a later version' };
    const [kept] = compactSpans([extended]);
    expect(kept).toBe(extended);
    expect(kept).toHaveProperty('note', 'from a later version');
  });
});
