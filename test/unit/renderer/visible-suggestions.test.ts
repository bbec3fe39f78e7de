import { afterEach, describe, expect, it } from 'vitest';
import { visibleSuggestions } from '../../../renderer/state/suggestions';
import { IsnadDatabase, readCorpus, readHistory, writeRecords, writeTransaction } from '../../../renderer/db/db';
import { CorpusStore } from '../../../renderer/state/corpus-store';
import { addSpan, rejectedSuggestionsOf, rejectSuggestion, restoreRejectedSuggestions } from '../../../shared/model/commands';
import { createCorpusState, type CorpusState } from '../../../shared/model/state';
import { applyTransaction, transaction } from '../../../shared/model/transaction';
import { createTranslator } from '../../../shared/i18n/i18n';
import { SOURCES } from '../attribution/fixtures';
import { stateWithDocument, tagged, testContext } from '../helpers/tagged';

const { text, tags } = tagged('قال <a>الوزير<b> ل<c>وكالة رويترز<d> إن الاتفاق قريب.');
const state: CorpusState = { ...stateWithDocument(text), sources: new Map(SOURCES.map((s) => [s.id, s])) };
const agency = (list: ReturnType<typeof visibleSuggestions>) => list.suggestions.find((s) => s.text === 'وكالة رويترز');

/** `state` with `ids` rejected in doc-1, as its record keeps them. */
function rejecting(ids: string[]): CorpusState {
  const doc = state.documents.get('doc-1')!;
  return { ...state, documents: new Map([['doc-1', { ...doc, rejectedSuggestions: ids }]]) };
}

describe('visibleSuggestions', () => {
  it('hides rejected suggestions and counts those that could be brought back', () => {
    const all = visibleSuggestions(state, 'doc-1');
    const offered = agency(all)!;
    expect(offered).toBeDefined();
    expect(all.rejected).toBe(0);
    const rejected = visibleSuggestions(rejecting([offered.id, 'a-suggestion-no-longer-made']), 'doc-1');
    expect(agency(rejected)).toBeUndefined();
    // An id the suggester no longer makes is not counted: there is nothing to bring back.
    expect(rejected.rejected).toBe(1);
    expect(rejected.suggestions).toHaveLength(all.suggestions.length - 1);
  });

  it('keeps its lists from one change to the next while they stay the same, so the panel and the painter see no change', () => {
    const first = visibleSuggestions(state, 'doc-1');
    // The same state again (keys, panel and painter ask in turn): the same answer.
    expect(visibleSuggestions(state, 'doc-1')).toBe(first);
    // A span no suggestion matches: a new answer, but the same list.
    const other = addSpan(state, { docId: 'doc-1', start: 0, end: 3, label: 'DATE' }, testContext());
    if (!other.ok) throw new Error(other.error);
    const afterOther = visibleSuggestions(applyTransaction(state, other.tx), 'doc-1');
    expect(afterOther.suggestions).toBe(first.suggestions);
    expect(afterOther.candidates).toBe(first.candidates);
    // Marking a suggested mention: that suggestion goes, in a new list.
    const offered = agency(first)!;
    const marking = addSpan(state, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: offered.label }, testContext());
    if (!marking.ok) throw new Error(marking.error);
    const afterMarking = visibleSuggestions(applyTransaction(state, marking.tx), 'doc-1');
    expect(afterMarking.suggestions).not.toBe(first.suggestions);
    expect(agency(afterMarking)).toBeUndefined();
    expect(afterMarking.suggestions).toHaveLength(first.suggestions.length - 1);
  });

  it('does not count a rejected suggestion whose mention has been marked since', () => {
    const offered = agency(visibleSuggestions(state, 'doc-1'))!;
    const before = rejecting([offered.id]);
    const tx = addSpan(before, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: offered.label }, testContext());
    if (!tx.ok) throw new Error(tx.error);
    expect(visibleSuggestions(applyTransaction(before, tx.tx), 'doc-1').rejected).toBe(0);
  });
});

describe('rejecting and bringing back suggestions', () => {
  it('a rejection is a change of the document record, described in both languages; bringing back removes the field', () => {
    const offered = agency(visibleSuggestions(state, 'doc-1'))!;
    const rejected = rejectSuggestion(state, { docId: 'doc-1', suggestion: offered });
    if (!rejected.ok) throw new Error(rejected.error);
    expect(rejected.tx.addToHistory).toBe(true);
    expect(rejected.tx.docId).toBe('doc-1');
    const doc = state.documents.get('doc-1')!;
    expect(rejected.tx.changes).toEqual([{ table: 'documents', id: 'doc-1', before: doc, after: { ...doc, rejectedSuggestions: [offered.id] } }]);
    expect(rejected.tx.description).toBe('Reject SOURCE suggestion “وكالة رويترز”');
    expect(createTranslator('ar').phrase(rejected.tx.phrase!)).toBe('رفض اقتراح \u2068SOURCE\u2069 «\u2068وكالة رويترز\u2069»');
    const after = applyTransaction(state, rejected.tx);
    expect(rejectedSuggestionsOf(after, 'doc-1')).toEqual([offered.id]);
    expect(agency(visibleSuggestions(after, 'doc-1'))).toBeUndefined();
    // Rejecting it again changes nothing.
    expect(rejectSuggestion(after, { docId: 'doc-1', suggestion: offered }).ok).toBe(false);

    const restored = restoreRejectedSuggestions(after, { docId: 'doc-1' });
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.tx.description).toBe('Bring back 1 rejected suggestion');
    const back = applyTransaction(after, restored.tx);
    // No empty list is left behind: the record is as it was before any rejection.
    expect(back.documents.get('doc-1')).toEqual(doc);
    expect(agency(visibleSuggestions(back, 'doc-1'))).toBeDefined();
    expect(restoreRejectedSuggestions(back, { docId: 'doc-1' }).ok).toBe(false);
  });

  it('another document keeps its rejections when one document’s are brought back', () => {
    const other = stateWithDocument('وقالت وكالة رويترز', 'doc-2');
    const both: CorpusState = { ...createCorpusState(state.corpus, [...state.documents.values(), ...other.documents.values()]), sources: state.sources };
    const first = rejectSuggestion(both, { docId: 'doc-1', suggestion: { id: 'x', label: 'CUE', text: 'قال' } });
    if (!first.ok) throw new Error(first.error);
    const second = rejectSuggestion(applyTransaction(both, first.tx), { docId: 'doc-2', suggestion: { id: 'y', label: 'CUE', text: 'قالت' } });
    if (!second.ok) throw new Error(second.error);
    const rejectedInBoth = applyTransaction(applyTransaction(both, first.tx), second.tx);
    const restored = restoreRejectedSuggestions(rejectedInBoth, { docId: 'doc-1' });
    if (!restored.ok) throw new Error(restored.error);
    const after = applyTransaction(rejectedInBoth, restored.tx);
    expect(rejectedSuggestionsOf(after, 'doc-1')).toEqual([]);
    expect(rejectedSuggestionsOf(after, 'doc-2')).toEqual(['y']);
  });

  it('is stored before it is shown, and one undo brings the suggestion back, also after reopening', async () => {
    const db = new IsnadDatabase('reject-undo');
    await db.open();
    await writeRecords(db, { corpus: state.corpus, documents: [...state.documents.values()], spans: [], sources: [...state.sources.values()] });
    const store = new CorpusStore(state, { write: (tx, history) => writeTransaction(db, tx, history) }, testContext());
    const offered = agency(visibleSuggestions(store.state, 'doc-1'))!;
    await store.run((s) => rejectSuggestion(s, { docId: 'doc-1', suggestion: offered }));
    expect((await db.documents.get('doc-1'))!.rejectedSuggestions).toEqual([offered.id]);
    expect(store.history.undo).toBe('Reject SOURCE suggestion “وكالة رويترز”');

    // Reopened: the rejection and its undo entry are both stored.
    const records = (await readCorpus(db, state.corpus.id))!;
    const reopened = new CorpusStore(
      createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions),
      { write: (tx, history) => writeTransaction(db, tx, history) },
      testContext(),
      await readHistory(db, state.corpus.id),
    );
    expect(agency(visibleSuggestions(reopened.state, 'doc-1'))).toBeUndefined();
    const undone = await reopened.undo();
    expect(undone?.docId).toBe('doc-1');
    expect(agency(visibleSuggestions(reopened.state, 'doc-1'))).toBeDefined();
    expect((await db.documents.get('doc-1'))!.rejectedSuggestions).toBeUndefined();
    // A rename of the corpus (not an undoable change) between the rejection and its undo
    // changes nothing for it: the undo takes back the rejection only.
    await reopened.redo();
    const current = reopened.state.corpus;
    await reopened.dispatch(transaction([{ table: 'corpora', id: current.id, before: current, after: { ...current, name: 'Wire stories' } }], { origin: 'load', description: 'Rename corpus' }));
    await reopened.undo();
    expect(await db.corpora.get(state.corpus.id)).toEqual({ ...state.corpus, name: 'Wire stories' });
    expect(reopened.state.corpus.name).toBe('Wire stories');
    await reopened.redo();
    expect((await db.documents.get('doc-1'))!.rejectedSuggestions).toEqual([offered.id]);
    db.close();
  });
});

afterEach(async () => {
  await new IsnadDatabase('reject-undo').delete();
});
