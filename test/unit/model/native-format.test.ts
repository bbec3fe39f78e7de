import { problemTexts } from '../../../shared/formats/dataset';
import { describe, expect, it } from 'vitest';
import { addSpan } from '../../../shared/model/commands';
import { importFiles } from '../../../shared/model/import';
import { buildSampleCorpus } from '../../../shared/model/sample-corpus';
import { createCorpusState, spansOfDocument } from '../../../shared/model/state';
import { applyTransaction, type Transaction } from '../../../shared/model/transaction';
import { addAttribution, integrityProblems, setPublisher } from '../../../shared/model/attribution-commands';
import { exportNative, nativeExportFileName, parseNative, verifyNativeFile } from '../../../shared/formats/native';
import { NATIVE_FORMAT_VERSION, nativeFileSchema } from '../../../shared/formats/native-schema';
import { stateWithDocument, tagged, testContext, testTransaction } from '../helpers/tagged';

const EXPORTED_AT = '2026-02-02T10:00:00.000Z';

function sampleState() {
  const records = buildSampleCorpus(testContext());
  return createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions);
}

describe('native export', () => {
  it('declares its version and unit, and every span slices to its quote in code points', () => {
    const result = exportNative(sampleState(), { exportedAt: EXPORTED_AT });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const file = JSON.parse(result.json);
    expect(file).toMatchObject({ format: 'isnad-corpus', formatVersion: 2, offsetUnit: 'codepoint' });
    expect(nativeFileSchema.safeParse(file).success).toBe(true);
    expect(file.schema.labels.map((l: { id: string }) => l.id)).toEqual(['PER', 'ORG', 'LOC', 'DATE', 'CLAIM', 'SOURCE', 'CUE']);
    let checked = 0;
    for (const doc of file.documents) {
      expect(doc.meta.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(doc.meta.encoding).toBe('utf-8');
      const codePoints = Array.from(doc.text as string);
      for (const span of doc.spans) {
        expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('code-point and UTF-16 offsets differ after an astral character, and both verify', () => {
    const { text, tags } = tagged('😀 قالت <a>وكالة قاسيون<b> إن');
    let state = stateWithDocument(text);
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'SOURCE' }, testContext())).state;
    const cp = exportNative(state, { exportedAt: EXPORTED_AT, offsetUnit: 'codepoint' });
    const u16 = exportNative(state, { exportedAt: EXPORTED_AT, offsetUnit: 'utf16' });
    if (!cp.ok || !u16.ok) throw new Error('export failed');
    const cpSpan = cp.file.documents[0]!.spans[0]!;
    const u16Span = u16.file.documents[0]!.spans[0]!;
    expect(u16Span.start - cpSpan.start).toBe(1);
    expect(cpSpan.text).toBe('وكالة قاسيون');
    expect(Array.from(text).slice(cpSpan.start, cpSpan.end).join('')).toBe('وكالة قاسيون');
    expect(text.slice(u16Span.start, u16Span.end)).toBe('وكالة قاسيون');
  });

  it('aborts with a clear problem when a span does not match its text', () => {
    const state = sampleState();
    const result = exportNative(state, { exportedAt: EXPORTED_AT });
    if (!result.ok) throw new Error('export failed');
    const tampered = structuredClone(result.file);
    tampered.documents[0]!.spans[0]!.start += 1;
    const problems = verifyNativeFile(tampered);
    expect(problems.length).toBe(1);
    expect(problems[0]?.text).toMatch(/reads “.*” but quotes “/);
  });

  it('refuses to export a span whose offsets no longer fit the text (no silent shift)', () => {
    const state = sampleState();
    const span = [...state.spans.values()][0]!;
    const broken = { ...state, spans: new Map([[span.id, { ...span, end: 10_000 }]]) };
    const result = exportNative(broken, { exportedAt: EXPORTED_AT });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toMatch(/outside the text/);
  });

  it('detects a text that no longer matches its SHA-256', () => {
    const result = exportNative(sampleState(), { exportedAt: EXPORTED_AT });
    if (!result.ok) throw new Error('export failed');
    const tampered = structuredClone(result.file);
    tampered.documents[1]!.text += ' ';
    expect(problemTexts(verifyNativeFile(tampered)).join(' ')).toMatch(/SHA-256/);
  });

  it('names the file after the corpus and date', () => {
    expect(nativeExportFileName('Sample corpus', EXPORTED_AT)).toBe('isnad-sample-corpus-2026-02-02.json');
    expect(nativeExportFileName('مدونة', EXPORTED_AT)).toBe('isnad-corpus-2026-02-02.json');
  });
});

describe('native import', () => {
  it('round trip: export, import into an empty corpus, export again gives the same documents and spans', () => {
    const original = sampleState();
    const first = exportNative(original, { exportedAt: EXPORTED_AT });
    if (!first.ok) throw new Error('export failed');
    const empty = createCorpusState(original.corpus);
    const outcome = importFiles(empty, [{ name: 'corpus.json', bytes: new TextEncoder().encode(first.json) }], testContext());
    expect(outcome.report.refused).toEqual([]);
    expect(outcome.report.imported).toHaveLength(3);
    const restored = applyTransaction(empty, outcome.tx!);
    const second = exportNative(restored, { exportedAt: EXPORTED_AT });
    if (!second.ok) throw new Error('second export failed');
    expect(second.file).toEqual(first.file);
    for (const doc of original.documents.values()) {
      expect(spansOfDocument(restored, doc.id)).toEqual(spansOfDocument(original, doc.id));
    }
  });

  it('skips documents already in the corpus and reports them', () => {
    const original = sampleState();
    const first = exportNative(original, { exportedAt: EXPORTED_AT });
    if (!first.ok) throw new Error('export failed');
    const outcome = importFiles(original, [{ name: 'again.json', bytes: new TextEncoder().encode(first.json) }], testContext());
    expect(outcome.tx).toBeNull();
    expect(outcome.report.duplicates).toHaveLength(3);
  });

  it('refuses broken JSON, a future version and a mismatched quote, each with a reason; other JSON is read as records', () => {
    const state = sampleState();
    const good = exportNative(state, { exportedAt: EXPORTED_AT });
    if (!good.ok) throw new Error('export failed');
    const future = { ...good.file, formatVersion: 99 };
    const mismatched = structuredClone(good.file);
    mismatched.documents[0]!.spans[0]!.text = 'شيء آخر';
    const files = [
      { name: 'broken.json', text: '{"format": "isnad-corpus", ' },
      { name: 'other.json', text: '[{"text": "مرحبا"}]' },
      { name: 'future.json', text: JSON.stringify(future) },
      { name: 'mismatch.json', text: JSON.stringify(mismatched) },
    ];
    const outcome = importFiles(createCorpusState(state.corpus), files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) })), testContext());
    expect(outcome.report.imported.map((i) => i.fileName)).toEqual(['other.json #1']);
    const messages = Object.fromEntries(outcome.report.refused.map((r) => [r.fileName, r.message]));
    expect(Object.keys(messages).sort()).toEqual(['broken.json', 'future.json', 'mismatch.json']);
    expect(messages['broken.json']).toMatch(/broken\.json.*(not valid JSON|line 1)/);
    expect(messages['future.json']).toMatch(/version 99/);
    expect(messages['mismatch.json']).toMatch(/quotes “شيء آخر”/);
  });

  it('parseNative converts code points back to UTF-16 offsets', () => {
    const { text, tags } = tagged('𝐀𝐁 <a>إدلب<b>');
    let state = stateWithDocument(text);
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'LOC' }, testContext())).state;
    const exported = exportNative(state, { exportedAt: EXPORTED_AT });
    if (!exported.ok) throw new Error('export failed');
    expect(exported.file.documents[0]!.spans[0]!.start).toBe(3);
    const parsed = parseNative(exported.json);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(parsed.value.spans[0]).toMatchObject({ start: tags.a, end: tags.b });
  });
});

describe('native format migrations', () => {
  it('every native format version, up to the current one, has a fixture that opens here with all its documents, spans and attributions', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    for (let version = 1; version <= NATIVE_FORMAT_VERSION; version += 1) {
      const path = fileURLToPath(new URL(`../../fixtures/native/v${version}.json`, import.meta.url));
      expect(existsSync(path), `test/fixtures/native/v${version}.json is missing: keep a file written by format version ${version}`).toBe(true);
      const text = readFileSync(path, 'utf8');
      const raw = JSON.parse(text) as { formatVersion: number; documents: Array<{ id: string; text: string; spans: unknown[]; attributions?: unknown[] }> };
      expect(raw.formatVersion).toBe(version);
      const parsed = parseNative(text);
      if (!parsed.ok) throw new Error(`v${version}: ${parsed.problems.join(' ')}`);
      expect(parsed.value.fromVersion).toBe(version);
      expect(parsed.value.documents.map((d) => [d.id, d.text])).toEqual(raw.documents.map((d) => [d.id, d.text]));
      for (const doc of raw.documents) {
        expect(parsed.value.spans.filter((s) => s.docId === doc.id)).toHaveLength(doc.spans.length);
        expect(parsed.value.attributions.filter((a) => a.docId === doc.id)).toHaveLength(doc.attributions?.length ?? 0);
      }
    }
  });

  it('a version-1 file (fixture) is migrated to version 2: same documents and spans, empty registry and attributions', async () => {
    const { readFile } = await import('node:fs/promises');
    const { fileURLToPath } = await import('node:url');
    const v1 = await readFile(fileURLToPath(new URL('../../fixtures/native/v1.json', import.meta.url)), 'utf8');
    expect(JSON.parse(v1).formatVersion).toBe(1);
    const parsed = parseNative(v1);
    if (!parsed.ok) throw new Error(parsed.problems.join(' '));
    expect(parsed.value.fromVersion).toBe(1);
    expect(parsed.value.sources).toEqual([]);
    expect(parsed.value.attributions).toEqual([]);
    expect(parsed.value.documents).toHaveLength(2);
    expect(parsed.value.spans).toHaveLength(8);
    // Importing it and exporting again gives a version-2 file with the same documents and spans.
    const state = sampleState();
    const empty = createCorpusState(state.corpus);
    const outcome = importFiles(empty, [{ name: 'old.json', bytes: new TextEncoder().encode(v1) }], testContext());
    const restored = applyTransaction(empty, outcome.tx!);
    const again = exportNative(restored, { exportedAt: EXPORTED_AT });
    if (!again.ok) throw new Error(again.problems.join(' '));
    expect(again.file.formatVersion).toBe(2);
    const old = JSON.parse(v1);
    // Into another corpus than the one it came from, its records get fresh ids (ids are unique across corpora).
    const withoutIds = (spans: Array<{ id?: string }>): unknown[] => spans.map(({ id: _id, ...rest }) => rest);
    expect(again.file.documents.map((d) => ({ text: d.text, spans: withoutIds(d.spans) }))).toEqual(old.documents.map((d: { text: string; spans: Array<{ id?: string }> }) => ({ text: d.text, spans: withoutIds(d.spans) })));
    expect(again.file.documents[0]!.id).not.toBe(old.documents[0].id);
  });

  it('attributions, the registry and publishers survive export and import; broken references are refused', () => {
    const state = sampleState();
    const ctx = testContext();
    const claim = [...state.spans.values()].find((s) => s.label === 'CLAIM')!;
    const mention = [...state.spans.values()].find((s) => s.label === 'SOURCE')!;
    const source = [...state.sources.values()].find((s) => s.nameLatin === 'RIA Novosti')!;
    let s = applyTransaction(state, (addAttribution(state, { claimSpanId: claim.id, sourceId: source.id, mentionSpanId: mention.id }, ctx) as { tx: Transaction }).tx);
    s = applyTransaction(s, (setPublisher(s, { docId: claim.docId, sourceId: source.id }) as { tx: Transaction }).tx);
    const exported = exportNative(s, { exportedAt: EXPORTED_AT });
    if (!exported.ok) throw new Error(exported.problems.join(' '));
    const outcome = importFiles(createCorpusState(state.corpus), [{ name: 'c.json', bytes: new TextEncoder().encode(exported.json) }], testContext());
    const restored = applyTransaction(createCorpusState(state.corpus), outcome.tx!);
    expect(integrityProblems(restored)).toEqual([]);
    const again = exportNative(restored, { exportedAt: EXPORTED_AT });
    if (!again.ok) throw new Error(again.problems.join(' '));
    expect(again.file.documents).toEqual(exported.file.documents);
    expect(again.file.registry).toEqual(exported.file.registry);
    const broken = structuredClone(exported.file);
    broken.documents.find((d) => d.attributions.length)!.attributions[0]!.claimSpanId = mention.id;
    expect(problemTexts(verifyNativeFile(broken)).join(' ')).toMatch(/SOURCE span as its claim/);
  });
});

describe('native import into another corpus', () => {
  it('gives every record a fresh id, so the corpus the file came from keeps its records', () => {
    const original = sampleState();
    const file = exportNative(original, { exportedAt: EXPORTED_AT });
    if (!file.ok) throw new Error('export failed');
    const other = createCorpusState({ ...original.corpus, id: 'corpus-other', name: 'Other' });
    const outcome = importFiles(other, [{ name: 'corpus.json', bytes: new TextEncoder().encode(file.json) }], testContext());
    const after = applyTransaction(other, outcome.tx!);
    expect(after.documents.size).toBe(original.documents.size);
    for (const id of [...after.documents.keys(), ...after.spans.keys()]) {
      expect(original.documents.has(id) || original.spans.has(id)).toBe(false);
    }
    expect(after.spans.size).toBe(original.spans.size);
  });
});
