/**
 * Rendering benchmark, page side (`npm run bench -- --suite render`; run.mjs drives it).
 * One page per mode, all in the same browser run:
 * - `plain`: the generated 1 MB Arabic article as plain paragraphs, no highlights (the baseline);
 * - `app`: the real application (IsnadApp with its CorpusStore, UiStore and Dexie database,
 *   the real ArticleView with its caret layer, and the app's action registry for keys) opening the same article
 *   with `spans` spans; `view=window` mounts the whole <App/> window instead (side panels
 *   included), reported as a diagnostic, and `suggestions=1` shows the suggestions there.
 * Each page reports the time to open (laid out, painted, main thread free) and the JS heap;
 * run.mjs then presses keys (add, relabel, delete a span) through this page's hooks and
 * scrolls it from top to bottom.
 */
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import '../../renderer/styles.css';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/schema';
import { sha256Hex } from '../../shared/model/hash';
import type { DocumentRecord, SpanRecord } from '../../shared/model/types';
import { splitParagraphs } from '../../shared/text/paragraphs';
import { App } from '../../renderer/App';
import { IsnadApp } from '../../renderer/app/controller';
import { AppContext, useApp } from '../../renderer/app/hooks';
import { actionForEvent, buildActions } from '../../renderer/commands/actions';
import { ArticleView } from '../../renderer/components/ArticleView';
import { CaretLayer } from '../../renderer/components/CaretLayer';
import { IsnadDatabase, writeRecords } from '../../renderer/db/db';
import { selectOffsets } from '../../renderer/editor/dom-offsets';
import { LAID_OUT_EVENT } from '../../renderer/editor/progressive-layout';
import { browserPlatform } from '../../renderer/platform/browser';
import { generateLongArticle, generateSpans } from './generate';

/** What a page reports once the article is open. */
export interface RenderPageResult {
  mode: 'plain' | 'app';
  /** The article view alone (with the app's keys), or the whole window (side panels too). */
  view: 'article' | 'window';
  spans: number;
  bytes: number;
  paragraphs: number;
  openMs: number;
}

/** What one key press cost the screen. */
interface KeyTiming {
  /** Key press → the first frame after it painted (what the plain page measures too). */
  keyToNextFrameMs: number;
  /** That frame's own work: its animation callbacks → its rendering done (the rest is waiting for it). */
  nextFrameWorkMs: number;
  /** Key press → the frame showing the edit painted (app: after the edit is in IndexedDB). */
  keyToPaintMs: number;
  /** The edit applied (stored, then published by the store) → the frame showing it painted. */
  appliedToPaintMs: number;
}

/** Frame figures of one scroll from top to bottom (times on the page's clock, performance.now()). */
interface ScrollFigures {
  frames: number;
  longestFrameMs: number;
  framesOver50ms: number;
  longAnimationFrames: number[];
  /** Every frame longer than {@link SLOW_FRAME_MS}: from the frame before it to it. */
  slowFrames: Array<{ start: number; end: number }>;
}

/** Frames longer than this are listed one by one (for telling the page's work from the browser's garbage collection). */
const SLOW_FRAME_MS = 20;

/** The mark a traced scroll sets at its start (test/bench/gc-trace.mjs reads the trace's clock from it). */
const CLOCK_MARK = 'isnad-bench-clock';

/** Hooks run.mjs calls between key presses (exposed as `window.__renderBench`). */
export interface RenderBenchHooks {
  /** Prepares edit `i`: selects an unmarked word (app) and starts watching for the key and the change. */
  arm(i: number, select: boolean): void;
  /** Resolves once the armed key's effect is painted, with its timings. */
  settle(): Promise<KeyTiming>;
  /** The JS heap after garbage collection, in bytes (NaN without precise memory info). */
  heap(): number;
  /** Scrolls the article from top to bottom, one viewport per frame. */
  scrollThrough(): Promise<ScrollFigures>;
  /** Resolves once the page has nothing left to do in the background (app: every chunk laid out once). */
  laidOut(): Promise<void>;
}

const ARTICLE_SEED = 2026;
const SPAN_SEED = 6;

/**
 * Resolves after the next frame has been produced: a task posted from the frame's
 * animation callback runs once the frame's rendering (style, layout, paint) is done. It is
 * posted at the scheduler's highest priority, so that it runs as soon as the frame is done,
 * before tasks that were merely queued meanwhile (an IndexedDB answer, a timer); at normal
 * priority those ran first and their time was counted as the frame's.
 */
function afterNextPaint(): Promise<number> {
  return nextFrame().then((frame) => frame.at);
}

/** {@link afterNextPaint}, and when the frame's animation callbacks ran (`at - started` is the frame's own work). */
function nextFrame(): Promise<{ started: number; at: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const started = performance.now();
      afterFrameTask((at) => resolve({ started, at }));
    });
  });
}

/** Calls `resolve` with the time in a task posted from inside a frame (see {@link afterNextPaint}). */
function afterFrameTask(resolve: (now: number) => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask(task: () => void, options: { priority: string }): Promise<void> } }).scheduler;
  if (scheduler) {
    void scheduler.postTask(() => resolve(performance.now()), { priority: 'user-blocking' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(performance.now());
  channel.port2.postMessage(0);
}

/** Resolves on the first frame in which `ready()` holds, after that frame is painted. */
function paintedWhen(ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (!ready()) {
        requestAnimationFrame(check);
        return;
      }
      afterFrameTask(resolve);
    };
    requestAnimationFrame(check);
  });
}

/**
 * V8 keeps the subject of the last successful regular-expression match alive (the legacy
 * `RegExp.lastMatch`). The bench's own scans of the generated article would otherwise keep
 * the bench's copy of the 1 MB text in the heap it measures; a match on a short string
 * replaces it.
 */
function forgetLastMatch(): void {
  /./.exec('.');
}

function heapBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN;
}

async function fontsReady(): Promise<void> {
  const samples = ['قال', 'Reuters 2024'];
  await Promise.all(samples.flatMap((sample) => [document.fonts.load(`20px "Noto Naskh Arabic"`, sample), document.fonts.load(`700 20px "Noto Naskh Arabic"`, sample)]));
}

function scrollHooks(scroller: () => HTMLElement): RenderBenchHooks['scrollThrough'] {
  return async () => {
    const element = scroller();
    element.scrollTop = 0;
    await afterNextPaint();
    const long: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(Math.round(entry.duration));
    });
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) observer.observe({ type: 'long-animation-frame', buffered: false });
    return new Promise((resolve) => {
      let last = performance.now();
      let frames = 0;
      let longest = 0;
      let over50 = 0;
      const slowFrames: ScrollFigures['slowFrames'] = [];
      performance.mark(CLOCK_MARK);
      const step = (now: number): void => {
        const gap = now - last;
        if (frames > 0) {
          longest = Math.max(longest, gap);
          if (gap > 50) over50 += 1;
          if (gap > SLOW_FRAME_MS) slowFrames.push({ start: last, end: now });
        }
        last = now;
        frames += 1;
        const before = element.scrollTop;
        element.scrollTop = before + element.clientHeight;
        (window as unknown as { __scroll: unknown }).__scroll = { frames, top: element.scrollTop, height: element.scrollHeight };
        if (element.scrollTop === before && frames > 1) {
          observer.disconnect();
          resolve({ frames, longestFrameMs: longest, framesOver50ms: over50, longAnimationFrames: long, slowFrames });
          return;
        }
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  };
}

/** Watches one key press: its timestamp, the first frame after it, and (app) the first store change after it. */
function keyWatcher(subscribe?: (listener: () => void) => () => void): Pick<RenderBenchHooks, 'arm' | 'settle'> & { select?: (i: number) => void } {
  let keyAt = Number.NaN;
  let keyFrame: Promise<{ started: number; at: number }> = Promise.resolve({ started: Number.NaN, at: Number.NaN });
  let changed: Promise<number> = Promise.resolve(Number.NaN);
  // Capture phase on the window: runs before the app's own key handling.
  window.addEventListener(
    'keydown',
    (event) => {
      keyAt = event.timeStamp;
      keyFrame = nextFrame();
    },
    { capture: true },
  );
  return {
    arm() {
      keyAt = Number.NaN;
      if (!subscribe) return;
      changed = new Promise((resolve) => {
        const stop = subscribe(() => {
          stop();
          resolve(performance.now());
        });
      });
    },
    async settle() {
      const frame = await keyFrame;
      const next = frame.at - keyAt;
      const work = frame.at - frame.started;
      if (!subscribe) return { keyToNextFrameMs: next, nextFrameWorkMs: work, keyToPaintMs: next, appliedToPaintMs: next };
      const applied = await changed;
      const painted = await afterNextPaint();
      return { keyToNextFrameMs: next, nextFrameWorkMs: work, keyToPaintMs: painted - keyAt, appliedToPaintMs: painted - applied };
    },
  };
}

/**
 * The window's grid (toolbar row, document column, article, side column) with empty side
 * columns, so the article column has the same width in every mode.
 */
function windowFrame(): { frame: HTMLElement; middle: HTMLElement } {
  const frame = document.createElement('div');
  frame.className = 'app';
  const workspace = document.createElement('div');
  workspace.className = 'workspace';
  const middle = document.createElement('div');
  middle.style.display = 'contents';
  workspace.append(document.createElement('nav'), middle, document.createElement('aside'));
  frame.append(document.createElement('div'), workspace, document.createElement('div'));
  document.getElementById('root')!.append(frame);
  return { frame, middle };
}

/**
 * The words {@link freeWords} picks (none is marked on this page), as positions in their
 * paragraph's text node, for selecting with a Range (this page builds no offset index).
 */
function plainWords(article: HTMLElement, text: string): Array<{ node: Node; start: number; end: number }> {
  const paragraphs = splitParagraphs(text);
  return freeWords(text, [], 64).map((word) => {
    const k = paragraphs.findIndex((p) => p.start <= word.start && word.end <= p.end);
    return { node: article.children[k]!.firstChild!, start: word.start - paragraphs[k]!.start, end: word.end - paragraphs[k]!.start };
  });
}

async function runPlain(text: string): Promise<RenderPageResult> {
  await fontsReady();
  const { middle } = windowFrame();
  const t0 = performance.now();
  const pane = document.createElement('main');
  pane.className = 'article-pane';
  const article = document.createElement('article');
  article.className = 'article-text';
  article.lang = 'ar';
  for (const p of splitParagraphs(text)) {
    const element = document.createElement('p');
    element.dir = p.dir;
    element.textContent = text.slice(p.start, p.end);
    article.append(element);
  }
  pane.append(article);
  middle.append(pane);
  await afterNextPaint();
  const openMs = (await new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 0))) - t0;
  // The same input as in the app: a word selected before the add key, so that both pages
  // paint a new selection in the frame after it. Only the words' text nodes and offsets are
  // kept (no closure holds the text), and the last match is forgotten after finding them.
  const words = plainWords(article, text);
  forgetLastMatch();
  const watcher = keyWatcher();
  article.tabIndex = 0;
  article.focus();
  (window as unknown as { __renderBench: RenderBenchHooks }).__renderBench = {
    ...watcher,
    arm(i, select) {
      if (select) {
        const word = words[i % words.length]!;
        article.focus();
        document.getSelection()!.setBaseAndExtent(word.node, word.start, word.node, word.end);
      }
      watcher.arm(i, select);
    },
    heap: heapBytes,
    scrollThrough: scrollHooks(() => pane),
    laidOut: () => Promise.resolve(),
  };
  return { mode: 'plain', view: 'article', spans: 0, bytes: new TextEncoder().encode(text).length, paragraphs: article.childElementCount, openMs };
}

/** The app's key handling as App.tsx wires it: the one action registry, keys in the article. */
function ArticleKeys(): null {
  const app = useApp();
  useEffect(() => {
    const actions = buildActions(app);
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      const inField = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      const action = actionForEvent(actions, event, { inField, inArticle: !!target?.closest?.('.article-text') });
      if (action && action.run() !== false) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [app]);
  return null;
}

/** Writes the generated article (and a small first document, open at start) to a fresh database. */
async function seedDatabase(text: string, spanCount: number): Promise<IsnadDatabase> {
  const name = `isnad-bench-render-${spanCount}`;
  await IsnadDatabase.delete(name);
  const db = new IsnadDatabase(name);
  await db.open();
  const now = '2026-01-01T00:00:00.000Z';
  const corpus = { id: 'bench-render', name: 'Render bench', schema: DEFAULT_LABEL_SCHEMA, createdAt: now };
  const meta = { origin: 'file', format: 'text', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: now } as const;
  const small = 'مقال قصير\nقال المتحدث إن المحادثات ستستأنف غدا.\n';
  const documents: DocumentRecord[] = [
    { id: 'doc-small', corpusId: corpus.id, title: 'مقال قصير', text: small, sha256: sha256Hex(small), status: 'todo', order: 0, meta },
    { id: 'doc-long', corpusId: corpus.id, title: text.slice(0, text.indexOf('\n')), text, sha256: sha256Hex(text), status: 'in-progress', order: 1, meta },
  ];
  const spans: SpanRecord[] = generateSpans(text, spanCount, SPAN_SEED).map((s, i) => ({ id: `span-${i}`, corpusId: corpus.id, docId: 'doc-long', ...s, annotator: 'bench', createdAt: now }));
  await writeRecords(db, { corpus, documents, spans });
  return db;
}

/** Unmarked words near the top of the article, for the add / relabel / delete cycle. */
function freeWords(text: string, spans: ReadonlyArray<{ start: number; end: number }>, count: number): Array<{ start: number; end: number }> {
  const covered = (start: number, end: number): boolean => spans.some((s) => s.start < end && start < s.end);
  const result: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/[\u0621-\u064A]{3,}/gu)) {
    if (m.index < 200) continue;
    if (!covered(m.index, m.index + m[0].length)) result.push({ start: m.index, end: m.index + m[0].length });
    if (result.length >= count) break;
  }
  return result;
}

/** The page's highlight registry (`CSS.highlights`). */
function highlightRegistry(): Map<string, Set<Range>> {
  return (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
}

async function runApp(text: string, spanCount: number, view: 'article' | 'window', suggestions: boolean): Promise<RenderPageResult> {
  const db = await seedDatabase(text, spanCount);
  await fontsReady();
  let n = 0;
  const app = await IsnadApp.start(browserPlatform, db, { newId: () => `bench-${++n}`, now: () => new Date().toISOString(), annotator: 'bench' });
  if (view === 'window') {
    createRoot(document.getElementById('root')!).render(
      <AppContext.Provider value={app}>
        <App />
      </AppContext.Provider>,
    );
  } else {
    createRoot(windowFrame().middle).render(
      <AppContext.Provider value={app}>
        <ArticleKeys />
        <ArticleView />
        <CaretLayer />
      </AppContext.Provider>,
    );
  }
  await paintedWhen(() => !!app.article);
  await new Promise((resolve) => setTimeout(resolve, 200));

  const profiling = new URLSearchParams(location.search).has('profile-open');
  if (profiling) console.profile('open');
  const lastStart = String(splitParagraphs(text).at(-1)!.start);
  const t0 = performance.now();
  void app.openDocument('doc-long');
  // Background layout starts with the article; listening from the start (in the capture
  // phase, which every event passes through), its end is not missed.
  const laidOut = new Promise<void>((resolve) => {
    const onLaidOut = (event: Event): void => {
      // (the long article's, not the first document's)
      if (!(event.target as HTMLElement).querySelector(`[data-start="${lastStart}"]`)) return;
      document.removeEventListener(LAID_OUT_EVENT, onLaidOut, { capture: true });
      resolve();
    };
    document.addEventListener(LAID_OUT_EVENT, onLaidOut, { capture: true });
  });
  const highlighted = (): boolean => {
    const registry = highlightRegistry();
    let ranges = 0;
    for (const [name, highlight] of registry) if (name.startsWith('isnad-')) ranges += highlight.size;
    // The last paragraph is rendered (the article's last child, or the last in its last chunk).
    const last = app.article?.lastElementChild;
    const paragraph = last?.hasAttribute('data-start') ? last : last?.lastElementChild;
    // Spans near the viewport are painted in the same commit as the paragraphs (the others when scrolled to).
    return paragraph?.getAttribute('data-start') === lastStart && (ranges > 0 || spanCount === 0);
  };
  await paintedWhen(highlighted);
  const openMs = (await new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 0))) - t0;
  if (profiling) console.profileEnd('open');
  if (suggestions) {
    // Suggestions shown (G) once the article is open: the panel lists them, the article paints them.
    app.ui.update({ suggestionsOn: true });
    await paintedWhen(() => (highlightRegistry().get('isnad-suggestion')?.size ?? 0) > 0);
  }

  const docSpans = [...app.corpus.state.spans.values()];
  const words = freeWords(text, docSpans, 64);
  forgetLastMatch();
  const watcher = keyWatcher(app.corpus.subscribe);
  (window as unknown as { __renderBench: RenderBenchHooks }).__renderBench = {
    arm(i, select) {
      if (select) {
        const word = words[i % words.length]!;
        app.article!.focus();
        selectOffsets(app.article!, word.start, word.end);
      }
      watcher.arm(i, select);
    },
    settle: watcher.settle,
    heap: heapBytes,
    scrollThrough: scrollHooks(() => app.article!.closest<HTMLElement>('.article-pane')!),
    laidOut: () => laidOut,
  };
  return { mode: 'app', view, spans: spanCount, bytes: new TextEncoder().encode(text).length, paragraphs: app.article!.querySelectorAll('[data-start]').length, openMs };
}

/** Runs one page of the rendering benchmark (`suggestions`: with suggestions shown, as G shows them). */
export function runRenderPage(mode: 'plain' | 'app', spans: number, view: 'article' | 'window' = 'article', suggestions = false): Promise<RenderPageResult> {
  const text = generateLongArticle(ARTICLE_SEED);
  return mode === 'plain' ? runPlain(text) : runApp(text, spans, view, suggestions);
}
