/**
 * A corpus state made into the records of a new corpus: every record moved to the new corpus
 * id, ids kept where no stored record has them (so that a native export imported into a new
 * corpus is the identical corpus) and replaced where one does (record ids are unique across
 * all corpora of the database), with every reference following its record.
 */
import type { CorpusState } from './state';
import type { AttributionRecord, CorpusRecord, DocumentRecord, SourceRecord, SpanRecord } from './types';

/** The tables whose ids must be unique across corpora. */
export type RecordTable = 'documents' | 'spans' | 'sources' | 'attributions';

/** Every record of one corpus. */
export interface CorpusRecordSet {
  corpus: CorpusRecord;
  documents: DocumentRecord[];
  spans: SpanRecord[];
  sources: SourceRecord[];
  attributions: AttributionRecord[];
}

/** What making the records needs: the new corpus, which ids are taken, and fresh ids. */
export interface NewCorpusOptions {
  corpusId: string;
  name: string;
  /** Whether a stored record (of any corpus) already has this id. */
  isTaken(table: RecordTable, id: string): boolean;
  newId(): string;
}

/** The ids of a state's records, by table (to ask the database which are taken). */
export function recordIds(state: CorpusState): Record<RecordTable, string[]> {
  return { documents: [...state.documents.keys()], spans: [...state.spans.keys()], sources: [...state.sources.keys()], attributions: [...state.attributions.keys()] };
}

/** The records of a new corpus holding everything of `state` (see the module comment). */
export function recordsForNewCorpus(state: CorpusState, options: NewCorpusOptions): CorpusRecordSet {
  const { corpusId } = options;
  const remap = (table: RecordTable): ((id: string) => string) => {
    const map = new Map<string, string>();
    return (id) => {
      let next = map.get(id);
      if (next === undefined) {
        next = options.isTaken(table, id) ? options.newId() : id;
        map.set(id, next);
      }
      return next;
    };
  };
  const doc = remap('documents');
  const span = remap('spans');
  const source = remap('sources');
  const attribution = remap('attributions');
  return {
    corpus: { ...state.corpus, id: corpusId, name: options.name },
    documents: [...state.documents.values()].map((d) => ({ ...d, id: doc(d.id), corpusId, ...(d.publisherId ? { publisherId: source(d.publisherId) } : {}) })),
    spans: [...state.spans.values()].map((s) => ({ ...s, id: span(s.id), corpusId, docId: doc(s.docId) })),
    sources: [...state.sources.values()].map((s) => ({ ...s, id: source(s.id), corpusId })),
    attributions: [...state.attributions.values()].map((a) => ({
      ...a,
      id: attribution(a.id),
      corpusId,
      docId: doc(a.docId),
      claimSpanId: span(a.claimSpanId),
      sourceId: source(a.sourceId),
      ...(a.mentionSpanId ? { mentionSpanId: span(a.mentionSpanId) } : {}),
      ...(a.cueSpanId ? { cueSpanId: span(a.cueSpanId) } : {}),
      ...(a.viaId ? { viaId: attribution(a.viaId) } : {}),
    })),
  };
}
