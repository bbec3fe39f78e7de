/**
 * Automatic snapshots of a corpus: what one is (a native-format file plus a few facts for
 * the list), how it is made from the state, and how the stored records are rebuilt from it
 * for a restore. Pure: the storage (IndexedDB in the browser, files in Electron) is elsewhere.
 */
import { exportNative, parseNative, type ParsedNative } from '../formats/native';
import { minHashSignature } from '../model/near-duplicates';
import type { CorpusState } from '../model/state';
import type { AttributionRecord, CorpusRecord, DocumentRecord, SourceRecord, SpanRecord } from '../model/types';
import type { SnapshotInfo, SnapshotReason } from './snapshot-info';

export * from './snapshot-info';

/** A snapshot ready to store: its facts (without the id the storage gives it) and its file. */
export interface SnapshotDraft {
  info: Omit<SnapshotInfo, 'id'>;
  json: string;
}

/**
 * Makes a snapshot of the state: the corpus in the native format, verified like any export.
 * Returns the problems instead when a span does not match its text.
 */
export function makeSnapshot(state: CorpusState, reason: SnapshotReason, takenAt: string): { ok: true; draft: SnapshotDraft } | { ok: false; problems: string[] } {
  const result = exportNative(state, { exportedAt: takenAt, offsetUnit: 'codepoint', generator: `Isnad snapshot (${reason})` });
  if (!result.ok) return result;
  return { ok: true, draft: { info: { corpusId: state.corpus.id, takenAt, reason, documents: result.file.documents.length, spans: result.spanCount }, json: result.json } };
}

/** Every stored record of a corpus, as a restore writes them. */
export interface RestoredRecords {
  corpus: CorpusRecord;
  documents: DocumentRecord[];
  spans: SpanRecord[];
  sources: SourceRecord[];
  attributions: AttributionRecord[];
}

/**
 * The records a snapshot holds, for the corpus `into` (its id and import settings are kept;
 * the name, creation time and label schema come from the snapshot). Ids are the snapshot's
 * own, so a restored corpus is the corpus as it was.
 */
export function recordsFromSnapshot(parsed: ParsedNative, into: CorpusRecord): RestoredRecords {
  const corpusId = into.id;
  const corpus: CorpusRecord = { ...into, name: parsed.corpus.name, createdAt: parsed.corpus.createdAt, schema: structuredClone(parsed.schema) };
  return {
    corpus,
    documents: parsed.documents.map((d) => ({ ...d, corpusId, minhash: minHashSignature(d.text) })),
    spans: parsed.spans.map((s) => ({ ...s, corpusId })),
    sources: parsed.sources.map((s) => ({ ...s, corpusId })),
    attributions: parsed.attributions.map((a) => ({ ...a, corpusId })),
  };
}

/** Reads a stored snapshot file back into records, or the problems that stop it. */
export function readSnapshot(json: string, into: CorpusRecord): { ok: true; records: RestoredRecords } | { ok: false; problems: string[] } {
  const parsed = parseNative(json);
  if (!parsed.ok) return parsed;
  return { ok: true, records: recordsFromSnapshot(parsed.value, into) };
}
