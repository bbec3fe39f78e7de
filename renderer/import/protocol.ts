/**
 * Messages between the three kinds of thread of an import: the main thread (ImportSession),
 * the preparing workers (import-worker.ts) and the one writing worker (write-worker.ts).
 *
 *   main thread ──files (bytes moved, not copied)──▶ preparers
 *   preparers ──prepared files, each article's text as UTF-8 bytes only (moved)──▶ main thread
 *   main thread ──write batch n: records + their texts' bytes (moved)──▶ writer ──written n──▶ main thread
 *
 * The main thread needs each text as a string (the corpus state holds it); the writer needs
 * it too, to store it. Structured-cloning strings of tens of megabytes through a relay cost
 * the writer about as much CPU as the writes themselves, so each text travels as its UTF-8
 * bytes, which are moved between threads at no cost and decoded where a string is needed:
 * by the main thread (`restoreTexts`) and by the writer. The preparers do not send the
 * string as well: posting it cost each preparer more than decoding costs the receiver
 * (measured 2026-12-01: 0.33–0.65 s of posting for the bench's 10,000 files with the
 * strings, 0.11–0.13 s without; decoding them all takes about 0.05 s).
 */
import type { PrepareOptions, PreparedFile } from '../../shared/model/import';
import type { DocumentRecord } from '../../shared/model/types';
import type { Phrase } from '../../shared/phrases/phrase';

/**
 * Whether `bytes` is a view of a whole `ArrayBuffer`, which can then be moved to another
 * thread (a view of part of a buffer, or of shared memory, would move or copy more than itself).
 */
export function ownsWholeBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

/** A file to prepare: a browser `File` (read in the worker), bytes (Electron), or a read error. */
export type WorkerInputFile = { name: string; file: File } | { name: string; bytes: Uint8Array } | { name: string; error: string; errorPhrase?: Phrase };

/**
 * Main thread → preparing worker: part of the worker's slice of the import's files, their
 * indices in the whole import, and whether more files follow in later messages (a slice is
 * dealt in parts, so that no single message holds the UI thread).
 */
export type ToPreparer = { type: 'prepare'; files: WorkerInputFile[]; indices: number[]; options: PrepareOptions; more?: boolean };

/**
 * A prepared file with, when it has articles, each article's text as UTF-8 bytes (in the
 * order of `file.articles`), or null for a text that UTF-8 cannot carry exactly (a lone
 * surrogate from a JSON escape), which then travels as a string. As posted by a preparer
 * (`postedItem`), an article with bytes has an empty `text`: `restoreTexts` puts it back.
 */
export interface PreparedItem {
  index: number;
  file: PreparedFile;
  utf8: Array<Uint8Array | null>;
}

/** Decodes a text's UTF-8 bytes, keeping a leading U+FEFF: it is part of the text (a decoder would otherwise drop it as a byte order mark). */
const textDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text whose UTF-8 bytes `bytes` are (see {@link textDecoder}). */
export function textOfUtf8(bytes: Uint8Array): string {
  return textDecoder.decode(bytes);
}

/**
 * The item a preparer posts: `file` with the text of every article that has bytes in `utf8`
 * left out (empty), since the bytes carry it. Changes `file` in place; call it last.
 */
export function postedItem(index: number, file: PreparedFile, utf8: Array<Uint8Array | null>): PreparedItem {
  if (file.kind === 'articles') {
    file.articles.forEach((article, k) => {
      if (utf8[k]) article.text = '';
    });
  }
  return { index, file, utf8 };
}

/** The receiving end of {@link postedItem}: every article's text back from its bytes (in place; returns the item). */
export function restoreTexts(item: PreparedItem): PreparedItem {
  if (item.file.kind === 'articles') {
    item.file.articles.forEach((article, k) => {
      const bytes = item.utf8[k];
      if (bytes) article.text = textOfUtf8(bytes);
    });
  }
  return item;
}

/** Preparing worker → main thread: prepared files in small batches, in slice order, then `done`. */
export type FromPreparer = { type: 'prepared'; items: PreparedItem[] } | { type: 'done' };

/** A document as the main thread sends it for writing: everything but the text. */
export type RecordToWrite = Omit<DocumentRecord, 'text'>;

/** Main thread → writer. */
export type ToWriter =
  /** Open the database (null: do not write). */
  | { type: 'start'; database: string | null }
  /**
   * Write these new documents in one IndexedDB transaction. `texts[k]` is the text of
   * `records[k]`: its UTF-8 bytes (moved, not copied), or the string itself.
   */
  | { type: 'write'; id: number; records: RecordToWrite[]; texts: Array<Uint8Array | string> };

/** Writer → main thread: first `ready`, then the outcome of each write. */
export type FromWriter = { type: 'ready'; writes: boolean; reason?: string } | { type: 'written'; id: number } | { type: 'write-failed'; id: number; message: string };
