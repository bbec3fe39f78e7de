import { describe, expect, it } from 'vitest';
import { invertTransaction, rebaseCorpusChanges, transaction } from '../../../shared/model/transaction';
import type { CorpusRecord } from '../../../shared/model/types';
import { DEFAULT_ATTRIBUTE_VALUES } from '../../../shared/model/schema';
import { stateWithDocument } from '../helpers/tagged';

const corpus: CorpusRecord = stateWithDocument('نص').corpus;
const values = (claimType: string[]) => ({ ...corpus.schema, attributes: { ...DEFAULT_ATTRIBUTE_VALUES, claimType } });
/** An undoable edit of the corpus record: the attribute values gain a claim type. */
const edited: CorpusRecord = { ...corpus, schema: values([...DEFAULT_ATTRIBUTE_VALUES.claimType, 'rumour']) };
const edit = transaction([{ table: 'corpora', id: corpus.id, before: corpus, after: edited }], { origin: 'user', description: 'Edit attribute values' });

describe('rebaseCorpusChanges', () => {
  it('leaves a change that fits the current record alone', () => {
    const undo = invertTransaction(edit);
    expect(rebaseCorpusChanges(undo, edited)).toBe(undo);
  });

  it('an undo recorded before a rename (outside the history) keeps the new name and undoes only its own field', () => {
    const renamed: CorpusRecord = { ...edited, name: 'Wire stories' };
    const undo = rebaseCorpusChanges(invertTransaction(edit), renamed);
    expect(undo.changes).toEqual([{ table: 'corpora', id: corpus.id, before: renamed, after: { ...corpus, name: 'Wire stories' } }]);
    const redo = rebaseCorpusChanges(edit, undo.changes[0]!.after as CorpusRecord);
    expect(redo.changes[0]!.after).toEqual({ ...edited, name: 'Wire stories' });
  });

  it('a field set by the change is removed again when the change added it', () => {
    const withSettings: CorpusRecord = { ...edited, importSettings: { recordFields: { text: 'body' } } as unknown as CorpusRecord['importSettings'] };
    const add = transaction([{ table: 'corpora', id: corpus.id, before: edited, after: withSettings }], { origin: 'user', description: 'x' });
    const renamed: CorpusRecord = { ...withSettings, name: 'n' };
    const undo = rebaseCorpusChanges(invertTransaction(add), renamed);
    expect(undo.changes[0]!.after).toEqual({ ...edited, name: 'n' });
    expect(undo.changes[0]!.after).not.toHaveProperty('importSettings');
  });

  it('a field changed since by someone else is not overwritten: the change stays as it was, for the write to refuse', () => {
    const elsewhere: CorpusRecord = { ...corpus, schema: values(['statement']) };
    const undo = invertTransaction(edit);
    expect(rebaseCorpusChanges(undo, elsewhere)).toBe(undo);
  });

  it('changes of another corpus are left alone', () => {
    const other = transaction([{ table: 'corpora', id: 'another', before: corpus, after: edited }], { origin: 'user', description: 'x' });
    expect(rebaseCorpusChanges(other, { ...edited, name: 'n' })).toBe(other);
  });
});
