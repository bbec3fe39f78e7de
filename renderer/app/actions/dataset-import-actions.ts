/**
 * Importing a dataset (doccano, Label Studio, brat, CoNLL, native, JSON Lines, spaCy, Web
 * Annotation): the files are read and decoded, the format detected (or chosen), the shared
 * reader run, and the dataset dialog shows what was read and every line skipped or repaired.
 * The user then imports it into a new corpus (written whole, then opened) or merges it into the
 * open corpus after a preview of conflicts (one undoable transaction, written before shown).
 * A file that cannot be read changes nothing and says why.
 */
import type { FormatName, FormatNote, OutputFile } from '../../../shared/formats/dataset';
import { looksLikeDataset } from '../../../shared/formats/dataset-detect';
import { decodeDatasetBytes, readDataset, type ReadDatasetOutcome } from '../../../shared/formats/dataset-read';
import { recordIds, recordsForNewCorpus } from '../../../shared/model/corpus-copy';
import { DEFAULT_MERGE_CHOICES, mergeTransaction, planMerge, type MergeChoices } from '../../../shared/model/dataset-merge';
import { takenIds } from '../../db/db';
import type { WorkerInputFile } from '../../import/protocol';
import type { AppContext } from '../app-context';
import type { CorpusActions } from './corpus-actions';
import { freeName } from './corpus-actions';

/** A dataset staged in the dataset dialog. */
export interface DatasetDraft {
  /** The files as read (text). */
  files: OutputFile[];
  /** Files that could not be read at all, with why. */
  unreadable: Array<{ name: string; message: string }>;
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

/** One line of an import report: "file.conll, line 12 — skipped: Empty token: line skipped." */
export function noteLine(note: FormatNote): string {
  const where = note.line && note.where.endsWith(`:${note.line}`) ? note.where.slice(0, -`:${note.line}`.length) : note.where;
  return `${where}${note.line ? `, line ${note.line}` : ''} — ${note.kind}: ${note.message}`;
}

const READABLE_NAME = /\.(conll|bio|iob|ann|txt|tsv|json|jsonl|ndjson|conf)$/i;

async function bytesOf(file: WorkerInputFile, limit = Infinity): Promise<Uint8Array | { error: string }> {
  if ('error' in file) return { error: file.error };
  if ('bytes' in file) return file.bytes.subarray(0, limit);
  try {
    return new Uint8Array(await (limit < file.file.size ? file.file.slice(0, limit) : file.file).arrayBuffer());
  } catch (error) {
    return { error: `“${file.name}” could not be read: ${(error as Error).message}` };
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
        const head = await bytesOf(file, /\.(txt|tsv)$/i.test(file.name) ? SNIFF_BYTES.txt : SNIFF_BYTES.json);
        const decoded = head instanceof Uint8Array ? decodeDatasetBytes(file.name, head) : null;
        if (decoded?.ok && looksLikeDataset(file.name, decoded.file.contents)) result.push(file);
      }
    }
    return result;
  }

  /** Reads the files and shows the dataset dialog with what was read. */
  async stage(files: readonly WorkerInputFile[], format: FormatName | null = null): Promise<void> {
    const read: OutputFile[] = [];
    const unreadable: DatasetDraft['unreadable'] = [];
    const decodingNotes: FormatNote[] = [];
    for (const file of files) {
      if (!READABLE_NAME.test(file.name) && files.length > 1) {
        unreadable.push({ name: file.name, message: 'not a dataset file; skipped' });
        continue;
      }
      const bytes = await bytesOf(file);
      if (!(bytes instanceof Uint8Array)) {
        unreadable.push({ name: file.name, message: bytes.error });
        continue;
      }
      const decoded = decodeDatasetBytes(file.name, bytes);
      if (!decoded.ok) unreadable.push({ name: file.name, message: decoded.message });
      else {
        read.push(decoded.file);
        if (decoded.note) decodingNotes.push(decoded.note);
      }
    }
    read.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const outcome = read.length ? readDataset(read, format ?? undefined) : ({ ok: false, format: null, problems: unreadable.map((u) => `${u.name}: ${u.message}`) } as const);
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
        name: freeName(outcome.ok ? outcome.dataset.suggestedName : 'Imported dataset', names),
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
    if (!draft.outcome.ok) return [];
    return [...draft.unreadable.map((u) => `${u.name} — skipped: ${u.message}`), ...draft.decodingNotes.map(noteLine), ...draft.outcome.dataset.notes.map(noteLine)];
  }

  /** Imports the staged dataset into a new corpus: every record written at once, then the corpus is opened. */
  async importAsNew(): Promise<boolean> {
    const draft = this.draft;
    if (!draft?.outcome.ok || draft.busy) return false;
    const name = draft.name.trim();
    if (!name) {
      this.app.notify('error', 'Give the new corpus a name.');
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
      if (!(await this.corpora.add(records))) throw new Error('the written corpus could not be read back');
      this.app.ui.update({ datasetDraft: null, corpora: null });
      const lines = this.reportDetails(draft);
      this.app.notify(
        'info',
        `Imported ${records.documents.length} document${records.documents.length === 1 ? '' : 's'} and ${records.spans.length} span${records.spans.length === 1 ? '' : 's'} (${dataset.format}) into the new corpus “${name}”.${lines.length ? ` ${lines.length} line${lines.length === 1 ? ' was' : 's were'} skipped or repaired:` : ''}`,
        lines,
      );
      return true;
    } catch (error) {
      this.update({ busy: false });
      this.app.notify('error', `The dataset could not be imported: ${(error as Error).message}. Nothing was changed.`);
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
    let summary = '';
    const tx = await this.app.run((state, ctx) => {
      const plan = planMerge(state, dataset.state, draft.choices);
      const spans = plan.spansOfNewDocuments + (draft.choices.newSpans === 'take-incoming' ? plan.newSpans.length : 0) + (draft.choices.conflicts === 'keep-existing' ? 0 : plan.conflicts.length - (draft.choices.conflicts === 'keep-both' ? plan.notKeptBoth.length : 0));
      summary = `${plan.newDocuments.length} new document${plan.newDocuments.length === 1 ? '' : 's'}, ${spans} span${spans === 1 ? '' : 's'} added`;
      const merged = mergeTransaction(state, dataset.state, plan, ctx, `Merge “${fileName}”`);
      return merged ? { ok: true, tx: merged } : { ok: false, error: `Nothing to merge: everything in “${fileName}” is already in the corpus (or left out by your choices).` };
    });
    if (!tx) {
      this.update({ busy: false });
      return false;
    }
    this.app.ui.update({ datasetDraft: null });
    const lines = this.reportDetails(draft);
    this.app.notify('info', `Merged “${fileName}” into “${this.app.corpus.state.corpus.name}”: ${summary}. Undo takes the whole merge back.${lines.length ? ` ${lines.length} line${lines.length === 1 ? ' was' : 's were'} skipped or repaired:` : ''}`, lines);
    if (tx.docId) await this.app.openDocument(tx.docId);
    return true;
  }
}
