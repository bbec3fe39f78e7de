import { describe, expect, it } from 'vitest';
import { createCorpusState, type CorpusState } from '../../../shared/model/state';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { sha256Hex } from '../../../shared/model/hash';
import type { AttributionRecord, DocumentRecord, SpanRecord } from '../../../shared/model/types';
import { runExportJob } from '../../../renderer/export/export-job';
import { ExportSession, type ExportProgress, type ExportWorkerLike } from '../../../renderer/export/export-session';
import type { ExportJob, FromExportWorker, ToExportWorker } from '../../../renderer/export/protocol';
import { runExport } from '../../../renderer/export/run-export';
import type { HostPlatform, SaveOutcome } from '../../../renderer/platform/host';
import { UiStore } from '../../../renderer/state/ui-store';
import { createTranslator, type Language } from '../../../shared/i18n/i18n';
import { english, phrase } from '../../../shared/phrases/phrase';

const NOW = '2026-04-01T00:00:00.000Z';

/**
 * A worker that runs the real export job in this thread. Messages are structured-cloned both
 * ways (as between threads), and the job's progress reaches the session one message per
 * macrotask, like the real worker's, so that a test can cancel in the middle.
 */
class InlineExportWorker implements ExportWorkerLike {
  private listeners: Array<(event: MessageEvent<FromExportWorker>) => void> = [];
  private readonly records: { documents: DocumentRecord[]; spans: SpanRecord[]; attributions: AttributionRecord[] } = { documents: [], spans: [], attributions: [] };
  terminated = false;
  slices = 0;

  postMessage(original: ToExportWorker): void {
    const message = structuredClone(original);
    if (message.type === 'records') {
      this.slices += 1;
      this.records.documents.push(...message.documents);
      this.records.spans.push(...message.spans);
      this.records.attributions.push(...message.attributions);
      return;
    }
    const state = createCorpusState(message.corpus, this.records.documents, this.records.spans, message.sources, this.records.attributions);
    const outbox: FromExportWorker[] = [];
    const result = runExportJob(state, message.job, message.date, message.language, (done, total) => outbox.push({ type: 'progress', done, total }));
    outbox.push(result.ok ? { type: 'done', file: result.file } : { type: 'failed', problems: result.problems });
    void (async () => {
      for (const data of outbox) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (this.terminated) return;
        for (const listener of this.listeners) listener({ data: structuredClone(data) } as MessageEvent<FromExportWorker>);
      }
    })();
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.listeners.push(listener as (event: MessageEvent<FromExportWorker>) => void);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A corpus of `count` short Arabic documents (one with an emoji) with two spans each. */
function corpusState(count: number): CorpusState {
  const corpus = { id: 'c', name: 'Export test', schema: DEFAULT_LABEL_SCHEMA, createdAt: NOW };
  const documents: DocumentRecord[] = [];
  const spans: SpanRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const text = `${i === 0 ? '😀 ' : ''}خبر رقم ${i}: قال الوزير إن المحادثات مستمرة في دمشق.\n`;
    documents.push({ id: `d${i}`, corpusId: 'c', title: `خبر ${i}`, text, sha256: sha256Hex(text), status: 'done', order: i, meta: { origin: 'file', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: NOW } });
    for (const [label, quote] of [['PER', 'الوزير'], ['LOC', 'دمشق']] as const) {
      const start = text.indexOf(quote);
      spans.push({ id: `d${i}-${label}`, corpusId: 'c', docId: `d${i}`, start, end: start + quote.length, label, annotator: 'tester', createdAt: NOW });
    }
  }
  return createCorpusState(corpus, documents, spans);
}

/** A save that records what it was given. */
function recordingSave(outcome: SaveOutcome = { saved: true, where: 'Downloads/x' }) {
  const saved: Array<{ fileName: string; text: string }> = [];
  const save = async (fileName: string, contents: string | Uint8Array): Promise<SaveOutcome> => {
    saved.push({ fileName, text: typeof contents === 'string' ? contents : new TextDecoder().decode(contents) });
    return outcome;
  };
  return { saved, save };
}

const JSONL: ExportJob = { kind: 'dataset', request: { format: 'jsonl', offsetUnit: 'codepoint', labels: [], statuses: [], attributions: true, split: null } };

describe('ExportSession', () => {
  it('sends the corpus in slices, reports documents done / total, and saves the verified file once', async () => {
    const state = corpusState(600);
    const { saved, save } = recordingSave();
    const progress: ExportProgress[] = [];
    const worker = new InlineExportWorker();
    const result = await new ExportSession(state, JSONL, save, (p) => progress.push(p), () => worker, NOW).start();
    expect(result).toMatchObject({ status: 'saved', where: 'Downloads/x', file: { documents: 600, spans: 1200 } });
    expect(worker.slices).toBeGreaterThan(1);
    expect(worker.terminated).toBe(true);
    const exporting = progress.filter((p) => p.phase === 'exporting').map((p) => p.done);
    expect(exporting.length).toBeGreaterThan(10);
    expect(exporting).toEqual([...exporting].sort((a, b) => a - b));
    expect(exporting.at(-1)).toBe(600);
    expect(progress.every((p) => p.total === 600)).toBe(true);
    expect(progress.at(-1)).toEqual({ phase: 'saving', done: 600, total: 600 });
    expect(saved).toHaveLength(1);
    expect(saved[0]!.fileName).toBe('isnad-export-test-jsonl-2026-04-01.jsonl');
    const lines = saved[0]!.text.trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string; entities: Array<{ start: number; end: number; text: string }> });
    expect(lines).toHaveLength(600);
    for (const line of lines) for (const e of line.entities) expect(Array.from(line.text).slice(e.start, e.end).join('')).toBe(e.text);
  });

  it('exports the whole corpus as native JSON, UTF-8 encoded', async () => {
    const { saved, save } = recordingSave();
    const result = await new ExportSession(corpusState(3), { kind: 'corpus' }, save, () => undefined, () => new InlineExportWorker(), NOW).start();
    expect(result).toMatchObject({ status: 'saved', file: { fileName: 'isnad-export-test-2026-04-01.json', documents: 3, spans: 6 } });
    const file = JSON.parse(saved[0]!.text) as { offsetUnit: string; documents: Array<{ text: string; spans: Array<{ start: number }> }> };
    expect(file.offsetUnit).toBe('codepoint');
    expect(file.documents[0]!.text.startsWith('😀')).toBe(true);
    expect(file.documents[0]!.spans[0]!.start).toBe(file.documents[0]!.text.indexOf('الوزير') - 1);
  });

  it('cancel while exporting: the worker is stopped and nothing is saved', async () => {
    const { saved, save } = recordingSave();
    const worker = new InlineExportWorker();
    let session: ExportSession | null = null;
    const progress: ExportProgress[] = [];
    session = new ExportSession(
      corpusState(400),
      JSONL,
      save,
      (p) => {
        progress.push(p);
        if (p.phase === 'exporting' && p.done >= 100) session!.cancel();
      },
      () => worker,
      NOW,
    );
    const result = await session.start();
    expect(result).toEqual({ status: 'cancelled' });
    expect(worker.terminated).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saved).toEqual([]);
    expect(progress.some((p) => p.phase === 'saving')).toBe(false);
  });

  it('cancel while the corpus is still being sent: the job never starts', async () => {
    const { saved, save } = recordingSave();
    const worker = new InlineExportWorker();
    const session: ExportSession = new ExportSession(corpusState(1000), JSONL, save, (p) => (p.phase === 'sending' && p.done > 0 ? session.cancel() : undefined), () => worker, NOW);
    expect(await session.start()).toEqual({ status: 'cancelled' });
    expect(worker.slices).toBe(1);
    expect(saved).toEqual([]);
  });

  it('a failed verification stops the export with the problems, and nothing is saved', async () => {
    const state = corpusState(3);
    const span = state.spans.get('d1-PER')!;
    const broken = { ...state, spans: new Map([...state.spans, [span.id, { ...span, end: 10_000 }]]) };
    const { saved, save } = recordingSave();
    const result = await new ExportSession(broken, JSONL, save, () => undefined, () => new InlineExportWorker(), NOW).start();
    expect(result.status).toBe('failed');
    if (result.status === 'failed') {
      expect(result.stage).toBe('export');
      expect(result.problems.join(' ')).toMatch(/document “\u2068خبر 1\u2069” \(d1\): Offset 10000 is outside the text/u);
    }
    expect(saved).toEqual([]);
  });

  it('a worker that crashes ends the export with a message; a save that fails says so', async () => {
    const crashing: ExportWorkerLike = {
      postMessage: () => undefined,
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === 'error') setTimeout(() => (listener as (event: ErrorEvent) => void)({ message: 'out of memory' } as ErrorEvent), 5);
      },
      terminate: () => undefined,
    };
    const { save } = recordingSave();
    expect(await new ExportSession(corpusState(2), JSONL, save, () => undefined, () => crashing, NOW).start()).toEqual({ status: 'failed', stage: 'export', problems: ['The export worker stopped: out of memory.'] });
    const failingSave = async (): Promise<SaveOutcome> => {
      throw new Error('Could not save the export to "/read-only/x.jsonl": EACCES');
    };
    const result = await new ExportSession(corpusState(2), JSONL, failingSave, () => undefined, () => new InlineExportWorker(), NOW).start();
    expect(result).toEqual({ status: 'failed', stage: 'save', problems: ['Could not save the export to "/read-only/x.jsonl": EACCES'] });
  });

  it('a save the host reports as failed ends the export as failed, said in the interface language', async () => {
    const why = phrase('save.failed', { path: '/media/usb/x.jsonl', reason: phrase('saveError.noSpace') });
    const failed = recordingSave({ saved: false, reason: 'failed', message: english(why), phrase: why });
    expect(await new ExportSession(corpusState(2), JSONL, failed.save, () => undefined, () => new InlineExportWorker(), NOW).start()).toEqual({
      status: 'failed',
      stage: 'save',
      problems: ['The export could not be saved to “/media/usb/x.jsonl”: the disk is full.'],
    });
    expect(await new ExportSession(corpusState(2), JSONL, failed.save, () => undefined, () => new InlineExportWorker(), NOW, 'ar').start()).toEqual({
      status: 'failed',
      stage: 'save',
      problems: ['تعذّر حفظ التصدير في «\u2068/media/usb/x.jsonl\u2069»: القرص ممتلئ.'],
    });
  });

  it('in Arabic, a crashed worker is said in Arabic with the engine message isolated', async () => {
    const crashing = (message: string): ExportWorkerLike => ({
      postMessage: () => undefined,
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === 'error') setTimeout(() => (listener as (event: ErrorEvent) => void)({ message } as ErrorEvent), 5);
      },
      terminate: () => undefined,
    });
    const { save } = recordingSave();
    const run = (message: string) => new ExportSession(corpusState(2), JSONL, save, () => undefined, () => crashing(message), NOW, 'ar').start();
    expect(await run('out of memory')).toEqual({ status: 'failed', stage: 'export', problems: ['توقفت عملية التصدير في الخلفية: \u2068out of memory\u2069.'] });
    expect(await run('')).toEqual({ status: 'failed', stage: 'export', problems: ['توقفت عملية التصدير في الخلفية: خطأ غير معروف.'] });
  });
});

describe('runExport', () => {
  function host(save: (name: string, contents: string | Uint8Array) => Promise<SaveOutcome>, language: Language = 'en') {
    const ui = new UiStore();
    const notices: Array<{ tone: string; text: string; details?: string[] }> = [];
    const platform = { kind: 'browser', saveExport: save } as unknown as HostPlatform;
    const notify = (tone: 'info' | 'error', text: string, details?: string[]): void => void notices.push({ tone, text, ...(details ? { details } : {}) });
    return { ui, notices, host: { ui, platform, t: createTranslator(language), notify } };
  }

  it('shows progress with Cancel while it runs, clears it at the end and reports what was saved', async () => {
    const { save } = recordingSave();
    const { ui, notices, host: h } = host(save);
    const seen: string[] = [];
    ui.subscribe(() => {
      const p = ui.state.exportProgress;
      if (p) seen.push(`${p.phase} ${p.what} ${p.done}/${p.total}`);
    });
    const running = runExport(h, corpusState(5), JSONL, () => new InlineExportWorker());
    expect(ui.state.exportProgress).toMatchObject({ phase: 'sending', total: 5, what: 'jsonl' });
    expect(await runExport(h, corpusState(5), JSONL)).toBe(false);
    expect(notices.at(-1)!.text).toMatch(/already running/);
    expect(await running).toBe(true);
    expect(ui.state.exportProgress).toBeNull();
    expect(seen).toContain('exporting jsonl 5/5');
    expect(seen.at(-1)).toBe('saving jsonl 5/5');
    expect(notices.at(-1)).toEqual({ tone: 'info', text: 'Exported 5 documents and 10 spans as jsonl to Downloads/x.', details: [] });
  });

  it('speaks the interface language: Arabic progress words and notices', async () => {
    const { save } = recordingSave();
    const { ui, notices, host: h } = host(save, 'ar');
    const whats = new Set<string>();
    ui.subscribe(() => ui.state.exportProgress && whats.add(ui.state.exportProgress.what));
    expect(await runExport(h, corpusState(3), { kind: 'corpus' }, () => new InlineExportWorker())).toBe(true);
    expect([...whats]).toEqual(['المدوّنة']);
    expect(notices.at(-1)!.text).toBe('صُدِّر 3 مستندات و6 مقاطع (الإزاحات بنقاط ترميز يونيكود) إلى Downloads/x.');
  });

  it('a browser download is reported as one, not as a folder the browser may not have used', async () => {
    const download = recordingSave({ saved: true, where: 'isnad-corpus.json', downloaded: true });
    const english = host(download.save);
    expect(await runExport(english.host, corpusState(3), { kind: 'corpus' }, () => new InlineExportWorker())).toBe(true);
    expect(english.notices.at(-1)!.text).toBe('Exported 3 documents and 6 spans (offsets in Unicode code points) to your browser’s downloads as “isnad-corpus.json”.');
    const arabic = host(download.save, 'ar');
    expect(await runExport(arabic.host, corpusState(3), { kind: 'corpus' }, () => new InlineExportWorker())).toBe(true);
    expect(arabic.notices.at(-1)!.text).toBe('صُدِّر 3 مستندات و6 مقاطع (الإزاحات بنقاط ترميز يونيكود) إلى تنزيلات المتصفح باسم «\u2068isnad-corpus.json\u2069».');
  });

  it('Cancel in the progress: nothing saved, the user is told so', async () => {
    let saves = 0;
    const { ui, notices, host: h } = host(async () => {
      saves += 1;
      return { saved: true, where: 'x' };
    });
    ui.subscribe(() => {
      const p = ui.state.exportProgress;
      if (p?.phase === 'exporting' && p.done > 0) p.cancel();
    });
    expect(await runExport(h, corpusState(300), { kind: 'corpus' }, () => new InlineExportWorker())).toBe(false);
    expect(saves).toBe(0);
    expect(ui.state.exportProgress).toBeNull();
    expect(notices).toEqual([{ tone: 'info', text: 'Export cancelled; nothing was written.' }]);
  });

  it('a failed verification: a clear message with the problems, nothing saved', async () => {
    let saves = 0;
    const { notices, host: h } = host(async () => {
      saves += 1;
      return { saved: true, where: 'x' };
    });
    const state = corpusState(2);
    const span = state.spans.get('d0-PER')!;
    // A span record whose start falls inside the emoji that opens document 0.
    const split = { ...state, spans: new Map([...state.spans, [span.id, { ...span, start: 1 }]]) };
    expect(await runExport(h, split, { kind: 'corpus' }, () => new InlineExportWorker())).toBe(false);
    expect(notices.at(-1)).toEqual({ tone: 'error', text: 'Export stopped, nothing was written:', details: ['document “\u2068خبر 0\u2069”: Offset 1 falls inside a surrogate pair.'] });
    // A span whose document is gone would be left out: the counts do not match.
    const orphan = { ...span, id: 'orphan', docId: 'gone' };
    expect(await runExport(h, { ...state, spans: new Map([...state.spans, ['orphan', orphan]]) }, { kind: 'corpus' }, () => new InlineExportWorker())).toBe(false);
    expect(notices.at(-1)).toEqual({ tone: 'error', text: 'Export stopped, nothing was written:', details: ['The file would hold 4 spans; the corpus has 5.'] });
    expect(saves).toBe(0);
  });

  it('in the Arabic interface, a corpus export that stops says why in Arabic, names isolated', async () => {
    const { notices, host: h } = host(async () => ({ saved: true, where: 'x' }), 'ar');
    const state = corpusState(2);
    const span = state.spans.get('d0-PER')!;
    const orphan = { ...span, id: 'orphan', docId: 'gone' };
    expect(await runExport(h, { ...state, spans: new Map([...state.spans, ['orphan', orphan]]) }, { kind: 'corpus' }, () => new InlineExportWorker())).toBe(false);
    expect(notices.at(-1)).toEqual({ tone: 'error', text: 'توقف التصدير ولم يُكتب شيء:', details: ['سيحوي الملف من المقاطع 4، وفي المدوّنة 5.'] });
    const split = { ...state, spans: new Map([...state.spans, [span.id, { ...span, start: 1 }]]) };
    expect(await runExport(h, split, { kind: 'corpus' }, () => new InlineExportWorker())).toBe(false);
    expect(notices.at(-1)?.details).toEqual(['المستند «\u2068خبر 0\u2069»: الإزاحة 1 تقع داخل زوج بديل (تقسم حرفًا نصفين).']);
  });
});
