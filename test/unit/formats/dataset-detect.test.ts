import { describe, expect, it } from 'vitest';
import { looksLikeConll, looksLikeDataset, pairBratFiles } from '../../../shared/formats/dataset-detect';

describe('telling datasets from articles', () => {
  it('by name for CoNLL and brat annotations; by content for JSON, JSON Lines and text', () => {
    expect(looksLikeDataset('train.conll', '')).toBe(true);
    expect(looksLikeDataset('a.ann', '')).toBe(true);
    expect(looksLikeDataset('a.jsonl', '{"text": "قال", "label": [[0, 3, "PER"]]}\n')).toBe(true);
    expect(looksLikeDataset('tasks.json', '[{"data": {"text": "قال"}, "annotations": []}]')).toBe(true);
    expect(looksLikeDataset('corpus.json', '{"format": "isnad-corpus", "formatVersion": 2}')).toBe(true);
    // Articles: records with a text and a list of topic words are not annotations.
    expect(looksLikeDataset('news.jsonl', '{"text": "قال الوزير", "title": "خبر", "labels": ["سياسة"]}\n')).toBe(false);
    expect(looksLikeDataset('news.json', '[{"text": "قال الوزير", "url": "https://example.org"}]')).toBe(false);
    expect(looksLikeDataset('article.txt', 'قال الوزير إن الهدنة صامدة.\nوأضاف أن المعبر سيفتح.\n')).toBe(false);
    expect(looksLikeDataset('anercorp.txt', 'فرانكفورت B-LOC\n( O\nد O\nب O\n')).toBe(true);
    // The head of a large file that does not parse on its own.
    expect(looksLikeDataset('big.json', '[{"data": {"text": "قال"}, "annotations": [{"result": [')).toBe(true);
    expect(looksLikeConll('\uFEFF\u200eقال\tO\r\n\u200eالوزير\tB-PER\r\n')).toBe(true);
  });

  it('pairs brat files by name and reports the unpaired ones', () => {
    const paired = pairBratFiles([
      { path: 'a.txt', contents: 'نص' },
      { path: 'a.ann', contents: '' },
      { path: 'b.ann', contents: '' },
      { path: 'c.txt', contents: 'نص' },
      { path: 'annotation.conf', contents: '' },
    ]);
    expect(paired.files.map((f) => f.path)).toEqual(['a.txt', 'a.ann', 'c.txt', 'annotation.conf']);
    expect(paired.notes.map((n) => [n.where, n.kind])).toEqual([
      ['b.ann', 'skipped'],
      ['c.txt', 'repaired'],
    ]);
  });
});
