import { describe, expect, it } from 'vitest';
import { addSpan, relabelSpan, removeSpan, setDocumentStatus } from '../../../shared/model/commands';
import { spansOfDocument } from '../../../shared/model/state';
import { applyTransaction, invertTransaction, TransactionConflictError } from '../../../shared/model/transaction';
import { stateWithDocument, tagged, testContext, testTransaction } from '../helpers/tagged';

describe('addSpan', () => {
  it('marks a word and moves the document to in progress; the inverse removes both', () => {
    const { text, tags } = tagged('قال <a>الرئيس<b> إن المحادثات ستستمر');
    const state = stateWithDocument(text);
    const { state: after } = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, testContext()));
    const spans = spansOfDocument(after, 'doc-1');
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('الرئيس');
    expect(spans[0]).toMatchObject({ label: 'PER', annotator: 'tester', corpusId: 'corpus-1' });
    expect(after.documents.get('doc-1')!.status).toBe('in-progress');
  });

  it('allows an entity nested inside a claim', () => {
    const { text, tags } = tagged('وقال <c>إن <a>روسيا<b> مستعدة للحوار<d>.');
    let state = stateWithDocument(text);
    const ctx = testContext();
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: 'CLAIM' }, ctx)).state;
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'LOC' }, ctx)).state;
    expect(spansOfDocument(state, 'doc-1').map((s) => s.label)).toEqual(['CLAIM', 'LOC']);
  });

  it('refuses crossing spans of the same kind but allows them across kinds', () => {
    const { text, tags } = tagged('<a>وزارة <c>الخارجية<b> الروسية<d> اليوم');
    let state = stateWithDocument(text);
    const ctx = testContext();
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'ORG' }, ctx)).state;
    const crossing = addSpan(state, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: 'LOC' }, ctx);
    expect(crossing.ok).toBe(false);
    if (!crossing.ok) expect(crossing.error).toMatch(/overlap/);
    testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: 'CLAIM' }, ctx));
  });

  it('refuses an exact duplicate, empty ranges, unknown labels and edges inside a grapheme', () => {
    const { text, tags } = tagged('<a>قَالَ<b> الوزير');
    let state = stateWithDocument(text);
    const ctx = testContext();
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'CUE' }, ctx)).state;
    expect(addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'CUE' }, ctx).ok).toBe(false);
    expect(addSpan(state, { docId: 'doc-1', start: 3, end: 3, label: 'PER' }, ctx).ok).toBe(false);
    expect(addSpan(state, { docId: 'doc-1', start: 0, end: 99, label: 'PER' }, ctx).ok).toBe(false);
    expect(addSpan(state, { docId: 'doc-1', start: 0, end: 2, label: 'NOPE' }, ctx).ok).toBe(false);
    // offset 1 sits between ق and its fatha
    const split = addSpan(state, { docId: 'doc-1', start: 0, end: 1, label: 'PER' }, ctx);
    expect(split.ok).toBe(false);
    if (!split.ok) expect(split.error).toMatch(/split/);
  });

  it('refuses to split lam-alef', () => {
    const { text } = tagged('السلام عليكم');
    const state = stateWithDocument(text);
    const lam = text.indexOf('لا');
    expect(addSpan(state, { docId: 'doc-1', start: 0, end: lam + 1, label: 'PER' }, testContext()).ok).toBe(false);
  });
});

describe('removeSpan, relabelSpan, setDocumentStatus', () => {
  it('each inverts exactly', () => {
    const { text, tags } = tagged('أعلنت <a>وكالة نوفوستي<b> اليوم');
    let state = stateWithDocument(text);
    const ctx = testContext();
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'ORG' }, ctx)).state;
    const spanId = [...state.spans.keys()][0]!;
    const relabelled = testTransaction(state, relabelSpan(state, { spanId, label: 'SOURCE' })).state;
    expect(relabelled.spans.get(spanId)!.label).toBe('SOURCE');
    const removed = testTransaction(relabelled, removeSpan(relabelled, { spanId })).state;
    expect(removed.spans.size).toBe(0);
    const done = testTransaction(removed, setDocumentStatus(removed, { docId: 'doc-1', status: 'done' })).state;
    expect(done.documents.get('doc-1')!.status).toBe('done');
    expect(relabelSpan(state, { spanId, label: 'ORG' }).ok).toBe(false);
    expect(removeSpan(removed, { spanId }).ok).toBe(false);
  });

  it('a transaction that does not fit the state is a conflict, not a silent change', () => {
    const { text, tags } = tagged('<a>دمشق<b>');
    const state = stateWithDocument(text);
    const result = addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'LOC' }, testContext());
    if (!result.ok) throw new Error(result.error);
    const after = applyTransaction(state, result.tx);
    expect(() => applyTransaction(after, result.tx)).toThrow(TransactionConflictError);
    expect(() => applyTransaction(state, invertTransaction(result.tx))).toThrow(TransactionConflictError);
  });
});

describe('updateDocumentDetails', () => {
  it('edits title, outlet, URL and date (never the text) and inverts exactly', async () => {
    const { updateDocumentDetails } = await import('../../../shared/model/commands');
    const state = stateWithDocument('نص الخبر كما هو');
    const { state: after, tx } = testTransaction(state, updateDocumentDetails(state, { docId: 'doc-1', fields: { title: '  عنوان جديد ', outlet: 'وكالة قاسيون', url: 'https://example.org/a', date: '2019-05-07' } }));
    const doc = after.documents.get('doc-1')!;
    expect(doc.title).toBe('عنوان جديد');
    expect(doc.meta).toMatchObject({ outlet: 'وكالة قاسيون', url: 'https://example.org/a', date: '2019-05-07' });
    expect(doc.text).toBe('نص الخبر كما هو');
    expect(tx.description).toBe('Edit title, outlet, url, date');
    const cleared = testTransaction(after, updateDocumentDetails(after, { docId: 'doc-1', fields: { outlet: '' } })).state;
    expect(cleared.documents.get('doc-1')!.meta.outlet).toBeUndefined();
    expect(updateDocumentDetails(after, { docId: 'doc-1', fields: { title: ' ' } }).ok).toBe(false);
    expect(updateDocumentDetails(after, { docId: 'doc-1', fields: { outlet: 'وكالة قاسيون' } }).ok).toBe(false);
    expect(updateDocumentDetails(after, { docId: 'doc-1', fields: { url: 'x'.repeat(5000) } }).ok).toBe(false);
  });
});
