/**
 * Reading CoNLL-style files line by line, repairing what real files get wrong and noting
 * every repair or skip with its line number: a byte-order mark, CRLF, bidi marks on tokens
 * (NewsFANE puts U+200E before every Arabic token), empty or mark-only tokens, a token with
 * a stray field, two lines merged into one (`w1 O w2 B-LOC`, or `. Oالإصابة O` with the
 * tag glued to the next token), a lone TAB as sentence separator. Columns are separated by
 * TAB when the line holds one, otherwise by spaces; the token is the first column and the
 * tag the last. Never throws.
 */
import { lineNote, type FormatNote } from './dataset';
import { phrase, type PhraseCode, type PhraseParam } from '../phrases/phrase';
import { appendAll } from '../arrays';

/** One token line: the token (bidi marks removed), its tag and its 1-based line number. */
export interface ConllToken {
  text: string;
  tag: string;
  line: number;
}

/** One document of a CoNLL file: sentences of tokens. */
export interface ConllDocument {
  /** The line of its -DOCSTART- (1 when the file does not start with one). */
  line: number;
  sentences: ConllToken[][];
}

/** Bidi controls and marks (LRM, RLM, ALM, embeddings, overrides, isolates) and a stray BOM. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

/** Removes bidi marks and controls from `s`. */
export function stripBidi(s: string): string {
  return s.replace(BIDI, '');
}

/** A tag of BIO, IOB1, IOB2, BIOES or BILUO. */
const TAG = /^(?:O|[BIESLU]-\S+)$/u;
/** A tag glued to the token after it, cut where the ASCII tag ends and another script starts. */
const GLUED = /^(O|[BIESLU]-[A-Za-z][\w-]*?)([^\p{ASCII}].*)$/su;

/** True when `s` reads as a tag. */
export function isTag(s: string): boolean {
  return TAG.test(s);
}

const DOCSTART = '-DOCSTART-';

/** How many notes of one kind of defect a file gets one by one before they are summed up. */
export const NOTES_PER_DEFECT = 20;

/**
 * Notes of one file, at most {@link NOTES_PER_DEFECT} per kind of defect (NewsFANE has a
 * bidi mark on every token). The notes wait until `finish`, which adds one summary note per
 * defect with the rest and hands every note on in line order, whichever pass (reading the
 * lines, reading the tags) found it; notes of one line keep the order they were added in.
 */
export class FileNotes {
  private readonly counts = new Map<string, { kind: FormatNote['kind']; total: number; first: number; last: number; label: PhraseCode }>();
  private readonly held: Array<FormatNote & { line: number }> = [];

  /** Notes go to `notes` on `finish`, each with `where` and a line. */
  constructor(
    private readonly where: string,
    private readonly notes: FormatNote[],
  ) {}

  /** Adds a note of something that happens once per file (a byte-order mark, CR line ends). */
  addOnce(line: number, kind: FormatNote['kind'], code: PhraseCode, params: Record<string, PhraseParam> = {}): void {
    this.hold(line, kind, code, params);
  }

  /** Adds a note of defect `defect` (`label` names the defect in the summary), said by `code` and `params`. */
  add(defect: string, label: PhraseCode, line: number, kind: FormatNote['kind'], code: PhraseCode, params: Record<string, PhraseParam> = {}): void {
    const seen = this.counts.get(defect) ?? { kind, total: 0, first: line, last: line, label };
    seen.total++;
    this.counts.set(defect, seen);
    if (seen.total <= NOTES_PER_DEFECT) {
      this.hold(line, kind, code, params);
      return;
    }
    if (seen.total === NOTES_PER_DEFECT + 1) seen.first = line;
    seen.last = line;
  }

  /** Adds the summary notes and hands all the notes on, in line order. */
  finish(): void {
    for (const seen of this.counts.values()) {
      const more = seen.total - NOTES_PER_DEFECT;
      if (more > 0) this.hold(seen.first, seen.kind, 'conllNote.more', { count: more, label: phrase(seen.label), first: seen.first, last: seen.last, total: seen.total });
    }
    appendAll(this.notes, this.held.sort((a, b) => a.line - b.line));
    this.held.length = 0;
    this.counts.clear();
  }

  private hold(line: number, kind: FormatNote['kind'], code: PhraseCode, params: Record<string, PhraseParam>): void {
    this.held.push({ ...lineNote(this.where, line, kind, code, params), line });
  }
}

interface Fields {
  fields: string[];
  /** Fields that held only bidi marks and were dropped. */
  markOnly: number;
  /** The token lost bidi marks. */
  tokenHadMarks: boolean;
  /** The token is empty (or held only bidi marks). */
  emptyToken: boolean;
  /** The first field as written. */
  rawToken: string;
}

function splitFields(line: string): Fields {
  const raw = line.includes('\t') ? line.split('\t').flatMap((f, i) => (i === 0 ? [f] : f.split(' '))) : line.split(' ');
  while (raw.length > 1 && raw[raw.length - 1]!.trim() === '') raw.pop();
  const cleaned = raw.map((f) => stripBidi(f).trim());
  const emptyToken = cleaned[0] === '';
  const tokenHadMarks = !emptyToken && cleaned[0] !== raw[0]!.trim();
  const fields: string[] = [];
  let markOnly = 0;
  cleaned.forEach((f, i) => {
    if (i === 0) fields.push(f);
    else if (f !== '') fields.push(f);
    else if (raw[i]!.trim() !== '') markOnly++;
  });
  return { fields, markOnly, tokenHadMarks, emptyToken, rawToken: raw[0]! };
}

/** The most frequent number of columns of the token lines (at least 2; 2 when there are none). */
function usualColumns(lines: readonly string[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (stripBidi(line).trim() === '' || stripBidi(line).trimStart().startsWith(DOCSTART)) continue;
    const n = splitFields(line).fields.length;
    if (n >= 2) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best = 2;
  let bestCount = 0;
  for (const [n, c] of counts) if (c > bestCount || (c === bestCount && n < best)) [best, bestCount] = [n, c];
  return best;
}

/** Reads the token records of one line; pushes notes; returns [] for a skipped line. */
function tokensOfLine(line: string, lineNo: number, columns: number, sink: FileNotes): ConllToken[] {
  const { fields, markOnly, tokenHadMarks, emptyToken, rawToken } = splitFields(line);
  const note = (defect: string, label: PhraseCode, kind: FormatNote['kind'], code: PhraseCode, params?: Record<string, PhraseParam>): void => sink.add(defect, label, lineNo, kind, code, params);
  if (emptyToken) {
    if (rawToken.trim() === '') note('empty', 'conllDefect.empty', 'skipped', 'conllNote.empty');
    else note('mark-only', 'conllDefect.markOnly', 'skipped', 'conllNote.markOnly');
    return [];
  }
  if (tokenHadMarks) note('bidi', 'conllDefect.bidi', 'repaired', 'conllNote.bidi', { token: fields[0]! });
  if (markOnly) note('mark-field', 'conllDefect.markField', 'repaired', 'conllNote.markField', { count: markOnly });
  const n = fields.length;
  if (n === columns) {
    const tag = fields[n - 1]!;
    if (isTag(tag)) return [{ text: fields[0]!, tag, line: lineNo }];
    note('not-tag', 'conllDefect.notTag', 'repaired', 'conllNote.notTag', { tag, token: fields[0]! });
    return [{ text: fields[0]!, tag: 'O', line: lineNo }];
  }
  if (n === 2 * columns && isTag(fields[columns - 1]!) && isTag(fields[n - 1]!)) {
    note('merged', 'conllDefect.merged', 'repaired', 'conllNote.merged');
    return [
      { text: fields[0]!, tag: fields[columns - 1]!, line: lineNo },
      { text: fields[columns]!, tag: fields[n - 1]!, line: lineNo },
    ];
  }
  if (n === 2 * columns - 1 && isTag(fields[n - 1]!)) {
    const glued = GLUED.exec(fields[columns - 1]!);
    if (glued) {
      note('merged', 'conllDefect.merged', 'repaired', 'conllNote.glued', { tag: glued[1]!, token: glued[2]! });
      return [
        { text: fields[0]!, tag: glued[1]!, line: lineNo },
        { text: glued[2]!, tag: fields[n - 1]!, line: lineNo },
      ];
    }
  }
  note('columns', 'conllDefect.columns', 'skipped', 'conllNote.columns', { columns, found: n, line: stripBidi(line).trim() });
  return [];
}

/** Reads a CoNLL file into documents of sentences; every repair and skip becomes a note in `notes`, in line order. */
export function readConll(where: string, contents: string, notes: FormatNote[]): ConllDocument[] {
  const sink = new FileNotes(where, notes);
  const documents = readConllLines(contents, sink);
  sink.finish();
  return documents;
}

/** Reads a CoNLL file into documents of sentences; every repair and skip is added to `sink` (the caller finishes it). */
export function readConllLines(contents: string, sink: FileNotes): ConllDocument[] {
  let body = contents;
  if (body.charCodeAt(0) === 0xfeff) {
    body = body.slice(1);
    sink.addOnce(1, 'repaired', 'readNote.bom');
  }
  if (body.includes('\r')) {
    const first = body.slice(0, body.indexOf('\r')).split('\n').length;
    sink.addOnce(first, 'repaired', 'conllNote.cr');
  }
  const lines = body.split(/\r\n|\n|\r/u);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const columns = usualColumns(lines);
  const documents: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sentence: ConllToken[] = [];
  const endSentence = (): void => {
    if (sentence.length && doc) doc.sentences.push(sentence);
    sentence = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const visible = stripBidi(line).trim();
    if (visible === '') {
      if (line.replace(/\s/gu, '') !== '') sink.add('mark-line', 'conllDefect.markLine', i + 1, 'repaired', 'conllNote.markLine');
      endSentence();
      continue;
    }
    if (visible.startsWith(DOCSTART)) {
      endSentence();
      if (doc) documents.push(doc);
      doc = { line: i + 1, sentences: [] };
      continue;
    }
    const tokens = tokensOfLine(line, i + 1, columns, sink);
    if (tokens.length) {
      doc ??= { line: 1, sentences: [] };
      appendAll(sentence, tokens);
    }
  }
  endSentence();
  if (doc) documents.push(doc);
  return documents;
}
