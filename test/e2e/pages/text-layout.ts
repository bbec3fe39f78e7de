/**
 * Measuring laid-out text in the article: where each character is drawn (Range client
 * rects), the visual order that gives line by line, and the order the Unicode Bidirectional
 * Algorithm (bidi-js, an independent implementation) expects for the same lines.
 */
import type { Locator } from '@playwright/test';
import bidiFactory from 'bidi-js';

/** Where one UTF-16 code unit of a paragraph is drawn (viewport pixels). */
export interface CharBox {
  index: number;
  char: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The box of every character of a paragraph except white space, in logical order. */
export function charBoxes(paragraph: Locator): Promise<CharBox[]> {
  return paragraph.evaluate((p) => {
    const node = p.firstChild as Text;
    const range = document.createRange();
    const boxes: CharBox[] = [];
    for (let i = 0; i < node.data.length; i += 1) {
      if (/\s/u.test(node.data[i]!)) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect) boxes.push({ index: i, char: node.data[i]!, left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
    }
    return boxes;
  });
}

/** Character indices as drawn: lines top to bottom, each line left to right. */
export function visualLines(boxes: readonly CharBox[]): number[][] {
  const middle = (b: CharBox): number => (b.top + b.bottom) / 2;
  const sorted = [...boxes].sort((a, b) => middle(a) - middle(b));
  const lines: CharBox[][] = [];
  for (const box of sorted) {
    const line = lines.at(-1);
    if (line && middle(box) - middle(line[0]!) < 15) line.push(box);
    else lines.push([box]);
  }
  return lines.map((line) => line.sort((a, b) => a.left + a.right - (b.left + b.right)).map((b) => b.index));
}

/**
 * The visual order, left to right, that the Unicode Bidirectional Algorithm gives for the
 * same lines of `text` in a paragraph of direction `dir` (white space left out, as in
 * {@link charBoxes}). Each line is the logical range its characters were laid out from.
 */
export function expectedVisualLines(text: string, dir: 'rtl' | 'ltr', lines: readonly number[][]): number[][] {
  const bidi = bidiFactory();
  const levels = bidi.getEmbeddingLevels(text, dir);
  return lines.map((line) => {
    const start = Math.min(...line);
    const end = Math.max(...line);
    return bidi.getReorderedIndices(text, levels, start, end).filter((i) => !/\s/u.test(text[i]!));
  });
}

/** The visual order as text (for readable failure messages). */
export function asText(text: string, lines: readonly number[][]): string[] {
  return lines.map((line) => line.map((i) => text[i]).join(''));
}
