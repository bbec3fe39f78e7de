import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addSpan, removeSpan, relabelSpan } from '../../../shared/model/commands';
import {
  addAttribution,
  addSource,
  attributeToNewSource,
  deleteSource,
  integrityProblems,
  mergeSources,
  removeAttribution,
  setPublisher,
  updateAttribution,
  updateSource,
} from '../../../shared/model/attribution-commands';
import { attributionChain, type CorpusState } from '../../../shared/model/state';
import { applyTransaction, invertTransaction } from '../../../shared/model/transaction';
import { stateWithDocument, tagged, testContext, testTransaction } from '../helpers/tagged';

const ARTICLE = tagged('<cue1>ونقلت<cue1e> <m1>وكالة نوفوستي<m1e> عن <m2>مصدر في الخارجية<m2e> قوله إن «<c>المحادثات ستستأنف الأسبوع المقبل<ce>».');
const t = ARTICLE.tags as Record<string, number>;

/** The chain example: the claim comes from a ministry source, via Novosti. */
function chainState(): { state: CorpusState; ids: Record<string, string> } {
  const ctx = testContext();
  let state = stateWithDocument(ARTICLE.text);
  const ids: Record<string, string> = {};
  const step = (name: string, result: ReturnType<typeof addSpan>): void => {
    state = testTransaction(state, result).state;
    const created = result.ok ? result.tx.changes.find((c) => c.before === null && (c.table === 'spans' || c.table === 'sources' || c.table === 'attributions')) : undefined;
    if (created) ids[name] = created.id;
  };
  step('claim', addSpan(state, { docId: 'doc-1', start: t.c!, end: t.ce!, label: 'CLAIM' }, ctx));
  // 'ونقلت': the cue is نقلت, after the conjunction و
  step('cue', addSpan(state, { docId: 'doc-1', start: t.cue1! + 1, end: t.cue1e!, label: 'CUE' }, ctx));
  step('novostiMention', addSpan(state, { docId: 'doc-1', start: t.m1!, end: t.m1e!, label: 'SOURCE' }, ctx));
  step('ministryMention', addSpan(state, { docId: 'doc-1', start: t.m2!, end: t.m2e!, label: 'SOURCE' }, ctx));
  step('novosti', addSource(state, { nameAr: 'وكالة نوفوستي', nameLatin: 'RIA Novosti', kind: 'news-agency', aliasesAr: ['نوفوستي'], aliasesLatin: ['Novosti'] }, ctx));
  step('ministry', addSource(state, { nameAr: 'مصدر في الخارجية الروسية', nameLatin: 'Russian foreign ministry source', kind: 'anonymous', aliasesAr: [], aliasesLatin: [] }, ctx));
  step('viaNovosti', addAttribution(state, { claimSpanId: ids.claim!, sourceId: ids.novosti!, mentionSpanId: ids.novostiMention!, cueSpanId: ids.cue!, quotation: 'direct' }, ctx));
  step('fromMinistry', addAttribution(state, { claimSpanId: ids.claim!, sourceId: ids.ministry!, mentionSpanId: ids.ministryMention!, viaId: ids.viaNovosti!, stance: 'asserted', claimType: 'statement' }, ctx));
  return { state, ids };
}

describe('attributing to a source not in the registry yet', () => {
  it('adds the source and the attribution in one transaction, undone as one; a refused attribution adds no source', () => {
    const { state, ids } = chainState();
    const ctx = testContext();
    const result = attributeToNewSource(state, { nameAr: 'مصدر في الخارجية', nameLatin: '', kind: 'anonymous', aliasesAr: [], aliasesLatin: [] }, { claimSpanId: ids.claim!, mentionSpanId: ids.ministryMention! }, ctx);
    if (!result.ok) throw new Error('refused');
    expect(result.tx.changes.map((c) => c.table)).toEqual(['sources', 'attributions']);
    expect(result.tx.description).toBe('Attribute claim to مصدر في الخارجية');
    const after = applyTransaction(state, result.tx);
    const attribution = after.attributions.get(result.tx.changes[1]!.id)!;
    expect(after.sources.get(attribution.sourceId)?.nameAr).toBe('مصدر في الخارجية');
    expect(integrityProblems(after)).toEqual([]);
    // One undo takes both back.
    const undone = applyTransaction(after, invertTransaction(result.tx));
    expect(undone.sources.size).toBe(state.sources.size);
    expect(undone.attributions.size).toBe(state.attributions.size);
    // A claim that is not a claim: refused, and no source is added either.
    expect(attributeToNewSource(state, { nameAr: 'مصدر', nameLatin: '', kind: 'anonymous', aliasesAr: [], aliasesLatin: [] }, { claimSpanId: ids.cue! }, ctx).ok).toBe(false);
  });
});

describe('attributions', () => {
  it('a chain: claim ← ministry source ← via Novosti; every step inverts exactly', () => {
    const { state, ids } = chainState();
    expect(integrityProblems(state)).toEqual([]);
    const chain = attributionChain(state, ids.fromMinistry!);
    expect(chain.map((a) => state.sources.get(a.sourceId)!.nameLatin)).toEqual(['Russian foreign ministry source', 'RIA Novosti']);
    expect(chain[1]).toMatchObject({ cueSpanId: ids.cue, quotation: 'direct' });
  });

  it('refuses wrong labels, unknown attribute values, cross-document links and cycles', () => {
    const { state, ids } = chainState();
    const ctx = testContext();
    expect(addAttribution(state, { claimSpanId: ids.cue!, sourceId: ids.novosti! }, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/CLAIM span/) });
    expect(addAttribution(state, { claimSpanId: ids.claim!, sourceId: ids.novosti!, cueSpanId: ids.novostiMention! }, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/CUE span/) });
    expect(addAttribution(state, { claimSpanId: ids.claim!, sourceId: ids.novosti!, stance: 'sure' }, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/not a stance value/) });
    expect(addAttribution(state, { claimSpanId: ids.claim!, sourceId: 'nope' }, ctx).ok).toBe(false);
    const cycle = updateAttribution(state, { attributionId: ids.viaNovosti!, patch: { viaId: ids.fromMinistry! } });
    expect(cycle).toMatchObject({ ok: false, error: expect.stringMatching(/circle/) });
    expect(updateAttribution(state, { attributionId: ids.viaNovosti!, patch: { viaId: ids.viaNovosti! } }).ok).toBe(false);
  });

  it('updates attributes and clears links; removing an attribution cuts the chain, not the claim', () => {
    const { state, ids } = chainState();
    const hedged = testTransaction(state, updateAttribution(state, { attributionId: ids.fromMinistry!, patch: { stance: 'hedged', mentionSpanId: null } })).state;
    expect(hedged.attributions.get(ids.fromMinistry!)).toMatchObject({ stance: 'hedged' });
    expect(hedged.attributions.get(ids.fromMinistry!)!.mentionSpanId).toBeUndefined();
    const cut = testTransaction(hedged, removeAttribution(hedged, { attributionId: ids.viaNovosti! })).state;
    expect(cut.attributions.get(ids.fromMinistry!)!.viaId).toBeUndefined();
    expect(integrityProblems(cut)).toEqual([]);
  });

  it('deleting a span repairs attributions in the same undoable step', () => {
    const { state, ids } = chainState();
    const noCue = testTransaction(state, removeSpan(state, { spanId: ids.cue! })).state;
    expect(noCue.attributions.get(ids.viaNovosti!)!.cueSpanId).toBeUndefined();
    expect(integrityProblems(noCue)).toEqual([]);
    const noClaim = testTransaction(state, removeSpan(state, { spanId: ids.claim! })).state;
    expect(noClaim.attributions.size).toBe(0);
    expect(integrityProblems(noClaim)).toEqual([]);
    expect(relabelSpan(state, { spanId: ids.claim!, label: 'PER' })).toMatchObject({ ok: false, error: expect.stringMatching(/used by 2 attributions/) });
  });

  it('sources: edit, delete refused while used (with the count), merge moves every link', () => {
    const { state, ids } = chainState();
    const ctx = testContext();
    expect(deleteSource(state, { sourceId: ids.novosti! })).toMatchObject({ ok: false, error: expect.stringMatching(/1 claim point at it/) });
    let s = testTransaction(state, setPublisher(state, { docId: 'doc-1', sourceId: ids.novosti! })).state;
    expect(deleteSource(s, { sourceId: ids.novosti! })).toMatchObject({ ok: false, error: expect.stringMatching(/1 claim and 1 document \(as publisher\)/) });
    const add = addSource(s, { nameAr: 'ريا نوفوستي', nameLatin: 'RIA', kind: 'news-agency', aliasesAr: [], aliasesLatin: ['РИА Новости'] }, ctx);
    s = testTransaction(s, add).state;
    const dupId = add.ok ? add.tx.changes[0]!.id : '';
    s = testTransaction(s, updateAttribution(s, { attributionId: ids.viaNovosti!, patch: { sourceId: dupId } })).state;
    const merged = testTransaction(s, mergeSources(s, { keepId: ids.novosti!, mergeId: dupId })).state;
    expect(merged.sources.has(dupId)).toBe(false);
    expect(merged.attributions.get(ids.viaNovosti!)!.sourceId).toBe(ids.novosti);
    expect(merged.sources.get(ids.novosti!)).toMatchObject({ aliasesAr: ['نوفوستي', 'ريا نوفوستي'], aliasesLatin: ['Novosti', 'RIA', 'РИА Новости'] });
    const edited = testTransaction(merged, updateSource(merged, { sourceId: ids.ministry!, fields: { nameAr: 'مصدر في الخارجية', nameLatin: 'Foreign ministry source', kind: 'anonymous', aliasesAr: [' مصدر دبلوماسي ', ''], aliasesLatin: [] } })).state;
    expect(edited.sources.get(ids.ministry!)!.aliasesAr).toEqual(['مصدر دبلوماسي']);
    expect(integrityProblems(edited)).toEqual([]);
  });
});

describe('the integrity invariant under random edit sequences', () => {
  it('no attribution ever points at a missing span or source, and no chain has a cycle', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('span'), label: fc.constantFrom('CLAIM', 'SOURCE', 'CUE', 'PER'), word: fc.nat(9) }),
      fc.record({ kind: fc.constant('removeSpan'), pick: fc.nat() }),
      fc.record({ kind: fc.constant('attribute'), claim: fc.nat(), source: fc.nat(), mention: fc.nat(), cue: fc.nat(), via: fc.nat() }),
      fc.record({ kind: fc.constant('via'), from: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('removeAttribution'), pick: fc.nat() }),
      fc.record({ kind: fc.constant('merge'), keep: fc.nat(), merge: fc.nat() }),
      fc.record({ kind: fc.constant('deleteSource'), pick: fc.nat() }),
      fc.record({ kind: fc.constant('undo') }),
    );
    const words = 'قال المتحدث إن الوزارة نقلت عن مصدر أن الاجتماع سيعقد غدا'.split(' ');
    const text = words.join(' ');
    const starts = words.map((_, i) => words.slice(0, i).join(' ').length + (i ? 1 : 0));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const ctx = testContext();
        let state = stateWithDocument(text);
        for (const name of ['A', 'B', 'C']) {
          const r = addSource(state, { nameAr: name, nameLatin: name, kind: 'news-agency', aliasesAr: [], aliasesLatin: [] }, ctx);
          if (r.ok) state = applyTransaction(state, r.tx);
        }
        const history: CorpusState[] = [];
        const pick = <T,>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);
        for (const o of ops) {
          const spans = [...state.spans.values()];
          const atts = [...state.attributions.values()];
          const sources = [...state.sources.values()];
          const byLabel = (l: string) => spans.filter((s) => s.label === l);
          let result;
          switch (o.kind) {
            case 'span':
              result = addSpan(state, { docId: 'doc-1', start: starts[o.word]!, end: starts[o.word]! + words[o.word]!.length, label: o.label }, ctx);
              break;
            case 'removeSpan':
              result = pick(spans, o.pick) ? removeSpan(state, { spanId: pick(spans, o.pick)!.id }) : undefined;
              break;
            case 'attribute': {
              const claim = pick(byLabel('CLAIM'), o.claim);
              const source = pick(sources, o.source);
              if (claim && source) result = addAttribution(state, { claimSpanId: claim.id, sourceId: source.id, mentionSpanId: pick(byLabel('SOURCE'), o.mention)?.id, cueSpanId: pick(byLabel('CUE'), o.cue)?.id, viaId: pick(atts, o.via)?.id }, ctx);
              break;
            }
            case 'via': {
              const from = pick(atts, o.from);
              const to = pick(atts, o.to);
              if (from && to) result = updateAttribution(state, { attributionId: from.id, patch: { viaId: to.id } });
              break;
            }
            case 'removeAttribution':
              result = pick(atts, o.pick) ? removeAttribution(state, { attributionId: pick(atts, o.pick)!.id }) : undefined;
              break;
            case 'merge': {
              const keep = pick(sources, o.keep);
              const merge = pick(sources, o.merge);
              if (keep && merge) result = mergeSources(state, { keepId: keep.id, mergeId: merge.id });
              break;
            }
            case 'deleteSource':
              result = pick(sources, o.pick) ? deleteSource(state, { sourceId: pick(sources, o.pick)!.id }) : undefined;
              break;
            case 'undo':
              state = history.pop() ?? state;
              break;
          }
          if (result?.ok) {
            history.push(state);
            state = applyTransaction(state, result.tx);
          }
          expect(integrityProblems(state)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('attribute values', () => {
  it('can be extended; values in use cannot be removed', async () => {
    const { setAttributeValues } = await import('../../../shared/model/attribution-commands');
    const { state, ids } = chainState();
    const extended = testTransaction(state, setAttributeValues(state, { quotation: ['direct', 'indirect', 'mixed', 'paraphrase'], stance: ['asserted', 'hedged', 'denied', 'questioned'], claimType: ['statement', 'casualty-figure', 'event-report', 'call-or-demand', 'denial', 'threat'] })).state;
    const use = updateAttribution(extended, { attributionId: ids.viaNovosti!, patch: { quotation: 'paraphrase', claimType: 'threat' } });
    expect(use.ok).toBe(true);
    const s = testTransaction(extended, use).state;
    expect(setAttributeValues(s, { quotation: ['direct'], stance: ['asserted'], claimType: ['threat'] })).toMatchObject({ ok: false, error: expect.stringMatching(/“paraphrase” is still used/) });
  });
});
