/**
 * How each file staged in the import dialog would be read — its format and the encoding
 * detected, or why it would be refused — worked out before the import, so that the user
 * chooses an encoding override knowing what detection found. The same reading as the import
 * (`readingOf` in shared/formats/intake), on at most the first {@link PREVIEW_SAMPLE_BYTES}
 * of a file, one file at a time, yielding to the UI between files.
 */
import { refusal } from '../../shared/formats/article-draft';
import { readingOf } from '../../shared/formats/intake';
import type { WorkerInputFile } from './protocol';

/** How much of a file the preview reads: a whole article, the start of a big file. */
export const PREVIEW_SAMPLE_BYTES = 1 << 20;

/** A file's reading, and whether it was found from the file's start only. */
export type FileReading = ReturnType<typeof readingOf> & { sampled: boolean };

/** True when `bytes` look like UTF-16: a byte-order mark, or a NUL among their first kilobyte (a space or a Latin letter in UTF-16). */
function looksUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return bytes.subarray(0, 1024).includes(0);
}

/**
 * The first `max` bytes of `bytes`, cut where no character is: on an even length for UTF-16
 * (its units are two bytes), else on a whole UTF-8 sequence (a cut through one would make
 * valid UTF-8 look invalid; single-byte code pages have no sequences to cut).
 */
export function sampleOf(bytes: Uint8Array, max = PREVIEW_SAMPLE_BYTES): Uint8Array {
  if (bytes.length <= max) return bytes;
  if (looksUtf16(bytes)) return bytes.subarray(0, max - (max % 2));
  // Back off over continuation bytes to the lead byte of the last sequence; drop it if cut.
  let lead = max - 1;
  while (lead > max - 4 && lead > 0 && (bytes[lead]! & 0xc0) === 0x80) lead -= 1;
  const first = bytes[lead]!;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : 2;
  return bytes.subarray(0, first >= 0xc0 && lead + length > max ? lead : max);
}

/** The start of a staged file as bytes (a browser `File` is read in part, Electron's bytes are sliced). */
async function startOf(file: Exclude<WorkerInputFile, { error: string }>): Promise<{ bytes: Uint8Array; size: number }> {
  if ('bytes' in file) return { bytes: sampleOf(file.bytes), size: file.bytes.byteLength };
  const head = new Uint8Array(await file.file.slice(0, PREVIEW_SAMPLE_BYTES + 4).arrayBuffer());
  return { bytes: sampleOf(head), size: file.file.size };
}

/**
 * Reads `files` in order and calls `onReading` with each one's reading; files refused
 * before the dialog (`error`) are passed over. Stops when `signal` is aborted (the dialog
 * closed or its files changed). A file that cannot be read is reported as refused.
 */
export async function previewReadings(files: readonly WorkerInputFile[], onReading: (name: string, reading: FileReading) => void, signal: AbortSignal): Promise<void> {
  for (const file of files) {
    if (signal.aborted) return;
    if ('error' in file) continue;
    let reading: FileReading;
    try {
      const { bytes, size } = await startOf(file);
      if (signal.aborted) return;
      reading = { ...readingOf(file.name, bytes), sampled: size > bytes.length };
    } catch (error) {
      reading = { ok: false, ...refusal('file.unreadable', { file: file.name, error: (error as Error).message ?? String(error) }), sampled: false };
    }
    onReading(file.name, reading);
    // One file per task: the dialog stays responsive while a long list is read.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
