/**
 * Word .docx files: a ZIP archive whose `word/document.xml` holds the text. Only that part,
 * its footnotes and endnotes (`word/footnotes.xml`, `word/endnotes.xml`, kept after the
 * body: see docx-notes) and `docProps/core.xml` (the title) are unpacked (fflate, synchronous, no workers), and
 * only after their declared uncompressed sizes pass a limit, so a "zip bomb" is refused
 * before anything is inflated.
 */
import { unzipSync, type Unzipped } from 'fflate';
import { WordNotes } from './docx-notes';
import { coreTitle, wordNotes, wordParagraphs, xmlPartText } from './docx-xml';
import { refusal, type Refusal } from '../article-draft';
import { phrase, type Phrase } from '../../phrases/phrase';
import { sizeOverLimit } from '../../phrases/sizes';
import { withoutSoftHyphens } from './whitespace';

/** The largest uncompressed `word/document.xml` accepted, and of its footnotes and of its endnotes: 50 MB. */
export const MAX_DOCX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** The largest uncompressed `docProps/core.xml` read for the title; a larger one is ignored. */
const MAX_CORE_BYTES = 1024 * 1024;

/** Compound File Binary: old .doc files, and .docx files encrypted with a password. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const DOCUMENT_PART = 'word/document.xml';
const CORE_PART = 'docProps/core.xml';
const NOTE_PARTS = { footnote: 'word/footnotes.xml', endnote: 'word/endnotes.xml' } as const;
const NOTE_PART_NAMES: ReadonlySet<string> = new Set(Object.values(NOTE_PARTS));

/** What a .docx yielded: its non-empty paragraphs and title, or why it was refused. */
export type DocxExtraction = { ok: true; paragraphs: string[]; title?: string } | ({ ok: false } & Refusal);

/** True when `bytes` start like a ZIP archive (PK\x03\x04). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The names of the files in a ZIP archive (nothing is inflated), or undefined when it is not a valid archive. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return names;
}

/**
 * Extracts the paragraphs of a Word .docx (see docx-xml for what counts as text), followed
 * by its footnotes and endnotes (see docx-notes), and the title from its core properties.
 * Soft hyphens (U+00AD) are removed from paragraphs and title.
 * Refused, with a reason naming `fileName`: not a valid ZIP archive, no
 * `word/document.xml`, a document, footnotes or endnotes part larger than
 * {@link MAX_DOCX_DOCUMENT_BYTES} uncompressed, or a part that cannot be unpacked.
 */
export function extractDocxParagraphs(bytes: Uint8Array, fileName = 'document.docx'): DocxExtraction {
  const file = fileName;
  const notWord = (why: Phrase): DocxExtraction => ({ ok: false, ...refusal('docx.notWord', { file, why }) });
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) return notWord(phrase('docx.oldDoc'));
  if (!looksLikeZip(bytes)) return notWord(phrase('docx.notZip'));
  let documentSize: number | undefined;
  let oversized: number | undefined;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name === DOCUMENT_PART) {
          documentSize = file.originalSize;
          return file.originalSize <= MAX_DOCX_DOCUMENT_BYTES;
        }
        if (NOTE_PART_NAMES.has(file.name)) {
          if (file.originalSize <= MAX_DOCX_DOCUMENT_BYTES) return true;
          oversized = Math.max(oversized ?? 0, file.originalSize);
          return false;
        }
        return file.name === CORE_PART && file.originalSize <= MAX_CORE_BYTES;
      },
    });
  } catch (error) {
    return documentSize === undefined
      ? notWord(phrase('docx.badZip'))
      : { ok: false, ...refusal('docx.unpack', { file, error: (error as Error).message }) };
  }
  if (documentSize === undefined) return notWord(phrase('docx.noPart', { part: DOCUMENT_PART }));
  const document = files[DOCUMENT_PART];
  const tooLarge = document ? oversized : documentSize;
  if (tooLarge !== undefined) return { ok: false, ...refusal('docx.tooLarge', { file, ...sizeOverLimit(tooLarge, MAX_DOCX_DOCUMENT_BYTES) }) };
  if (!document) return notWord(phrase('docx.noPart', { part: DOCUMENT_PART }));
  const notesOf = (part: string): Map<string, string[]> => {
    const bytes = files[part];
    return bytes ? wordNotes(xmlPartText(bytes)) : new Map();
  };
  const notes = new WordNotes({ footnote: notesOf(NOTE_PARTS.footnote), endnote: notesOf(NOTE_PARTS.endnote) });
  const paragraphs = [...wordParagraphs(xmlPartText(document), notes.mark), ...notes.paragraphs()].map(withoutSoftHyphens);
  const core = files[CORE_PART];
  const rawTitle = core ? coreTitle(xmlPartText(core)) : undefined;
  const title = rawTitle === undefined ? undefined : withoutSoftHyphens(rawTitle);
  return title === undefined ? { ok: true, paragraphs } : { ok: true, paragraphs, title };
}
