/**
 * Reading a dataset file (or a set of brat files) for the app's "Import dataset…": the format's
 * shared reader, then the result as a corpus state ready to become a new corpus or to be
 * merged. Native files are read record for record (ids, annotators, times, metadata kept), so
 * that a native export imported into a new corpus is the identical corpus; every other format
 * goes through its `importFiles` and `datasetToCorpusState`. Every skipped or repaired line
 * the reader reports is kept for the user.
 */
import { minHashSignature } from '../model/near-duplicates';
import { createCorpusState, type CorpusState } from '../model/state';
import type { FormatName, FormatNote, OutputFile, Problem, Refused } from './dataset';
import { detectFormat, pairBratFiles } from './dataset-detect';
import { DATASET_FORMATS } from './formats';
import { parseNative, type ParsedNative } from './native';
import { datasetToCorpusState } from './native-dataset';
import { NATIVE_FORMAT_VERSION } from './native-schema';
import { decodeArticleBytes, ENCODING_NAMES, mayNotBeText } from '../text/decode';
import { lineNote, problemAt, problemsOf, refused, refusedAs } from './dataset';
import { said, type Phrase } from '../phrases/phrase';
import { jsonSyntaxError } from './intake/json-errors';
import { appendAll } from '../arrays';

/** A dataset read and ready to import: its records (under a placeholder corpus id) and the reader's notes. */
export interface IncomingDataset {
  format: FormatName;
  /** The corpus as the file holds it; its corpus id is a placeholder until it is imported. */
  state: CorpusState;
  notes: FormatNote[];
  /** A name for a new corpus: the native file's corpus name, else the file's (or folder's) name. */
  suggestedName: string;
  /** The corpus id a native file carries (kept for a new corpus when no stored corpus has it). */
  corpusId?: string;
}

/** The outcome of reading a dataset: ready to import, or why nothing can be (nothing changes). */
export type ReadDatasetOutcome = { ok: true; dataset: IncomingDataset } | (Refused & { format: FormatName | null });

/** The placeholder corpus id of an incoming dataset's records. */
export const INCOMING_CORPUS_ID = 'incoming';

/** "news/train.conll" → "train"; several brat files → their folder, or the first stem. */
function nameFromFiles(files: readonly OutputFile[]): string {
  const first = files[0]?.path ?? 'dataset';
  const folders = first.split('/');
  if (files.length > 1 && folders.length > 1) return folders[folders.length - 2]!;
  const base = folders[folders.length - 1]!;
  return base.replace(/\.[^.]+$/, '') || base;
}

/** A parsed native file as a corpus state, every record as the file has it. */
export function stateFromNative(parsed: ParsedNative, corpusId = INCOMING_CORPUS_ID): CorpusState {
  return createCorpusState(
    { id: corpusId, name: parsed.corpus.name, schema: parsed.schema, createdAt: parsed.corpus.createdAt },
    parsed.documents.map((d) => ({ ...d, corpusId, minhash: minHashSignature(d.text) })),
    parsed.spans.map((s) => ({ ...s, corpusId })),
    parsed.sources.map((s) => ({ ...s, corpusId })),
    parsed.attributions.map((a) => ({ ...a, corpusId })),
  );
}

/** A refusal of a read in `format`. */
function refusal(format: FormatName | null, problems: ReadonlyArray<string | Problem>): ReadDatasetOutcome {
  return { ...refused(problems), format };
}

/** A reader's note as a problem (its phrase kept), placed in its file and line. */
function noteProblem(note: FormatNote, withLine: boolean): Problem {
  return problemAt(note.where, withLine ? note.line : undefined, { text: note.message, ...(note.phrase ? { phrase: note.phrase } : {}) });
}

function readNative(file: OutputFile): ReadDatasetOutcome {
  const contents = file.contents.charCodeAt(0) === 0xfeff ? file.contents.slice(1) : file.contents;
  const parsed = parseNative(contents);
  if (!parsed.ok) return refusal('native', problemsOf(parsed).map((p) => problemAt(file.path, undefined, p)));
  const notes: FormatNote[] = [];
  if (contents !== file.contents) notes.push(lineNote(file.path, 1, 'repaired', 'readNote.bom'));
  if (parsed.value.fromVersion !== NATIVE_FORMAT_VERSION) notes.push(lineNote(file.path, undefined, 'repaired', 'readNote.nativeMigrated', { from: parsed.value.fromVersion, to: NATIVE_FORMAT_VERSION }));
  return { ok: true, dataset: { format: 'native', state: stateFromNative(parsed.value), notes, suggestedName: parsed.value.corpus.name, corpusId: parsed.value.corpus.id } };
}

/** A JSON Lines file by its name: its first record is its first non-blank line. */
const JSON_LINES_NAME = /\.(jsonl|ndjson)$/i;

/**
 * Why no format was recognised in `file`: a file that looks like JSON (by its extension, or
 * starting with { or [) and does not parse is said to be not valid JSON, where and why, as the
 * article import says it (for JSON Lines, of its first record); anything else, that the
 * format could not be recognised (`dataset.unrecognised`).
 */
export function unrecognised(file: OutputFile): Refused {
  const text = file.contents.replace(/^\uFEFF/u, '');
  const start = text.trimStart();
  if (!/\.(json|jsonl|ndjson)$/i.test(file.path) && !start.startsWith('{') && !start.startsWith('[')) return refusedAs('dataset.unrecognised', { file: file.path });
  const lines = text.split('\n');
  const first = JSON_LINES_NAME.test(file.path) ? lines.findIndex((l) => l.trim() !== '') : -1;
  const source = first === -1 ? text : lines[first]!.replace(/\r$/u, '');
  try {
    JSON.parse(source);
  } catch (error) {
    const { line, column, why } = jsonSyntaxError(source, error);
    if (line === undefined) return refusedAs('json.invalid', { file: file.path, detail: why });
    return refusedAs('json.invalidAt', { file: file.path, line: first === -1 ? line : first + 1, column: column ?? 1, detail: why });
  }
  return refusedAs('dataset.unrecognised', { file: file.path });
}

/**
 * Reads dataset files in `format` (detected when not given). brat files are paired by name
 * first (unpaired ones reported). Never throws; a file that cannot be read at all gives the
 * problems and nothing else.
 */
export function readDataset(files: readonly OutputFile[], format: FormatName | null = detectFormat(files), now = new Date().toISOString()): ReadDatasetOutcome {
  if (!files.length) return { ...refusedAs('dataset.noFile'), format };
  if (!format) return { ...unrecognised(files[0]!), format: null };
  const extra: FormatNote[] = [];
  let input = files;
  if (format === 'brat') {
    const paired = pairBratFiles(files);
    input = paired.files;
    appendAll(extra, paired.notes);
  } else if (files.length > 1) {
    for (const other of files.slice(1)) extra.push(lineNote(other.path, undefined, 'skipped', 'readNote.oneFile', { format }));
    input = files.slice(0, 1);
  }
  if (format === 'native') {
    const outcome = readNative(input[0]!);
    if (outcome.ok) outcome.dataset.notes = appendAll([...extra], outcome.dataset.notes);
    return outcome;
  }
  let imported: ReturnType<(typeof DATASET_FORMATS)[FormatName]['importFiles']>;
  try {
    imported = DATASET_FORMATS[format].importFiles(input);
  } catch (error) {
    return { ...refusedAs('dataset.unexpected', { error: (error as Error).message }), format };
  }
  if (!imported.ok) return refusal(format, [...extra.filter((n) => n.kind === 'skipped').map((n) => noteProblem(n, false)), ...problemsOf(imported)]);
  if (!imported.corpus.documents.length) {
    const notes = [...extra, ...imported.notes].slice(0, 5).map((n) => noteProblem(n, true));
    return refusal(format, [said('dataset.noDocument', { file: files[0]!.path, format }), ...notes]);
  }
  const state = datasetToCorpusState(imported.corpus, { corpusId: INCOMING_CORPUS_ID, now });
  const withMinhash = createCorpusState(
    state.corpus,
    [...state.documents.values()].map((d) => ({ ...d, minhash: minHashSignature(d.text) })),
    state.spans.values(),
    state.sources.values(),
    state.attributions.values(),
  );
  return { ok: true, dataset: { format, state: withMinhash, notes: [...extra, ...imported.notes], suggestedName: nameFromFiles(files) } };
}

/** A dataset file's text, or why it cannot be read, with a note when it needed decoding help. */
export type DecodedDatasetFile = { ok: true; file: OutputFile; note?: FormatNote } | { ok: false; message: string; phrase?: Phrase };

/** A brat annotation file: empty (or only line breaks) when its document has no annotations. */
const BRAT_ANN_NAME = /\.ann$/i;

/**
 * Decodes a dataset file's bytes. UTF-8 is read as it is — a byte-order mark stays for the
 * format's reader to remove and report, and CRLF stays because brat offsets count the CR —
 * UTF-16 with a byte-order mark is decoded as such; anything else, and UTF-8 the article
 * import would refuse (empty, only whitespace, binary data: `mayNotBeText`), goes through the
 * article decoder, which refuses it in the same words or reads it (legacy Arabic code pages,
 * UTF-16 without a byte-order mark; line endings normalised, noted). An empty brat `.ann`
 * is not refused: it is how brat writes a document without annotations.
 */
export function decodeDatasetBytes(name: string, bytes: Uint8Array): DecodedDatasetFile {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      const contents = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      return { ok: true, file: { path: name, contents }, note: lineNote(name, undefined, 'repaired', 'readNote.utf16', { encoding: encoding.toUpperCase() }) };
    } catch {
      const { text, phrase } = said('dataset.badUtf16', { file: name });
      return { ok: false, message: text, phrase };
    }
  }
  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Not UTF-8: the article decoder (legacy code pages), below.
  }
  // What the article import refuses (empty, binary data) is refused here by the same checks,
  // in the same words; only bytes that are not plain UTF-8 text go through the article decoder.
  if (utf8 !== undefined && !mayNotBeText(bytes, utf8)) return { ok: true, file: { path: name, contents: utf8 } };
  if (utf8 !== undefined && BRAT_ANN_NAME.test(name) && utf8.trim() === '') return { ok: true, file: { path: name, contents: utf8 } };
  const decoded = decodeArticleBytes(bytes, name);
  if (!decoded.ok) return { ok: false, message: decoded.message, phrase: decoded.phrase };
  return { ok: true, file: { path: name, contents: decoded.text }, note: lineNote(name, undefined, 'repaired', 'readNote.legacy', { encoding: ENCODING_NAMES[decoded.encoding], percent: Math.round(decoded.confidence * 100) }) };
}
