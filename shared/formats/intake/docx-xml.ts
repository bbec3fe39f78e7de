/**
 * The text of a Word document's XML parts, read with htmlparser2 in XML mode (a streaming
 * parse; entities decoded). `word/document.xml`: each w:p is a paragraph; w:t holds text,
 * w:tab is a tab, w:br and w:cr are a line break "\n" (a line feed inside w:t text is only
 * XML layout and becomes a space; blank lines a run of breaks would leave are dropped),
 * w:noBreakHyphen is "-", w:softHyphen nothing (soft hyphens are dropped: see docx.ts). `word/footnotes.xml` and
 * `word/endnotes.xml` are read the same way, note by note. Deleted revisions (w:del,
 * w:moveFrom), field codes (w:instrText), hidden runs (w:vanish), properties and the
 * fallback copy of alternate content (mc:Fallback) are skipped.
 */
import { Parser } from 'htmlparser2';
import { isBlank } from '../../text/chars';
import { collapseAsciiWhitespace } from './whitespace';

const WORD_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Elements whose content is never document text. */
const SKIPPED: ReadonlySet<string> = new Set([
  'w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:delInstrText', 'w:pPr', 'w:rPr', 'w:sectPr', 'w:tblPr', 'w:trPr', 'w:tcPr',
  'w:fldData', 'mc:Fallback',
]);

/** The prefixes the root element binds to the WordprocessingML and markup-compatibility namespaces. */
function prefixesOf(attribs: Record<string, string>): { word: string; mc: string } {
  let word = 'w';
  let mc = 'mc';
  for (const [key, value] of Object.entries(attribs)) {
    if (!key.startsWith('xmlns:')) continue;
    if (WORD_NAMESPACES.has(value)) word = key.slice(6);
    else if (value === MARKUP_COMPATIBILITY) mc = key.slice(6);
  }
  return { word, mc };
}

function isOff(value: string | undefined): boolean {
  return value !== undefined && /^(?:0|false|off)$/i.test(value);
}

/** Bytes of an XML part as text: UTF-16 when it starts with a UTF-16 byte-order mark, else UTF-8. */
export function xmlPartText(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  return new TextDecoder(utf16 ?? 'utf-8').decode(bytes);
}

/** A footnote or an endnote. */
export type WordNoteKind = 'footnote' | 'endnote';

/**
 * The text put where the body refers to a note (w:footnoteReference, w:endnoteReference):
 * the note's mark, or undefined for none.
 */
export type WordNoteMark = (kind: WordNoteKind, id: string) => string | undefined;

/**
 * The paragraphs of `word/document.xml`, in order, without empty ones. A paragraph holds
 * "\n" where Word has a line break (w:br, w:cr): in Isnad's text model each line is a
 * paragraph of its own, as in a plain-text file. Where the body refers to a footnote or an
 * endnote, `noteMark` says what to write (nothing by default).
 */
export function wordParagraphs(xml: string, noteMark?: WordNoteMark): string[] {
  const paragraphs: string[] = [];
  readWordXml(xml, (paragraph) => paragraphs.push(paragraph), noteMark);
  return paragraphs;
}

/**
 * The notes of `word/footnotes.xml` or `word/endnotes.xml`: each w:footnote / w:endnote's
 * non-empty paragraphs by its w:id, read as the body is. Notes without text (Word's
 * separator lines among them) are left out.
 */
export function wordNotes(xml: string): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  readWordXml(xml, (paragraph, noteId) => {
    if (noteId === undefined) return;
    const paragraphs = notes.get(noteId);
    if (paragraphs) paragraphs.push(paragraph);
    else notes.set(noteId, [paragraph]);
  });
  return notes;
}

/** Calls `onParagraph` with each non-empty paragraph of a Word XML part and the w:id of the note holding it, if any. */
function readWordXml(xml: string, onParagraph: (paragraph: string, noteId: string | undefined) => void, noteMark?: WordNoteMark): void {
  const open: string[] = [];
  const stack: string[][] = [];
  let prefixes: { word: string; mc: string } | undefined;
  let skipping = 0;
  let inText = false;
  let hiddenRun = false;
  let noteId: string | undefined;

  const local = (name: string): string => {
    const colon = name.indexOf(':');
    if (colon < 0 || !prefixes) return name;
    const prefix = name.slice(0, colon);
    if (prefix === prefixes.word) return `w:${name.slice(colon + 1)}`;
    if (prefix === prefixes.mc) return `mc:${name.slice(colon + 1)}`;
    return name;
  };
  const emit = (s: string): void => {
    if (skipping === 0 && !hiddenRun) stack.at(-1)?.push(s);
  };

  const parser = new Parser(
    {
      onopentag(rawName, attribs) {
        prefixes ??= prefixesOf(attribs);
        const name = local(rawName);
        const parent = open.at(-1);
        const id = attribs[`${prefixes.word}:id`];
        open.push(name);
        // Run properties are skipped as text, but a hidden run (w:vanish) must be noticed.
        if (name === 'w:vanish' && parent === 'w:rPr' && open.at(-3) === 'w:r' && !isOff(attribs[`${prefixes.word}:val`])) hiddenRun = true;
        if (SKIPPED.has(name)) skipping++;
        if (name === 'w:p') stack.push([]);
        else if (name === 'w:r') hiddenRun = false;
        else if (name === 'w:t') inText = true;
        else if (name === 'w:footnote' || name === 'w:endnote') noteId = id;
        else if (parent === 'w:r') {
          if (name === 'w:tab') emit('\t');
          else if (name === 'w:br' || name === 'w:cr') emit('\n');
          else if (name === 'w:noBreakHyphen') emit('-');
          else if ((name === 'w:footnoteReference' || name === 'w:endnoteReference') && id !== undefined && noteMark) {
            const mark = noteMark(name === 'w:footnoteReference' ? 'footnote' : 'endnote', id);
            if (mark !== undefined) emit(mark);
          }
        }
      },
      ontext(text) {
        // A line feed in the XML text is layout, not a break Word shows.
        if (inText) emit(text.replace(/\r\n?|\n/g, ' '));
      },
      onclosetag() {
        const name = open.pop();
        if (name === undefined) return;
        if (SKIPPED.has(name)) skipping--;
        if (name === 'w:t') inText = false;
        else if (name === 'w:r') hiddenRun = false;
        else if (name === 'w:footnote' || name === 'w:endnote') noteId = undefined;
        else if (name === 'w:p') {
          const lines = (stack.pop() ?? []).join('').split('\n').filter((line) => !isBlank(line));
          if (lines.length) onParagraph(lines.join('\n'), noteId);
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** The document title from `docProps/core.xml` (dc:title), whitespace collapsed; undefined when absent or empty. */
export function coreTitle(xml: string): string | undefined {
  let depth = 0;
  let inTitle = false;
  let done = false;
  const parts: string[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        depth++;
        if (depth === 2 && !done && /(?:^|:)title$/.test(name)) inTitle = true;
      },
      ontext(text) {
        if (inTitle) parts.push(text);
      },
      onclosetag() {
        if (depth === 2 && inTitle) {
          inTitle = false;
          done = true;
        }
        depth--;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  const title = collapseAsciiWhitespace(parts.join(''));
  return isBlank(title) ? undefined : title;
}
