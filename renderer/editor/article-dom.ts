/**
 * The paragraph elements of an article, built directly in the DOM rather than by React. A
 * long article has thousands of paragraphs that never change once shown (a text is
 * immutable; spans are painted as highlights over it): React would keep a fiber, an element
 * and a props object for each (about 0.5 MB for 3,000 paragraphs) and diff them on nothing.
 * They are built once per text, the way CodeMirror and ProseMirror own their content DOM.
 */
import type { Paragraph } from '../../shared/text/paragraphs';
import { CHUNK_CLASS, chunkParagraphs } from './progressive-layout';

/** About how many characters fill a line of the article column (for size estimates only). */
const CHARS_PER_LINE = 90;
/** The most characters in one chunk of paragraphs (see progressive-layout.ts). */
const CHUNK_CHARS = 4000;

/** The note a later copy of a repeated paragraph shows: "repeats paragraph N" (N counted from 1). */
export type RepeatNote = (firstParagraph: number) => string;

/**
 * Replaces the children of `article` with the paragraphs of `text`, in chunks (each holding
 * an estimate of its height until it is laid out). Each paragraph is one element with its
 * own `dir`, `data-start` (its offset) and the text as a single text node, so that DOM
 * positions are logical offsets. Later copies of a repeated paragraph are marked (their
 * notes are written by {@link updateRepeatNotes}).
 */
export function renderParagraphs(article: HTMLElement, text: string, paragraphs: readonly Paragraph[], repeatOf: ReadonlyMap<number, number>): void {
  const document = article.ownerDocument;
  const fragment = document.createDocumentFragment();
  for (const chunk of chunkParagraphs(paragraphs, CHUNK_CHARS, CHARS_PER_LINE)) {
    const box = document.createElement('div');
    box.className = CHUNK_CLASS;
    box.dataset.chunkStart = String(chunk.paragraphs[0]!.start);
    box.dataset.chunkEnd = String(chunk.paragraphs.at(-1)!.end);
    box.style.containIntrinsicBlockSize = `auto calc(${chunk.lines}lh + ${chunk.paragraphs.length * 0.8}em)`;
    for (const p of chunk.paragraphs) {
      const element = document.createElement('p');
      element.dir = p.dir;
      element.dataset.start = String(p.start);
      element.textContent = text.slice(p.start, p.end);
      const first = repeatOf.get(p.index);
      if (first !== undefined) {
        element.className = 'repeated';
        element.dataset.repeatOf = String(first + 1);
      }
      box.append(element);
    }
    fragment.append(box);
  }
  article.replaceChildren(fragment);
}

/** Writes the note (shown above it, and as its tooltip) of every marked repeated paragraph, in the current language. */
export function updateRepeatNotes(root: ParentNode, note: RepeatNote): void {
  for (const element of root.querySelectorAll<HTMLElement>('p.repeated')) {
    const text = note(Number(element.dataset.repeatOf));
    element.dataset.repeatNote = text;
    element.title = text;
  }
}
