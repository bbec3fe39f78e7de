import { afterEach, describe, expect, it } from 'vitest';
import { IsnadApp } from '../../../renderer/app/controller';
import { IsnadDatabase, readCorpus } from '../../../renderer/db/db';
import { describeOpenFailure, describeWriteFailure, storageProblem } from '../../../renderer/db/storage-errors';
import { documentsInOrder, spansOfDocument } from '../../../shared/model/state';
import { createTranslator } from '../../../shared/i18n/i18n';
import { closeApps, startApp, testPlatform } from '../helpers/app';
import { failOpen, failWritesAfter } from '../helpers/storage-faults';

const undoFaults: Array<() => void> = [];
const opened: IsnadApp[] = [];
afterEach(() => {
  for (const undo of undoFaults.splice(0)) undo();
  closeApps(opened);
});

async function app(name: string): Promise<IsnadApp> {
  const started = await startApp(name);
  opened.push(started);
  return started;
}

/** Everything stored for the app's corpus, comparable. */
async function stored(a: IsnadApp): Promise<unknown> {
  const records = (await readCorpus(a.db, a.corpus.state.corpus.id))!;
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
  return { spans: byId(records.spans), attributions: byId(records.attributions), documents: byId(records.documents).map((d) => [d.id, d.status]), history: (await a.db.history.toArray()).map((h) => h.id).sort() };
}

/** The sample document with spans, its CLAIM span and a SOURCE span, attributed. */
async function attributedClaim(a: IsnadApp): Promise<{ claimId: string; attributionId: string }> {
  const doc = documentsInOrder(a.corpus.state).find((d) => spansOfDocument(a.corpus.state, d.id).some((s) => s.label === 'CLAIM'))!;
  const spans = spansOfDocument(a.corpus.state, doc.id);
  const claim = spans.find((s) => s.label === 'CLAIM')!;
  const mention = spans.find((s) => s.label === 'SOURCE')!;
  const source = [...a.corpus.state.sources.values()][0]!;
  const attributionId = await a.attribution.attribute({ claimSpanId: claim.id, sourceId: source.id, mentionSpanId: mention.id });
  expect(attributionId).toBeTruthy();
  await a.openDocument(doc.id);
  return { claimId: claim.id, attributionId: attributionId! };
}

describe('storage full (QuotaExceededError)', () => {
  it('deleting a span with its attribution repairs: the disk fills mid-write, nothing of it is stored or shown, and the message says so', async () => {
    const a = await app('quota-delete');
    const { claimId, attributionId } = await attributedClaim(a);
    const before = await stored(a);
    const state = a.corpus.state;
    const undoLabel = a.corpus.history.undo;
    a.ui.update({ focusedSpanId: claimId });
    // The span delete, the attribution delete and the history entry are several writes: the second one fails.
    undoFaults.push(failWritesAfter(1));
    await a.spans.deleteFocused(() => true);
    expect(a.ui.state.notice?.tone).toBe('error');
    expect(a.ui.state.notice?.text).toMatch(/was not saved: the disk is full/);
    expect(a.ui.state.notice?.text).toMatch(/Everything saved before is intact/);
    expect(a.corpus.state).toBe(state);
    expect(a.corpus.history.undo).toBe(undoLabel);
    expect(a.ui.state.focusedSpanId).toBe(claimId);
    undoFaults.pop()!();
    expect(await stored(a)).toEqual(before);

    // With space again, the same action works, whole.
    await a.spans.deleteFocused(() => true);
    expect(a.corpus.state.spans.has(claimId)).toBe(false);
    expect(a.corpus.state.attributions.has(attributionId)).toBe(false);
    const after = (await readCorpus(a.db, a.corpus.state.corpus.id))!;
    expect(after.spans.some((s) => s.id === claimId)).toBe(false);
    expect(after.attributions.some((s) => s.id === attributionId)).toBe(false);
  });

  it('a put that throws QuotaExceededError at once is reported the same way (here by undo)', async () => {
    const a = await app('quota-thrown');
    await attributedClaim(a);
    const before = await stored(a);
    undoFaults.push(failWritesAfter(0, { thrown: true }));
    await a.undo();
    expect(a.ui.state.notice?.text).toMatch(/^Undo was not saved: the disk is full/);
    expect(a.corpus.history.undo).toMatch(/^Attribute/);
    undoFaults.pop()!();
    expect(await stored(a)).toEqual(before);
  });

  it('an automatic snapshot that does not fit is reported; the corpus is untouched and the next one is tried later', async () => {
    const a = await app('quota-snapshot');
    const before = await stored(a);
    undoFaults.push(failWritesAfter(0));
    expect(await a.snapshots.take('scheduled')).toBe(false);
    expect(a.ui.state.notice?.text).toMatch(/^The automatic snapshot was not saved: the disk is full/);
    undoFaults.pop()!();
    expect(await a.db.snapshots.count()).toBe(0);
    expect(await a.db.snapshotFiles.count()).toBe(0);
    expect(await stored(a)).toEqual(before);
  });

  it('rejecting a suggestion that cannot be stored is not shown as rejected', async () => {
    const a = await app('quota-reject');
    a.suggestions.toggle();
    const first = a.suggestions.current()[0];
    if (!first) throw new Error('the sample document has no suggestion');
    undoFaults.push(failWritesAfter(0));
    await a.suggestions.reject(first.id);
    // A rejection is a change of the corpus like any other, and is reported like one.
    expect(a.ui.state.notice?.text).toMatch(/^This change was not saved: the disk is full/);
    expect(a.suggestions.current().map((s) => s.id)).toContain(first.id);
    expect(a.corpus.state.documents.get(a.ui.state.openDocId!)!.rejectedSuggestions).toBeUndefined();
  });
});

describe('IndexedDB unavailable', () => {
  it('a database that cannot be opened (private window) stops the start with a clear explanation', async () => {
    undoFaults.push(failOpen('InvalidStateError'));
    const error = await IsnadApp.start(testPlatform(), new IsnadDatabase('private-window'), undefined, () => ['en-GB'], null).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(storageProblem(error)).toBe('unavailable');
    const text = describeOpenFailure(error, createTranslator('en'));
    expect(text.title).toBe('Isnad cannot store your work in this browser');
    expect(text.advice).toMatch(/private or incognito windows/);
    expect(text.advice).toMatch(/Nothing was changed/);
  });

  it('a database closed under the window (upgraded elsewhere): the change is refused with the way out', async () => {
    const a = await app('closed-db');
    const doc = documentsInOrder(a.corpus.state)[0]!;
    a.db.close();
    expect(await a.updateDetails(doc.id, { title: 'عنوان جديد' })).toBe(false);
    expect(a.ui.state.notice?.text).toMatch(/was not saved: the database was closed/);
    expect(a.ui.state.notice?.text).toMatch(/Reload this window/);
    expect(a.corpus.state.documents.get(doc.id)!.title).toBe(doc.title);
  });

  it('finds the cause through Dexie’s wrappers', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(storageProblem({ name: 'AbortError', inner: quota })).toBe('quota');
    expect(storageProblem({ name: 'BulkError', failures: [quota] })).toBe('quota');
    expect(storageProblem({ name: 'OpenFailedError', inner: { name: 'UnknownError' } })).toBe('unavailable');
    expect(storageProblem(new Error('other'))).toBe('other');
    expect(describeWriteFailure(new Error('boom'), createTranslator('en'))).toBe('This change was not saved: boom. Everything saved before is intact.');
    expect(describeWriteFailure({ name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') }, createTranslator('ar'), 'undo')).toMatch(/^تعذّر حفظ التراجع: القرص ممتلئ/);
  });
});
