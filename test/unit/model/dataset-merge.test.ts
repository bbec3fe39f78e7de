import { describe, expect, it } from 'vitest';
import { readDataset } from '../../../shared/formats/dataset-read';
import { planMerge, mergeTransaction, spanConflictKind, DEFAULT_MERGE_CHOICES, type MergeChoices } from '../../../shared/model/dataset-merge';
import { sha256Hex } from '../../../shared/model/hash';
import { DEFAULT_ATTRIBUTE_VALUES, DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { createCorpusState, spansOfDocument, type CorpusState } from '../../../shared/model/state';
import { applyTransaction, invertTransaction } from '../../../shared/model/transaction';
import type { AttributionRecord, DocumentRecord, SourceRecord, SpanRecord } from '../../../shared/model/types';
import { snapshot, testContext } from '../helpers/tagged';
import { phrase } from '../../../shared/phrases/phrase';

const NOW = '2026-01-01T00:00:00.000Z';
const TEXT = 'أكد الناطق باسم الوزارة أن الهدنة صامدة في حلب.';
const OTHER = 'قالت وكالة سانا إن الطريق إلى دمشق مفتوح 🌍 منذ الصباح.';

function at(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” not in text`);
  return { start, end: start + quote.length };
}

function doc(id: string, text: string, order = 0): DocumentRecord {
  return {
    id,
    corpusId: 'corpus-1',
    title: `Title ${id}`,
    text,
    sha256: sha256Hex(text),
    status: 'in-progress',
    order,
    meta: { origin: 'file', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'none', importedAt: NOW },
  };
}

function span(id: string, docId: string, text: string, quote: string, label: string): SpanRecord {
  return { id, corpusId: 'corpus-1', docId, ...at(text, quote), label, annotator: 'me', createdAt: NOW };
}

function source(id: string, nameLatin: string, nameAr: string, extra: Partial<SourceRecord> = {}): SourceRecord {
  return { id, corpusId: 'corpus-1', nameLatin, nameAr, kind: 'government', aliasesAr: [], aliasesLatin: [], createdAt: NOW, ...extra };
}

/** The open corpus: one document with a SOURCE, a nested ORG, a LOC and one attribution. */
function existingCorpus(): CorpusState {
  const spans = [
    span('s-source', 'd1', TEXT, 'الناطق باسم الوزارة', 'SOURCE'),
    span('s-org', 'd1', TEXT, 'الوزارة', 'ORG'),
    span('s-loc', 'd1', TEXT, 'حلب', 'LOC'),
    span('s-claim', 'd1', TEXT, 'الهدنة صامدة', 'CLAIM'),
  ];
  const attributions: AttributionRecord[] = [
    { id: 'a-1', corpusId: 'corpus-1', docId: 'd1', claimSpanId: 's-claim', sourceId: 'src-ministry', mentionSpanId: 's-source', annotator: 'me', createdAt: NOW },
  ];
  return createCorpusState({ id: 'corpus-1', name: 'Open', schema: DEFAULT_LABEL_SCHEMA, createdAt: NOW }, [doc('d1', TEXT)], spans, [source('src-ministry', 'Ministry', 'الوزارة', { aliasesLatin: ['MoFA'] })], attributions);
}

/** What a file brings: the same document with agreeing, new and conflicting spans, and a new document. */
function incomingCorpus(): CorpusState {
  const spans = [
    span('i-source', 'x1', TEXT, 'الناطق باسم الوزارة', 'SOURCE'), // identical
    span('i-loc-as-org', 'x1', TEXT, 'حلب', 'ORG'), // relabelled
    span('i-org-wider', 'x1', TEXT, 'باسم الوزارة', 'ORG'), // boundaries
    span('i-claim', 'x1', TEXT, 'الهدنة صامدة في حلب', 'CLAIM'), // boundaries (CLAIM vs CLAIM)
    span('i-date', 'x1', TEXT, 'أكد', 'DATE'), // new
    span('n-org', 'x2', OTHER, 'وكالة سانا', 'ORG'),
    span('n-loc', 'x2', OTHER, 'دمشق', 'LOC'),
    span('n-claim', 'x2', OTHER, 'الطريق إلى دمشق مفتوح', 'CLAIM'),
    span('n-cue', 'x2', OTHER, 'قالت', 'CUE'),
  ];
  const attributions: AttributionRecord[] = [
    // Same claim span? No: the file's claim is wider, so this one hangs on a conflicting span.
    { id: 'ia-1', corpusId: 'incoming', docId: 'x1', claimSpanId: 'i-claim', sourceId: 'in-ministry', mentionSpanId: 'i-source', annotator: '', createdAt: NOW },
    { id: 'ia-2', corpusId: 'incoming', docId: 'x2', claimSpanId: 'n-claim', sourceId: 'in-sana', cueSpanId: 'n-cue', mentionSpanId: 'n-org', annotator: '', createdAt: NOW },
  ];
  const sources = [source('in-ministry', 'ministry', 'الوزارة'), source('in-sana', 'SANA', 'سانا', { kind: 'news-agency' })];
  const schema = { ...DEFAULT_LABEL_SCHEMA, labels: [...DEFAULT_LABEL_SCHEMA.labels, { id: 'EVENT', name: 'EVENT', kind: 'entity' as const, colour: '#bdbdbd', hotkey: '' }] };
  return createCorpusState({ id: 'incoming', name: 'file', schema, createdAt: NOW }, [doc('x1', TEXT), doc('x2', OTHER, 1), doc('x3', OTHER, 2)], spans, sources, attributions);
}

function texts(state: CorpusState, docId: string): string[] {
  const text = state.documents.get(docId)!.text;
  return spansOfDocument(state, docId).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

describe('spanConflictKind', () => {
  const s = (start: number, end: number, label: string): SpanRecord => ({ id: `${start}-${end}-${label}`, corpusId: 'c', docId: 'd', start, end, label, annotator: '', createdAt: NOW });
  it('tells relabelled, boundaries and crossing apart, and lets nesting and other kinds live together', () => {
    const schema = DEFAULT_LABEL_SCHEMA;
    expect(spanConflictKind(schema, s(0, 5, 'ORG'), s(0, 5, 'LOC'))).toBe('relabelled');
    expect(spanConflictKind(schema, s(0, 5, 'ORG'), s(0, 5, 'CLAIM'))).toBeNull();
    expect(spanConflictKind(schema, s(0, 5, 'ORG'), s(2, 5, 'ORG'))).toBe('boundaries');
    expect(spanConflictKind(schema, s(0, 5, 'ORG'), s(3, 8, 'LOC'))).toBe('crossing');
    expect(spanConflictKind(schema, s(0, 8, 'ORG'), s(3, 5, 'LOC'))).toBeNull();
    expect(spanConflictKind(schema, s(0, 5, 'ORG'), s(5, 8, 'ORG'))).toBeNull();
  });
});

describe('planMerge', () => {
  it('sorts every incoming record into new, identical and conflicting', () => {
    const plan = planMerge(existingCorpus(), incomingCorpus());
    expect(plan.newDocuments.map((d) => d.id)).toEqual(['x2']);
    expect(plan.matchedDocuments.map((m) => [m.incoming.id, m.existing.id])).toEqual([['x1', 'd1']]);
    expect(plan.repeatedDocuments.map((r) => [r.incoming.id, r.sameAs.id])).toEqual([['x3', 'x2']]);
    expect(plan.identicalSpans.map((p) => [p.incoming.id, p.existing.id])).toEqual([['i-source', 's-source']]);
    expect(plan.newSpans.map((s) => s.id)).toEqual(['i-date']);
    expect(plan.conflicts.map((c) => [c.incoming.id, c.kind, c.existing.map((e) => e.id)])).toEqual([
      ['i-org-wider', 'boundaries', ['s-org']],
      ['i-claim', 'boundaries', ['s-claim']],
      ['i-loc-as-org', 'relabelled', ['s-loc']],
    ]);
    expect(plan.spansOfNewDocuments).toBe(4);
    // Same names (Latin compared without case) → the registry's entry; details differ (no alias).
    expect(plan.sameSources.map((s) => [s.incoming.id, s.existing.id, s.differs])).toEqual([['in-ministry', 'src-ministry', true]]);
    expect(plan.newSources.map((s) => s.id)).toEqual(['in-sana']);
    expect(plan.labelsAdded.map((l) => l.id)).toEqual(['EVENT']);
    // By default conflicts keep the corpus's spans, so the attribution on the wider claim loses its claim.
    expect(plan.missingEnds.map((m) => [m.incoming.id, m.missing, m.outcome])).toEqual([['ia-1', ['claim'], 'skipped']]);
    expect(plan.newAttributions).toBe(1);
  });

  it('adds the attribute values of the file that the corpus lacks, with its labels, in one undoable change', () => {
    const incoming = incomingCorpus();
    const values = { ...DEFAULT_ATTRIBUTE_VALUES, stance: [...DEFAULT_ATTRIBUTE_VALUES.stance, 'sarcastic'], claimType: ['statement', 'threat'] };
    const withValues = createCorpusState({ ...incoming.corpus, schema: { ...incoming.corpus.schema, attributes: values } }, incoming.documents.values(), incoming.spans.values(), incoming.sources.values(), incoming.attributions.values());
    const before = existingCorpus();
    const plan = planMerge(before, withValues);
    expect(plan.attributeValuesAdded).toEqual({ stance: ['sarcastic'], claimType: ['threat'] });
    const tx = mergeTransaction(before, withValues, plan, testContext(), phrase('change.mergeDataset', { file: 'values.json' }))!;
    const after = applyTransaction(before, tx);
    const attributes = after.corpus.schema.attributes!;
    expect(attributes.stance).toEqual([...DEFAULT_ATTRIBUTE_VALUES.stance, 'sarcastic']);
    // The corpus's own values stay, in their order; the file's come after them.
    expect(attributes.claimType).toEqual([...DEFAULT_ATTRIBUTE_VALUES.claimType, 'threat']);
    expect(attributes.quotation).toEqual(DEFAULT_ATTRIBUTE_VALUES.quotation);
    expect(after.corpus.schema.labels.map((l) => l.id)).toContain('EVENT');
    expect(snapshot(applyTransaction(after, invertTransaction(tx)))).toEqual(snapshot(before));
    // A file whose values the corpus already has adds none.
    expect(planMerge(after, withValues).attributeValuesAdded).toEqual({});
  });

  it('an attribution whose claim and source are already there counts as identical', () => {
    const incoming = incomingCorpus();
    const claim = span('i-claim-same', 'x1', TEXT, 'الهدنة صامدة', 'CLAIM');
    const state = createCorpusState(incoming.corpus, incoming.documents.values(), [...incoming.spans.values(), claim], incoming.sources.values(), [
      { id: 'ia-same', corpusId: 'incoming', docId: 'x1', claimSpanId: 'i-claim-same', sourceId: 'in-ministry', annotator: '', createdAt: NOW },
    ]);
    const plan = planMerge(existingCorpus(), state);
    expect(plan.identicalAttributions).toBe(1);
    expect(plan.missingEnds).toEqual([]);
  });
});

describe('mergeTransaction', () => {
  const merge = (choices: MergeChoices): { before: CorpusState; after: CorpusState; tx: NonNullable<ReturnType<typeof mergeTransaction>> } => {
    const before = existingCorpus();
    const incoming = incomingCorpus();
    const plan = planMerge(before, incoming, choices);
    const tx = mergeTransaction(before, incoming, plan, testContext(), phrase('change.mergeDataset', { file: 'test.jsonl' }))!;
    return { before, after: applyTransaction(before, tx), tx };
  };

  it('keep existing: adds the new document and new spans, leaves conflicts as they were; undo restores the corpus exactly', () => {
    const { before, after, tx } = merge(DEFAULT_MERGE_CHOICES);
    expect(tx.addToHistory).toBe(true);
    expect(texts(after, 'd1')).toEqual(['DATE:أكد', 'SOURCE:الناطق باسم الوزارة', 'ORG:الوزارة', 'CLAIM:الهدنة صامدة', 'LOC:حلب']);
    const added = [...after.documents.values()].find((d) => d.text === OTHER)!;
    expect(added.id).not.toBe('x2');
    expect(added.corpusId).toBe('corpus-1');
    expect(added.order).toBe(1);
    expect(texts(after, added.id)).toEqual(['CUE:قالت', 'ORG:وكالة سانا', 'CLAIM:الطريق إلى دمشق مفتوح', 'LOC:دمشق']);
    const sana = [...after.sources.values()].find((s) => s.nameLatin === 'SANA')!;
    const attribution = [...after.attributions.values()].find((a) => a.docId === added.id)!;
    expect(attribution.sourceId).toBe(sana.id);
    expect(after.spans.get(attribution.claimSpanId)!.label).toBe('CLAIM');
    expect(after.spans.get(attribution.cueSpanId!)!.label).toBe('CUE');
    expect(after.sources.get('src-ministry')!.aliasesLatin).toEqual(['MoFA']);
    expect(after.corpus.schema.labels.map((l) => l.id)).toContain('EVENT');
    expect(snapshot(applyTransaction(after, invertTransaction(tx)))).toEqual(snapshot(before));
  });

  it('take incoming: the file’s conflicting spans replace the corpus’s, attributions on removed spans are repaired, sources take the file’s details', () => {
    const { before, after, tx } = merge({ newSpans: 'keep-existing', conflicts: 'take-incoming', sources: 'take-incoming', missingEnds: 'keep-partial' });
    expect(texts(after, 'd1')).toEqual(['SOURCE:الناطق باسم الوزارة', 'ORG:باسم الوزارة', 'CLAIM:الهدنة صامدة في حلب', 'ORG:حلب']);
    // The corpus's attribution hung on the replaced claim: it went with it; the file's attribution came in, on the existing SOURCE span.
    const inD1 = [...after.attributions.values()].filter((a) => a.docId === 'd1');
    expect(inD1).toHaveLength(1);
    expect(after.spans.get(inD1[0]!.claimSpanId)!.end).toBe(at(TEXT, 'الهدنة صامدة في حلب').end);
    expect(inD1[0]!.mentionSpanId).toBe('s-source');
    expect(inD1[0]!.sourceId).toBe('src-ministry');
    expect(after.sources.get('src-ministry')!.aliasesLatin).toEqual([]);
    expect(after.sources.get('src-ministry')!.nameLatin).toBe('ministry');
    expect(snapshot(applyTransaction(after, invertTransaction(tx)))).toEqual(snapshot(before));
  });

  it('keep both: the file’s conflicting spans are added beside the corpus’s, except where crossing is forbidden', () => {
    const { after } = merge({ ...DEFAULT_MERGE_CHOICES, conflicts: 'keep-both' });
    expect(texts(after, 'd1')).toEqual([
      'DATE:أكد',
      'SOURCE:الناطق باسم الوزارة',
      'ORG:باسم الوزارة',
      'ORG:الوزارة',
      'CLAIM:الهدنة صامدة في حلب',
      'CLAIM:الهدنة صامدة',
      'LOC:حلب',
      'ORG:حلب',
    ]);
  });

  it('attributions with a missing mention are kept without it, or skipped, as chosen', () => {
    const incoming = incomingCorpus();
    // The mention is a new span in a matched document; with new spans not taken, it is missing.
    const mention = span('i-mention', 'x1', TEXT, 'الناطق', 'SOURCE');
    const claim = span('i-claim-same', 'x1', TEXT, 'الهدنة صامدة', 'CLAIM');
    const state = createCorpusState(incoming.corpus, incoming.documents.values(), [...incoming.spans.values(), mention, claim], incoming.sources.values(), [
      { id: 'ia-new', corpusId: 'incoming', docId: 'x1', claimSpanId: 'i-claim-same', sourceId: 'in-sana', mentionSpanId: 'i-mention', annotator: '', createdAt: NOW },
    ]);
    const existing = existingCorpus();
    for (const missingEnds of ['keep-partial', 'skip'] as const) {
      const plan = planMerge(existing, state, { ...DEFAULT_MERGE_CHOICES, newSpans: 'keep-existing', missingEnds });
      expect(plan.missingEnds.map((m) => [m.incoming.id, m.missing, m.outcome])).toEqual([['ia-new', ['mention'], missingEnds === 'skip' ? 'skipped' : 'kept-partial']]);
      const after = applyTransaction(existing, mergeTransaction(existing, state, plan, testContext(), phrase('change.mergeDataset', { file: 'x.jsonl' }))!);
      const added = [...after.attributions.values()].filter((a) => a.id !== 'a-1' && a.docId === 'd1');
      expect(added.map((a) => [a.claimSpanId, a.mentionSpanId])).toEqual(missingEnds === 'skip' ? [] : [['s-claim', undefined]]);
    }
  });

  it('a file with nothing new makes no transaction', () => {
    const existing = existingCorpus();
    const same = createCorpusState({ ...existing.corpus, id: 'incoming' }, existing.documents.values(), existing.spans.values(), existing.sources.values(), existing.attributions.values());
    const plan = planMerge(existing, same);
    expect(plan.identicalSpans).toHaveLength(4);
    expect(plan.identicalAttributions).toBe(1);
    expect(mergeTransaction(existing, same, plan, testContext(), phrase('change.mergeDataset', { file: 'x.jsonl' }))).toBeNull();
  });
});

describe('merging a doccano file read by the shared reader', () => {
  it('UTF-16 offsets with an emoji land on the same text; the report keeps the skipped line', () => {
    const existing = createCorpusState(existingCorpus().corpus, [doc('d2', OTHER)], [span('e-loc', 'd2', OTHER, 'دمشق', 'LOC')]);
    const loc = at(OTHER, 'دمشق');
    const tail = at(OTHER, 'منذ الصباح');
    const lines = [
      JSON.stringify({ id: 1, text: OTHER, label: [[loc.start, loc.end, 'ORG'], [tail.start, tail.end, 'DATE']] }),
      '{"text": "سطر مقطوع", "label": [[0, 3',
    ];
    const read = readDataset([{ path: 'ann.jsonl', contents: lines.join('\n') + '\n' }]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.dataset.format).toBe('doccano');
    expect(read.dataset.notes.some((n) => n.kind === 'skipped' && n.line === 2)).toBe(true);
    const plan = planMerge(existing, read.dataset.state);
    expect(plan.conflicts.map((c) => c.kind)).toEqual(['relabelled']);
    expect(plan.newSpans).toHaveLength(1);
    const after = applyTransaction(existing, mergeTransaction(existing, read.dataset.state, plan, testContext(), phrase('change.mergeDataset', { file: 'x.jsonl' }))!);
    expect(texts(after, 'd2')).toEqual(['LOC:دمشق', 'DATE:منذ الصباح']);
  });
});
