/**
 * The caret and the selection in the open article: keyboard movement in reading order,
 * Escape, the mouse (snapping a dragged selection, double-click on a word) and the user's
 * snapping mode. The selection lives in the UI store as logical offsets; the DOM selection
 * mirrors it so that the browser paints it and copying works, and a selection the user makes
 * with the pointer flows back into the store.
 */
import { moveSelectionByArrow, type Arrow, type CaretUnit } from '../../../shared/text/caret';
import { snapSelection, wordSegments, type SnapMode } from '../../../shared/text/words';
import { readSetting, writeSetting } from '../../db/db';
import { readSelection, selectOffsets, shownOffset } from '../../editor/dom-offsets';
import { scrollOffsetIntoView } from '../../editor/caret-geometry';
import type { CaretState } from '../../state/ui-store';
import type { AppContext } from '../app-context';

/** The settings row holding the snapping mode. */
export const SNAP_MODE_SETTING = 'snapMode';
const SNAP_MODES: readonly SnapMode[] = ['word', 'strict-word', 'grapheme'];

/** Reads the stored snapping mode ('word', clitic-aware, when none or an unknown one is stored). */
export async function readSnapMode(app: Pick<AppContext, 'db'>): Promise<SnapMode> {
  const stored = await readSetting<unknown>(app.db, SNAP_MODE_SETTING, 'word');
  return SNAP_MODES.includes(stored as SnapMode) ? (stored as SnapMode) : 'word';
}

/** Whether `target` is in the article's text or the span list: where the keyboard annotates. */
export function inTextOrSpanList(target: EventTarget | null | undefined): boolean {
  return target instanceof Element && target.closest('.article-text, .spans') !== null;
}

/** A key press as its action will see it: the selection then, and how many pointer changes had happened. */
export interface KeyPress {
  selection: CaretState | null;
  pointerChanges: number;
}

/** The caret and the selection in the open article: keys, pointer, snapping. */
export class CaretActions {
  /**
   * Selection changes made with the pointer (or by the page) so far. Keys run in the order
   * they were pressed, possibly after earlier keys' writes; a selection the mouse makes in
   * the meantime must not be taken by a key pressed before it.
   */
  private pointerChanges = 0;
  /** The selection of the key press whose action is starting, when the pointer changed it since. */
  private pressedSelection: CaretState | null = null;

  constructor(private readonly app: AppContext) {}

  /** What a key press sees: the selection at that moment (taken before its action is queued). */
  pressed(): KeyPress {
    this.syncFromDom();
    return { selection: this.current(), pointerChanges: this.pointerChanges };
  }

  /**
   * Runs the action of a key press. When the pointer changed the selection after the key
   * was pressed (the action waited for earlier ones), the action starts from the selection
   * the key press saw; otherwise from the selection now (which earlier keys' actions may
   * have moved on purpose: "select, 1, 6" relabels the span "1" made).
   */
  runPressed<T>(press: KeyPress, run: () => T): T {
    this.syncFromDom();
    if (press.pointerChanges === this.pointerChanges) return run();
    this.pressedSelection = press.selection ?? { anchor: 0, focus: 0, source: 'keyboard' };
    try {
      return run();
    } finally {
      this.pressedSelection = null;
    }
  }

  private openText(): string | null {
    const { ui, corpus } = this.app;
    if (ui.state.view !== 'article' || !ui.state.openDocId) return null;
    return corpus.state.documents.get(ui.state.openDocId)?.text ?? null;
  }

  /**
   * The selection now: the DOM selection when it lies in the article (it is the newest: a
   * mouse drag updates it first), otherwise the stored one.
   */
  current(): CaretState | null {
    if (this.pressedSelection) return this.pressedSelection;
    const stored = this.app.ui.state.caret;
    const dom = this.app.article ? readSelection(this.app.article) : null;
    if (!dom) return stored;
    if (stored && this.showsAs(stored, dom)) return stored;
    return { ...dom, source: 'pointer' };
  }

  /**
   * Whether the DOM selection `dom` is the stored selection `stored` as the article shows it.
   * A keyboard selection may end where the DOM cannot show it, after the text's last line
   * break; the DOM then holds the nearest paragraph edge, and that is still the keyboard's
   * selection (taking it for a mouse selection snapped it differently: «…». lost its marks).
   */
  private showsAs(stored: { anchor: number; focus: number }, dom: { anchor: number; focus: number }): boolean {
    if (stored.anchor === dom.anchor && stored.focus === dom.focus) return true;
    const article = this.app.article;
    return !!article && shownOffset(article, stored.anchor) === dom.anchor && shownOffset(article, stored.focus) === dom.focus;
  }

  /** Stores a selection and shows it; `scroll` brings the caret into view. */
  set(anchor: number, focus: number, source: CaretState['source'] = 'keyboard', scroll = true): void {
    this.app.ui.update({ caret: { anchor, focus, source } });
    const article = this.app.article;
    if (!article) return;
    selectOffsets(article, anchor, focus);
    if (scroll) scrollOffsetIntoView(article, focus);
  }

  /** Puts keyboard focus in the article (without scrolling), unless it is there or in the span list. */
  focusArticle(): void {
    const article = this.app.article;
    const active = article?.ownerDocument.activeElement;
    if (article && !inTextOrSpanList(active)) article.focus({ preventScroll: true });
  }

  /**
   * An arrow key: moves the caret (or, with `extend`, the selection's focus) by `unit` in
   * reading order, left and right mirrored in right-to-left paragraphs. Extending lets go
   * of the focused span; moving lets go of it once the caret leaves it. False when no
   * article is shown (the key keeps its usual meaning).
   */
  move(arrow: Arrow, unit: CaretUnit, extend: boolean): boolean {
    const text = this.openText();
    if (text === null || !this.app.article) return false;
    this.focusArticle();
    const from = this.current() ?? { anchor: 0, focus: 0 };
    const next = moveSelectionByArrow(text, from, arrow, unit, extend);
    this.set(next.anchor, next.focus, 'keyboard');
    const { ui, corpus } = this.app;
    const focused = ui.state.focusedSpanId ? corpus.state.spans.get(ui.state.focusedSpanId) : undefined;
    if (focused && (extend || next.focus < focused.start || next.focus > focused.end)) ui.update({ focusedSpanId: null });
    return true;
  }

  /** Escape: collapses the selection to the caret and lets go of the focused span; false when there was neither. */
  clear(): boolean {
    const { ui } = this.app;
    const selection = this.current();
    const hadSelection = !!selection && selection.anchor !== selection.focus;
    const hadSpan = ui.state.focusedSpanId !== null;
    if (selection && hadSelection) this.set(selection.focus, selection.focus, 'keyboard', false);
    if (hadSpan) ui.update({ focusedSpanId: null });
    return hadSelection || hadSpan;
  }

  /** A selection change in the page: when it lies in the article and differs from the stored one, store it. */
  syncFromDom(): void {
    const article = this.app.article;
    if (!article || this.openText() === null) return;
    const dom = readSelection(article);
    const stored = this.app.ui.state.caret;
    if (!dom || (stored && this.showsAs(stored, dom))) return;
    this.pointerChanges += 1;
    this.app.ui.update({ caret: { ...dom, source: 'pointer' } });
  }

  /** The end of a mouse drag: snaps the selection by the user's mode, keeping its direction. */
  snapPointerSelection(): void {
    const text = this.openText();
    const article = this.app.article;
    if (text === null || !article) return;
    const dom = readSelection(article);
    if (!dom || dom.anchor === dom.focus) return;
    const snapped = snapSelection(text, dom.anchor, dom.focus, this.app.ui.state.snapMode);
    if (!snapped) return;
    const forward = dom.anchor <= dom.focus;
    this.pointerChanges += 1;
    this.set(forward ? snapped.start : snapped.end, forward ? snapped.end : snapped.start, 'pointer', false);
  }

  /**
   * Double-click: selects the whole word at `offset`, or the word ending there (a click on
   * a word's last letter may land on its edge); nothing between words.
   */
  selectWordAt(offset: number): void {
    const text = this.openText();
    if (text === null) return;
    const words = wordSegments(text, offset - 1, offset + 1).filter((s) => s.isWord);
    const word = words.find((s) => s.start <= offset && offset < s.end) ?? words.find((s) => s.end === offset);
    if (!word) return;
    this.pointerChanges += 1;
    this.set(word.start, word.end, 'pointer', false);
  }

  /** Chooses how mouse selections snap; stored before it takes effect. */
  async setSnapMode(mode: SnapMode): Promise<void> {
    await writeSetting(this.app.db, SNAP_MODE_SETTING, mode);
    this.app.ui.update({ snapMode: mode });
    this.app.settingsSync.announce(SNAP_MODE_SETTING);
  }
}
