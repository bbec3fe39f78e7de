/**
 * Footnotes and endnotes of a Word document, kept after its body. Where the body refers
 * to a note, its mark is written in brackets — footnotes numbered 1, 2, 3 … and endnotes
 * i, ii, iii … in the order the body first refers to them (Word's default numbering; a
 * numbering the document sets for itself is not read) — and the notes follow the body as
 * paragraphs of their own, footnotes first, each starting with its mark: "[1] …".
 * A note the body never refers to is left out, like a note without text.
 */
import { appendAll } from '../../arrays';
import type { WordNoteKind, WordNoteMark } from './docx-xml';

/** Lower-case Roman numeral of `n` (1 → i, 4 → iv); decimal digits from 4000 on. */
export function lowerRoman(n: number): string {
  if (n >= 4000) return String(n);
  const numerals: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

/** The notes of one document while its body is read: marks handed out in order of reference. */
export class WordNotes {
  private readonly referred: Record<WordNoteKind, Map<string, string>> = { footnote: new Map(), endnote: new Map() };

  /** `footnotes` and `endnotes`: each note's paragraphs by its w:id (see wordNotes). */
  constructor(private readonly notes: Record<WordNoteKind, ReadonlyMap<string, string[]>>) {}

  /** What the body gets where it refers to a note: its mark, or nothing for a note without text. */
  readonly mark: WordNoteMark = (kind, id) => {
    if (!this.notes[kind].has(id)) return undefined;
    const marks = this.referred[kind];
    let mark = marks.get(id);
    if (mark === undefined) {
      const n = marks.size + 1;
      mark = `[${kind === 'footnote' ? String(n) : lowerRoman(n)}]`;
      marks.set(id, mark);
    }
    return mark;
  };

  /** The paragraphs to put after the body: every note referred to, footnotes first, in order of reference. */
  paragraphs(): string[] {
    const out: string[] = [];
    for (const kind of ['footnote', 'endnote'] as const) {
      for (const [id, mark] of this.referred[kind]) {
        const [first = '', ...rest] = this.notes[kind].get(id) ?? [];
        out.push(`${mark} ${first.replace(/^[\t ]+/, '')}`);
        appendAll(out, rest);
      }
    }
    return out;
  }
}
