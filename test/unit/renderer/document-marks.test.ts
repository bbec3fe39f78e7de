import { describe, expect, it } from 'vitest';
import { followDocumentMarks, type MarkPainters } from '../../../renderer/editor/document-marks';
import { CorpusStore } from '../../../renderer/state/corpus-store';
import { UiStore } from '../../../renderer/state/ui-store';
import type { Suggestion } from '../../../shared/attribution/suggest';
import { addSpan, removeSpan } from '../../../shared/model/commands';
import type { CorpusState } from '../../../shared/model/state';
import { SOURCES } from '../attribution/fixtures';
import { stateWithDocument, tagged, testContext } from '../helpers/tagged';

/** A store over one document that mentions an agency of the default registry, and fake painters that record what they are asked to paint. */
function setUp() {
  const { text, tags } = tagged('قال <a>الوزير<b> ل<c>وكالة رويترز<d> إن الاتفاق قريب.');
  const state: CorpusState = { ...stateWithDocument(text), sources: new Map(SOURCES.map((s) => [s.id, s])) };
  const corpus = new CorpusStore(state, { write: async () => undefined }, testContext());
  const ui = new UiStore();
  const spanPaints: Array<{ spans: string[]; focused: string | null }> = [];
  const suggestionPaints: Array<{ texts: string[]; focused: string | null }> = [];
  const painters: MarkPainters = {
    spans: { update: (spans, _schema, focused) => void spanPaints.push({ spans: spans.map((s) => `${s.label} ${s.start}-${s.end}`), focused }) },
    suggestions: (list: readonly Suggestion[], focused) => void suggestionPaints.push({ texts: list.map((s) => `${s.label} ${s.text}`), focused }),
  };
  return { text, tags, corpus, ui, painters, spanPaints, suggestionPaints };
}

describe('the article follows the stores for its marks', () => {
  it('paints the spans at once, then after each edit and focus change; hidden suggestions are never painted', async () => {
    const { tags, corpus, ui, painters, spanPaints, suggestionPaints } = setUp();
    const stop = followDocumentMarks({ corpus, ui }, 'doc-1', painters);
    expect(spanPaints.at(-1)).toEqual({ spans: [], focused: null });
    const added = await corpus.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, ctx));
    expect(spanPaints.at(-1)).toEqual({ spans: [`PER ${tags.a}-${tags.b}`], focused: null });
    const spanId = added.ok ? added.tx.changes[0]!.id : '';
    ui.update({ focusedSpanId: spanId });
    expect(spanPaints.at(-1)).toEqual({ spans: [`PER ${tags.a}-${tags.b}`], focused: spanId });
    await corpus.run((s) => removeSpan(s, { spanId }));
    expect(spanPaints.at(-1)?.spans).toEqual([]);
    expect(suggestionPaints).toEqual([]);
    stop();
    await corpus.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, ctx));
    expect(spanPaints.at(-1)?.spans, 'nothing is painted once stopped').toEqual([]);
  });

  it('shown suggestions follow the spans, are cleared when hidden or stopped, and are not repainted for unrelated changes', async () => {
    const { tags, corpus, ui, painters, suggestionPaints } = setUp();
    const stop = followDocumentMarks({ corpus, ui }, 'doc-1', painters);
    ui.update({ suggestionsOn: true });
    const offered = suggestionPaints.at(-1)!;
    expect(offered.texts).toContain('SOURCE وكالة رويترز');
    ui.update({ shortcutsExpanded: true });
    expect(suggestionPaints).toHaveLength(1);
    // Marking the suggested mention itself: it is no longer offered.
    await corpus.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: 'SOURCE' }, ctx));
    expect(suggestionPaints).toHaveLength(2);
    expect(suggestionPaints.at(-1)!.texts).not.toContain('SOURCE وكالة رويترز');
    ui.update({ suggestionsOn: false });
    expect(suggestionPaints.at(-1)).toEqual({ texts: [], focused: null });
    await corpus.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, ctx));
    expect(suggestionPaints, 'hidden suggestions are not computed again on an edit').toHaveLength(3);
    ui.update({ suggestionsOn: true });
    expect(suggestionPaints).toHaveLength(4);
    stop();
    expect(suggestionPaints.at(-1)).toEqual({ texts: [], focused: null });
  });
});
