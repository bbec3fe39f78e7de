/**
 * CSV (and TSV) files of articles, parsed with papaparse: a header row names the columns,
 * the delimiter is detected (or given), quoted fields may span lines, a UTF-8 byte-order
 * mark is ignored. Each row is one record; its line is where the row starts in the file,
 * counted from papaparse's cursor so that multi-line quoted fields are counted right.
 */
import Papa from 'papaparse';
import { refusal, type IntakeResult } from '../article-draft';
import { phrase } from '../../phrases/phrase';
import type { RecordValue } from './record-fields';
import { RecordCollector, type RecordContext } from './record-results';

/** Counts lines up to increasing offsets of one text without rescanning it. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** The 1-based line of `offset` (offsets must not decrease between calls). */
  lineAt(offset: number): number {
    for (let i = this.text.indexOf('\n', this.offset); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) this.line++;
    this.offset = Math.max(this.offset, offset);
    return this.line;
  }
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The header row (names trimmed) and the delimiter used, or undefined for an empty text. */
function readHeader(text: string, delimiter: string | undefined): { columns: string[]; delimiter: string; linebreak: string } | undefined {
  const parsed = Papa.parse<string[]>(text, { preview: 1, delimiter: delimiter ?? '', skipEmptyLines: 'greedy' });
  const row = parsed.data[0];
  if (!row || row.every((cell) => cell.trim() === '')) return undefined;
  return { columns: row.map((cell) => cell.trim()), delimiter: parsed.meta.delimiter, linebreak: parsed.meta.linebreak };
}

/** The index of the column named `name` (exactly, else ignoring case), or -1. */
function columnIndex(columns: string[], name: string): number {
  const exact = columns.indexOf(name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  return columns.findIndex((c) => c.toLowerCase() === lower);
}

/** The column names of a CSV text's header row (empty when there is none). */
export function detectCsvColumns(text: string, delimiter?: string): string[] {
  return readHeader(withoutBom(text), delimiter)?.columns.filter((c) => c !== '') ?? [];
}

/**
 * Articles from CSV text (header row first). The delimiter is detected among , ; tab |
 * unless `context.delimiter` is given. A file without the mapped text column is refused
 * with its columns listed; a row with an empty text cell or a broken quoted field is a
 * problem of its line. Cells missing at the end of a short row count as empty.
 */
export function extractCsvRecords(text: string, context: RecordContext & { delimiter?: string }): IntakeResult {
  const source = withoutBom(text);
  const file = context.fileName;
  const collector = new RecordCollector('csv', context);
  const header = readHeader(source, context.delimiter);
  if (!header) return { ok: false, format: 'csv', ...refusal('csv.noHeader', { file }) };
  const textColumn = columnIndex(header.columns, collector.mapping.text);
  if (textColumn < 0) {
    return { ok: false, format: 'csv', ...refusal('csv.noColumn', { file, field: collector.mapping.text, columns: header.columns.filter((c) => c !== '') }) };
  }
  const lines = new LineCounter(source);
  let previousEnd = 0;
  let isHeader = true;
  Papa.parse<string[]>(source, {
    delimiter: header.delimiter,
    newline: header.linebreak as Papa.ParseConfig['newline'],
    skipEmptyLines: 'greedy',
    step: (results) => {
      let start = previousEnd;
      while (start < results.meta.cursor && ' \t\r\n'.includes(source[start]!)) start++;
      previousEnd = results.meta.cursor;
      if (isHeader) {
        isHeader = false;
        return;
      }
      const line = lines.lineAt(start);
      const quoteError = results.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        collector.problem(phrase(quoteError.code === 'MissingQuotes' ? 'csv.quoteOpen' : 'csv.quoteBroken'), line, line);
        return;
      }
      const record: RecordValue = {};
      header.columns.forEach((column, i) => {
        if (column !== '' && !Object.hasOwn(record, column)) record[column] = results.data[i] ?? '';
      });
      collector.add(record, line, line);
    },
  });
  return collector.result(() => header.columns);
}
