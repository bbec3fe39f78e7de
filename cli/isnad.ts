/**
 * The `isnad` command line, over the same `shared/` code as the app:
 *   isnad inspect FILE|FOLDER… [--json] [--encoding ENC] [--map role=field,…] [--collapse-repeats]
 *   isnad import FILE|FOLDER… --out corpus.json [--name NAME] [--encoding ENC] [--map …] [--collapse-repeats]
 * Exit codes: 0 all good; 1 a file was refused (the others are still processed), `import`
 * imported no document (nothing is written) or the output could not be written; 2 usage;
 * 141 the reader of its output went away (see entry.ts).
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_FIELD_MAPPING, type FieldMapping } from '../shared/formats/article-draft';
import { appendAll } from '../shared/arrays';
import { exportNative } from '../shared/formats/native';
import { ImportBuilder, encodingSummary, prepareFile, type IncomingFile, type PrepareOptions } from '../shared/model/import';
import { DEFAULT_LABEL_SCHEMA } from '../shared/model/schema';
import { applyTransaction } from '../shared/model/transaction';
import { createCorpusState } from '../shared/model/state';
import { DEFAULT_MAX_FILE_BYTES, type TextEncodingName } from '../shared/text/decode';
import { english, phrase, said } from '../shared/phrases/phrase';
import { saveErrorReason } from '../shared/phrases/save-errors';
import { tooLargeParams } from '../shared/phrases/sizes';
import { splitParagraphs } from '../shared/text/paragraphs';
import { findRepeatedParagraphs } from '../shared/text/repeats';
import { SUGGEST_USAGE, suggestCommand } from './suggest';
import { writeFileAtomic } from '../electron/main/atomic-write';
import { CONVERT_USAGE, convertCommand, type ConvertFs, type InputBytes } from './convert';
import { VALIDATE_USAGE, validateCommand } from './validate';
import { skippedLine, walkFolder, type WalkedFile } from './folder-walk';

/** Where the CLI writes (injected in tests). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage:
  isnad inspect FILE|FOLDER… [--json] [--encoding ENC] [--map role=field,…] [--collapse-repeats]
  isnad import FILE|FOLDER… --out corpus.json [--name NAME] [--encoding ENC] [--map role=field,…] [--collapse-repeats]

  --json              print JSON (one object per article) instead of text
  --encoding ENC      decode every file as ENC: utf-8, utf-16le, utf-16be, windows-1256, iso-8859-6
  --map role=field    record fields for JSON, JSON Lines and CSV, e.g. --map text=body,title=headline
  --collapse-repeats  remove later copies of repeated paragraphs
  --out PATH          (import) where to write the Isnad native JSON corpus (written atomically)
  --name NAME         (import) the corpus name (default: the output file name)

${SUGGEST_USAGE}

Datasets:
${CONVERT_USAGE}

${VALIDATE_USAGE}`;

const ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'iso-8859-6'];
const ROLES = ['text', 'title', 'url', 'date', 'outlet', 'id'] as const;

class UsageError extends Error {}

interface Parsed {
  command: 'inspect' | 'import';
  paths: string[];
  json: boolean;
  out?: string;
  name?: string;
  options: PrepareOptions;
  encoding?: TextEncodingName;
}

function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (command !== 'inspect' && command !== 'import') throw new UsageError(command ? `Unknown command “${command}”.` : 'No command given.');
  const parsed: Parsed = { command, paths: [], json: false, options: {} };
  const mapping: FieldMapping = { ...DEFAULT_FIELD_MAPPING };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    const value = (): string => {
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === '--json') parsed.json = true;
    else if (arg === '--collapse-repeats') parsed.options.collapseRepeatedParagraphs = true;
    else if (arg === '--out') parsed.out = value();
    else if (arg === '--name') parsed.name = value();
    else if (arg === '--encoding') {
      const encoding = value().toLowerCase() as TextEncodingName;
      if (!ENCODINGS.includes(encoding)) throw new UsageError(`Unknown encoding “${encoding}” (use ${ENCODINGS.join(', ')}).`);
      parsed.encoding = encoding;
    } else if (arg === '--map') {
      for (const pair of value().split(',')) {
        const [role, field] = pair.split('=').map((s) => s.trim());
        if (!role || !field || !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--map takes role=field pairs with roles ${ROLES.join(', ')}.`);
        mapping[role as (typeof ROLES)[number]] = field;
      }
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`);
    else parsed.paths.push(arg);
  }
  parsed.options.fieldMapping = mapping;
  if (!parsed.paths.length) throw new UsageError('Name at least one file or folder.');
  if (command === 'import' && !parsed.out) throw new UsageError('import needs --out PATH.');
  return parsed;
}

/**
 * Expands folders (recursively) into files, by the rule of every folder walk (the app's too,
 * {@link walkFolder}): hidden files and folders, symbolic links, other non-regular files and
 * non-articles are skipped, each reported on stderr with why. A path named on the command
 * line is taken as it is (a link to a file or folder is followed).
 */
async function collectFiles(paths: string[], io: CliIo): Promise<WalkedFile[]> {
  const files: WalkedFile[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) files.push({ path, name: path });
    else if (info.isDirectory()) {
      const walked = await walkFolder(path);
      for (const skipped of walked.skipped) io.stderr(skippedLine(skipped));
      appendAll(files, walked.files);
    } else files.push({ path, name: basename(path) });
  }
  return files;
}

async function readIncoming(file: { path: string; name: string }): Promise<IncomingFile> {
  try {
    const info = await stat(file.path);
    if (info.size > DEFAULT_MAX_FILE_BYTES) {
      // The app's refusal, in English (the same sentence as the browser picker and Electron).
      const { text, phrase } = said('file.tooLarge', tooLargeParams(file.name, info.size, DEFAULT_MAX_FILE_BYTES));
      return { name: file.name, error: text, errorPhrase: phrase };
    }
    return { name: file.name, bytes: new Uint8Array(await readFile(file.path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { name: file.name, error: `“${file.name}” could not be read${code === 'ENOENT' ? ': no such file' : ` (${code ?? (error as Error).message})`}.` };
  }
}

async function inspect(parsed: Parsed, io: CliIo): Promise<number> {
  let refused = 0;
  const out: unknown[] = [];
  for (const file of await collectFiles(parsed.paths, io)) {
    const incoming = await readIncoming(file);
    const options = { ...parsed.options, ...(parsed.encoding ? { encodings: { [file.name]: parsed.encoding } } : {}) };
    const prepared = prepareFile(incoming, options);
    if (prepared.kind === 'refused') {
      refused += 1;
      io.stderr(`isnad: ${prepared.message}`);
      continue;
    }
    const articles =
      prepared.kind === 'native'
        ? prepared.parsed.documents.map((d) => ({ title: d.title, text: d.text, sha256: d.sha256, format: 'native', encoding: d.meta.encoding, encodingText: 'Isnad JSON' }))
        : prepared.articles.map((a) => ({ title: a.title, text: a.text, sha256: a.sha256, format: a.meta.format ?? 'text', encoding: a.meta.encoding, encodingText: encodingSummary(a.meta) }));
    if (prepared.kind === 'articles') for (const problem of prepared.problems) io.stderr(`isnad: ${file.name}, ${problem.message}`);
    for (const article of articles) {
      const paragraphs = splitParagraphs(article.text);
      const repeated = findRepeatedParagraphs(article.text);
      const record = {
        file: file.name,
        format: article.format,
        encoding: article.encoding,
        title: article.title,
        paragraphs: paragraphs.map((p) => article.text.slice(p.start, p.end)),
        paragraphCount: paragraphs.length,
        characters: [...article.text].length,
        repeatedParagraphs: repeated.map((r) => ({ text: r.text, occurrences: r.occurrences })),
        sha256: article.sha256,
        text: article.text,
      };
      if (parsed.json) {
        out.push(record);
        continue;
      }
      io.stdout(`== ${file.name}`);
      io.stdout(`format: ${article.format}\nencoding: ${article.encodingText}\ntitle: ${article.title}`);
      io.stdout(`paragraphs: ${record.paragraphCount}\ncharacters: ${record.characters}\nsha256: ${record.sha256}`);
      io.stdout(`repeated paragraphs: ${repeated.length || 'none'}`);
      for (const r of repeated) io.stdout(`  ¶${r.occurrences.map((o) => o + 1).join(', ¶')}: ${r.text.slice(0, 80)}${r.text.length > 80 ? '…' : ''}`);
      io.stdout(`\n${article.text}`);
    }
  }
  // One article: one JSON object; several (several files, or a JSON Lines file): an array.
  if (parsed.json && out.length) io.stdout(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
  return refused ? 1 : 0;
}

async function importCommand(parsed: Parsed, io: CliIo): Promise<number> {
  const out = resolve(parsed.out!);
  const now = new Date().toISOString();
  const ctx = { newId: () => randomUUID(), now: () => now, annotator: 'cli' };
  const corpus = { id: randomUUID(), name: parsed.name ?? basename(out).replace(/\.json$/i, ''), schema: DEFAULT_LABEL_SCHEMA, createdAt: now };
  let state = createCorpusState(corpus);
  const builder = new ImportBuilder(state, ctx);
  for (const file of await collectFiles(parsed.paths, io)) {
    const options = { ...parsed.options, ...(parsed.encoding ? { encodings: { [file.name]: parsed.encoding } } : {}) };
    builder.add(prepareFile(await readIncoming(file), options));
  }
  const tx = builder.take();
  if (tx) state = applyTransaction(state, tx);
  const { report } = builder;
  for (const r of report.refused) io.stderr(`isnad: ${r.message}`);
  for (const p of report.problems) io.stderr(`isnad: ${p.fileName}, ${p.message}`);
  for (const d of report.duplicates) {
    io.stderr(`isnad: ${d.fileName}: same text as ${d.existingFile === undefined ? `“${d.existingTitle}”` : `${d.existingFile} in this import (“${d.existingTitle}”)`}, skipped`);
  }
  if (!report.imported.length) {
    // As `isnad convert` does with an input that yields no documents: an empty corpus is no
    // result, and a file already at --out is left as it was.
    const refused = report.refused.length;
    io.stderr(`isnad: no documents were imported${refused ? ` (${refused} file${refused === 1 ? '' : 's'} refused)` : ''}; nothing was written to “${parsed.out!}”.`);
    return 1;
  }
  const result = exportNative(state, { exportedAt: now, generator: 'isnad CLI' });
  if (!result.ok) {
    io.stderr(`isnad: export stopped, nothing written:\n  ${result.problems.join('\n  ')}`);
    return 1;
  }
  await writeOutput(parsed.out!, result.json);
  io.stdout(`Wrote ${report.imported.length} document${report.imported.length === 1 ? '' : 's'} to ${out}` + (report.refused.length ? ` (${report.refused.length} file${report.refused.length === 1 ? '' : 's'} refused)` : ''));
  return report.refused.length ? 1 : 0;
}

/** A file the CLI could not write; its message names the path as the user gave it, and why. */
class OutputError extends Error {}

/** Why `shown` (resolved: `target`) could not be written or its folder made, as an {@link OutputError}. */
async function outputError(shown: string, target: string, error: unknown): Promise<OutputError> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // A missing file: the folder is missing, or it exists but takes no new file (/proc).
  const folderExists = code === 'ENOENT' && (await stat(dirname(target)).then((info) => info.isDirectory(), () => false));
  const reason = saveErrorReason(code, folderExists);
  return new OutputError(english(reason ? phrase('write.failed', { path: shown, reason }) : phrase('write.failedDetail', { path: shown, detail: code ?? (error as Error).message })));
}

/**
 * Writes `data` atomically to the path the user gave (`shown`, resolved against the working
 * folder); a failure throws an {@link OutputError} naming that path and why (a folder of that
 * name, a missing folder, permission denied, a read-only or full disk), never the temporary
 * file the atomic write used.
 */
async function writeOutput(shown: string, data: string | Uint8Array, target = resolve(shown)): Promise<void> {
  try {
    await writeFileAtomic(target, data);
  } catch (error) {
    throw await outputError(shown, target, error);
  }
}

/**
 * The file system of `isnad convert`: a folder is walked as `isnad import` walks one (every
 * regular file it holds is read, the format decides; hidden entries and links are skipped and
 * reported); outputs are written atomically.
 */
const nodeConvertFs: ConvertFs = {
  async readInput(path) {
    const info = await stat(path);
    if (!info.isDirectory()) return { files: [{ path: basename(path), bytes: await readFile(path) }], skipped: [] };
    const walked = await walkFolder(path, () => true);
    const root = resolve(path);
    const files: InputBytes[] = [];
    for (const file of walked.files) files.push({ path: relative(root, file.path).split(sep).join('/'), bytes: await readFile(file.path) });
    return { files, skipped: walked.skipped };
  },
  async writeOutput(path, files, asFolder) {
    if (!asFolder) {
      await writeOutput(path, files[0]!.contents);
      return;
    }
    for (const file of files) {
      const target = resolve(path, file.path);
      const shown = join(path, file.path);
      await mkdir(dirname(target), { recursive: true }).catch(async (error: unknown) => {
        throw await outputError(path, resolve(path), error);
      });
      await writeOutput(shown, file.contents, target);
    }
  },
};

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(USAGE);
    return argv.length ? 0 : 2;
  }
  try {
    if (argv[0] === 'suggest') return await suggestCommand(argv.slice(1), io, async (path) => new Uint8Array(await readFile(path)));
    if (argv[0] === 'convert') return await convertCommand(argv.slice(1), io, nodeConvertFs);
    if (argv[0] === 'validate') return await validateCommand(argv.slice(1), io, (path) => readFile(path, 'utf8'));
    const parsed = parseArgs(argv);
    return parsed.command === 'inspect' ? await inspect(parsed, io) : await importCommand(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`isnad: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`isnad: ${(error as Error).message}`);
    return 1;
  }
}
