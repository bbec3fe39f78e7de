import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { exportNative } from '../../../shared/formats/native';
import { addSpan } from '../../../shared/model/commands';
import { addAttribution } from '../../../shared/model/attribution-commands';
import { documentsInOrder, spansOfDocument } from '../../../shared/model/state';
import { IsnadApp } from '../../../renderer/app/controller';
import { noteLine, reportLines } from '../../../renderer/app/actions/dataset-import-actions';
import { IsnadDatabase } from '../../../renderer/db/db';
import type { SnapshotStorage } from '../../../renderer/snapshots/snapshot-storage';
import { closeApps, testPlatform } from '../helpers/app';

const platform = testPlatform();

let count = 0;
const opened: IsnadApp[] = [];

async function start(name = `corpora-${++count}`): Promise<{ app: IsnadApp; db: IsnadDatabase; name: string }> {
  const db = new IsnadDatabase(name);
  const app = await IsnadApp.start(platform, db, undefined, undefined, null);
  opened.push(app);
  return { app, db, name };
}

afterEach(() => closeApps(opened));

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/formats/${path}`, import.meta.url)));

/** The first document holding `quote`. */
function docWith(app: IsnadApp, quote: string): ReturnType<typeof documentsInOrder>[number] {
  const doc = documentsInOrder(app.corpus.state).find((d) => d.text.includes(quote));
  if (!doc) throw new Error(`no document holds “${quote}”`);
  return doc;
}

/** Marks the first occurrence of `quote` (in the first document that has it). */
async function mark(app: IsnadApp, quote: string, label: string): Promise<string> {
  const doc = docWith(app, quote);
  const start = doc.text.indexOf(quote);
  const tx = await app.run((state, ctx) => addSpan(state, { docId: doc.id, start, end: start + quote.length, label }, ctx));
  if (!tx) throw new Error(app.ui.state.notice?.text);
  return tx.changes[0]!.id;
}

function exportJson(app: IsnadApp, exportedAt = '2026-02-02T00:00:00.000Z'): string {
  const result = exportNative(app.corpus.state, { exportedAt, offsetUnit: 'codepoint' });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.json;
}

describe('corpora in the app', () => {
  it('names the sample corpus in the interface language of the first start, and keeps that name', async () => {
    const db = new IsnadDatabase(`corpora-${++count}`);
    const arabic = await IsnadApp.start(platform, db, undefined, () => ['ar-SY'], null);
    expect(arabic.corpus.state.corpus.name).toBe('مدوّنة نموذجية');
    closeApps([arabic]);
    const english = await IsnadApp.start(platform, new IsnadDatabase(db.name), undefined, () => ['en-GB'], null);
    opened.push(english);
    expect(english.corpus.state.corpus.name).toBe('مدوّنة نموذجية');
    expect((await start()).app.corpus.state.corpus.name).toBe('Sample corpus');
  });

  it('create, switch back and forth (state and undo history follow), reload remembers the open corpus, delete removes everything', async () => {
    const { app, db, name } = await start();
    const sample = app.corpus.state.corpus;
    await mark(app, 'موسكو', 'PER');
    expect(app.corpus.history.undo).toBe('Add PER span');
    const spans = app.corpus.state.spans.size;
    const seen: number[] = [];
    app.corpus.subscribe(() => seen.push(app.corpus.state.documents.size));

    expect(await app.corpora.create('أخبار 2019')).toBe(true);
    expect(app.corpus.state.corpus.name).toBe('أخبار 2019');
    expect(app.corpus.state.documents.size).toBe(0);
    expect(app.corpus.state.sources.size).toBeGreaterThan(0); // the default registry
    expect(app.corpus.history.undo).toBeNull();
    expect(app.ui.state.openDocId).toBeNull();
    expect(seen.at(-1)).toBe(0); // subscribers kept across the switch
    const list = await app.corpora.list();
    expect(list.map((c) => [c.corpus.name, c.documents])).toEqual([
      [sample.name, 3],
      ['أخبار 2019', 0],
    ]);

    // While an article import writes into the open corpus, it stays open.
    app.ui.update({ importProgress: { total: 2, done: 1, prepared: 2, current: 'a.txt', cancelling: false } });
    expect(await app.corpora.switchTo(sample.id)).toBe(false);
    expect(app.corpus.state.corpus.name).toBe('أخبار 2019');
    expect(app.ui.state.notice?.text).toMatch(/import is running/);
    app.ui.update({ importProgress: null });

    expect(await app.corpora.switchTo(sample.id)).toBe(true);
    expect(app.corpus.state.spans.size).toBe(spans);
    expect(app.corpus.history.undo).toBe('Add PER span');
    await app.undo();
    expect(app.corpus.state.spans.size).toBe(spans - 1);
    const other = list[1]!.corpus.id;
    expect(await app.corpora.switchTo(other)).toBe(true);
    const renamed = await app.corpora.rename(other, 'Field notes');
    expect(renamed, app.ui.state.notice?.text).toBe(true);
    expect(app.corpus.state.corpus.name).toBe('Field notes');

    // Reload: the corpus that was open is open again.
    db.close();
    const again = await start(name);
    expect(again.app.corpus.state.corpus.id).toBe(other);
    expect(again.app.corpus.state.corpus.name).toBe('Field notes');

    // Delete the open corpus: the app switches to the other one first; nothing of it is left,
    // not even its snapshots (nothing could list or restore them any more).
    expect(await again.app.snapshots.take('manual')).toBe(true);
    expect(await again.db.snapshots.where('corpusId').equals(other).count()).toBe(1);
    expect(await again.app.corpora.contents(other)).toEqual({ documents: 0, spans: 0, attributions: 0 });
    expect(await again.app.corpora.remove(other)).toBe(true);
    expect(again.app.corpus.state.corpus.id).toBe(sample.id);
    expect(await again.db.corpora.get(other)).toBeUndefined();
    expect(await again.db.sources.where('corpusId').equals(other).count()).toBe(0);
    expect(await again.db.snapshots.where('corpusId').equals(other).count()).toBe(0);
    expect(await again.db.snapshotFiles.count()).toBe(0);
    // The last corpus cannot be deleted.
    expect(await again.app.corpora.remove(sample.id)).toBe(false);
    expect(again.app.ui.state.notice?.text).toMatch(/only corpus/);
  });
});

describe('deleting a corpus whose snapshots are files (Electron)', () => {
  /** Snapshot files as main keeps them, by corpus; `failing` makes deleting them fail. */
  function fileSnapshots(failing = false): SnapshotStorage & { files: Map<string, string[]> } {
    const files = new Map<string, string[]>();
    return {
      where: 'snapshots.where.files',
      files,
      async write(draft) {
        const id = `${draft.info.takenAt.replace(/:/g, '-')}.${draft.info.reason}.isnad.json`;
        files.set(draft.info.corpusId, [...(files.get(draft.info.corpusId) ?? []), id]);
        return id;
      },
      async list() {
        return [];
      },
      async read() {
        return null;
      },
      async forget(corpusId) {
        if (failing) throw new Error('EACCES: permission denied');
        const deleted = files.get(corpusId)?.length ?? 0;
        files.delete(corpusId);
        return deleted;
      },
    };
  }

  async function startWith(snapshots: ReturnType<typeof fileSnapshots>): Promise<IsnadApp> {
    const app = await IsnadApp.start({ ...platform, kind: 'electron', snapshots }, new IsnadDatabase(`corpora-files-${++count}`), undefined, undefined, null);
    opened.push(app);
    return app;
  }

  it('deletes the corpus’s snapshot files with it, and no other corpus’s', async () => {
    const snapshots = fileSnapshots();
    const app = await startWith(snapshots);
    const sample = app.corpus.state.corpus.id;
    expect(await app.snapshots.take('manual')).toBe(true);
    expect(await app.corpora.create('Doomed')).toBe(true);
    const doomed = app.corpus.state.corpus.id;
    expect(await app.snapshots.take('manual')).toBe(true);
    expect([...snapshots.files.keys()].sort()).toEqual([doomed, sample].sort());
    expect(await app.corpora.remove(doomed)).toBe(true);
    expect([...snapshots.files.keys()]).toEqual([sample]);
    expect(app.ui.state.notice).toMatchObject({ tone: 'info', text: expect.stringMatching(/^Deleted the corpus “Doomed”/) });
  });

  it('says so when the snapshot files cannot be deleted; the corpus is deleted all the same', async () => {
    const snapshots = fileSnapshots(true);
    const app = await startWith(snapshots);
    expect(await app.corpora.create('Doomed')).toBe(true);
    const doomed = app.corpus.state.corpus.id;
    expect(await app.snapshots.take('manual')).toBe(true);
    expect(await app.corpora.remove(doomed)).toBe(true);
    expect(await app.db.corpora.get(doomed)).toBeUndefined();
    expect(app.ui.state.notice?.tone).toBe('error');
    expect(app.ui.state.notice?.text).toMatch(/^Deleted the corpus “Doomed”.* Its snapshot files could not be deleted \(EACCES: permission denied\)/);
  });
});

describe('importing a dataset into a new corpus', () => {
  it('a messy CoNLL file: spans at the right offsets, every skipped and repaired line reported, the corpus written before it is shown', async () => {
    const { app, db } = await start();
    const before = app.corpus.state.corpus.id;
    await app.datasets.stage([{ name: 'messy-news.conll', bytes: fixture('conll/messy-news.conll') }]);
    const draft = app.ui.state.datasetDraft!;
    expect(draft.format).toBe('conll');
    expect(draft.outcome.ok).toBe(true);
    expect(draft.name).toBe('messy-news');
    expect(await app.datasets.importAsNew()).toBe(true);
    const state = app.corpus.state;
    expect(state.corpus.id).not.toBe(before);
    expect(state.corpus.name).toBe('messy-news');
    const [first, second] = documentsInOrder(state);
    expect(spansOfDocument(state, first!.id).map((s) => `${s.label}:${first!.text.slice(s.start, s.end)}`)).toEqual(['ORG:وكالة سانا', 'LOC:دمشق']);
    expect(first!.text).not.toMatch(/\u200e/);
    expect(spansOfDocument(state, second!.id).map((s) => `${s.label}:${second!.text.slice(s.start, s.end)}`)).toEqual(['ORG:الأمم المتحدة']);
    expect(await db.spans.where('corpusId').equals(state.corpus.id).count()).toBe(3);
    const details = app.ui.state.notice!.details!;
    expect(details.some((l) => /line 7 — skipped: Empty token/.test(l))).toBe(true);
    expect(details.some((l) => /line 22 — skipped/.test(l))).toBe(true);
    expect(details.some((l) => /Byte-order mark removed/.test(l))).toBe(true);
    expect(app.ui.state.datasetDraft).toBeNull();
  });

  it('names a file refused unread once: its refusal is a sentence that names it, with no file name put in front', async () => {
    const { app } = await start();
    const binary = Uint8Array.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 0, 0, 0, 1, 2, 3, 4, 0, 0, 9, 0]);
    // Nothing readable: the refusal's problems.
    await app.datasets.stage([{ name: 'scan.txt', bytes: binary }, { name: 'gone.conll', error: '“gone.conll” could not be read: permission denied.' }]);
    let draft = app.ui.state.datasetDraft!;
    expect(draft.outcome.ok).toBe(false);
    expect(!draft.outcome.ok && draft.outcome.problems).toEqual(['“scan.txt” is not a text file (it contains binary data).', '“gone.conll” could not be read: permission denied.']);
    // Beside a readable file: the report's lines.
    await app.datasets.stage([{ name: 'scan.conll', bytes: binary }, { name: 'news.conll', bytes: fixture('conll/messy-news.conll') }], null, [{ name: 'notes.pdf', reason: 'not a dataset file' }]);
    draft = app.ui.state.datasetDraft!;
    expect(draft.outcome.ok).toBe(true);
    const lines = reportLines(draft).map((line) => noteLine(line, app.t));
    expect(lines).toContain('skipped: “scan.conll” is not a text file (it contains binary data).');
    // A reason that does not name the file keeps the name in front.
    expect(lines).toContain('notes.pdf — skipped: not a dataset file');
    expect(lines.filter((l) => l.includes('scan.conll'))).toHaveLength(1);
  });

  it('a brat pair with an emoji: code-point offsets land on the right text; the unpaired .ann is reported', async () => {
    const { app } = await start();
    await app.datasets.stage([
      { name: 'agency-report.ann', bytes: fixture('brat/agency-report.ann') },
      { name: 'agency-report.txt', bytes: fixture('brat/agency-report.txt') },
      { name: 'orphan.ann', bytes: fixture('brat/orphan.ann') },
    ]);
    expect(app.ui.state.datasetDraft!.format).toBe('brat');
    expect(await app.datasets.importAsNew()).toBe(true);
    const state = app.corpus.state;
    const doc = documentsInOrder(state)[0]!;
    expect(spansOfDocument(state, doc.id).map((s) => `${s.label}:${doc.text.slice(s.start, s.end)}`)).toEqual(['CUE:نقلت', 'ORG:وكالة الأناضول', 'LOC:تركي', 'CLAIM:المعبر سيفتح غداً']);
    expect(app.ui.state.notice!.details!.some((l) => /orphan\.ann — skipped: Unpaired/.test(l))).toBe(true);
  });

  it('a brat folder through the folder chooser: nested pairs imported, other files listed as skipped; a folder without .ann changes nothing', async () => {
    const folder = {
      folder: 'reports',
      files: [
        { name: 'reports/2019/agency-report.ann', bytes: fixture('brat/agency-report.ann') },
        { name: 'reports/2019/agency-report.txt', bytes: fixture('brat/agency-report.txt') },
      ],
      skipped: [{ name: 'reports/scan.pdf', reason: 'not a brat file (.txt, .ann or annotation.conf)' }],
    };
    let answer: typeof folder | { folder: string; files: never[]; skipped: never[] } = folder;
    const db = new IsnadDatabase(`corpora-${++count}`);
    const app = await IsnadApp.start({ ...testPlatform(), pickDatasetFolder: async () => answer }, db, undefined, undefined, null);
    opened.push(app);
    await app.datasets.pickFolder();
    const draft = app.ui.state.datasetDraft!;
    expect(draft.format).toBe('brat');
    expect(draft.files.map((f) => f.path)).toEqual(['reports/2019/agency-report.ann', 'reports/2019/agency-report.txt']);
    expect(await app.datasets.importAsNew()).toBe(true);
    const doc = documentsInOrder(app.corpus.state)[0]!;
    expect(spansOfDocument(app.corpus.state, doc.id).map((s) => doc.text.slice(s.start, s.end))).toContain('وكالة الأناضول');
    expect(app.ui.state.notice!.details).toContain('reports/scan.pdf — skipped: not a brat file (.txt, .ann or annotation.conf)');

    answer = { folder: 'articles', files: [], skipped: [] };
    const corpora = await db.corpora.count();
    await app.datasets.pickFolder();
    expect(app.ui.state.datasetDraft).toBeNull();
    expect(app.ui.state.notice).toMatchObject({ tone: 'error', text: expect.stringContaining('No brat files in “articles”') });
    expect(await db.corpora.count()).toBe(corpora);
  });

  it('a file that cannot be read changes nothing and says why', async () => {
    const { app, db } = await start();
    const corpora = await db.corpora.count();
    await app.datasets.stage([{ name: 'broken.json', bytes: encode('{"format": "isnad-corpus", "formatVersion": 2, ') }]);
    const draft = app.ui.state.datasetDraft!;
    expect(draft.outcome.ok).toBe(false);
    expect(await app.datasets.importAsNew()).toBe(false);
    expect(await db.corpora.count()).toBe(corpora);
  });

  it('native JSON into a new corpus gives the identical corpus (export → import → export)', async () => {
    const first = await start();
    const claim = await mark(first.app, 'مستعدة لمناقشة تمديد آلية إيصال المساعدات', 'CLAIM');
    const mention = await mark(first.app, 'وكالة ريا نوفوستي', 'SOURCE');
    const source = [...first.app.corpus.state.sources.values()][0]!;
    await first.app.run((state, ctx) => addAttribution(state, { claimSpanId: claim, sourceId: source.id, mentionSpanId: mention, quotation: 'indirect' }, ctx));
    await first.app.corpora.rename(first.app.corpus.state.corpus.id, 'Field notes');
    const exported = exportJson(first.app);

    // Into another database (as on another machine): every id is free, so every id is kept.
    const second = await start();
    await second.app.datasets.stage([{ name: 'field-notes.json', bytes: encode(exported) }]);
    expect(second.app.ui.state.datasetDraft!.format).toBe('native');
    expect(await second.app.datasets.importAsNew()).toBe(true);
    expect(exportJson(second.app)).toBe(exported);

    // Into the same database: ids are taken, so they are new; everything else is the same.
    await first.app.datasets.stage([{ name: 'field-notes.json', bytes: encode(exported) }]);
    expect(first.app.ui.state.datasetDraft!.name).toBe('Field notes (2)');
    expect(await first.app.datasets.importAsNew()).toBe(true);
    const again = JSON.parse(exportJson(first.app));
    const original = JSON.parse(exported);
    const shape = (file: typeof original): unknown =>
      file.documents.map((d: { text: string; title: string; status: string; spans: Array<Record<string, unknown>>; attributions: Array<Record<string, unknown>> }) => ({
        title: d.title,
        text: d.text,
        status: d.status,
        spans: d.spans.map(({ id: _id, ...rest }) => rest),
        attributions: d.attributions.map((a) => a.quotation),
      }));
    expect(shape(again)).toEqual(shape(original));
    expect(again.documents[0].id).not.toBe(original.documents[0].id);
    expect(again.registry.map((s: { nameLatin: string }) => s.nameLatin)).toEqual(original.registry.map((s: { nameLatin: string }) => s.nameLatin));
  });
});

describe('merging a dataset into the open corpus', () => {
  it('previewed conflicts are resolved as chosen, the merge is one undoable transaction in IndexedDB', async () => {
    const { app, db } = await start();
    const doc = docWith(app, 'نوفوستي');
    const at = (quote: string): [number, number] => [doc.text.indexOf(quote), doc.text.indexOf(quote) + quote.length];
    const line = JSON.stringify({ id: 1, text: doc.text, label: [[...at('نوفوستي'), 'PER'], [...at('كفرنبل'), 'LOC']] });
    await app.datasets.stage([{ name: 'review.jsonl', bytes: encode(line + '\n') }]);
    app.datasets.setTarget('merge');
    app.datasets.setChoice('conflicts', 'take-incoming');
    const spansBefore = await db.spans.where('corpusId').equals(app.corpus.state.corpus.id).count();
    expect(await app.datasets.merge()).toBe(true);
    const labels = spansOfDocument(app.corpus.state, doc.id).map((s) => `${s.label}:${doc.text.slice(s.start, s.end)}`);
    expect(labels).toContain('PER:نوفوستي');
    expect(labels).toContain('LOC:كفرنبل');
    expect(labels).not.toContain('ORG:نوفوستي');
    expect(await db.spans.where('corpusId').equals(app.corpus.state.corpus.id).count()).toBe(spansBefore + 1);
    expect(app.corpus.history.undo).toBe('Merge “review.jsonl”');
    await app.undo();
    const undone = spansOfDocument(app.corpus.state, doc.id).map((s) => `${s.label}:${doc.text.slice(s.start, s.end)}`);
    expect(undone).toContain('ORG:نوفوستي');
    expect(undone).not.toContain('LOC:كفرنبل');
    expect(await db.spans.where('corpusId').equals(app.corpus.state.corpus.id).count()).toBe(spansBefore);
  });
});
