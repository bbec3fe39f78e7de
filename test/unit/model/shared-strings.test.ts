import { describe, expect, it } from 'vitest';
import { shareStrings } from '../../../shared/model/shared-strings';

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
