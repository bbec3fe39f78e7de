/**
 * Files of many articles: JSON (a list of objects, or an object holding one list), JSON
 * Lines and CSV (see csv-records). Each record becomes an article draft through a field
 * mapping; a record without text is a problem of that record, not of the file. A JSON
 * file that does not parse is refused with the line and column of the error; a bad JSON
 * Lines line is a problem of that line only.
 */
import { refusal, type IntakeResult, type Refusal } from '../article-draft';
import { phrase } from '../../phrases/phrase';
import { detectCsvColumns } from './csv-records';
import { jsonSyntaxError } from './json-errors';
import { fieldNamesOf, fieldValue, isRecord, valueKind } from './record-fields';
import { RecordCollector, type RecordContext } from './record-results';

export { extractCsvRecords } from './csv-records';
export type { RecordContext } from './record-results';

/** How many records {@link detectRecordFields} looks at. */
export const FIELD_SAMPLE_RECORDS = 50;

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The records of a parsed JSON file: a top-level list; or, for an object, the object itself
 * when its `textField` holds a string (one article), else its only list (or its only list
 * of objects). Anything else is a reason for refusal.
 */
export function recordsOfJson(value: unknown, textField: string | undefined, file: string): { records: unknown[] } | Refusal {
  if (Array.isArray(value)) return { records: value };
  if (!isRecord(value)) return refusal('json.holds', { file, kind: valueKind(value) });
  if (textField !== undefined && typeof fieldValue(value, textField) === 'string') return { records: [value] };
  const lists = Object.entries(value).filter(([, v]) => Array.isArray(v)) as Array<[string, unknown[]]>;
  const ofObjects = lists.filter(([, v]) => v.some(isRecord));
  const chosen = lists.length === 1 ? lists[0] : ofObjects.length === 1 ? ofObjects[0] : undefined;
  if (chosen) return { records: chosen[1] };
  if (lists.length === 0) return textField === undefined ? refusal('json.noList', { file }) : refusal('json.noListOrField', { file, field: textField });
  return refusal('json.severalLists', { file, lists: lists.map(([k]) => k) });
}

/** Articles from a JSON file (records numbered from 1 in the list; problems say "record n"). */
export function extractJsonRecords(text: string, context: RecordContext): IntakeResult {
  const file = context.fileName;
  const source = withoutBom(text);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const { line, column, why } = jsonSyntaxError(source, error);
    return { ok: false, format: 'json', ...(line === undefined ? refusal('json.invalid', { file, detail: why }) : refusal('json.invalidAt', { file, line, column: column ?? 1, detail: why })) };
  }
  const collector = new RecordCollector('json', context);
  const found = recordsOfJson(value, collector.mapping.text, file);
  if ('reason' in found) return { ok: false, format: 'json', ...found };
  found.records.forEach((record, i) => {
    if (isRecord(record)) collector.add(record, i + 1, undefined);
    else collector.problem(phrase('record.notObject', { kind: valueKind(record) }), i + 1, undefined);
  });
  return collector.result(() => fieldNamesOf(found.records.slice(0, FIELD_SAMPLE_RECORDS)));
}

/** Each non-blank line of JSON Lines text with its 1-based line number. */
function* jsonLines(text: string): Generator<{ line: number; source: string }> {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const source = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
    if (source.trim() !== '') yield { line, source };
    if (end === -1) break;
    start = end + 1;
    line++;
  }
}

/** Articles from JSON Lines: one JSON object per line; a bad line is a problem of its own (`line n: not valid JSON (…)`). */
export function extractJsonLinesRecords(text: string, context: RecordContext): IntakeResult {
  const collector = new RecordCollector('jsonl', context);
  const sample: unknown[] = [];
  for (const { line, source } of jsonLines(withoutBom(text))) {
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      const { column, why } = jsonSyntaxError(source, error);
      collector.problem(column === undefined ? phrase('record.badJson', { detail: why }) : phrase('record.badJsonAt', { column, detail: why }), line, line);
      continue;
    }
    if (sample.length < FIELD_SAMPLE_RECORDS) sample.push(value);
    if (isRecord(value)) collector.add(value, line, line);
    else collector.problem(phrase('record.notJsonObject', { kind: valueKind(value) }), line, line);
  }
  return collector.result(() => fieldNamesOf(sample));
}

/**
 * The field names seen in the first {@link FIELD_SAMPLE_RECORDS} records, in order of
 * first appearance, for the field-mapping UI: dotted paths for nested JSON objects, the
 * header row for CSV. Empty when the text cannot be read as that format.
 */
export function detectRecordFields(text: string, format: 'json' | 'jsonl' | 'csv', options: { delimiter?: string } = {}): string[] {
  if (format === 'csv') return detectCsvColumns(text, options.delimiter);
  if (format === 'jsonl') {
    const sample: unknown[] = [];
    for (const { source } of jsonLines(withoutBom(text))) {
      if (sample.length >= FIELD_SAMPLE_RECORDS) break;
      try {
        sample.push(JSON.parse(source));
      } catch {
        // A bad line offers no fields.
      }
    }
    return fieldNamesOf(sample);
  }
  try {
    const value: unknown = JSON.parse(withoutBom(text));
    const found = recordsOfJson(value, undefined, 'the file');
    return fieldNamesOf('records' in found ? found.records.slice(0, FIELD_SAMPLE_RECORDS) : [value]);
  } catch {
    return [];
  }
}
