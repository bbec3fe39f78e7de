/**
 * The part of a BroadcastChannel that window-to-window sync uses (CorpusSync for records,
 * SettingsSync for settings), so tests can pass a stand-in.
 */

/** A channel carrying messages of type `M` to the app's other windows of one origin. */
export interface WindowChannel<M> {
  postMessage(message: M): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<M>) => void): void;
  close(): void;
}

/** The BroadcastChannel named `name`, or null where there is none (then windows do not sync). */
export function openWindowChannel<M>(name: string): WindowChannel<M> | null {
  return typeof BroadcastChannel === 'undefined' ? null : (new BroadcastChannel(name) as unknown as WindowChannel<M>);
}
