import { describe, expect, it } from 'vitest';
import { addSpan } from '../../../shared/model/commands';
import { addAttribution, setPublisher } from '../../../shared/model/attribution-commands';
import { buildSampleCorpus } from '../../../shared/model/sample-corpus';
import { createCorpusState } from '../../../shared/model/state';
import { sha256Hex } from '../../../shared/model/hash';
import { applyTransaction, type Transaction } from '../../../shared/model/transaction';
import { makeSnapshot, normaliseSnapshotSettings, readSnapshot, DEFAULT_SNAPSHOT_SETTINGS } from '../../../shared/snapshots/snapshot';
import { isSnapshotFileName, newestFirst, parseSnapshotFileName, snapshotFileName } from '../../../shared/snapshots/snapshot-files';
import { snapshot, testContext } from '../helpers/tagged';

function annotatedSample() {
  const ctx = testContext();
  const records = buildSampleCorpus(ctx);
  let state = createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions);
  const claim = [...state.spans.values()].find((s) => s.label === 'CLAIM')!;
  const mention = [...state.spans.values()].find((s) => s.label === 'SOURCE' && s.docId === claim.docId)!;
  const source = [...state.sources.values()][0]!;
  state = applyTransaction(state, (addAttribution(state, { claimSpanId: claim.id, sourceId: source.id, mentionSpanId: mention.id }, ctx) as { tx: Transaction }).tx);
  state = applyTransaction(state, (setPublisher(state, { docId: claim.docId, sourceId: source.id }) as { tx: Transaction }).tx);
  const doc = [...state.documents.values()][0]!;
  return { state, doc, ctx };
}

describe('snapshots', () => {
  it('a snapshot restores to exactly the records it was taken from (ids, offsets, attributions, publishers)', () => {
    const { state } = annotatedSample();
    const made = makeSnapshot(state, 'scheduled', '2026-12-02T10:00:00.000Z');
    if (!made.ok) throw new Error(made.problems.join(' '));
    expect(made.draft.info).toEqual({ corpusId: state.corpus.id, takenAt: '2026-12-02T10:00:00.000Z', reason: 'scheduled', documents: state.documents.size, spans: state.spans.size });
    const back = readSnapshot(made.draft.json, { ...state.corpus, importSettings: { fieldMapping: {}, collapseRepeatedParagraphs: true } as never });
    if (!back.ok) throw new Error(back.problems.join(' '));
    const restored = createCorpusState(back.records.corpus, back.records.documents, back.records.spans, back.records.sources, back.records.attributions);
    const { corpus: _a, ...restoredRest } = snapshot(restored) as { corpus: unknown };
    const { corpus: _b, ...originalRest } = snapshot(state) as { corpus: unknown };
    expect(restoredRest).toEqual(originalRest);
    expect(restored.corpus.schema).toEqual(state.corpus.schema);
    // The corpus keeps its own id and import settings.
    expect(restored.corpus.importSettings).toEqual({ fieldMapping: {}, collapseRepeatedParagraphs: true });
  });

  it('keeps code-point offsets exact for text outside the Basic Multilingual Plane', () => {
    const { state, doc, ctx } = annotatedSample();
    const text = `𝐀 ${doc.text}`;
    const shifted = createCorpusState(state.corpus, [{ ...doc, text, sha256: sha256Hex(text) }], [], [...state.sources.values()], []);
    const start = text.indexOf(' ') + 1;
    const withSpan = applyTransaction(shifted, (addSpan(shifted, { docId: doc.id, start, end: start + 4, label: 'LOC' }, ctx) as { tx: Transaction }).tx);
    const made = makeSnapshot(withSpan, 'manual', '2026-12-02T10:00:00.000Z');
    if (!made.ok) throw new Error(made.problems.join(' '));
    const back = readSnapshot(made.draft.json, withSpan.corpus);
    if (!back.ok) throw new Error(back.problems.join(' '));
    expect(back.records.spans.map((s) => [s.start, s.end])).toEqual([[start, start + 4]]);
  });

  it('a damaged snapshot is refused with the reason, nothing half-read', () => {
    const { state } = annotatedSample();
    const made = makeSnapshot(state, 'manual', '2026-12-02T10:00:00.000Z');
    if (!made.ok) throw new Error('export failed');
    expect(readSnapshot(made.draft.json.slice(0, made.draft.json.length / 2), state.corpus)).toMatchObject({ ok: false, problems: [expect.stringMatching(/not valid JSON/)] });
    const edited = made.draft.json.replace(/"text": ?"(.)/, '"text":"X');
    expect(edited).not.toBe(made.draft.json);
    expect(readSnapshot(edited, state.corpus).ok).toBe(false);
  });

  it('settings are clamped to their limits; nonsense becomes the default', () => {
    expect(normaliseSnapshotSettings(null)).toEqual(DEFAULT_SNAPSHOT_SETTINGS);
    expect(normaliseSnapshotSettings({ intervalMinutes: 0, keep: 10_000 })).toEqual({ intervalMinutes: 1, keep: 200 });
    expect(normaliseSnapshotSettings({ intervalMinutes: Number.NaN, keep: 2.6 })).toEqual({ intervalMinutes: 10, keep: 3 });
  });
});

describe('snapshot file names', () => {
  it('carry the time, the reason and the counts, and read back the same', () => {
    const info = { takenAt: '2026-11-29T10:15:00.123Z', reason: 'before-restore' as const, documents: 3, spans: 42 };
    const name = snapshotFileName(info);
    expect(name).toBe('2026-11-29T10-15-00.123Z.before-restore.3d.42s.isnad.json');
    expect(parseSnapshotFileName(name, 'c')).toEqual({ ...info, id: name, corpusId: 'c' });
  });

  it('only names Isnad makes are snapshot names', () => {
    for (const name of ['notes.json', '../2026-11-29T10-15-00.123Z.manual.1d.1s.isnad.json', '2026-11-29T10-15-00.123Z.other.1d.1s.isnad.json', '.2026-11-29T10-15-00.123Z.manual.1d.1s.isnad.json.abcdef123456.tmp']) {
      expect(isSnapshotFileName(name)).toBe(false);
      expect(parseSnapshotFileName(name, 'c')).toBeNull();
    }
    expect(() => snapshotFileName({ takenAt: '../x', reason: 'manual', documents: 0, spans: 0 })).toThrow(/Not a snapshot time/);
  });

  it('lists newest first', () => {
    const a = parseSnapshotFileName('2026-11-29T10-15-00.000Z.manual.1d.1s.isnad.json', 'c')!;
    const b = parseSnapshotFileName('2026-11-30T09-00-00.000Z.quit.1d.1s.isnad.json', 'c')!;
    expect(newestFirst([a, b]).map((s) => s.reason)).toEqual(['quit', 'manual']);
  });
});
