/**
 * Collecting the drafts and problems of a many-record file into an intake result, with
 * the refusal used when no record has the mapped text field at all.
 */
import type { ArticleDraft, DecodingInfo, FieldMapping, IntakeProblem, IntakeResult, SourceFormat } from '../article-draft';
import { DEFAULT_FIELD_MAPPING, refusal } from '../article-draft';
import { english, phrase, type Phrase } from '../../phrases/phrase';
import { draftFromRecord, type RecordValue } from './record-fields';

/** What the record extractors need to know besides the text. */
export interface RecordContext {
  fileName: string;
  decoding: DecodingInfo;
  /** Which fields hold what; {@link DEFAULT_FIELD_MAPPING} when absent. */
  mapping?: FieldMapping;
}

/** Accumulates the articles and problems of one file. */
export class RecordCollector {
  readonly articles: ArticleDraft[] = [];
  readonly problems: IntakeProblem[] = [];
  readonly mapping: FieldMapping;
  /** How many records had the text field (even if empty or not text). */
  private withField = 0;
  private records = 0;

  constructor(
    readonly format: SourceFormat,
    readonly context: RecordContext,
  ) {
    this.mapping = context.mapping ?? DEFAULT_FIELD_MAPPING;
  }

  /** Adds a record found at `record` (1-based line or list position); `line` is set for line-based formats. */
  add(value: RecordValue, record: number, line: number | undefined): void {
    this.records++;
    const result = draftFromRecord(value, this.mapping, { format: this.format, decoding: this.context.decoding, record });
    if (result.ok) {
      this.withField++;
      this.articles.push(result.draft);
      return;
    }
    if (!result.missing) this.withField++;
    this.problem(result.problem, record, line);
  }

  /** Records a problem: with its line, or prefixed "record n:" when the format has no lines. */
  problem(problem: Phrase, record: number, line: number | undefined): void {
    if (line === undefined) {
      const placed = phrase('problem.record', { record, problem });
      this.problems.push({ message: english(placed), phrase: placed });
    } else this.problems.push({ message: english(problem), phrase: problem, line });
  }

  /**
   * The result: the articles and problems, or a refusal when records were found but none
   * has the mapped text field (`fields` lists what the records do have).
   */
  result(fields: () => string[]): IntakeResult {
    if (this.records > 0 && this.withField === 0) {
      const listed = fields();
      const file = this.context.fileName;
      const field = this.mapping.text;
      return { ok: false, format: this.format, ...(listed.length ? refusal('records.noFieldListed', { file, field, fields: listed }) : refusal('records.noField', { file, field })) };
    }
    return { ok: true, format: this.format, articles: this.articles, problems: this.problems };
  }
}
