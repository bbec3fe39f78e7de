/**
 * Wires the contract's renderer → main messages to their handlers with `ipcMain.handle`.
 * Every call is checked before its handler runs: the sender frame must be the app's own
 * page, and the arguments must match the channel's zod schema exactly. Results are checked
 * against the response schema too, so main never answers outside the contract.
 */
import { z } from '../../../shared/security/zod';
import { IPC_CONTRACT } from '../../../shared/ipc/contract';
import type {
  AppInfo,
  InterfaceLanguage,
  InvokeMessage,
  ListSnapshotsResult,
  DeleteSnapshotsResult,
  OpenArticleFilesResult,
  OpenArticleFolderResult,
  ReadSnapshotResult,
  OpenDatasetFolderResult,
  SaveExportPayload,
  SaveExportResult,
  WriteSnapshotPayload,
  WriteSnapshotResult,
} from '../../../shared/ipc/contract';
import { isTrustedSender } from '../app-url';
import type { AppOrigin, SenderFrameLike } from '../app-url';

/** The part of an `IpcMainInvokeEvent` the guard reads. */
export interface InvokeEventLike {
  senderFrame: SenderFrameLike | null;
}

/** A handler as registered with `ipcMain.handle`. */
export type InvokeListener<E> = (event: E, ...args: unknown[]) => Promise<unknown>;

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

/** The implementations behind each message; `event` lets them find the calling window. */
export interface IpcHandlers<E> {
  openArticleFiles(event: E): Promise<OpenArticleFilesResult>;
  openArticleFolder(event: E): Promise<OpenArticleFolderResult>;
  openDatasetFiles(event: E): Promise<OpenArticleFilesResult>;
  openDatasetFolder(event: E): Promise<OpenDatasetFolderResult>;
  saveExport(event: E, request: SaveExportPayload): Promise<SaveExportResult>;
  getAppInfo(event: E): AppInfo | Promise<AppInfo>;
  writeSnapshot(event: E, request: WriteSnapshotPayload): Promise<WriteSnapshotResult>;
  listSnapshots(event: E, request: { corpusId: string }): Promise<ListSnapshotsResult>;
  readSnapshot(event: E, request: { corpusId: string; id: string }): Promise<ReadSnapshotResult>;
  deleteSnapshots(event: E, request: { corpusId: string }): Promise<DeleteSnapshotsResult>;
  setMenuLanguage(event: E, request: { language: InterfaceLanguage }): void;
}

/** Options of {@link registerIpcHandlers}. */
export interface RegisterOptions {
  origin: AppOrigin;
  /** Where refusals are reported (console.warn by default). */
  warn?: (message: string) => void;
}

/** Rejection for a call from a frame that is not the app's own page. */
export class UntrustedSenderError extends Error {
  constructor(channel: string, url: string | undefined) {
    super(`Refused ${channel}: the sender (${url ?? 'no frame'}) is not an Isnad window.`);
    this.name = 'UntrustedSenderError';
  }
}

/** Rejection for a call whose arguments do not match the contract. */
export class InvalidPayloadError extends Error {
  constructor(channel: string, detail: string) {
    super(`Refused ${channel}: invalid arguments. ${detail}`);
    this.name = 'InvalidPayloadError';
  }
}

/**
 * Wraps one handler with the sender check and both schema checks. Exported for tests;
 * {@link registerIpcHandlers} uses it for every channel.
 */
export function guardHandler<E extends InvokeEventLike, A extends unknown[]>(
  message: InvokeMessage,
  handler: (event: E, ...args: A) => unknown,
  options: RegisterOptions,
): InvokeListener<E> {
  const { channel, args: argsSchema, response: responseSchema } = IPC_CONTRACT[message];
  const warn = options.warn ?? ((text: string) => console.warn(text));
  return async (event: E, ...args: unknown[]) => {
    if (!isTrustedSender(event.senderFrame, options.origin)) {
      const error = new UntrustedSenderError(channel, event.senderFrame?.url);
      warn(error.message);
      throw error;
    }
    const parsedArgs = (argsSchema as z.ZodType).safeParse(args);
    if (!parsedArgs.success) {
      const error = new InvalidPayloadError(channel, z.prettifyError(parsedArgs.error));
      warn(error.message);
      throw error;
    }
    // An IPC message's arguments, already validated as the channel's short tuple.
    // eslint-disable-next-line no-restricted-syntax
    const result = await handler(event, ...(parsedArgs.data as A));
    const parsedResult = (responseSchema as z.ZodType).safeParse(result);
    if (!parsedResult.success) {
      throw new Error(`Internal error in ${channel}: the reply does not match the contract. ${z.prettifyError(parsedResult.error)}`);
    }
    return parsedResult.data;
  };
}

/**
 * Registers exactly the contract's renderer → main channels on `ipcMain` (no others), each
 * guarded by {@link guardHandler}.
 */
export function registerIpcHandlers<E extends InvokeEventLike>(
  ipcMain: IpcMainLike<E>,
  handlers: IpcHandlers<E>,
  options: RegisterOptions,
): void {
  const table: { [M in InvokeMessage]: (event: E, ...args: never[]) => unknown } = {
    openArticleFiles: (event) => handlers.openArticleFiles(event),
    openArticleFolder: (event) => handlers.openArticleFolder(event),
    openDatasetFiles: (event) => handlers.openDatasetFiles(event),
    openDatasetFolder: (event) => handlers.openDatasetFolder(event),
    saveExport: (event, request: SaveExportPayload) => handlers.saveExport(event, request),
    getAppInfo: (event) => handlers.getAppInfo(event),
    writeSnapshot: (event, request: WriteSnapshotPayload) => handlers.writeSnapshot(event, request),
    listSnapshots: (event, request: { corpusId: string }) => handlers.listSnapshots(event, request),
    readSnapshot: (event, request: { corpusId: string; id: string }) => handlers.readSnapshot(event, request),
    deleteSnapshots: (event, request: { corpusId: string }) => handlers.deleteSnapshots(event, request),
    setMenuLanguage: (event, request: { language: InterfaceLanguage }) => handlers.setMenuLanguage(event, request),
  };
  for (const message of Object.keys(IPC_CONTRACT) as InvokeMessage[]) {
    ipcMain.handle(IPC_CONTRACT[message].channel, guardHandler(message, table[message], options));
  }
}
