/**
 * `isnad suggest FILE [--json] [--registry FILE] [--offset-unit codepoint|utf16]`: source
 * mentions, cue words and cue–source candidates for the article(s) in FILE, read through
 * the same intake as `isnad import`, from the default registry or a registry JSON file.
 * Exit codes: 0 done; 1 the article or registry file was refused; 2 usage.
 */
import { basename } from 'node:path';
import { DEFAULT_SOURCES } from '../shared/attribution/default-registry';
import { sourcesWithIds } from '../shared/attribution/records';
import { parseRegistryFile } from '../shared/attribution/registry-file';
import { suggestAnnotations, type Suggestion } from '../shared/attribution/suggest';
import { prepareFile } from '../shared/model/import';
import type { SourceRecord } from '../shared/model/types';
import { DEFAULT_MAX_FILE_BYTES } from '../shared/text/decode';
import { OFFSET_UNITS, fromUtf16Offsets, textInUnit, type OffsetUnit } from '../shared/text/offsets';

/** Where the command writes (the CLI's stdout and stderr, or a test's buffers). */
export interface SuggestIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Usage of `isnad suggest`, for the CLI's help. */
export const SUGGEST_USAGE = `Usage:
  isnad suggest FILE [--json] [--registry FILE] [--offset-unit codepoint|utf16]

  --json               print JSON: { offsetUnit, file, suggestions, candidates } (an array for several articles)
  --registry FILE      sources from a JSON file ({ "sources": [...] } or an array) instead of the default registry
  --offset-unit UNIT   offsets in code points (default, like Python's text[start:end]) or UTF-16 units`;

class UsageError extends Error {}

interface SuggestArgs {
  file: string;
  json: boolean;
  registry?: string;
  unit: OffsetUnit;
}

function parseArgs(args: readonly string[]): SuggestArgs | 'help' {
  const files: string[] = [];
  let json = false;
  let registry: string | undefined;
  let unit: OffsetUnit = OFFSET_UNITS[0]!;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = (): string => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = true;
    else if (arg === '--registry') registry = value();
    else if (arg === '--offset-unit') {
      const given = value();
      if (!(OFFSET_UNITS as readonly string[]).includes(given)) throw new UsageError(`Unknown offset unit “${given}” (use ${OFFSET_UNITS.join(' or ')}).`);
      unit = given as OffsetUnit;
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError(files.length ? 'suggest takes one file.' : 'Name the article file.');
  return { file: files[0]!, json, unit, ...(registry !== undefined ? { registry } : {}) };
}

/** Reads a file's bytes; a message instead when it cannot be read or is too large. */
async function readBytes(path: string, readFileBytes: (path: string) => Promise<Uint8Array>): Promise<Uint8Array | string> {
  try {
    const bytes = await readFileBytes(path);
    if (bytes.length > DEFAULT_MAX_FILE_BYTES) return `“${path}” is larger than the ${DEFAULT_MAX_FILE_BYTES / (1024 * 1024)} MB limit.`;
    return bytes;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return `“${path}” could not be read${code === 'ENOENT' ? ': no such file' : ` (${code ?? (error as Error).message})`}.`;
  }
}

/** The registry the command uses: a file's, or the default one with `default:` ids. */
async function loadRegistry(path: string | undefined, readFileBytes: (path: string) => Promise<Uint8Array>): Promise<SourceRecord[] | string> {
  const createdAt = new Date(0).toISOString();
  if (path === undefined) return sourcesWithIds(DEFAULT_SOURCES, { corpusId: 'cli', createdAt, idPrefix: 'default' });
  const bytes = await readBytes(path, readFileBytes);
  if (typeof bytes === 'string') return bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return `registry “${path}” is not UTF-8 text.`;
  }
  const parsed = parseRegistryFile(text, { corpusId: 'cli', createdAt, idPrefix: 'registry' });
  if (!parsed.ok) return `registry “${path}” refused:\n  ${parsed.problems.join('\n  ')}`;
  return parsed.sources;
}

/** A suggestion as printed: offsets in the chosen unit, the source's names instead of its id. */
interface OutputSuggestion {
  start: number;
  end: number;
  label: Suggestion['label'];
  text: string;
  confidence: number;
  reason: string;
  source?: { id: string; nameAr: string; nameLatin: string };
}

/** The report for one article. */
function report(text: string, sources: readonly SourceRecord[], unit: OffsetUnit) {
  const { suggestions, candidates } = suggestAnnotations(text, sources);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const converted = fromUtf16Offsets(
    text,
    suggestions.flatMap((s) => [s.start, s.end]),
    unit,
  );
  const view = textInUnit(text, unit);
  const out = new Map<string, OutputSuggestion>();
  suggestions.forEach((s, i) => {
    const start = converted[2 * i]!;
    const end = converted[2 * i + 1]!;
    // DESIGN §2: every exported span must slice back to its quote, or nothing is written.
    if (view.slice(start, end) !== s.text) throw new Error(`internal error: ${s.label} [${start}, ${end}) does not slice to “${s.text}”.`);
    const source = s.sourceId === undefined ? undefined : byId.get(s.sourceId);
    out.set(s.id, {
      start,
      end,
      label: s.label,
      text: s.text,
      confidence: s.confidence,
      reason: s.reason,
      ...(source ? { source: { id: source.id, nameAr: source.nameAr, nameLatin: source.nameLatin } } : {}),
    });
  });
  return {
    suggestions: [...out.values()],
    candidates: candidates.map((c) => ({ confidence: c.confidence, cue: out.get(c.cue.id)!, ...(c.source ? { source: out.get(c.source.id)! } : {}) })),
  };
}

function printHuman(io: SuggestIo, heading: string, unit: OffsetUnit, result: ReturnType<typeof report>): void {
  io.stdout(`== ${heading}`);
  io.stdout(`offsets: ${unit === 'codepoint' ? 'code points' : 'UTF-16 units'}`);
  if (!result.suggestions.length) io.stdout('no suggestions');
  for (const s of result.suggestions) {
    const who = s.source ? ` → ${s.source.nameLatin || s.source.nameAr}` : '';
    io.stdout(`${s.label.padEnd(6)} [${s.start}, ${s.end})  ${s.confidence.toFixed(2)}  “${s.text}”${who} — ${s.reason}`);
  }
  if (result.candidates.length) io.stdout('candidates:');
  for (const c of result.candidates) {
    const source = c.source ? `“${c.source.text}” [${c.source.start}, ${c.source.end})` : '(no source in the sentence)';
    io.stdout(`  “${c.cue.text}” [${c.cue.start}, ${c.cue.end}) → ${source}  ${c.confidence.toFixed(2)}`);
  }
}

/**
 * Runs `isnad suggest` with `args` (the words after "suggest"). `readFileBytes` reads the
 * article and registry files (the CLI passes fs.readFile). Returns the exit code.
 */
export async function suggestCommand(args: string[], io: SuggestIo, readFileBytes: (path: string) => Promise<Uint8Array>): Promise<number> {
  let parsed: SuggestArgs | 'help';
  try {
    parsed = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`isnad: ${error.message}\n\n${SUGGEST_USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    io.stdout(SUGGEST_USAGE);
    return 0;
  }
  const sources = await loadRegistry(parsed.registry, readFileBytes);
  if (typeof sources === 'string') {
    io.stderr(`isnad: ${sources}`);
    return 1;
  }
  const bytes = await readBytes(parsed.file, readFileBytes);
  if (typeof bytes === 'string') {
    io.stderr(`isnad: ${bytes}`);
    return 1;
  }
  const prepared = prepareFile({ name: basename(parsed.file), bytes });
  if (prepared.kind === 'refused') {
    io.stderr(`isnad: ${prepared.message}`);
    return 1;
  }
  if (prepared.kind === 'articles') for (const problem of prepared.problems) io.stderr(`isnad: ${parsed.file}, ${problem.message}`);
  const articles = prepared.kind === 'native' ? prepared.parsed.documents.map((d) => ({ title: d.title, text: d.text })) : prepared.articles.map((a) => ({ title: a.title, text: a.text }));
  let results: Array<{ article: { title: string; text: string }; index: number; result: ReturnType<typeof report> }>;
  try {
    results = articles.map((article, i) => ({ article, index: i + 1, result: report(article.text, sources, parsed.unit) }));
  } catch (error) {
    io.stderr(`isnad: ${(error as Error).message}`);
    return 1;
  }
  if (parsed.json) {
    const objects = results.map(({ article, index, result }) => ({
      offsetUnit: parsed.unit,
      file: parsed.file,
      ...(results.length > 1 ? { article: index } : {}),
      title: article.title,
      ...result,
    }));
    io.stdout(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2));
    return 0;
  }
  for (const { article, index, result } of results) printHuman(io, `${parsed.file}${results.length > 1 ? ` #${index}` : ''}: ${article.title}`, parsed.unit, result);
  return 0;
}
