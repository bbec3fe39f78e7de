/**
 * Editing spans in the open article: labelling the selection, relabelling, resizing and
 * deleting the focused span, moving the span focus in reading order, and opening a span
 * (Enter).
 */
import { addSpan, relabelSpan, removeSpan, resizeSpan } from '../../../shared/model/commands';
import { spanUsage } from '../../../shared/model/attribution-commands';
import { adjacentSpan } from '../../../shared/model/navigation';
import { findLabel } from '../../../shared/model/schema';
import { labelName } from '../../i18n/labels';
import { actionKeyInText, keyInText } from '../../i18n/key-names';
import { spansOfDocument } from '../../../shared/model/state';
import { resizeRange, type EdgeChange, type EdgeUnit, type SpanEdge } from '../../../shared/text/span-edges';
import { snapSelection, trimDetachedPunctuation } from '../../../shared/text/words';
import type { AppContext } from '../app-context';
import type { AttributionActions } from './attribution-actions';
import type { CaretActions } from './caret-actions';

export class SpanActions {
  constructor(
    private readonly app: AppContext,
    private readonly caret: CaretActions,
    private readonly attribution: AttributionActions,
  ) {}

  private openDocument() {
    const docId = this.app.ui.state.openDocId;
    return docId ? this.app.corpus.state.documents.get(docId) : undefined;
  }

  /**
   * The current selection in the open article, or null when it is empty: a keyboard
   * selection as it is (grapheme-exact, without spaces and the detached punctuation that
   * word steps pick up between words), a pointer selection snapped by the user's mode;
   * with the caret as it was read (`raw`).
   */
  private snappedSelection(): { docId: string; start: number; end: number; raw: { anchor: number; focus: number } } | null {
    const doc = this.openDocument();
    const selection = this.caret.current();
    if (!doc || !selection || selection.anchor === selection.focus) return null;
    if (selection.source === 'pointer') {
      const snapped = snapSelection(doc.text, selection.anchor, selection.focus, this.app.ui.state.snapMode);
      return snapped ? { docId: doc.id, ...snapped, raw: selection } : null;
    }
    const exact = snapSelection(doc.text, selection.anchor, selection.focus, 'grapheme');
    return exact ? { docId: doc.id, ...trimDetachedPunctuation(doc.text, exact.start, exact.end), raw: selection } : null;
  }

  /**
   * Moves the caret after a span once it is stored, unless the user has already selected
   * something else meanwhile (a fast burst of edits: the next selection must survive).
   */
  private continueAfterIfStill(raw: { anchor: number; focus: number }, end: number): void {
    const now = this.caret.current();
    if (now && now.anchor === raw.anchor && now.focus === raw.focus) this.caret.set(end, end, 'keyboard', false);
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
      // The caret continues after the new span, which takes the focus (relabel, resize, Enter).
      await this.app.run(
        (state, ctx) => addSpan(state, { ...range, label: label.id }, ctx),
        (tx) => {
          this.continueAfterIfStill(raw, range.end);
          const span = tx.changes.find((c) => c.table === 'spans')?.after;
          ui.update({ focusedSpanId: span?.id ?? null });
        },
      );
      return;
    }
    const focused = ui.state.focusedSpanId;
    if (focused) {
      await this.app.run((state) => relabelSpan(state, { spanId: focused, label: label.id }));
      return;
    }
    // The key the user has now (rebound in the settings, or none), not the schema's hotkey.
    const key = this.app.bindings.keysFor(`label.${label.id}`)[0];
    const name = labelName(label, this.app.t);
    this.app.notifyMoment('info', key ? this.app.t('notice.selectFirst', { key: keyInText(key, this.app.t), label: name }) : this.app.t('notice.selectFirst.noKey', { label: name }));
  }

  /**
   * Delete: removes the focused span and focuses its neighbour in reading order. A span that
   * attributions use is deleted only after the user agrees; the attributions are repaired in
   * the same undoable step.
   */
  async deleteFocused(confirm: (question: string) => boolean | Promise<boolean> = (q) => this.app.ask(q, this.app.t('confirm.deleteSpan.yes'))): Promise<void> {
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
      if (!(await confirm(t('confirm.deleteSpan', { reasons: parts.join(t('registry.partSeparator')) })))) return;
      // (The span may have gone meanwhile: another window, or a key queued behind the question.)
      if (!corpus.state.spans.has(spanId)) return;
    }
    const span = corpus.state.spans.get(spanId);
    const siblings = span ? spansOfDocument(corpus.state, span.docId) : [];
    const index = siblings.findIndex((s) => s.id === spanId);
    await this.app.run(
      (state) => removeSpan(state, { spanId }),
      () => {
        const next = siblings[index + 1] ?? siblings[index - 1];
        ui.update({ focusedSpanId: next && next.id !== spanId ? next.id : null });
      },
    );
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

  /**
   * Tab / Shift+Tab: the next or previous span of the open document in reading order
   * (nested spans one after the other); with none focused, the first after the caret. The
   * caret goes to the span's start. False past the last (or first) span, so Tab leaves.
   */
  focusNext(direction: 1 | -1): boolean {
    const { corpus, ui } = this.app;
    const docId = ui.state.openDocId;
    if (!docId) return false;
    const caret = this.caret.current();
    const spans = spansOfDocument(corpus.state, docId);
    const next = adjacentSpan(spans, { focusedId: ui.state.focusedSpanId, caret: caret?.focus ?? 0 }, direction);
    if (!next) return spans.length > 0 && this.stayAtEnd(direction);
    this.endReached = null;
    ui.update({ focusedSpanId: next.id });
    this.caret.set(next.start, next.start, 'keyboard');
    return true;
  }

  /** Where the last Tab or Shift+Tab stopped at the end of the spans (nothing moved since). */
  private endReached: { direction: 1 | -1; focusedId: string | null; caret: number | null } | null = null;

  /**
   * Tab after the last span (Shift+Tab before the first) stays in the text once and says so;
   * pressed again straight away, it leaves the text as Tab does (the key is not kept from the
   * browser, so the keyboard is never trapped). Before, the first press went on to the next
   * control — for Shift+Tab the document's status menu, whose arrow keys then changed the
   * status while the user thought they were still in the text.
   */
  private stayAtEnd(direction: 1 | -1): boolean {
    const here = { direction, focusedId: this.app.ui.state.focusedSpanId, caret: this.caret.current()?.focus ?? null };
    const again = this.endReached !== null && this.endReached.direction === here.direction && this.endReached.focusedId === here.focusedId && this.endReached.caret === here.caret;
    if (again) {
      this.endReached = null;
      return false;
    }
    this.endReached = here;
    const key = actionKeyInText(this.app.bindings.keysFor(direction === 1 ? 'span.next' : 'span.previous'), this.app.t);
    this.app.notifyMoment('info', this.app.t(direction === 1 ? 'notice.lastSpan' : 'notice.firstSpan', { key }));
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

  /** "Focus a span first", naming the key that moves between spans now. */
  private focusSpanFirst(): string {
    return this.app.t('notice.focusSpanFirst', { next: actionKeyInText(this.app.bindings.keysFor('span.next'), this.app.t) });
  }

  /**
   * [ and ] (with Shift to shrink, Alt for characters): moves one edge of the focused span
   * by a word or a grapheme cluster, as one undoable step.
   */
  async resizeFocused(edge: SpanEdge, change: EdgeChange, unit: EdgeUnit): Promise<void> {
    const spanId = this.app.ui.state.focusedSpanId;
    if (!spanId) return this.app.notifyMoment('info', this.focusSpanFirst());
    // Computed inside the command, against the state at its turn in the queue.
    const tx = await this.app.run((state) => {
      const span = state.spans.get(spanId);
      const doc = span && state.documents.get(span.docId);
      if (!span || !doc) return { ok: false, error: this.focusSpanFirst() };
      const next = resizeRange(doc.text, span, edge, change, unit);
      return next ? resizeSpan(state, { spanId, ...next }) : { ok: false, error: this.app.t('notice.cannotResize') };
    });
    const moved = tx?.changes[0]?.after as { start: number; end: number } | undefined;
    if (moved) this.caret.set(edge === 'start' ? moved.start : moved.end, edge === 'start' ? moved.start : moved.end, 'keyboard');
  }

  /** Moves a span's edges (a dragged handle, or a key); the caret follows the moved edge. */
  async resize(spanId: string, start: number, end: number): Promise<boolean> {
    const span = this.app.corpus.state.spans.get(spanId);
    if (!span) return false;
    const tx = await this.app.run((state) => resizeSpan(state, { spanId, start, end }));
    if (!tx) return false;
    const edge = start !== span.start ? start : end;
    this.caret.set(edge, edge, 'keyboard');
    return true;
  }

  /**
   * Enter on the focused span: a claim opens the attribute palette; any other span shows
   * its details in the span panel (label, text, offsets, attributions that use it).
   * False with no focused span.
   */
  openFocused(): boolean {
    const { corpus, ui } = this.app;
    const span = ui.state.focusedSpanId ? corpus.state.spans.get(ui.state.focusedSpanId) : undefined;
    const doc = span ? corpus.state.documents.get(span.docId) : undefined;
    if (!span || !doc) return false;
    if (span.label === 'CLAIM') {
      this.attribution.openPalette(span.id);
      return true;
    }
    const label = findLabel(corpus.state.corpus.schema, span.label);
    const { t, bindings } = this.app;
    const key = (actionId: string): string => actionKeyInText(bindings.keysFor(actionId), t);
    this.app.notifyMoment(
      'info',
      t('notice.spanDetails', {
        label: label ? labelName(label, t) : span.label,
        quote: doc.text.slice(span.start, span.end),
        growStart: key('span.grow-start-word'),
        growEnd: key('span.grow-end-word'),
        delete: key('span.delete'),
      }),
    );
    const details = this.app.article?.ownerDocument.getElementById(FOCUSED_SPAN_DETAILS_ID);
    details?.focus();
    return true;
  }
}

/** The element id of the focused span's details in the span panel (Enter moves focus there). */
export const FOCUSED_SPAN_DETAILS_ID = 'focused-span-details';
