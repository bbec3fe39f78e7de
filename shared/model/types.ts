/**
 * Stored records of a corpus. These are the shapes in IndexedDB and in the in-memory state;
 * exports have their own shapes in `shared/formats/`.
 * Offsets are UTF-16 code units into the document text, in logical order (DESIGN.md §2).
 */
import type { LabelSchema } from './schema';
import type { TextEncodingName } from '../text/decode';
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
  encodingMethod: 'bom' | 'valid-utf8' | 'detected' | 'declared' | 'user';
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
