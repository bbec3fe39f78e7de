import { describe, expect, it } from 'vitest';
import { createSearchIndex, searchDocuments } from '../../../shared/search/search';
import { normaliseForSearch } from '../../../shared/text/normalise';

describe('createSearchIndex', () => {
  it('returns the cached normalised text while the document text is unchanged', () => {
    const index = createSearchIndex();
    const first = index.get('d1', 'أعلنَ الوزير');
    expect(first.text).toBe('اعلن الوزير');
    expect(index.get('d1', 'أعلنَ الوزير')).toBe(first);
    expect(index.size).toBe(1);
  });

  it('builds the offset map on first use, equal to normaliseForSearch', () => {
    const text = 'قَالَ  مدرسة ٢٠١٩';
    const entry = createSearchIndex().get('d', text, { tehMarbuta: true });
    const direct = normaliseForSearch(text, { tehMarbuta: true });
    expect(entry.text).toBe(direct.text);
    expect(entry.toOriginal).toEqual(direct.toOriginal);
    expect(entry.toOriginal).toBe(entry.toOriginal);
  });

  it('normalises again when the text differs', () => {
    const index = createSearchIndex();
    const first = index.get('d1', 'قال');
    const second = index.get('d1', 'قالت');
    expect(second).not.toBe(first);
    expect(second.text).toBe('قالت');
    expect(index.size).toBe(1);
  });

  it('keeps one entry per option set', () => {
    const index = createSearchIndex();
    const plain = index.get('d1', 'مدرسة');
    const folded = index.get('d1', 'مدرسة', { tehMarbuta: true });
    expect(plain.text).toBe('مدرسة');
    expect(folded.text).toBe('مدرسه');
    expect(index.size).toBe(2);
    index.delete('d1');
    expect(index.size).toBe(0);
  });

  it('drops the least recently used entries beyond maxEntries', () => {
    const index = createSearchIndex({ maxEntries: 2 });
    const a = index.get('a', 'ا');
    index.get('b', 'ب');
    index.get('a', 'ا'); // a is now the most recent
    index.get('c', 'ت');
    expect(index.size).toBe(2);
    expect(index.get('a', 'ا')).toBe(a);
    index.clear();
    expect(index.size).toBe(0);
  });

  it('serves searchDocuments so a second search does not normalise again', () => {
    const index = createSearchIndex();
    const docs = [
      { id: 'x', text: 'أعلنَ الوزير' },
      { id: 'y', text: 'قال المتحدث' },
    ];
    expect(searchDocuments(docs, 'اعلن', { index }).map((h) => h.docId)).toEqual(['x']);
    const cached = index.get('y', docs[1]!.text);
    expect(searchDocuments(docs, 'قال', { index }).map((h) => h.docId)).toEqual(['y']);
    expect(index.get('y', docs[1]!.text)).toBe(cached);
    expect(index.size).toBe(2);
  });
});
