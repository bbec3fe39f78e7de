/**
 * Drawn over the article: the caret (the article is not editable, so the browser draws
 * none), handles on the focused span's edges that can be dragged to resize it (snapped by
 * the user's mode), and a polite live region saying what the keyboard selected. Positions
 * come from the logical offsets in the UI store; nothing here computes an offset from the
 * screen except the drag, through `offsetAtPoint`.
 *
 * The caret and handles are placed inside the article's scrolling pane, in its content
 * coordinates, so they scroll with the text without being measured again. They are measured
 * (a forced layout) only when what they mark moves: the caret, the focused span, a drag,
 * another document, or a change of the pane's, header's or article's size (a window or font
 * change, a header that wraps, a chunk of text laid out for the first time). A span edit
 * elsewhere or a scroll measures nothing.
 *
 * The caret is a canvas that blinks by drawing (caret-blink.ts): a CSS animation restyled the
 * document in every frame, and in Chromium each restyle repaints every highlighted line.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { snapEdge, type SpanEdge } from '../../shared/text/span-edges';
import { wordSegments } from '../../shared/text/words';
import { useApp, useCorpusValue, useT, useUiValue } from '../app/hooks';
import { CaretCanvas, prefersReducedMotion, watchColourScheme } from '../editor/caret-blink';
import { caretBox, caretEdge, edgeBox, type CaretBox } from '../editor/caret-geometry';
import { offsetAtPoint, selectOffsets } from '../editor/dom-offsets';
import type { Translate } from '../../shared/i18n/i18n';

const ANNOUNCE_LIMIT = 120;
/** The caret's width in CSS pixels. */
const CARET_WIDTH = 2;

interface Drag {
  spanId: string;
  edge: SpanEdge;
  start: number;
  end: number;
}

/**
 * Counts changes of the size of `pane`, of its header and of its article (observed once the
 * pane is known), and the fonts becoming ready: each may move the text under the caret.
 */
function useLayoutTick(pane: HTMLElement | null, article: HTMLElement | null): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = (): void => setTick((t) => t + 1);
    void document.fonts?.ready.then(bump);
    if (!pane || typeof ResizeObserver !== 'function') return;
    let first = true;
    const observer = new ResizeObserver(() => {
      // (The first report only says what the sizes are.)
      if (first) first = false;
      else bump();
    });
    for (const element of [pane, pane.querySelector(':scope > .article-header'), article]) if (element) observer.observe(element);
    return () => observer.disconnect();
  }, [pane, article]);
  return tick;
}

/** `box` (in viewport coordinates) in the content coordinates of the scrolling `pane`. */
function inPane(box: CaretBox | null, pane: HTMLElement, paneBox: DOMRect): CaretBox | null {
  return box && { left: box.left - paneBox.left - pane.clientLeft + pane.scrollLeft, top: box.top - paneBox.top - pane.clientTop + pane.scrollTop, height: box.height };
}

/** Whether keyboard focus is in the article (the caret blinks only then). */
function useArticleFocused(article: () => HTMLElement | null): boolean {
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    const update = (): void => setFocused(!!article()?.contains(document.activeElement));
    document.addEventListener('focusin', update);
    document.addEventListener('focusout', update);
    update();
    return () => {
      document.removeEventListener('focusin', update);
      document.removeEventListener('focusout', update);
    };
  }, [article]);
  return focused;
}

/** The caret, the span handles and the selection announcement. */
export function CaretLayer(): React.JSX.Element | null {
  const app = useApp();
  const t = useT();
  const caret = useUiValue('caret');
  const focusedSpanId = useUiValue('focusedSpanId');
  const openDocId = useUiValue('openDocId');
  const view = useUiValue('view');
  const snapMode = useUiValue('snapMode');
  // The document and the focused span: the same records across edits of other spans.
  const doc = useCorpusValue((state) => (openDocId ? state.documents.get(openDocId) : undefined));
  const span = useCorpusValue((state) => (focusedSpanId ? state.spans.get(focusedSpanId) : undefined));
  // The article's scrolling pane, where the caret and handles are drawn; found once the article is.
  const [where, setWhere] = useState<{ pane: HTMLElement; article: HTMLElement } | null>(null);
  useLayoutEffect(() => {
    const root = app.article;
    const pane = doc && view === 'article' ? root?.parentElement : null;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setWhere((before) => (root && pane ? (before?.pane === pane && before.article === root ? before : { pane, article: root }) : null));
  }, [app, doc, view]);
  const tick = useLayoutTick(where?.pane ?? null, where?.article ?? null);
  const article = useCallback(() => app.article, [app]);
  const articleFocused = useArticleFocused(article);
  const [boxes, setBoxes] = useState<{ caret: CaretBox | null; start: CaretBox | null; end: CaretBox | null }>({ caret: null, start: null, end: null });
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);

  // What the marks stand on, as values: an edit that moves nothing (a relabel, a span added
  // elsewhere, the caret set again where it was) measures nothing, since measuring right after
  // a commit forces the layout of the whole window.
  const edges = drag ?? (span && doc && span.docId === doc.id ? span : null);
  const [edgeStart, edgeEnd] = edges ? [edges.start, edges.end] : [null, null];
  const [anchor, focus] = caret ? [caret.anchor, caret.focus] : [null, null];
  const text = doc?.text;
  // Measuring the laid-out text after the article has committed, before paint: the documented
  // use of a layout effect that sets state (tooltips and carets cannot be measured in render).
  useLayoutEffect(() => {
    const marked = edgeStart !== null && edgeEnd !== null ? { start: edgeStart, end: edgeEnd } : null;
    if (!where || text === undefined || view !== 'article' || (focus === null && !marked)) {
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setBoxes((before) => (before.caret || before.start || before.end ? { caret: null, start: null, end: null } : before));
      return;
    }
    const { pane, article: root } = where;
    const paneBox = pane.getBoundingClientRect();
    // The handles beside the span's own text; the caret beside the text it ends, if any.
    const caretSide = focus !== null ? caretEdge({ anchor: anchor ?? focus, focus }, marked) : null;
    setBoxes({
      caret: focus !== null ? inPane(caretSide ? edgeBox(root, focus, caretSide) : caretBox(root, focus), pane, paneBox) : null,
      start: marked ? inPane(edgeBox(root, marked.start, 'start'), pane, paneBox) : null,
      end: marked ? inPane(edgeBox(root, marked.end, 'end'), pane, paneBox) : null,
    });
  }, [where, text, view, anchor, focus, edgeStart, edgeEnd, tick]);

  // The caret's blink: a new period whenever it moves, is resized, gets or loses focus.
  const [caretPainter] = useState(() => new CaretCanvas());
  useEffect(() => {
    const stopWatching = watchColourScheme(() => caretPainter.colourChanged());
    return () => {
      stopWatching();
      caretPainter.blink.stop();
    };
  }, [caretPainter]);
  const attachCaret = useCallback((canvas: HTMLCanvasElement | null) => caretPainter.attach(canvas), [caretPainter]);
  const shownCaret = drag ? null : boxes.caret;
  // The canvas in device pixels (setting its size clears it, so a new size is drawn again).
  const pixelWidth = Math.max(1, Math.round(CARET_WIDTH * devicePixelRatio));
  const pixelHeight = shownCaret ? Math.max(1, Math.round(shownCaret.height * devicePixelRatio)) : 0;
  useLayoutEffect(() => {
    if (shownCaret) caretPainter.blink.restart(articleFocused && !prefersReducedMotion());
    else caretPainter.blink.stop();
  }, [caretPainter, shownCaret, articleFocused, pixelWidth, pixelHeight]);

  useEffect(() => {
    if (!drag) return;
    const root = app.article;
    const text = doc?.text;
    const onMove = (event: PointerEvent): void => {
      const current = dragRef.current;
      if (!root || text === undefined || !current) return;
      const offset = offsetAtPoint(root, event.clientX, event.clientY);
      if (offset === null) return;
      const edge = snapEdge(text, offset, current.edge, snapMode);
      const next = current.edge === 'start' ? { ...current, start: edge } : { ...current, end: edge };
      if (next.start >= next.end) return;
      dragRef.current = next;
      setDrag(next);
      selectOffsets(root, next.start, next.end);
    };
    const onUp = (): void => {
      const done = dragRef.current;
      dragRef.current = null;
      setDrag(null);
      const original = done ? app.corpus.state.spans.get(done.spanId) : undefined;
      if (done && original && (done.start !== original.start || done.end !== original.end)) void app.spans.resize(done.spanId, done.start, done.end);
      else if (original) app.caret.set(original.start, original.start, 'keyboard', false);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp, { once: true });
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
    };
  }, [drag !== null, app, doc, snapMode]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!doc || view !== 'article') return null;

  const startDrag = (edge: SpanEdge) => (event: React.PointerEvent): void => {
    if (!span || event.button !== 0) return;
    event.preventDefault();
    const next = { spanId: span.id, edge, start: span.start, end: span.end };
    dragRef.current = next;
    setDrag(next);
  };

  const announcement = caret && caret.source === 'keyboard' ? describe(doc.text, caret.anchor, caret.focus, t) : '';
  const handle = (edge: SpanEdge, box: CaretBox | null): React.JSX.Element | null =>
    box && (span || drag) ? (
      <div
        className={`span-handle span-handle-${edge}${drag?.edge === edge ? ' dragging' : ''}`}
        style={{ left: box.left - 3, top: box.top, height: box.height }}
        title={t(edge === 'start' ? 'caret.handle.start' : 'caret.handle.end')}
        aria-hidden="true"
        data-edge={edge}
        onPointerDown={startDrag(edge)}
      />
    ) : null;

  const marks = (
    <>
      {shownCaret ? (
        <canvas
          ref={attachCaret}
          className={articleFocused ? 'text-caret active' : 'text-caret'}
          width={pixelWidth}
          height={pixelHeight}
          style={{ left: shownCaret.left - CARET_WIDTH / 2, top: shownCaret.top, width: CARET_WIDTH, height: shownCaret.height }}
          aria-hidden="true"
          data-testid="text-caret"
        />
      ) : null}
      {handle('start', boxes.start)}
      {handle('end', boxes.end)}
    </>
  );
  return (
    <>
      {where ? createPortal(marks, where.pane) : null}
      {/* (Outside the article's pane: the pane's own status is its search matches.) */}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

/** What a screen reader hears after a caret key: the selection, or the word at the caret. */
function describe(text: string, anchor: number, focus: number, t: Translate): string {
  if (anchor !== focus) {
    const quote = text.slice(Math.min(anchor, focus), Math.max(anchor, focus));
    return t('caret.selected', { quote: quote.length > ANNOUNCE_LIMIT ? `${quote.slice(0, ANNOUNCE_LIMIT)}…` : quote });
  }
  const word = wordSegments(text, Math.max(0, focus - 1), focus + 1).find((s) => s.isWord && s.start <= focus && focus <= s.end);
  return word ? t('caret.at', { word: text.slice(word.start, word.end) }) : '';
}
