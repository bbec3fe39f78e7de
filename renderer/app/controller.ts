/**
 * The application controller: owns the database, the corpus and UI stores and the host
 * platform, and implements every user action as a method. The action registry, the menu,
 * the toolbar and the keyboard all call these methods; React only renders.
 */
import type { CommandContext } from '../../shared/model/commands';
import { addSpan, addSpans, relabelSpan, removeSpan, setDocumentStatus, updateDocumentDetails } from '../../shared/model/commands';
import type { Suggestion } from '../../shared/attribution/suggest';
import { visibleSuggestions } from '../state/suggestions';
import { DEFAULT_IMPORT_SETTINGS, type ImportReport } from '../../shared/model/import';
import { transaction } from '../../shared/model/transaction';
import {
  addAttribution,
  addSource,
  addSources,
  deleteSource,
  mergeSources,
  removeAttribution,
  setAttributeValues,
  setPublisher,
  spanUsage,
  updateAttribution,
  updateSource,
  type AttributionFields,
  type SourceFields,
} from '../../shared/model/attribution-commands';
import { buildSampleCorpus } from '../../shared/model/sample-corpus';
import { findLabel, labelDisplayName } from '../../shared/model/schema';
import { createCorpusState, documentsInOrder, spansOfDocument } from '../../shared/model/state';
import type { DocumentStatus, EditableDocumentFields, ImportSettings } from '../../shared/model/types';
import type { TextEncodingName } from '../../shared/text/decode';
import { ImportSession, type ImportResult, type WorkerLike } from '../import/import-session';
import type { WorkerInputFile } from '../import/protocol';
import type { DatasetExportRequest } from './dataset-export';
import { runExport } from '../export/run-export';
import { nextWordEdge, snapSelection } from '../../shared/text/words';
import { splitParagraphs } from '../../shared/text/paragraphs';
import { IsnadDatabase, readCorpus, readHistory, readSetting, writeRecords, writeSetting, writeTransaction } from '../db/db';
import type { HostPlatform } from '../platform/host';
import { CorpusStore } from '../state/corpus-store';
import { UiStore, type SearchState } from '../state/ui-store';
import { readSelection, selectOffsets } from '../editor/dom-offsets';

const OPEN_CORPUS_KEY = 'openCorpusId';
const OPEN_DOCUMENT_KEY = 'openDocumentId';

function defaultContext(): CommandContext {
  return { newId: () => crypto.randomUUID(), now: () => new Date().toISOString(), annotator: 'local' };
}

const IMPORTED_LINES = 30;
const REPORT_LINES = 300;

/** Summarises an import report in one sentence plus one line per file worth mentioning. */
export function describeImport(report: ImportReport): { text: string; details: string[]; tone: 'info' | 'error' } {
  const parts: string[] = [];
  const n = report.imported.length;
  parts.push(n ? `Imported ${n} document${n === 1 ? '' : 's'}.` : 'Nothing was imported.');
  if (report.duplicates.length) parts.push(`Skipped ${report.duplicates.length} already in the corpus.`);
  if (report.refused.length) parts.push(`Refused ${report.refused.length} file${report.refused.length === 1 ? '' : 's'}.`);
  if (report.problems.length) parts.push(`Skipped ${report.problems.length} record${report.problems.length === 1 ? '' : 's'} inside files.`);
  const lines = [
    ...report.refused.map((r) => r.message),
    ...report.problems.map((p) => `${p.fileName}, ${p.message}`),
    ...report.duplicates.map((d) => `${d.fileName}: same text as “${d.existingTitle}”, skipped.`),
  ];
  // Every refusal and problem is listed; imported files only while the list stays readable.
  if (report.imported.length <= IMPORTED_LINES) lines.push(...report.imported.map((i) => `${i.fileName}: ${i.detail}`));
  const details = lines.length > REPORT_LINES ? [...lines.slice(0, REPORT_LINES), `…and ${lines.length - REPORT_LINES} more lines (the full report is kept with the import).`] : lines;
  return { text: parts.join(' '), details, tone: report.refused.length && !n ? 'error' : 'info' };
}

/** The running application. */
export class IsnadApp {
  readonly ui = new UiStore();
  private article: HTMLElement | null = null;

  private constructor(
    readonly db: IsnadDatabase,
    readonly corpus: CorpusStore,
    readonly platform: HostPlatform,
  ) {}

  /** Opens the database, loads the last corpus or creates the sample corpus, restores the open document. */
  static async start(platform: HostPlatform, db = new IsnadDatabase(), context = defaultContext()): Promise<IsnadApp> {
    await db.open();
    let corpusId = await readSetting<string | null>(db, OPEN_CORPUS_KEY, null);
    let records = corpusId ? await readCorpus(db, corpusId) : null;
    if (!records) {
      const first = await db.corpora.toCollection().first();
      records = first ? await readCorpus(db, first.id) : null;
    }
    if (!records) {
      records = buildSampleCorpus(context);
      await writeRecords(db, records);
    }
    corpusId = records.corpus.id;
    await writeSetting(db, OPEN_CORPUS_KEY, corpusId);
    const state = createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions);
    const history = await readHistory(db, corpusId);
    const store = new CorpusStore(state, { write: (tx, change) => writeTransaction(db, tx, change) }, context, history);
    const app = new IsnadApp(db, store, platform);
    const lastDoc = await readSetting<string | null>(db, OPEN_DOCUMENT_KEY, null);
    const openDocId = lastDoc && state.documents.has(lastDoc) ? lastDoc : (documentsInOrder(state)[0]?.id ?? null);
    if (openDocId) await app.openDocument(openDocId);
    return app;
  }

  /** The article element, registered by the article view, for selection mapping. */
  attachArticle(element: HTMLElement | null): void {
    this.article = element;
  }

  private notify(tone: 'info' | 'error', text: string, details?: string[]): void {
    this.ui.update({ notice: { tone, text, ...(details?.length ? { details } : {}) } });
  }

  /** Shows a document. */
  async openDocument(docId: string): Promise<void> {
    if (!this.corpus.state.documents.has(docId)) return;
    this.ui.update({ openDocId: docId, focusedSpanId: null, focusedSuggestionId: null, view: 'article' });
    await writeSetting(this.db, OPEN_DOCUMENT_KEY, docId);
    if (!this.ui.state.rejectedSuggestions[docId]) {
      const rejected = await readSetting<string[]>(this.db, `rejectedSuggestions:${docId}`, []);
      if (rejected.length) this.ui.update({ rejectedSuggestions: { ...this.ui.state.rejectedSuggestions, [docId]: rejected } });
    }
  }

  /** Import settings of the open corpus (field mapping, collapsing repeats). */
  get importSettings(): ImportSettings {
    return this.corpus.state.corpus.importSettings ?? DEFAULT_IMPORT_SETTINGS;
  }

  /** File → Open: the host's chooser, then the import dialog. */
  async openFiles(): Promise<void> {
    const files = await this.platform.pickArticleFiles();
    if (files.length) this.stageImport(files);
  }

  /** File → Open folder: the whole tree, non-articles skipped and reported. */
  async openFolder(): Promise<void> {
    const folder = await this.platform.pickArticleFolder();
    if (!folder) return;
    if (!folder.files.length) {
      this.notify('error', `The folder has no article files (${folder.skipped.length} skipped).`, folder.skipped.map((s) => `${s.name}: skipped, ${s.reason}`));
      return;
    }
    this.stageImport(folder.files, folder.skipped);
  }

  /** Shows the import dialog for chosen or dropped files. */
  stageImport(files: WorkerInputFile[], skipped: Array<{ name: string; reason: string }> = []): void {
    if (this.ui.state.importProgress) {
      this.notify('error', 'An import is already running; wait for it or cancel it first.');
      return;
    }
    this.ui.update({ importDraft: { files, encodings: {}, skipped } });
  }

  /** Sets (or clears, with null) the encoding override of one staged file. */
  setStagedEncoding(fileName: string, encoding: TextEncodingName | null): void {
    const draft = this.ui.state.importDraft;
    if (!draft) return;
    const encodings = { ...draft.encodings };
    if (encoding) encodings[fileName] = encoding;
    else delete encodings[fileName];
    this.ui.update({ importDraft: { ...draft, encodings } });
  }

  /** Closes the import dialog without importing. */
  discardImport(): void {
    this.ui.update({ importDraft: null });
  }

  /** Saves the corpus's import settings (remembered per corpus; not an undoable edit). */
  async saveImportSettings(settings: ImportSettings): Promise<void> {
    const corpus = this.corpus.state.corpus;
    await this.corpus.dispatch(transaction([{ table: 'corpora', id: corpus.id, before: corpus, after: { ...corpus, importSettings: settings } }], { origin: 'load', description: 'Save import settings' }));
  }

  private session: ImportSession | null = null;

  /** Runs the staged import with the given settings; resolves with the report when it ends. */
  async runImport(settings: ImportSettings = this.importSettings, createWorker?: () => WorkerLike): Promise<ImportResult | null> {
    const draft = this.ui.state.importDraft;
    if (!draft || this.session) return null;
    if (JSON.stringify(settings) !== JSON.stringify(this.importSettings)) await this.saveImportSettings(settings);
    const files: WorkerInputFile[] = [...draft.files, ...draft.skipped.map((s) => ({ name: s.name, error: `“${s.name}” skipped: ${s.reason}.` }))];
    const session = new ImportSession(
      this.corpus,
      files,
      { fieldMapping: settings.fieldMapping, collapseRepeatedParagraphs: settings.collapseRepeatedParagraphs, encodings: draft.encodings },
      (importProgress) => this.ui.update({ importProgress }),
      createWorker,
    );
    this.session = session;
    this.ui.update({ importDraft: null, importProgress: { total: files.length, done: 0, current: files[0]?.name ?? null, cancelling: false } });
    try {
      const result = await session.start();
      const summary = describeImport(result.report);
      const text = result.cancelled ? `Import cancelled: ${result.notProcessed} file${result.notProcessed === 1 ? ' was' : 's were'} not imported. ${summary.text}` : summary.text;
      this.ui.update({ importReport: result.report });
      this.notify(summary.tone, text, summary.details);
      const first = result.report.imported[0];
      if (first) await this.openDocument(first.docId);
      return result;
    } catch (error) {
      this.notify('error', `The import stopped: ${(error as Error).message}. Documents written before the error are kept whole; nothing is half-imported.`);
      return null;
    } finally {
      this.session = null;
      this.ui.update({ importProgress: null });
    }
  }

  /** Cancels the running import. */
  cancelImport(): void {
    this.session?.cancel();
  }

  /** Edits a document's title, outlet, URL or date. */
  async updateDetails(docId: string, fields: Partial<EditableDocumentFields>): Promise<boolean> {
    return (await this.run((state) => updateDocumentDetails(state, { docId, fields }))) !== null;
  }

  /** Adds a registry source; resolves with its id. */
  async addSource(fields: SourceFields): Promise<string | null> {
    const tx = await this.run((state, ctx) => addSource(state, fields, ctx));
    return tx?.changes[0]?.id ?? null;
  }

  /** Adds several registry sources in one undoable step; resolves with how many were added. */
  async addSources(list: SourceFields[]): Promise<number> {
    const tx = await this.run((state, ctx) => addSources(state, list, ctx));
    return tx?.changes.length ?? 0;
  }

  /** Edits a registry source. */
  async updateSource(sourceId: string, fields: SourceFields): Promise<boolean> {
    return (await this.run((state) => updateSource(state, { sourceId, fields }))) !== null;
  }

  /** Deletes a registry source (refused, with the reason, while anything points at it). */
  async deleteSource(sourceId: string): Promise<boolean> {
    return (await this.run((state) => deleteSource(state, { sourceId }))) !== null;
  }

  /** Merges one source into another; every link follows. */
  async mergeSources(keepId: string, mergeId: string): Promise<boolean> {
    return (await this.run((state) => mergeSources(state, { keepId, mergeId }))) !== null;
  }

  /** Attributes a claim; resolves with the attribution id. */
  async attribute(fields: AttributionFields): Promise<string | null> {
    const tx = await this.run((state, ctx) => addAttribution(state, fields, ctx));
    return tx?.changes[0]?.id ?? null;
  }

  /** Changes an attribution (undefined keeps a field, null clears it). */
  async updateAttribution(attributionId: string, patch: Parameters<typeof updateAttribution>[1]['patch']): Promise<boolean> {
    return (await this.run((state) => updateAttribution(state, { attributionId, patch }))) !== null;
  }

  /** Removes an attribution (chains through it are cut). */
  async removeAttribution(attributionId: string): Promise<boolean> {
    return (await this.run((state) => removeAttribution(state, { attributionId }))) !== null;
  }

  /** Replaces the attribute values of the corpus's schema (undoable). */
  async setAttributeValues(values: { quotation: string[]; stance: string[]; claimType: string[] }): Promise<boolean> {
    return (await this.run((state) => setAttributeValues(state, values))) !== null;
  }

  /** Sets or clears a document's publisher. */
  async setPublisher(docId: string, sourceId: string | null): Promise<boolean> {
    return (await this.run((state) => setPublisher(state, { docId, sourceId }))) !== null;
  }

  /** Opens the attribute palette for a claim span. */
  openPalette(claimSpanId: string): void {
    const span = this.corpus.state.spans.get(claimSpanId);
    if (!span || span.label !== 'CLAIM') return;
    this.ui.update({ palette: { claimSpanId }, focusedSpanId: claimSpanId });
  }

  /** Closes the attribute palette. */
  closePalette(): void {
    this.ui.update({ palette: null });
  }

  /** Key A: attribute the focused claim (or the claim around the focused span). */
  attributeFocused(): void {
    const focused = this.ui.state.focusedSpanId ? this.corpus.state.spans.get(this.ui.state.focusedSpanId) : undefined;
    if (!focused) {
      this.notify('info', 'Focus a CLAIM span first (Tab moves between spans), then press A.');
      return;
    }
    const claim =
      focused.label === 'CLAIM'
        ? focused
        : spansOfDocument(this.corpus.state, focused.docId).find((s) => s.label === 'CLAIM' && s.start <= focused.start && focused.end <= s.end);
    if (!claim) {
      this.notify('info', `The focused span is ${focused.label}, not a claim: focus a CLAIM span, then press A.`);
      return;
    }
    this.openPalette(claim.id);
  }

  /** G: shows or hides suggestions in the open document. */
  toggleSuggestions(): void {
    this.ui.update({ suggestionsOn: !this.ui.state.suggestionsOn, focusedSuggestionId: null });
  }

  /** The suggestions currently visible in the open document. */
  currentSuggestions(): Suggestion[] {
    const docId = this.ui.state.openDocId;
    if (!docId || !this.ui.state.suggestionsOn) return [];
    return visibleSuggestions(this.corpus.state, docId, this.ui.state.rejectedSuggestions[docId] ?? []).suggestions;
  }

  /** . and , : the next or previous suggestion. Returns false when there is none. */
  focusNextSuggestion(direction: 1 | -1): boolean {
    const list = this.currentSuggestions();
    if (!list.length) return false;
    const index = list.findIndex((s) => s.id === this.ui.state.focusedSuggestionId);
    const next = index < 0 ? (direction === 1 ? 0 : list.length - 1) : (index + direction + list.length) % list.length;
    this.ui.update({ focusedSuggestionId: list[next]!.id });
    return true;
  }

  /** Accepts suggestions (the focused one by default): they become spans, in one undoable step. */
  async acceptSuggestions(ids?: readonly string[]): Promise<void> {
    const docId = this.ui.state.openDocId;
    const list = this.currentSuggestions();
    const chosen = ids ? list.filter((s) => ids.includes(s.id)) : list.filter((s) => s.id === this.ui.state.focusedSuggestionId);
    if (!docId || !chosen.length) return;
    const next = list[list.findIndex((s) => s.id === chosen.at(-1)!.id) + 1];
    const tx = await this.run((state, ctx) =>
      addSpans(state, { docId, spans: chosen.map((s) => ({ start: s.start, end: s.end, label: s.label })), description: chosen.length === 1 ? `Accept ${chosen[0]!.label} suggestion` : `Accept ${chosen.length} suggestions` }, ctx),
    );
    if (tx) this.ui.update({ focusedSuggestionId: next && !chosen.includes(next) ? next.id : null });
  }

  /** Accepts every visible suggestion of the open document. */
  async acceptAllSuggestions(): Promise<void> {
    await this.acceptSuggestions(this.currentSuggestions().map((s) => s.id));
  }

  /** Rejects a suggestion (the focused one by default); it is not proposed again in this document. */
  rejectSuggestion(id = this.ui.state.focusedSuggestionId): void {
    const docId = this.ui.state.openDocId;
    if (!docId || !id) return;
    const list = this.currentSuggestions();
    const next = list[list.findIndex((s) => s.id === id) + 1];
    const rejected = { ...this.ui.state.rejectedSuggestions, [docId]: [...(this.ui.state.rejectedSuggestions[docId] ?? []), id] };
    this.ui.update({ rejectedSuggestions: rejected, focusedSuggestionId: next?.id ?? null });
    void writeSetting(this.db, `rejectedSuggestions:${docId}`, rejected[docId]);
  }

  /** Shows the article view or the corpus sources view. */
  showView(view: 'article' | 'sources'): void {
    this.ui.update({ view });
  }

  /** Changes the search query or list filters. */
  setSearch(patch: Partial<SearchState>): void {
    this.ui.update({ search: { ...this.ui.state.search, ...patch } });
  }

  /**
   * Exports the corpus in the native format, in the export worker (progress and Cancel in
   * the UI); every span is verified before anything is saved.
   */
  async exportCorpus(): Promise<void> {
    await runExport({ ui: this.ui, platform: this.platform, notify: (tone, text, details) => this.notify(tone, text, details) }, this.corpus.state, { kind: 'corpus' });
  }

  /** Exports a dataset as the export dialog asks, in the export worker (verified by the format's exporter before saving). */
  async exportDataset(request: DatasetExportRequest): Promise<boolean> {
    const saved = await runExport({ ui: this.ui, platform: this.platform, notify: (tone, text, details) => this.notify(tone, text, details) }, this.corpus.state, { kind: 'dataset', request });
    if (saved) this.ui.update({ exportOpen: false });
    return saved;
  }

  /** The current selection in the open article, snapped to words (clitic-aware), or null. */
  private snappedSelection(): { docId: string; start: number; end: number } | null {
    const docId = this.ui.state.openDocId;
    const doc = docId ? this.corpus.state.documents.get(docId) : undefined;
    if (!doc || !this.article) return null;
    const selection = readSelection(this.article);
    if (!selection || selection.anchor === selection.focus) return null;
    const snapped = snapSelection(doc.text, selection.anchor, selection.focus, 'word');
    return snapped ? { docId: doc.id, ...snapped } : null;
  }

  /**
   * A label key or button: turns the selection into a span with that label, or, with no
   * selection, relabels the focused span.
   */
  async applyLabel(labelId: string): Promise<void> {
    const label = findLabel(this.corpus.state.corpus.schema, labelId);
    if (!label) return;
    const selection = this.snappedSelection();
    if (selection) {
      const result = await this.run((state, ctx) => addSpan(state, { ...selection, label: label.id }, ctx));
      if (result) {
        this.article?.ownerDocument.getSelection()?.removeAllRanges();
        const span = result.changes.find((c) => c.table === 'spans')?.after;
        this.ui.update({ focusedSpanId: span?.id ?? null });
      }
      return;
    }
    const focused = this.ui.state.focusedSpanId;
    if (focused) {
      await this.run((state) => relabelSpan(state, { spanId: focused, label: label.id }));
      return;
    }
    this.notify('info', `Select some text first, then press ${label.hotkey} to mark it ${labelDisplayName(label)}.`);
  }

  private async run(command: Parameters<CorpusStore['run']>[0]) {
    try {
      const result = await this.corpus.run(command);
      if (!result.ok) {
        this.notify('error', result.error);
        return null;
      }
      this.ui.update({ notice: null });
      return result.tx;
    } catch (error) {
      this.notify('error', `That change could not be saved, so it was not made: ${(error as Error).message}`);
      return null;
    }
  }

  /**
   * Delete: removes the focused span and focuses its neighbour in reading order. A span that
   * attributions use is deleted only after the user agrees; the attributions are repaired in
   * the same undoable step.
   */
  async deleteFocusedSpan(confirm: (question: string) => boolean = (q) => window.confirm(q)): Promise<void> {
    const spanId = this.ui.state.focusedSpanId;
    if (!spanId) return;
    const usage = spanUsage(this.corpus.state, spanId);
    if (usage.claimOf || usage.mentionOrCueOf) {
      const parts = [
        usage.claimOf ? `it is the claim of ${usage.claimOf} attribution${usage.claimOf === 1 ? '' : 's'}, which will be removed` : '',
        usage.mentionOrCueOf ? `${usage.mentionOrCueOf} attribution${usage.mentionOrCueOf === 1 ? '' : 's'} will lose this source mention or cue` : '',
      ].filter(Boolean);
      if (!confirm(`Delete this span? ${parts.join('; ')}. You can undo this.`)) return;
    }
    const span = this.corpus.state.spans.get(spanId);
    const siblings = span ? spansOfDocument(this.corpus.state, span.docId) : [];
    const index = siblings.findIndex((s) => s.id === spanId);
    const tx = await this.run((state) => removeSpan(state, { spanId }));
    if (tx) {
      const next = siblings[index + 1] ?? siblings[index - 1];
      this.ui.update({ focusedSpanId: next && next.id !== spanId ? next.id : null });
    }
  }

  /** Focuses a span (and shows its document). */
  focusSpan(spanId: string | null): void {
    if (spanId === null) {
      this.ui.update({ focusedSpanId: null });
      return;
    }
    const span = this.corpus.state.spans.get(spanId);
    if (!span) return;
    if (span.docId !== this.ui.state.openDocId) void this.openDocument(span.docId);
    this.ui.update({ focusedSpanId: spanId });
  }

  /** Tab / Shift+Tab: the next or previous span of the open document, in reading order. */
  focusNextSpan(direction: 1 | -1): boolean {
    const docId = this.ui.state.openDocId;
    if (!docId) return false;
    const spans = spansOfDocument(this.corpus.state, docId);
    if (!spans.length) return false;
    const index = spans.findIndex((s) => s.id === this.ui.state.focusedSpanId);
    const next = index < 0 ? (direction === 1 ? 0 : spans.length - 1) : index + direction;
    if (next < 0 || next >= spans.length) return false;
    this.ui.update({ focusedSpanId: spans[next]!.id });
    return true;
  }

  /** Focuses the innermost span under a text offset (a click on highlighted text). */
  focusSpanAt(offset: number): void {
    const docId = this.ui.state.openDocId;
    if (!docId) return;
    const under = spansOfDocument(this.corpus.state, docId).filter((s) => s.start <= offset && offset < s.end);
    under.sort((a, b) => a.end - a.start - (b.end - b.start));
    this.ui.update({ focusedSpanId: under[0]?.id ?? null });
  }

  /**
   * Shift+Arrow: extends the selection by one word in reading order (the caller has already
   * mirrored the arrow for right-to-left paragraphs).
   */
  extendSelectionByWord(direction: 'forward' | 'backward'): void {
    const docId = this.ui.state.openDocId;
    const doc = docId ? this.corpus.state.documents.get(docId) : undefined;
    if (!doc || !this.article) return;
    const current = readSelection(this.article) ?? { anchor: 0, focus: 0 };
    const focus = nextWordEdge(doc.text, current.focus, direction);
    selectOffsets(this.article, current.anchor, focus);
  }

  /** The writing direction of the paragraph holding the selection's focus (for arrow mirroring). */
  directionAtSelection(): 'rtl' | 'ltr' {
    const docId = this.ui.state.openDocId;
    const doc = docId ? this.corpus.state.documents.get(docId) : undefined;
    if (!doc || !this.article) return 'rtl';
    const focus = readSelection(this.article)?.focus ?? 0;
    const paragraph = splitParagraphs(doc.text).find((p) => p.start <= focus && focus <= p.end);
    return paragraph?.dir ?? 'rtl';
  }

  /** Sets the open document's status. */
  async setStatus(docId: string, status: DocumentStatus): Promise<void> {
    await this.run((state) => setDocumentStatus(state, { docId, status }));
  }

  /** Undo (across documents: shows the document the change was in). */
  async undo(): Promise<void> {
    try {
      const tx = await this.corpus.undo();
      if (!tx) return this.notify('info', 'Nothing to undo.');
      if (tx.docId && tx.docId !== this.ui.state.openDocId) await this.openDocument(tx.docId);
      this.ui.update({ focusedSpanId: null });
      this.notify('info', `Undid: ${tx.description}.`);
    } catch (error) {
      this.notify('error', `Undo could not be saved: ${(error as Error).message}`);
    }
  }

  /** Redo. */
  async redo(): Promise<void> {
    try {
      const tx = await this.corpus.redo();
      if (!tx) return this.notify('info', 'Nothing to redo.');
      if (tx.docId && tx.docId !== this.ui.state.openDocId) await this.openDocument(tx.docId);
      this.notify('info', `Redid: ${tx.description}.`);
    } catch (error) {
      this.notify('error', `Redo could not be saved: ${(error as Error).message}`);
    }
  }

  /** Escape: clears the selection and the focused span. */
  clearSelection(): void {
    this.article?.ownerDocument.getSelection()?.removeAllRanges();
    this.ui.update({ focusedSpanId: null });
  }
}
