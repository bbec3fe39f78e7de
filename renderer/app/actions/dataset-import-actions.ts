/**
 * Importing a dataset (doccano, Label Studio, brat, CoNLL, native, JSON Lines, spaCy, Web
 * Annotation): the files are read and decoded, the format detected (or chosen), the shared
 * reader run, and the dataset dialog shows what was read and every line skipped or repaired.
 * The user then imports it into a new corpus (written whole, then opened) or merges it into the
 * open corpus after a preview of conflicts (one undoable transaction, written before shown).
 * A file that cannot be read changes nothing and says why.
 */
import { noteFile, problemAt, refused, type FormatName, type FormatNote, type OutputFile, type Problem } from '../../../shared/formats/dataset';
import { looksLikeDataset } from '../../../shared/formats/dataset-detect';
import { decodeDatasetBytes, readDataset, type ReadDatasetOutcome } from '../../../shared/formats/dataset-read';
import { recordIds, recordsForNewCorpus } from '../../../shared/model/corpus-copy';
import { DEFAULT_MERGE_CHOICES, mergeTransaction, planMerge, type MergeChoices } from '../../../shared/model/dataset-merge';
import { takenIds } from '../../db/db';
import type { WorkerInputFile } from '../../import/protocol';
import type { MessageKey, Translate } from '../../../shared/i18n/i18n';
import type { AppContext } from '../app-context';
import type { CorpusActions } from './corpus-actions';
import { freeName } from './corpus-actions';
import { phrase, type Phrase } from '../../../shared/phrases/phrase';
import { skipReasonPhrase } from '../../../shared/phrases/skip-reasons';

/** A dataset staged in the dataset dialog. */
export interface DatasetDraft {
  /** The files as read (text). */
  files: OutputFile[];
  /**
   * Files that could not be read at all, with why (and why as a phrase, when shared/ said
   * it). `namesFile`: the message is a sentence that names the file itself ("“scan.dat” is
   * not a text file…"), so the report does not name it again in front of it.
   */
  unreadable: Array<{ name: string; message: string; phrase?: Phrase; namesFile?: boolean }>;
  /** Notes from decoding (an encoding other than UTF-8). */
  decodingNotes: FormatNote[];
  /** The format the files were read as (detected, or chosen by the user). */
  format: FormatName | null;
  detected: FormatName | null;
  outcome: ReadDatasetOutcome;
  target: 'new' | 'merge';
  /** The name of the new corpus. */
  name: string;
  choices: MergeChoices;
  /** An import or merge is being written. */
  busy: boolean;
}

const NOTE_KINDS: Record<FormatNote['kind'], MessageKey> = { skipped: 'datasetNote.skipped', repaired: 'datasetNote.repaired', unaligned: 'datasetNote.unaligned' };

/** A line of the import report: the file, the line number (if any), what happened to it and the reader's message. */
export interface ReportLine {
  where: string;
  line?: number;
  kind: FormatNote['kind'];
  /** As `shared/` wrote it (English; see ARCHITECTURE, interface language). */
  message: string;
  /** The message as a phrase, said in the interface language when there is one. */
  phrase?: Phrase;
  /** The message names the file itself: the line does not start with `where` as well. */
  namesFile?: boolean;
}

/**
 * The template of a report line in the interface language, its file name and message still
 * `{where}` and `{message}` placeholders (the dialog puts isolated elements there).
 */
export function reportTemplate(line: ReportLine, t: Translate): string {
  const kind = t(NOTE_KINDS[line.kind]);
  if (line.namesFile) return t('datasetNote.named', { kind });
  return line.line ? t('datasetNote.line', { line: line.line, kind }) : t('datasetNote.file', { kind });
}

/** One line of an import report as text: "file.conll, line 12 — skipped: Empty token: line skipped." */
export function noteLine(line: ReportLine, t: Translate): string {
  return reportTemplate(line, t).replace(/\{(where|message)\}/g, (_, name: string) => (name === 'where' ? line.where : t.text(line.message, line.phrase)));
}

/** Every file skipped unread, then every note from decoding and reading. */
export function reportLines(draft: DatasetDraft): ReportLine[] {
  if (!draft.outcome.ok) return [];
  const unread: ReportLine[] = draft.unreadable.map((u) => ({ where: u.name, kind: 'skipped', message: u.message, ...(u.phrase ? { phrase: u.phrase } : {}), ...(u.namesFile ? { namesFile: true } : {}) }));
  const notes = [...draft.decodingNotes, ...draft.outcome.dataset.notes].map((note): ReportLine => {
    return { where: noteFile(note), ...(note.line ? { line: note.line } : {}), kind: note.kind, message: note.message, ...(note.phrase ? { phrase: note.phrase } : {}) };
  });
  return [...unread, ...notes];
}

/** Why a file could not be read, as a problem: named in front unless the sentence names it already. */
function unreadableProblem(u: DatasetDraft['unreadable'][number]): Problem {
  const problem: Problem = { text: u.message, ...(u.phrase ? { phrase: u.phrase } : {}) };
  return u.namesFile ? problem : problemAt(u.name, undefined, problem);
}

const READABLE_NAME = /\.(conll|bio|iob|ann|txt|tsv|json|jsonl|ndjson|conf)$/i;

async function bytesOf(file: WorkerInputFile, t: Translate, limit = Infinity): Promise<Uint8Array | { error: string; phrase?: Phrase }> {
  if ('error' in file) return { error: file.error, ...(file.errorPhrase ? { phrase: file.errorPhrase } : {}) };
  if ('bytes' in file) return file.bytes.subarray(0, limit);
  try {
    return new Uint8Array(await (limit < file.file.size ? file.file.slice(0, limit) : file.file).arrayBuffer());
  } catch (error) {
    return { error: t('datasetNote.unreadable', { name: file.name, error: (error as Error).message }) };
  }
}

/** How much of a dropped .json/.jsonl (64 KiB) or .txt (4 KiB) is read to tell a dataset from articles. */
const SNIFF_BYTES = { json: 64 * 1024, txt: 4 * 1024 };

export class DatasetImportActions {
  constructor(
    private readonly app: AppContext,
    private readonly corpora: CorpusActions,
  ) {}

  private get draft(): DatasetDraft | null {
    return this.app.ui.state.datasetDraft;
  }

  private update(patch: Partial<DatasetDraft>): void {
    const draft = this.draft;
    if (draft) this.app.ui.update({ datasetDraft: { ...draft, ...patch } });
  }

  /** File → Import dataset…: the host's chooser (several files: brat pairs), then the dialog. */
  async pick(): Promise<void> {
    const files = await this.app.platform.pickDatasetFiles();
    if (files.length) await this.stage(files);
  }

  /**
   * File → Import a brat folder…: the host's folder chooser; the folder's .txt + .ann pairs
   * (and annotation.conf) are staged as a brat dataset. A folder with no .ann file changes
   * nothing and says what a brat folder holds.
   */
  async pickFolder(): Promise<void> {
    const chosen = await this.app.platform.pickDatasetFolder();
    if (!chosen) return;
    if (!chosen.files.some((f) => f.name.endsWith('.ann'))) {
      this.app.notify('error', this.app.t('notice.dataset.noBratPairs', { folder: chosen.folder }));
      return;
    }
    await this.stage(chosen.files, null, chosen.skipped);
  }

  /**
   * Of dropped files, those that are datasets (by name, or by content for .json, .jsonl and
   * .txt; a .txt beside an .ann of the same name). Reads only what the name cannot decide.
   */
  async datasetsAmong(files: readonly WorkerInputFile[]): Promise<WorkerInputFile[]> {
    const names = new Set(files.map((f) => f.name));
    const hasAnn = files.some((f) => f.name.endsWith('.ann'));
    const result: WorkerInputFile[] = [];
    for (const file of files) {
      const brat = hasAnn && ((file.name.endsWith('.txt') && names.has(file.name.replace(/\.txt$/, '.ann'))) || /(^|\/)annotation\.conf$/.test(file.name));
      if (looksLikeDataset(file.name, '') || brat) result.push(file);
      else if (/\.(json|jsonl|ndjson|txt|tsv)$/i.test(file.name)) {
        const head = await bytesOf(file, this.app.t, /\.(txt|tsv)$/i.test(file.name) ? SNIFF_BYTES.txt : SNIFF_BYTES.json);
        const decoded = head instanceof Uint8Array ? decodeDatasetBytes(file.name, head) : null;
        if (decoded?.ok && looksLikeDataset(file.name, decoded.file.contents)) result.push(file);
      }
    }
    return result;
  }

  /** Reads the files and shows the dataset dialog with what was read (and the files `skipped` unread, with why). */
  async stage(files: readonly WorkerInputFile[], format: FormatName | null = null, skipped: ReadonlyArray<{ name: string; reason: string }> = []): Promise<void> {
    const read: OutputFile[] = [];
    const unreadable: DatasetDraft['unreadable'] = skipped.map(({ name, reason }) => {
      const said = skipReasonPhrase(reason);
      return { name, message: reason, ...(said ? { phrase: said } : {}) };
    });
    const decodingNotes: FormatNote[] = [];
    for (const file of files) {
      if (!READABLE_NAME.test(file.name) && files.length > 1) {
        unreadable.push({ name: file.name, message: this.app.t('datasetNote.notDataset') });
        continue;
      }
      const bytes = await bytesOf(file, this.app.t);
      if (!(bytes instanceof Uint8Array)) {
        // (every refusal of a file read by name names the file: "“x” could not be read…", "“x” is too large…")
        unreadable.push({ name: file.name, message: bytes.error, ...(bytes.phrase ? { phrase: bytes.phrase } : {}), namesFile: true });
        continue;
      }
      const decoded = decodeDatasetBytes(file.name, bytes);
      if (!decoded.ok) unreadable.push({ name: file.name, message: decoded.message, ...(decoded.phrase ? { phrase: decoded.phrase } : {}), namesFile: true });
      else {
        read.push(decoded.file);
        if (decoded.note) decodingNotes.push(decoded.note);
      }
    }
    read.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const outcome: ReadDatasetOutcome = read.length ? readDataset(read, format ?? undefined) : { ...refused(unreadable.map((u) => unreadableProblem(u))), format: null };
    const names = (this.app.ui.state.corpora ?? (await this.corpora.list())).map((c) => c.corpus.name);
    this.app.ui.update({
      datasetDraft: {
        files: read,
        unreadable,
        decodingNotes,
        format: outcome.ok ? outcome.dataset.format : outcome.format,
        detected: format ? (this.draft?.detected ?? null) : outcome.ok ? outcome.dataset.format : outcome.format,
        outcome,
        target: 'new',
        name: freeName(outcome.ok ? outcome.dataset.suggestedName : this.app.t('datasetDialog.defaultName'), names),
        choices: DEFAULT_MERGE_CHOICES,
        busy: false,
      },
    });
  }

  /** Reads the staged files again as another format. */
  setFormat(format: FormatName): void {
    const draft = this.draft;
    if (!draft) return;
    const outcome = readDataset(draft.files, format);
    this.update({ format, outcome });
  }

  /** New corpus or merge. */
  setTarget(target: DatasetDraft['target']): void {
    this.update({ target });
  }

  /** The new corpus's name. */
  setName(name: string): void {
    this.update({ name });
  }

  /** One merge decision. */
  setChoice<K extends keyof MergeChoices>(key: K, value: MergeChoices[K]): void {
    const draft = this.draft;
    if (draft) this.update({ choices: { ...draft.choices, [key]: value } });
  }

  /** Closes the dialog; nothing was changed. */
  discard(): void {
    this.app.ui.update({ datasetDraft: null });
  }

  private reportDetails(draft: DatasetDraft): string[] {
    return reportLines(draft).map((line) => noteLine(line, this.app.t));
  }

  private notesNotice(lines: readonly string[]): string {
    return lines.length ? this.app.t('notice.dataset.notes', { count: lines.length }) : '';
  }

  /** Imports the staged dataset into a new corpus: every record written at once, then the corpus is opened. */
  async importAsNew(): Promise<boolean> {
    const draft = this.draft;
    if (!draft?.outcome.ok || draft.busy) return false;
    const name = draft.name.trim();
    if (!name) {
      this.app.notify('error', this.app.t('notice.corpus.nameNeeded'));
      return false;
    }
    if (this.corpora.importRunning()) return false;
    const { dataset } = draft.outcome;
    this.update({ busy: true });
    try {
      const taken = await takenIds(this.app.db, recordIds(dataset.state));
      const ctx = this.app.corpus.context;
      const keepId = dataset.corpusId && !(await this.app.db.corpora.get(dataset.corpusId));
      const records = recordsForNewCorpus(dataset.state, { corpusId: keepId ? dataset.corpusId! : ctx.newId(), name, isTaken: (table, id) => taken[table].has(id), newId: ctx.newId });
      if (!(await this.corpora.add(records))) throw new Error(this.app.t('notice.dataset.notReadBack'));
      this.app.ui.update({ datasetDraft: null, corpora: null });
      const lines = this.reportDetails(draft);
      const { t } = this.app;
      this.app.notify(
        'info',
        t('notice.dataset.imported', { documents: t('count.documents', { count: records.documents.length }), spans: t('count.spans', { count: records.spans.length }), format: dataset.format, name, notes: this.notesNotice(lines) }),
        lines,
      );
      return true;
    } catch (error) {
      this.update({ busy: false });
      this.app.notify('error', this.app.t('notice.dataset.failed', { error: (error as Error).message }));
      return false;
    }
  }

  /** Merges the staged dataset into the open corpus as previewed: one undoable transaction. */
  async merge(): Promise<boolean> {
    const draft = this.draft;
    if (!draft?.outcome.ok || draft.busy) return false;
    const { dataset } = draft.outcome;
    const fileName = draft.files[0]?.path ?? 'dataset';
    this.update({ busy: true });
    const { t } = this.app;
    let added = { documents: 0, spans: 0 };
    const tx = await this.app.run((state, ctx) => {
      const plan = planMerge(state, dataset.state, draft.choices);
      const spans = plan.spansOfNewDocuments + (draft.choices.newSpans === 'take-incoming' ? plan.newSpans.length : 0) + (draft.choices.conflicts === 'keep-existing' ? 0 : plan.conflicts.length - (draft.choices.conflicts === 'keep-both' ? plan.notKeptBoth.length : 0));
      added = { documents: plan.newDocuments.length, spans };
      const merged = mergeTransaction(state, dataset.state, plan, ctx, phrase('change.mergeDataset', { file: fileName }));
      return merged ? { ok: true, tx: merged } : { ok: false, error: t('notice.dataset.nothingToMerge', { file: fileName }) };
    });
    if (!tx) {
      this.update({ busy: false });
      return false;
    }
    this.app.ui.update({ datasetDraft: null });
    const lines = this.reportDetails(draft);
    this.app.notify(
      'info',
      t('notice.dataset.merged', {
        file: fileName,
        name: this.app.corpus.state.corpus.name,
        documents: t('count.newDocuments', { count: added.documents }),
        spans: t('count.spans', { count: added.spans }),
        notes: this.notesNotice(lines),
      }),
      lines,
    );
    if (tx.docId) await this.app.openDocument(tx.docId);
    return true;
  }
}
