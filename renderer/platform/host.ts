/**
 * What the UI needs from its host (Electron or a plain browser). Only `renderer/platform/`
 * talks to the preload API; everything else uses this interface.
 */
import type { IncomingFile } from '../../shared/model/import';

/** The result of saving an export. */
export type SaveOutcome = { saved: true; where: string } | { saved: false; reason: 'cancelled' };

/** Application-menu commands (Electron) that the UI turns into actions. */
export type HostMenuCommand = 'open' | 'export' | 'undo' | 'redo';

/** The host's services. */
export interface HostPlatform {
  readonly kind: 'electron' | 'browser';
  /** Lets the user choose article files (several at once) and returns their bytes. */
  pickArticleFiles(): Promise<IncomingFile[]>;
  /** Saves an export: a save dialog and an atomic write (Electron) or a download (browser). */
  saveExport(suggestedName: string, contents: string): Promise<SaveOutcome>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: HostMenuCommand) => void): () => void;
}

/** Reads dropped or picked `File`s into incoming files; a file that cannot be read is reported, not thrown. */
export async function readFiles(files: Iterable<File>, maxBytes: number): Promise<IncomingFile[]> {
  const result: IncomingFile[] = [];
  for (const file of files) {
    if (file.size > maxBytes) {
      result.push({ name: file.name, error: `“${file.name}” is too large (${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}).` });
      continue;
    }
    try {
      result.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (error) {
      result.push({ name: file.name, error: `“${file.name}” could not be read: ${(error as Error).message}` });
    }
  }
  return result;
}

/** "1.5 MB" style sizes for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
