/**
 * Reading JSON Lines files for the dataset importers: a byte-order mark at the start of the
 * file is removed, CR before a line break is dropped (line endings belong to the file, not
 * to any text, which JSON escapes), and a line that is not valid JSON is skipped with a note
 * carrying its line number. Never throws.
 */
import type { FormatNote, OutputFile } from '../dataset';
import { lineNote } from '../dataset';
import type { PhraseCode, PhraseParam } from '../../phrases/phrase';
import { jsonSyntaxError } from '../intake/json-errors';
import { appendAll } from '../../arrays';

/** One parsed line of a JSON Lines file. */
export interface JsonLine {
  /** 1-based line number in the file. */
  line: number;
  value: unknown;
}

/** Removes a leading U+FEFF and says whether there was one. */
export function stripBom(contents: string): { text: string; hadBom: boolean } {
  return contents.charCodeAt(0) === 0xfeff ? { text: contents.slice(1), hadBom: true } : { text: contents, hadBom: false };
}

/** Parses every non-blank line of a JSON Lines file; bad lines become `skipped` notes. */
export function readJsonLines(file: OutputFile): { lines: JsonLine[]; notes: FormatNote[] } {
  const notes: FormatNote[] = [];
  const { text, hadBom } = stripBom(file.contents);
  if (hadBom) notes.push(lineNote(file.path, undefined, 'repaired', 'readNote.bomStart'));
  const lines: JsonLine[] = [];
  let sawCr = false;
  text.split('\n').forEach((raw, index) => {
    let source = raw;
    if (source.endsWith('\r')) {
      source = source.slice(0, -1);
      sawCr = true;
    }
    if (!source.trim()) return;
    try {
      lines.push({ line: index + 1, value: JSON.parse(source) as unknown });
    } catch (error) {
      // The engine's position counts in the line's own text: say the column only (the note gives the line).
      const { column, why } = jsonSyntaxError(source, error);
      const where = `${file.path}:${index + 1}`;
      if (column === undefined) notes.push(lineNote(where, index + 1, 'skipped', 'jsonlNote.badJson', { why, preview: preview(source) }));
      else notes.push(lineNote(where, index + 1, 'skipped', 'jsonlNote.badJsonAt', { column, why, preview: preview(source) }));
    }
  });
  if (sawCr) notes.push(lineNote(file.path, undefined, 'repaired', 'jsonlNote.crlf'));
  return { lines, notes };
}

/** The first characters of a line, for a note. */
export function preview(line: string, max = 80): string {
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Is this a plain JSON object (not an array, not null)? */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON Lines record that has a `text` string, with where it is and how to skip it. */
export interface TextRecord {
  line: number;
  /** "file:line", for notes. */
  where: string;
  record: Record<string, unknown> & { text: string };
  /** Records a `skipped` note for this line, said by `code` and `params`. */
  skip(code: PhraseCode, params?: Record<string, PhraseParam>): void;
}

/**
 * The records of JSON Lines files that carry a `text` string, file by file, line by line.
 * Reading notes go to `notes` as each file is reached; a line without `text` is skipped with
 * a note. Lazy, so notes keep the order of the files and lines.
 */
export function* textRecords(files: readonly OutputFile[], notes: FormatNote[]): Generator<TextRecord> {
  for (const file of files) {
    const read = readJsonLines(file);
    appendAll(notes, read.notes);
    for (const { line, value } of read.lines) {
      const where = `${file.path}:${line}`;
      const skip = (code: PhraseCode, params?: Record<string, PhraseParam>): void => void notes.push(lineNote(where, line, 'skipped', code, params));
      if (!isRecord(value) || typeof value.text !== 'string') {
        skip('jsonlNote.noText', { line });
        continue;
      }
      yield { line, where, record: value as Record<string, unknown> & { text: string }, skip };
    }
  }
}
