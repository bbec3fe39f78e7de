/**
 * `isnad convert IN --to FORMAT [--out PATH] [--from FORMAT] [--offset-unit codepoint|utf16] [--split-clitics]`:
 * reads a dataset in any supported format (detected, or given with --from) and writes it in
 * another, through the same verified exporters as the app. A folder IN is read as brat
 * (.txt + .ann pairs), walked as `isnad import` walks a folder (subfolders read; hidden
 * entries and links skipped, each said on stderr in the same words). Multi-file outputs (brat, Label Studio with its config) need --out FOLDER.
 * An input that yields no documents is refused (exit 1) and nothing is written.
 */
import { noteFile, type FormatName, type FormatNote, type OutputFile } from '../shared/formats/dataset';
import { detectFormat } from '../shared/formats/dataset-detect';
import { decodeDatasetBytes, unrecognised } from '../shared/formats/dataset-read';
import { DATASET_FORMATS, FORMAT_NAMES } from '../shared/formats/formats';
import { skippedLine, type SkippedEntry } from './folder-walk';

export { detectFormat };

/** A file of IN as bytes, named relative to IN (a folder) or by its base name (a file). */
export interface InputBytes {
  path: string;
  bytes: Uint8Array;
}

/** What convert reads of IN: its files, and the entries of a folder IN that were skipped. */
export interface InputFiles {
  files: InputBytes[];
  /** Named relative to the folder's parent ("brat/.git"), as every folder walk names them. */
  skipped: SkippedEntry[];
}

/** What convert needs from the file system (injected in tests). */
export interface ConvertFs {
  /**
   * Files of IN as bytes: one for a file; for a folder, every file of its tree that the rule
   * of every folder walk takes (paths relative to it), and what it skipped.
   */
  readInput(path: string): Promise<InputFiles>;
  /** Writes files under a folder, or one file at a path (atomically). */
  writeOutput(path: string, files: OutputFile[], asFolder: boolean): Promise<void>;
}

/** Usage of the convert command. */
export const CONVERT_USAGE = `  isnad convert IN --to FORMAT [--out PATH] [--from FORMAT] [--offset-unit codepoint|utf16] [--split-clitics]
      formats: ${FORMAT_NAMES.join(', ')}
      --split-clitics (conll): Arabic prefixes (و ف ب ل ك, ال) as tokens of their own`;

/** Runs `isnad convert`; returns the exit code (0 done, 1 refused, failed or no documents read, 2 usage). */
export async function convertCommand(args: string[], io: { stdout(t: string): void; stderr(t: string): void }, fs: ConvertFs): Promise<number> {
  let input: string | undefined;
  let to: FormatName | undefined;
  let from: FormatName | undefined;
  let out: string | undefined;
  let offsetUnit: 'codepoint' | 'utf16' | undefined;
  let splitClitics = false;
  const usage = (message: string): number => {
    io.stderr(`isnad: ${message}\n\nUsage:\n${CONVERT_USAGE}`);
    return 2;
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = (): string | undefined => args[++i];
    if (arg === '--to' || arg === '--from') {
      const name = value() as FormatName | undefined;
      if (!name || !FORMAT_NAMES.includes(name)) return usage(`${arg} takes one of ${FORMAT_NAMES.join(', ')}.`);
      if (arg === '--to') to = name;
      else from = name;
    } else if (arg === '--out') out = value();
    else if (arg === '--offset-unit') {
      const unit = value();
      if (unit !== 'codepoint' && unit !== 'utf16') return usage('--offset-unit is codepoint or utf16.');
      offsetUnit = unit;
    } else if (arg === '--split-clitics') splitClitics = true;
    else if (arg.startsWith('--')) return usage(`Unknown option ${arg}.`);
    else if (!input) input = arg;
    else return usage(`Unexpected argument ${arg}.`);
  }
  if (!input) return usage('Name the input file or folder.');
  if (!to) return usage('Say the output format with --to.');
  if (splitClitics && to !== 'conll') return usage('--split-clitics applies to --to conll only (the other formats keep offsets into the text).');
  let read: InputBytes[];
  try {
    const given = await fs.readInput(input);
    for (const skipped of given.skipped) io.stderr(skippedLine(skipped));
    read = given.files;
  } catch (error) {
    io.stderr(`isnad: “${input}” could not be read (${(error as Error).message}).`);
    return 1;
  }
  // Decoded as the app decodes a dataset: legacy Arabic code pages and UTF-16 read (and
  // noted), binary and empty files refused in the same words.
  const files: OutputFile[] = [];
  const decodingNotes: FormatNote[] = [];
  for (const file of read) {
    const decoded = decodeDatasetBytes(file.path, file.bytes);
    if (!decoded.ok) {
      if (read.length === 1) {
        io.stderr(`isnad: ${decoded.message}`);
        return 1;
      }
      decodingNotes.push({ where: file.path, kind: 'skipped', message: decoded.message });
      continue;
    }
    files.push(decoded.file);
    if (decoded.note) decodingNotes.push(decoded.note);
  }
  for (const note of decodingNotes) io.stderr(`isnad: ${note.kind} ${noteWhere(note)}: ${note.message}`);
  const source = from ?? detectFormat(files);
  if (!source) {
    // A JSON file that does not parse says where and why; anything else asks for --from.
    const why = files.length === 1 ? unrecognised(files[0]!) : null;
    const code = why?.phrases?.[0]?.code;
    if (why && (code === 'json.invalid' || code === 'json.invalidAt')) io.stderr(`isnad: ${why.problems[0]}`);
    else io.stderr(`isnad: the format of “${input}” could not be detected; give it with --from (${FORMAT_NAMES.join(', ')}).`);
    return 1;
  }
  const imported = DATASET_FORMATS[source].importFiles(files);
  if (!imported.ok) {
    io.stderr(`isnad: “${input}” is not a valid ${source} file:\n  ${imported.problems.slice(0, 20).join('\n  ')}`);
    return 1;
  }
  for (const note of imported.notes) io.stderr(`isnad: ${note.kind} ${noteWhere(note)}: ${note.message}`);
  if (!imported.corpus.documents.length) {
    io.stderr(`isnad: no documents were read from “${input}” (as ${source}); nothing was written.`);
    return 1;
  }
  const exported = DATASET_FORMATS[to].exportCorpus(imported.corpus, { ...(offsetUnit ? { offsetUnit } : {}), ...(splitClitics ? { splitClitics } : {}) });
  if (!exported.ok) {
    io.stderr(`isnad: the ${to} export stopped, nothing was written:\n  ${exported.problems.slice(0, 20).join('\n  ')}`);
    return 1;
  }
  for (const note of exported.notes) io.stderr(`isnad: ${note.kind} ${noteWhere(note)}: ${note.message}`);
  const documents = imported.corpus.documents.length;
  const spansRead = imported.corpus.documents.reduce((n, d) => n + d.spans.length, 0);
  const spans = exported.spansWritten ?? spansRead;
  const left = spansRead - spans;
  if (exported.files.length > 1 && !out) return usage(`${to} writes several files: give a folder with --out.`);
  if (!out) {
    io.stdout(exported.files[0]!.contents.replace(/\n$/, ''));
  } else {
    await fs.writeOutput(out, exported.files, exported.files.length > 1);
    io.stderr(`isnad: converted ${documents} document${documents === 1 ? '' : 's'} and ${spans} span${spans === 1 ? '' : 's'} from ${source} to ${to} (${exported.offsetUnit} offsets) into ${out}${left > 0 ? `; ${left} span${left === 1 ? ' was' : 's were'} not written (see the notes above)` : ''}`);
  }
  return 0;
}

/** "file:line" of a note, the line once (a reader may have written it into `where` too). */
function noteWhere(note: FormatNote): string {
  return note.line ? `${noteFile(note)}:${note.line}` : note.where;
}
