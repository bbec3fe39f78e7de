import { describe, expect, it } from 'vitest';
import { visibleSuggestions } from '../../../renderer/state/suggestions';
import { addSpan } from '../../../shared/model/commands';
import type { CorpusState } from '../../../shared/model/state';
import { applyTransaction } from '../../../shared/model/transaction';
import { SOURCES } from '../attribution/fixtures';
import { stateWithDocument, tagged, testContext } from '../helpers/tagged';

describe('visibleSuggestions', () => {
  const { text, tags } = tagged('قال <a>الوزير<b> ل<c>وكالة رويترز<d> إن الاتفاق قريب.');
  const state: CorpusState = { ...stateWithDocument(text), sources: new Map(SOURCES.map((s) => [s.id, s])) };
  const agency = (list: ReturnType<typeof visibleSuggestions>) => list.suggestions.find((s) => s.text === 'وكالة رويترز');

  it('hides rejected suggestions and counts those that could be brought back', () => {
    const all = visibleSuggestions(state, 'doc-1', []);
    const offered = agency(all)!;
    expect(offered).toBeDefined();
    expect(all.rejected).toBe(0);
    const rejected = visibleSuggestions(state, 'doc-1', [offered.id, 'a-suggestion-no-longer-made']);
    expect(agency(rejected)).toBeUndefined();
    // An id the suggester no longer makes is not counted: there is nothing to bring back.
    expect(rejected.rejected).toBe(1);
    expect(rejected.suggestions).toHaveLength(all.suggestions.length - 1);
  });

  it('does not count a rejected suggestion whose mention has been marked since', () => {
    const offered = agency(visibleSuggestions(state, 'doc-1', []))!;
    const tx = addSpan(state, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: offered.label }, testContext());
    if (!tx.ok) throw new Error(tx.error);
    const marked = applyTransaction(state, tx.tx);
    expect(visibleSuggestions(marked, 'doc-1', [offered.id]).rejected).toBe(0);
  });
});
