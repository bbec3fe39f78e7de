import { describe, expect, it } from 'vitest';
import { caretEdge } from '../../../renderer/editor/caret-geometry';
import { edgeGlyph } from '../../../renderer/editor/edge-glyph';

// Our own sentences: Latin names in Arabic paragraphs, Arabic in an English one.
const AR_LATIN = 'قال مراسل Reuters في دمشق إن الوفد وصل.';
const AR_COUNCIL = 'التقى الوزير بدمشق ممثلي UN Security Council (مجلس الأمن).';
const EN_ARABIC = 'The agency (سانا) reported 12 deaths on ٣ آذار.';
const AR_DIGITS = 'سقط 12 قتيلا و٣٥ جريحا في عام 2024.';

/** The glyphs beside both edges of the first `quote` in `text`. */
function edges(text: string, quote: string, fallback: 'rtl' | 'ltr' = 'rtl'): { start: ReturnType<typeof edgeGlyph>; end: ReturnType<typeof edgeGlyph> } {
  const at = text.indexOf(quote);
  return { start: edgeGlyph(text, at, 'start', fallback), end: edgeGlyph(text, at + quote.length, 'end', fallback) };
}

describe('where a span edge is drawn', () => {
  it('a Latin name in an Arabic paragraph starts on the left of its first letter and ends on the right of its last', () => {
    const at = AR_LATIN.indexOf('Reuters');
    expect(edges(AR_LATIN, 'Reuters')).toEqual({ start: { from: at, to: at + 1, side: 'left' }, end: { from: at + 6, to: at + 7, side: 'right' } });
    const council = edges(AR_COUNCIL, 'UN Security Council');
    expect([council.start?.side, council.end?.side]).toEqual(['left', 'right']);
    expect(AR_COUNCIL.slice(council.end!.from, council.end!.to)).toBe('l');
  });

  it('Arabic in an English paragraph starts on the right of its first letter and ends on the left of its last', () => {
    const at = EN_ARABIC.indexOf('سانا');
    expect(edges(EN_ARABIC, 'سانا', 'ltr')).toEqual({ start: { from: at, to: at + 1, side: 'right' }, end: { from: at + 3, to: at + 4, side: 'left' } });
  });

  it('a span in its paragraph’s own direction is unchanged: Arabic right to left, Latin left to right', () => {
    expect(edges(AR_LATIN, 'دمشق')).toMatchObject({ start: { side: 'right' }, end: { side: 'left' } });
    expect(edges(EN_ARABIC, 'agency', 'ltr')).toMatchObject({ start: { side: 'left' }, end: { side: 'right' } });
    // The paragraph's direction comes from its first strong letter, not from the fallback.
    expect(edges(EN_ARABIC, 'agency', 'rtl')).toMatchObject({ start: { side: 'left' }, end: { side: 'right' } });
  });

  it('each edge follows its own character: digits read left to right inside Arabic', () => {
    // «عام 2024» starts at the right of ع and ends at the right of the 4 (the number runs left to right).
    expect(edges(AR_DIGITS, 'عام 2024')).toMatchObject({ start: { side: 'right' }, end: { side: 'right' } });
    expect(edges(AR_DIGITS, '12')).toMatchObject({ start: { side: 'left' }, end: { side: 'right' } });
    // Arabic-Indic digits too.
    expect(edges(AR_DIGITS, '٣٥')).toMatchObject({ start: { side: 'left' }, end: { side: 'right' } });
  });

  it('takes the whole grapheme inside the edge (a letter with its harakat, an emoji)', () => {
    const text = 'وأكَّدَ المتحدث 👍🏽 ذلك';
    const word = edges(text, 'وأكَّدَ');
    expect(text.slice(word.end!.from, word.end!.to)).toBe('دَ');
    const emoji = edges(text, '👍🏽');
    expect(text.slice(emoji.start!.from, emoji.start!.to)).toBe('👍🏽');
  });

  it('has no glyph where the span has no character in this paragraph', () => {
    expect(edgeGlyph(AR_LATIN, 0, 'end', 'rtl')).toBeNull();
    expect(edgeGlyph(AR_LATIN, AR_LATIN.length, 'start', 'rtl')).toBeNull();
    expect(edgeGlyph('', 0, 'start', 'rtl')).toBeNull();
  });
});

describe('which text the caret is drawn against', () => {
  it('the end of a forward selection, the start of a backward one', () => {
    expect(caretEdge({ anchor: 3, focus: 10 }, null)).toBe('end');
    expect(caretEdge({ anchor: 10, focus: 3 }, null)).toBe('start');
  });

  it('the focused span’s edge when the caret is on it (a new, resized or newly focused span)', () => {
    const span = { start: 10, end: 17 };
    expect(caretEdge({ anchor: 17, focus: 17 }, span)).toBe('end');
    expect(caretEdge({ anchor: 10, focus: 10 }, span)).toBe('start');
  });

  it('nothing for a caret elsewhere: it is drawn where the browser puts it', () => {
    expect(caretEdge({ anchor: 12, focus: 12 }, { start: 10, end: 17 })).toBeNull();
    expect(caretEdge({ anchor: 12, focus: 12 }, null)).toBeNull();
  });
});
