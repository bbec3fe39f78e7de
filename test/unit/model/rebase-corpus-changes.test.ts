import { describe, expect, it } from 'vitest';
import { invertTransaction, rebaseCorpusChanges, transaction } from '../../../shared/model/transaction';
import type { CorpusRecord } from '../../../shared/model/types';
import { stateWithDocument } from '../helpers/tagged';

const corpus: CorpusRecord = stateWithDocument('نص').corpus;
const rejected: CorpusRecord = { ...corpus, rejectedSuggestions: { 'doc-1': ['CUE:0:3'] } };
const reject = transaction([{ table: 'corpora', id: corpus.id, before: corpus, after: rejected }], { origin: 'user', description: 'Reject' });

describe('rebaseCorpusChanges', () => {
  it('leaves a change that fits the current record alone', () => {
    const undo = invertTransaction(reject);
    expect(rebaseCorpusChanges(undo, rejected)).toBe(undo);
  });

  it('an undo recorded before a rename (outside the history) keeps the new name and undoes only its own field', () => {
    const renamed: CorpusRecord = { ...rejected, name: 'Wire stories' };
    const undo = rebaseCorpusChanges(invertTransaction(reject), renamed);
    expect(undo.changes).toEqual([{ table: 'corpora', id: corpus.id, before: renamed, after: { ...corpus, name: 'Wire stories' } }]);
    expect(undo.changes[0]!.after).not.toHaveProperty('rejectedSuggestions');
    const redo = rebaseCorpusChanges(reject, undo.changes[0]!.after as CorpusRecord);
    expect(redo.changes[0]!.after).toEqual({ ...rejected, name: 'Wire stories' });
  });

  it('a field changed since by someone else is not overwritten: the change stays as it was, for the write to refuse', () => {
    const elsewhere: CorpusRecord = { ...corpus, rejectedSuggestions: { 'doc-1': ['CUE:0:3', 'SOURCE:5:9'] } };
    const undo = invertTransaction(reject);
    expect(rebaseCorpusChanges(undo, elsewhere)).toBe(undo);
  });

  it('changes of other records and of another corpus are left alone', () => {
    const other = transaction([{ table: 'corpora', id: 'another', before: corpus, after: rejected }], { origin: 'user', description: 'x' });
    expect(rebaseCorpusChanges(other, { ...rejected, name: 'n' })).toBe(other);
  });
});
