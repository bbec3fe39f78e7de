import { describe, expect, it } from 'vitest';
import { prepareFile, utf8OfArticles, type PreparedFile } from '../../../shared/model/import';
import { postedItem, restoreTexts } from '../../../renderer/import/protocol';

const encoder = new TextEncoder();

/** What crosses from a preparer to the main thread: the item structured-cloned, as postMessage does. */
function acrossThreads(index: number, name: string, bytes: Uint8Array): { sent: ReturnType<typeof postedItem>; expected: PreparedFile } {
  const incoming = { name, bytes };
  const expected = prepareFile(incoming, {});
  const file = prepareFile(incoming, {});
  const sent = structuredClone(postedItem(index, file, utf8OfArticles(incoming, file)));
  return { sent, expected };
}

describe('the texts of prepared files travel as UTF-8 bytes only', () => {
  it('leaves the string out of what a preparer posts and puts it back, exactly, on arrival', () => {
    const text = 'قالَ وزيرُ الخارجيّة إنّ المحادثات مع Reuters ستُستأنف في ٢٠٢٦.\n\nوأضاف مصدرٌ مطّلع أنّ الوفد سيصل غداً.';
    const { sent, expected } = acrossThreads(3, 'a.txt', encoder.encode(text));
    expect(sent.file.kind).toBe('articles');
    if (sent.file.kind !== 'articles' || expected.kind !== 'articles') return;
    expect(sent.file.articles[0]!.text).toBe('');
    expect(sent.utf8[0]).toBeInstanceOf(Uint8Array);
    const restored = restoreTexts(sent);
    expect(restored.index).toBe(3);
    expect(restored.file).toEqual(expected);
    if (restored.file.kind === 'articles') expect(restored.file.articles[0]!.text).toBe(text);
  });

  it('keeps a leading U+FEFF that is part of a text (a decoder would drop it as a byte order mark)', () => {
    // A JSON record whose text begins with U+FEFF: the text is encoded afresh, BOM character included.
    const text = '\uFEFFخبر يبدأ بعلامة';
    const { sent, expected } = acrossThreads(0, 'records.jsonl', encoder.encode(`${JSON.stringify({ text, title: 'عنوان' })}\n`));
    expect(sent.utf8[0]).toBeInstanceOf(Uint8Array);
    const restored = restoreTexts(sent);
    expect(restored.file).toEqual(expected);
    if (restored.file.kind === 'articles') expect(restored.file.articles[0]!.text.startsWith('\uFEFF')).toBe(true);
  });

  it('sends a text UTF-8 cannot carry (a lone surrogate from a JSON escape) as the string itself', () => {
    const { sent, expected } = acrossThreads(1, 'records.jsonl', encoder.encode('{"text": "نص \\ud800 مكسور", "title": "ع"}\n'));
    expect(sent.utf8).toEqual([null]);
    if (sent.file.kind === 'articles') expect(sent.file.articles[0]!.text).toContain('\ud800');
    expect(restoreTexts(sent).file).toEqual(expected);
  });

  it('leaves files without articles as they are', () => {
    const { sent, expected } = acrossThreads(2, 'empty.txt', new Uint8Array());
    expect(sent.file.kind).toBe('refused');
    expect(restoreTexts(sent).file).toEqual(expected);
  });
});
