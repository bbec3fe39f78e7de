/**
 * Stored records of a corpus. These are the shapes in IndexedDB and in the in-memory state;
 * exports have their own shapes in `shared/formats/`.
 * Offsets are UTF-16 code units into the document text, in logical order (DESIGN.md §2).
 */
import type { LabelSchema } from './schema';
import type { EncodingMethod, TextEncodingName } from '../text/decode';
import type { FieldMapping, SourceFormat } from '../formats/article-draft';

/** Workflow status of a document, shown in the document list. */
export type DocumentStatus = 'todo' | 'in-progress' | 'done';

/** Import preferences remembered per corpus. */
export interface ImportSettings {
  /** Which record fields (JSON, JSON Lines, CSV) hold the text, title, URL, date, outlet, id. */
  fieldMapping: FieldMapping;
  /** Remove later copies of paragraphs that a scraper repeated. */
  collapseRepeatedParagraphs: boolean;
}

/** A corpus: its label schema and name. Documents and spans point at it by id. */
export interface CorpusRecord {
  id: string;
  name: string;
  schema: LabelSchema;
  createdAt: string;
  /** Absent in corpora made before import settings existed: use the defaults. */
  importSettings?: ImportSettings;
}

/** Where a document came from and how its bytes were decoded. */
export interface DocumentMeta {
  /** The original file name, when the document came from a file. */
  fileName?: string;
  origin: 'sample' | 'file' | 'native-import';
  /** The file format the article came from (absent in version-1 databases: plain text). */
  format?: SourceFormat;
  encoding: TextEncodingName;
  /** How the encoding was decided: byte-order mark, valid UTF-8, statistical detection, the file's declaration, or the user. */
  encodingMethod: EncodingMethod;
  /** 0..1; 1 when decided by a BOM or by valid UTF-8. */
  encodingConfidence: number;
  /** The line endings the file had before they were made `\n`. */
  lineEndings: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
  importedAt: string;
  /** The outlet that published it (editable). */
  outlet?: string;
  /** Where it was published (editable). */
  url?: string;
  /** Publication date as given by the source (editable; not parsed). */
  date?: string;
  /** The record id in the file it came from (JSON, JSON Lines, CSV). */
  externalId?: string;
  /** How many paragraphs of the stored text occur more than once (0 when none). */
  repeatedParagraphs?: number;
  /** Set when later copies of repeated paragraphs were removed at import. */
  collapsedRepeats?: { removedParagraphs: number };
}

/** The document fields a user may edit (never the text). */
export type EditableDocumentFields = Pick<DocumentRecord, 'title'> & Pick<DocumentMeta, 'outlet' | 'url' | 'date'>;

/** One imported article. Its text never changes after import. */
export interface DocumentRecord {
  id: string;
  corpusId: string;
  title: string;
  text: string;
  /** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
  sha256: string;
  status: DocumentStatus;
  /** Position in the document list. */
  order: number;
  meta: DocumentMeta;
  /** MinHash signature of the normalised text, for near-duplicate grouping (not exported). */
  minhash?: Uint32Array;
  /** The outlet that published the article, from the source registry. */
  publisherId?: string;
  /**
   * The suggestions the user rejected in this document (suggestion ids, in the order
   * rejected); absent when there are none. Part of the record, so a rejection is an undoable
   * change like any other.
   */
  rejectedSuggestions?: readonly string[];
}

/** A labelled range `[start, end)` of a document's text. */
export interface SpanRecord {
  id: string;
  corpusId: string;
  docId: string;
  start: number;
  end: number;
  label: string;
  /** Who made it (teams come later; every span already says who). */
  annotator: string;
  createdAt: string;
}

/** What kind of source a registry entry is. */
export type SourceKind = 'news-agency' | 'media-outlet' | 'government' | 'international-org' | 'armed-group' | 'person' | 'anonymous' | 'social-media';

/** The source kinds in the order the UI lists them. */
export const SOURCE_KINDS: readonly SourceKind[] = ['news-agency', 'media-outlet', 'government', 'international-org', 'armed-group', 'person', 'anonymous', 'social-media'];

/** An entry of a corpus's source registry: who a claim can come from. */
export interface SourceRecord {
  id: string;
  corpusId: string;
  /** Canonical name in Arabic script, e.g. "وكالة نوفوستي". */
  nameAr: string;
  /** Canonical name in Latin script, e.g. "RIA Novosti". */
  nameLatin: string;
  kind: SourceKind;
  /** Other names in Arabic script (e.g. "نوفوستي", "ريا نوفوستي"). */
  aliasesAr: string[];
  /** Other names in Latin script (e.g. "Novosti", "RIA"). */
  aliasesLatin: string[];
  /**
   * Names (canonical or alias) that are also ordinary words or other things (قاسيون is also
   * a mountain and a football nickname): suggestions from them get a lower confidence.
   */
  ambiguous?: string[];
  note?: string;
  url?: string;
  createdAt: string;
}

/**
 * A claim attributed to a source (PARC-style): the claim span, the source from the registry,
 * optionally the span naming the source and the cue span, attributes, and `viaId`: the
 * attribution this one came through ("نوفوستي عن مصدر في الخارجية": the claim's source is a
 * ministry source, via the attribution to Novosti). Chains have any length and no cycles.
 */
export interface AttributionRecord {
  id: string;
  corpusId: string;
  docId: string;
  claimSpanId: string;
  sourceId: string;
  mentionSpanId?: string;
  cueSpanId?: string;
  /** direct / indirect / mixed (values come from the schema's attribute lists). */
  quotation?: string;
  /** asserted / hedged / denied / questioned. */
  stance?: string;
  /** statement / casualty-figure / event-report / call-or-demand / denial. */
  claimType?: string;
  viaId?: string;
  annotator: string;
  createdAt: string;
}
