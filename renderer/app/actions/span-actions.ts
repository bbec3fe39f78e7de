/**
 * Editing spans in the open article: labelling the selection, relabelling, deleting, moving the
 * span focus, and keyboard selection in reading order.
 */
import { addSpan, relabelSpan, removeSpan } from '../../../shared/model/commands';
import { spanUsage } from '../../../shared/model/attribution-commands';
import { findLabel } from '../../../shared/model/schema';
import { labelName } from '../../i18n/labels';
import { spansOfDocument } from '../../../shared/model/state';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { nextWordEdge, snapSelection } from '../../../shared/text/words';
import { readSelection, selectOffsets } from '../../editor/dom-offsets';
import type { AppContext } from '../app-context';

export class SpanActions {
  constructor(private readonly app: AppContext) {}

  private openDocument() {
    const docId = this.app.ui.state.openDocId;
    return docId ? this.app.corpus.state.documents.get(docId) : undefined;
  }

  /** The current selection in the open article, snapped to words (clitic-aware), and as it was read; or null. */
  private snappedSelection(): { docId: string; start: number; end: number; raw: { anchor: number; focus: number } } | null {
    const doc = this.openDocument();
    const article = this.app.article;
    if (!doc || !article) return null;
    const selection = readSelection(article);
    if (!selection || selection.anchor === selection.focus) return null;
    const snapped = snapSelection(doc.text, selection.anchor, selection.focus, 'word');
    return snapped ? { docId: doc.id, ...snapped, raw: selection } : null;
  }

  /**
   * Clears the selection once its span is stored, unless the user has already selected
   * something else meanwhile (a fast burst of edits: the next selection must survive).
   */
  private clearSelectionIfStill(raw: { anchor: number; focus: number }): void {
    const article = this.app.article;
    if (!article) return;
    const now = readSelection(article);
    if (now && now.anchor === raw.anchor && now.focus === raw.focus) article.ownerDocument.getSelection()?.removeAllRanges();
  }

  /**
   * A label key or button: turns the selection into a span with that label, or, with no
   * selection, relabels the focused span.
   */
  async applyLabel(labelId: string): Promise<void> {
    const { corpus, ui } = this.app;
    const label = findLabel(corpus.state.corpus.schema, labelId);
    if (!label) return;
    const selection = this.snappedSelection();
    if (selection) {
      const { raw, ...range } = selection;
      const result = await this.app.run((state, ctx) => addSpan(state, { ...range, label: label.id }, ctx));
      if (result) {
        this.clearSelectionIfStill(raw);
        const span = result.changes.find((c) => c.table === 'spans')?.after;
        ui.update({ focusedSpanId: span?.id ?? null });
      }
      return;
    }
    const focused = ui.state.focusedSpanId;
    if (focused) {
      await this.app.run((state) => relabelSpan(state, { spanId: focused, label: label.id }));
      return;
    }
    this.app.notify('info', this.app.t('notice.selectFirst', { key: label.hotkey, label: labelName(label, this.app.t) }));
  }

  /**
   * Delete: removes the focused span and focuses its neighbour in reading order. A span that
   * attributions use is deleted only after the user agrees; the attributions are repaired in
   * the same undoable step.
   */
  async deleteFocused(confirm: (question: string) => boolean = (q) => window.confirm(q)): Promise<void> {
    const { corpus, ui } = this.app;
    const spanId = ui.state.focusedSpanId;
    if (!spanId) return;
    const usage = spanUsage(corpus.state, spanId);
    if (usage.claimOf || usage.mentionOrCueOf) {
      const { t } = this.app;
      const parts = [
        usage.claimOf ? t('confirm.deleteSpan.claimOf', { count: usage.claimOf }) : '',
        usage.mentionOrCueOf ? t('confirm.deleteSpan.mentionOf', { count: usage.mentionOrCueOf }) : '',
      ].filter(Boolean);
      if (!confirm(t('confirm.deleteSpan', { reasons: parts.join(t('registry.partSeparator')) }))) return;
    }
    const span = corpus.state.spans.get(spanId);
    const siblings = span ? spansOfDocument(corpus.state, span.docId) : [];
    const index = siblings.findIndex((s) => s.id === spanId);
    const tx = await this.app.run((state) => removeSpan(state, { spanId }));
    if (tx) {
      const next = siblings[index + 1] ?? siblings[index - 1];
      ui.update({ focusedSpanId: next && next.id !== spanId ? next.id : null });
    }
  }

  /** Focuses a span (and shows its document). */
  focus(spanId: string | null): void {
    const { corpus, ui } = this.app;
    if (spanId === null) {
      ui.update({ focusedSpanId: null });
      return;
    }
    const span = corpus.state.spans.get(spanId);
    if (!span) return;
    if (span.docId !== ui.state.openDocId) void this.app.openDocument(span.docId);
    ui.update({ focusedSpanId: spanId });
  }

  /** Tab / Shift+Tab: the next or previous span of the open document, in reading order. */
  focusNext(direction: 1 | -1): boolean {
    const { corpus, ui } = this.app;
    const docId = ui.state.openDocId;
    if (!docId) return false;
    const spans = spansOfDocument(corpus.state, docId);
    if (!spans.length) return false;
    const index = spans.findIndex((s) => s.id === ui.state.focusedSpanId);
    const next = index < 0 ? (direction === 1 ? 0 : spans.length - 1) : index + direction;
    if (next < 0 || next >= spans.length) return false;
    ui.update({ focusedSpanId: spans[next]!.id });
    return true;
  }

  /** Focuses the innermost span under a text offset (a click on highlighted text). */
  focusAt(offset: number): void {
    const { corpus, ui } = this.app;
    const docId = ui.state.openDocId;
    if (!docId) return;
    const under = spansOfDocument(corpus.state, docId).filter((s) => s.start <= offset && offset < s.end);
    under.sort((a, b) => a.end - a.start - (b.end - b.start));
    ui.update({ focusedSpanId: under[0]?.id ?? null });
  }

  /**
   * Shift+Arrow: extends the selection by one word in reading order (the caller has already
   * mirrored the arrow for right-to-left paragraphs).
   */
  extendSelectionByWord(direction: 'forward' | 'backward'): void {
    const doc = this.openDocument();
    const article = this.app.article;
    if (!doc || !article) return;
    const current = readSelection(article) ?? { anchor: 0, focus: 0 };
    const focus = nextWordEdge(doc.text, current.focus, direction);
    selectOffsets(article, current.anchor, focus);
  }

  /** The writing direction of the paragraph holding the selection's focus (for arrow mirroring). */
  directionAtSelection(): 'rtl' | 'ltr' {
    const doc = this.openDocument();
    const article = this.app.article;
    if (!doc || !article) return 'rtl';
    const focus = readSelection(article)?.focus ?? 0;
    const paragraph = splitParagraphs(doc.text).find((p) => p.start <= focus && focus <= p.end);
    return paragraph?.dir ?? 'rtl';
  }

  /** Escape: clears the selection and the focused span. */
  clearSelection(): void {
    this.app.article?.ownerDocument.getSelection()?.removeAllRanges();
    this.app.ui.update({ focusedSpanId: null });
  }
}
