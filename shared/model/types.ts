/**
 * Stored records of a corpus. These are the shapes in IndexedDB and in the in-memory state;
 * exports have their own shapes in `shared/formats/`.
 * Offsets are UTF-16 code units into the document text, in logical order (DESIGN.md §2).
 */
import type { LabelSchema } from './schema';
import type { TextEncodingName } from '../text/decode';

/** Workflow status of a document, shown in the document list. */
export type DocumentStatus = 'todo' | 'in-progress' | 'done';

/** A corpus: its label schema and name. Documents and spans point at it by id. */
export interface CorpusRecord {
  id: string;
  name: string;
  schema: LabelSchema;
  createdAt: string;
}

/** Where a document came from and how its bytes were decoded. */
export interface DocumentMeta {
  /** The original file name, when the document came from a file. */
  fileName?: string;
  origin: 'sample' | 'file' | 'native-import';
  encoding: TextEncodingName;
  /** How the encoding was decided: byte-order mark, valid UTF-8, or statistical detection. */
  encodingMethod: 'bom' | 'valid-utf8' | 'detected' | 'declared';
  /** 0..1; 1 when decided by a BOM or by valid UTF-8. */
  encodingConfidence: number;
  /** The line endings the file had before they were made `\n`. */
  lineEndings: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
  importedAt: string;
}

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
