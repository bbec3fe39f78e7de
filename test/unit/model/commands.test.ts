import { describe, expect, it } from 'vitest';
import { addSpan, relabelSpan, removeSpan, resizeSpan, setDocumentStatus } from '../../../shared/model/commands';
import { addAttribution, addSource, integrityProblems } from '../../../shared/model/attribution-commands';
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

describe('resizeSpan', () => {
  it('moves both edges in one undoable step and keeps the span’s id, label and attributions', () => {
    const { text, tags } = tagged('قال <a>وزير <b>الخارجية<c> الروسي<d> إن <e>المحادثات ستستمر<f>.');
    let state = stateWithDocument(text);
    const ctx = testContext();
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.b!, end: tags.c!, label: 'SOURCE' }, ctx)).state;
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.e!, end: tags.f!, label: 'CLAIM' }, ctx)).state;
    const [source, claim] = [...state.spans.values()];
    state = testTransaction(state, addSource(state, { nameAr: 'وزير الخارجية الروسي', nameLatin: 'Russian foreign minister', kind: 'person', aliasesAr: [], aliasesLatin: [] }, ctx)).state;
    const sourceId = [...state.sources.values()].at(-1)!.id;
    state = testTransaction(state, addAttribution(state, { claimSpanId: claim!.id, sourceId, mentionSpanId: source!.id }, ctx)).state;

    const { state: after, tx } = testTransaction(state, resizeSpan(state, { spanId: source!.id, start: tags.a!, end: tags.d! }));
    expect(tx.changes).toHaveLength(1);
    expect(tx.description).toBe('Resize SOURCE span');
    const moved = after.spans.get(source!.id)!;
    expect(text.slice(moved.start, moved.end)).toBe('وزير الخارجية الروسي');
    expect(moved).toMatchObject({ label: 'SOURCE', annotator: 'tester' });
    expect(integrityProblems(after)).toEqual([]);
    expect([...after.attributions.values()][0]!.mentionSpanId).toBe(source!.id);
  });

  it('refuses an empty span, a split letter, no change, a duplicate and a forbidden crossing', () => {
    const { text, tags } = tagged('<a>قَالَ<b> <c>وزير <d>الخارجية<e> الروسي<f>');
    let state = stateWithDocument(text);
    const ctx = testContext();
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, ctx)).state;
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.c!, end: tags.e!, label: 'ORG' }, ctx)).state;
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.d!, end: tags.e!, label: 'PER' }, ctx)).state;
    const [per, org] = spansOfDocument(state, 'doc-1');
    const refused = (start: number, end: number, spanId = per!.id): string => {
      const result = resizeSpan(state, { spanId, start, end });
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.error;
    };
    expect(refused(tags.a!, tags.a!)).toMatch(/at least one character/);
    expect(refused(tags.a!, 1)).toMatch(/split/);
    expect(refused(tags.a!, tags.b!)).toMatch(/already has these edges/);
    expect(refused(tags.d!, tags.e!)).toMatch(/already marked PER/);
    // Growing the ORG span over الروسي still contains the nested PER span: allowed.
    expect(resizeSpan(state, { spanId: org!.id, start: tags.c!, end: tags.f! }).ok).toBe(true);
    // The first PER span grown into وزير would cross the ORG span (same kind: entities).
    expect(refused(tags.a!, tags.d! - 1)).toMatch(/partly overlap the ORG span/);
    expect(resizeSpan(state, { spanId: 'missing', start: 0, end: 1 }).ok).toBe(false);
  });
});
