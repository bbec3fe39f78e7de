/**
 * `isnad validate FILE [--json]`: checks an Isnad native JSON file or an Isnad JSON Lines
 * training file, told apart by content.
 *   - native (any version this Isnad reads; older ones are migrated first): the zod schema,
 *     each document's SHA-256, every span slicing to its quote in the declared `offsetUnit`,
 *     labels, unique ids, registry and attribution references (`parseNative`/`verifyNativeFile`);
 *   - JSON Lines (one object per line with `text` and `entities`/`claims`/`offsetUnit`, as
 *     written by shared/formats/jsonl.ts): every entity, claim, mention and cue slicing to its
 *     `text` in the line's `offsetUnit`, claims/mentions/cues naming entities of the line,
 *     `via` naming an attribution of the line, each attribution having a source, unique ids.
 *     Problems name the line.
 * The report goes to stdout: "valid: N documents, M spans …" or the first 20 problems.
 * Exit codes: 0 valid; 1 problems found (or not a file this command knows); 2 usage or unreadable file.
 */
import { looksLikeNativeFile, parseNative } from '../shared/formats/native';
import { jsonSyntaxPhrase } from '../shared/formats/intake/json-errors';
import { english } from '../shared/phrases/phrase';
import { textInUnit, type OffsetUnit, type TextInUnit } from '../shared/text/offsets';

/** Where the command writes (the CLI's stdout and stderr, or a test's buffers). */
export interface ValidateIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Usage of `isnad validate`, for the CLI's help. */
export const VALIDATE_USAGE = `Usage:
  isnad validate FILE [--json]

  Checks an Isnad native JSON corpus (any format version) or an Isnad JSON Lines training file:
  schema, every span's offsets against its quoted text in the declared offset unit, and every
  reference (sources, claims, mentions, cues, via). Exit 0 when valid, 1 listing the first
  ${20} problems when not, 2 for usage errors or an unreadable file.
  --json   print { file, kind, valid, documents, spans, attributions, problemCount, problems }`;

/** How many problems the report lists. */
export const MAX_LISTED_PROBLEMS = 20;

/** What a validation found. */
export interface ValidationReport {
  kind: 'native' | 'jsonl' | 'unknown';
  documents: number;
  spans: number;
  attributions: number;
  /** Every problem found (the report prints the first MAX_LISTED_PROBLEMS). */
  problems: string[];
  /** A word on the file when valid, e.g. the format version or the offset units. */
  detail?: string;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeJsonlLine(value: unknown): boolean {
  return isRecord(value) && typeof value.text === 'string' && ('entities' in value || 'claims' in value || 'offsetUnit' in value);
}

/** Validates an Isnad native file's text (after migration). Every schema problem is counted, not only the first few. */
export function validateNativeText(text: string): ValidationReport {
  let parsed: ReturnType<typeof parseNative>;
  try {
    parsed = parseNative(text, { schemaProblems: Infinity });
  } catch (error) {
    return { kind: 'native', documents: 0, spans: 0, attributions: 0, problems: [`The file could not be checked: ${(error as Error).message}`] };
  }
  if (!parsed.ok) return { kind: 'native', documents: 0, spans: 0, attributions: 0, problems: parsed.problems };
  const { value } = parsed;
  const unit = (JSON.parse(text) as { offsetUnit?: string }).offsetUnit;
  return {
    kind: 'native',
    documents: value.documents.length,
    spans: value.spans.length,
    attributions: value.attributions.length,
    problems: [],
    detail: `Isnad native JSON, format version ${value.fromVersion}${value.fromVersion === 2 ? '' : ' (migrated for the check)'}, offsets in ${unit === 'utf16' ? 'UTF-16 code units' : 'code points'}`,
  };
}

/** Checks one quoted span `{ start, end, text }` of a line; returns a problem or null. */
function quoteProblem(view: TextInUnit, value: unknown): string | null {
  const { unit, length } = view;
  if (!isRecord(value)) return 'is not an object with start, end and text';
  const { start, end, text } = value;
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) return `has offsets ${String(start)}–${String(end)}, which are not integers`;
  if (!(start >= 0 && start < end && end <= length)) return `[${start}, ${end}) is empty or outside the text (${length} ${unit === 'utf16' ? 'UTF-16 units' : 'code points'})`;
  if (typeof text !== 'string') return `[${start}, ${end}) has no quoted text`;
  const actual = view.slice(start, end);
  return actual === text ? null : `[${start}, ${end}) in ${unit === 'utf16' ? 'UTF-16 units' : 'code points'} reads “${actual}” but quotes “${text}”`;
}

/** Validates one parsed JSONL line; pushes its problems with `at` ("line N"). */
function validateJsonlLine(value: unknown, at: string, report: ValidationReport): void {
  const problems = report.problems;
  if (!isRecord(value) || typeof value.text !== 'string') {
    problems.push(`${at}: not an object with a "text" string.`);
    return;
  }
  report.documents += 1;
  const text = value.text;
  const name = typeof value.id === 'string' || typeof value.id === 'number' ? `${at} (document ${String(value.id)})` : at;
  let unit: OffsetUnit = 'codepoint';
  if (value.offsetUnit === 'utf16' || value.offsetUnit === 'codepoint') unit = value.offsetUnit;
  else problems.push(`${name}: offsetUnit is ${value.offsetUnit === undefined ? 'missing' : JSON.stringify(value.offsetUnit)} (codepoint or utf16); offsets were checked as code points.`);
  const view = textInUnit(text, unit);
  const entities = new Map<string, { start: unknown; end: unknown }>();
  const entityList = value.entities ?? [];
  if (!Array.isArray(entityList)) problems.push(`${name}: "entities" is not an array.`);
  else
    entityList.forEach((e, i) => {
      report.spans += 1;
      const id = isRecord(e) && (typeof e.id === 'string' || typeof e.id === 'number') ? String(e.id) : undefined;
      const label = id ?? `#${i + 1}`;
      if (id !== undefined) {
        if (entities.has(id)) problems.push(`${name}: entity id ${id} is used twice.`);
        entities.set(id, { start: (e as Json).start, end: (e as Json).end });
      }
      if (isRecord(e) && (typeof e.label !== 'string' || !e.label)) problems.push(`${name}: entity ${label} has no label.`);
      const problem = quoteProblem(view, e);
      if (problem) problems.push(`${name}: entity ${label} ${problem}.`);
    });
  const claims = value.claims ?? [];
  if (!Array.isArray(claims)) {
    problems.push(`${name}: "claims" is not an array.`);
    return;
  }
  const attributionIds = new Set<string>();
  for (const c of claims) if (isRecord(c) && Array.isArray(c.attributions)) for (const a of c.attributions) if (isRecord(a) && typeof a.id === 'string') attributionIds.add(a.id);
  const seenAttributions = new Set<string>();
  const matchesEntity = (id: unknown, q: unknown): boolean => {
    const e = typeof id === 'string' || typeof id === 'number' ? entities.get(String(id)) : undefined;
    return !!e && isRecord(q) && e.start === q.start && e.end === q.end;
  };
  claims.forEach((c, i) => {
    if (!isRecord(c)) {
      problems.push(`${name}: claim #${i + 1} is not an object.`);
      return;
    }
    const claim = typeof c.id === 'string' || typeof c.id === 'number' ? String(c.id) : `#${i + 1}`;
    const problem = quoteProblem(view, c.span);
    if (problem) problems.push(`${name}: claim ${claim} ${problem}.`);
    if (!matchesEntity(c.id, c.span)) problems.push(`${name}: claim ${claim} is not one of the line's entities (same id and offsets).`);
    if (!Array.isArray(c.attributions)) {
      problems.push(`${name}: claim ${claim} has no "attributions" array.`);
      return;
    }
    c.attributions.forEach((a, j) => {
      report.attributions += 1;
      if (!isRecord(a)) {
        problems.push(`${name}: attribution #${j + 1} of claim ${claim} is not an object.`);
        return;
      }
      const attribution = typeof a.id === 'string' ? a.id : `#${j + 1} of claim ${claim}`;
      if (typeof a.id === 'string') {
        if (seenAttributions.has(a.id)) problems.push(`${name}: attribution id ${a.id} is used twice.`);
        seenAttributions.add(a.id);
      } else problems.push(`${name}: attribution ${attribution} has no id.`);
      if (!isRecord(a.source) || typeof a.source.id !== 'string' || !a.source.id) problems.push(`${name}: attribution ${attribution} has no source (an object with an id).`);
      for (const role of ['mention', 'cue'] as const) {
        const q = a[role];
        if (q === undefined) continue;
        const roleProblem = quoteProblem(view, q);
        if (roleProblem) problems.push(`${name}: the ${role} of attribution ${attribution} ${roleProblem}.`);
        if (!matchesEntity(isRecord(q) ? q.id : undefined, q)) problems.push(`${name}: the ${role} of attribution ${attribution} is not one of the line's entities (same id and offsets).`);
      }
      if (a.via !== undefined && (typeof a.via !== 'string' || !attributionIds.has(a.via))) problems.push(`${name}: attribution ${attribution} comes via ${String(a.via)}, which is not an attribution of the line.`);
    });
  });
}

/** Validates an Isnad JSON Lines text (a leading byte-order mark and CRLF line breaks are allowed). */
export function validateJsonlText(contents: string): ValidationReport {
  const report: ValidationReport = { kind: 'jsonl', documents: 0, spans: 0, attributions: 0, problems: [] };
  const text = contents.charCodeAt(0) === 0xfeff ? contents.slice(1) : contents;
  const units = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const source = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!source.trim()) return;
    const at = `line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      report.problems.push(`${at}: not valid JSON (${english(jsonSyntaxPhrase(source, error, 'line'))}).`);
      return;
    }
    if (isRecord(value) && typeof value.offsetUnit === 'string') units.add(value.offsetUnit);
    validateJsonlLine(value, at, report);
  });
  if (!report.documents && !report.problems.length) report.problems.push('The file has no lines.');
  report.detail = `Isnad JSON Lines, offsets in ${[...units].sort().join(' and ') || 'codepoint'}`;
  return report;
}

/** Tells a native file from a JSON Lines file by content and validates it. */
export function validateText(contents: string): ValidationReport {
  const text = contents.charCodeAt(0) === 0xfeff ? contents.slice(1) : contents;
  if (looksLikeNativeFile(text)) return validateNativeText(text);
  let whole: unknown;
  let wholeError: string | undefined;
  try {
    whole = JSON.parse(text);
  } catch (error) {
    wholeError = english(jsonSyntaxPhrase(text, error));
  }
  if (wholeError === undefined) {
    if (isRecord(whole) && whole.format === 'isnad-corpus') return validateNativeText(text);
    if (looksLikeJsonlLine(whole)) return validateJsonlText(text);
    return { kind: 'unknown', documents: 0, spans: 0, attributions: 0, problems: ['It is JSON, but neither an Isnad native corpus ("format": "isnad-corpus") nor Isnad JSON Lines (objects with "text" and "entities").'] };
  }
  const firstLine = text.split('\n').find((l) => l.trim());
  let first: unknown;
  try {
    first = firstLine === undefined ? undefined : JSON.parse(firstLine);
  } catch {
    first = undefined;
  }
  if (looksLikeJsonlLine(first)) return validateJsonlText(text);
  if (firstLine === undefined) return { kind: 'unknown', documents: 0, spans: 0, attributions: 0, problems: ['The file is empty.'] };
  return { kind: 'unknown', documents: 0, spans: 0, attributions: 0, problems: [`It is not valid JSON (${wholeError}), and its first line is not an Isnad JSON Lines object.`] };
}

class UsageError extends Error {}

function parseArgs(args: readonly string[]): { file: string; json: boolean } | 'help' {
  const files: string[] = [];
  let json = false;
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = true;
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError(files.length ? 'validate takes one file.' : 'Name the file to validate.');
  return { file: files[0]!, json };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Runs `isnad validate` with `args` (the words after "validate"). `readFileText` reads the
 * file as UTF-8 text (the CLI passes `(path) => fs.readFile(path, 'utf8')`). Returns the exit code.
 */
export async function validateCommand(args: string[], io: ValidateIo, readFileText: (path: string) => Promise<string>): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`isnad: ${error.message}\n\n${VALIDATE_USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    io.stdout(VALIDATE_USAGE);
    return 0;
  }
  let contents: string;
  try {
    contents = await readFileText(parsed.file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    io.stderr(`isnad: “${parsed.file}” could not be read${code === 'ENOENT' ? ': no such file' : ` (${code ?? (error as Error).message})`}.`);
    return 2;
  }
  const report = validateText(contents);
  const valid = report.problems.length === 0;
  const listed = report.problems.slice(0, MAX_LISTED_PROBLEMS);
  if (parsed.json) {
    io.stdout(
      JSON.stringify(
        { file: parsed.file, kind: report.kind, valid, documents: report.documents, spans: report.spans, attributions: report.attributions, problemCount: report.problems.length, problems: listed },
        null,
        2,
      ),
    );
  } else if (valid) {
    io.stdout(`valid: ${plural(report.documents, 'document')}, ${plural(report.spans, 'span')}, ${plural(report.attributions, 'attribution')} (${report.detail ?? report.kind})`);
  } else {
    const more = report.problems.length > listed.length ? ` (the first ${listed.length} are listed)` : '';
    io.stdout(`invalid: ${parsed.file}: ${plural(report.problems.length, 'problem')}${more}:`);
    for (const problem of listed) io.stdout(`  ${problem}`);
  }
  return valid ? 0 : 1;
}
