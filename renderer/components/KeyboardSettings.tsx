/**
 * Keyboard and mouse settings: how a mouse selection snaps, and every action's shortcut —
 * change one by pressing the new keys (refused, with the reason, when another action or the
 * system has them), reset one, or reset all. Changes are stored before they apply.
 */
import { useMemo, useState } from 'react';
import type { SnapMode } from '../../shared/text/snapSelection';
import type { Action } from '../commands/actions';
import { fuzzyFilter } from '../commands/fuzzy';
import { bindingFromEvent, formatBinding, platformStyle } from '../commands/keys';
import { useApp, useUiState } from '../app/hooks';
import { useModalDialog } from './dialog-hooks';

/** Words of this component, in one place. */
const TEXT = {
  dialog: 'Keyboard and mouse settings',
  snapLegend: 'A mouse selection snaps to',
  snapModes: [
    ['word', 'Words, clitic-aware (و ب ل ال can be left out)'],
    ['strict-word', 'Whole words'],
    ['grapheme', 'Characters'],
  ] as Array<[SnapMode, string]>,
  shortcuts: 'Shortcuts',
  filter: 'Filter actions',
  action: 'Action',
  keys: 'Keys',
  none: '—',
  change: (title: string) => `Change the shortcut of ${title}`,
  reset: (title: string) => `Reset the shortcut of ${title}`,
  changeButton: 'Change',
  resetButton: 'Reset',
  recording: 'Press the new keys… (Esc cancels)',
  changed: (title: string, key: string) => `${title}: now ${key}.`,
  resetDone: (title: string) => `${title}: default keys again.`,
  resetAll: 'Reset all shortcuts',
  resetAllDone: 'All shortcuts are back to their defaults.',
  close: 'Close',
};

/** The settings dialog; `actions` is the registry with the keys bound now. */
export function KeyboardSettings({ actions }: { actions: readonly Action[] }): React.JSX.Element {
  const app = useApp();
  const { overlay, snapMode } = useUiState();
  const open = overlay === 'keyboard-settings';
  const [filter, setFilter] = useState('');
  const [recording, setRecording] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const style = platformStyle();
  const shown = useMemo(() => fuzzyFilter(actions, filter, (a) => `${a.title} ${a.group}`), [actions, filter]);

  const dialogRef = useModalDialog(open, () => {
    setFilter('');
    setRecording(null);
    setMessage(null);
  });

  const record = async (event: React.KeyboardEvent): Promise<void> => {
    const action = actions.find((a) => a.id === recording);
    if (!action) return;
    event.preventDefault();
    if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
      setRecording(null);
      return;
    }
    const binding = bindingFromEvent(event.nativeEvent);
    if (!binding) return;
    setRecording(null);
    const result = await app.bindings.rebind(action.id, binding);
    setMessage(result.ok ? { tone: 'info', text: TEXT.changed(action.title, formatBinding(binding, style)) } : { tone: 'error', text: result.error });
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    event.stopPropagation();
    if (recording) void record(event);
  };

  const reset = async (action: Action): Promise<void> => {
    const result = await app.bindings.resetAction(action.id);
    setMessage(result.ok ? { tone: 'info', text: TEXT.resetDone(action.title) } : { tone: 'error', text: result.error });
  };

  return (
    <dialog ref={dialogRef} className="keyboard-settings" aria-labelledby="keyboard-settings-title" onCancel={(event) => (recording ? event.preventDefault() : app.navigation.closeOverlay())} onKeyDown={onKeyDown}>
      <h2 id="keyboard-settings-title">{TEXT.dialog}</h2>
      <fieldset className="snap-modes">
        <legend>{TEXT.snapLegend}</legend>
        {TEXT.snapModes.map(([mode, label]) => (
          <label key={mode} className="checkbox">
            <input type="radio" name="snap-mode" value={mode} checked={snapMode === mode} onChange={() => void app.caret.setSnapMode(mode)} />
            {label}
          </label>
        ))}
      </fieldset>
      <h3>{TEXT.shortcuts}</h3>
      <input type="search" className="shortcut-filter" aria-label={TEXT.filter} placeholder={TEXT.filter} value={filter} onChange={(event) => setFilter(event.target.value)} />
      <p className={message?.tone === 'error' ? 'binding-message error-text' : 'binding-message'} role={message?.tone === 'error' ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
      <div className="binding-table-scroll">
        <table className="binding-table">
          <thead>
            <tr>
              <th scope="col">{TEXT.action}</th>
              <th scope="col">{TEXT.keys}</th>
              <th scope="col">
                <span className="visually-hidden">{TEXT.changeButton}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {open
              ? shown.map((action) => (
                  <tr key={action.id} className={app.bindings.isChanged(action.id) ? 'changed' : undefined}>
                    <th scope="row">{action.title}</th>
                    <td>{recording === action.id ? <em>{TEXT.recording}</em> : action.keys.length ? action.keys.map((key) => <kbd key={key}>{formatBinding(key, style)}</kbd>) : TEXT.none}</td>
                    <td className="binding-buttons">
                      <button type="button" aria-label={TEXT.change(action.title)} aria-pressed={recording === action.id} onClick={() => setRecording(recording === action.id ? null : action.id)}>
                        {TEXT.changeButton}
                      </button>
                      <button type="button" aria-label={TEXT.reset(action.title)} disabled={!app.bindings.isChanged(action.id)} onClick={() => void reset(action)}>
                        {TEXT.resetButton}
                      </button>
                    </td>
                  </tr>
                ))
              : null}
          </tbody>
        </table>
      </div>
      <div className="dialog-buttons">
        <button
          type="button"
          onClick={() =>
            void app.bindings.resetAll().then(() => {
              setRecording(null);
              setMessage({ tone: 'info', text: TEXT.resetAllDone });
            })
          }
        >
          {TEXT.resetAll}
        </button>
        <button type="button" className="primary" onClick={() => app.navigation.closeOverlay()}>
          {TEXT.close}
        </button>
      </div>
    </dialog>
  );
}
