/**
 * The keyboard and mouse section of the settings view: how a mouse selection snaps, and
 * every action's shortcut — change one by pressing the new keys (refused, with the reason,
 * when another action or the system has them), reset one, or reset all. Changes are stored
 * before they apply.
 */
import { useMemo, useState } from 'react';
import type { SnapMode } from '../../shared/text/snapSelection';
import { KEYBOARD_SETTINGS_ID } from '../app/actions/navigation-actions';
import { useApp, useUiValue } from '../app/hooks';
import { searchActions, type Action } from '../commands/actions';
import type { BindingProblem, BindingResult } from '../commands/bindings';
import { bindingFromEvent, platformStyle } from '../commands/keys';
import { keyInText } from '../i18n/key-names';
import { KeyCaps } from './KeyCaps';
import type { MessageKey, Translate } from '../../shared/i18n/i18n';

const SNAP_MODES: Array<[SnapMode, MessageKey]> = [
  ['word', 'keyboard.snap.word'],
  ['strict-word', 'keyboard.snap.strictWord'],
  ['grapheme', 'keyboard.snap.grapheme'],
];

/** A refused binding in words. */
function describeProblem(problem: BindingProblem, t: Translate, titleOf: (actionId: string) => string, style: 'mac' | 'pc'): string {
  if (problem.kind === 'unknown-action') return t('keyboard.unknownAction');
  const key = keyInText(problem.key, t, style);
  if (problem.kind === 'reserved') return t('keyboard.reserved', { key, reason: t(`keyboard.reason.${problem.reason}` as MessageKey) });
  return t('keyboard.conflict', { key, action: titleOf(problem.actionId) });
}

/** The keyboard and mouse settings; `actions` is the registry with the keys bound now. */
export function KeyboardSettings({ actions, t }: { actions: readonly Action[]; t: Translate }): React.JSX.Element {
  const app = useApp();
  const snapMode = useUiValue('snapMode');
  const shortcutsExpanded = useUiValue('shortcutsExpanded');
  const [filter, setFilter] = useState('');
  const [recording, setRecording] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const style = platformStyle();
  const shown = useMemo(() => searchActions(actions, filter), [actions, filter]);
  const titleOf = (actionId: string): string => actions.find((a) => a.id === actionId)?.title ?? actionId;

  const report = (result: BindingResult, success: string): void => {
    setMessage(result.ok ? { tone: 'info', text: success } : { tone: 'error', text: describeProblem(result.problem, t, titleOf, style) });
  };

  const record = async (event: React.KeyboardEvent, action: Action): Promise<void> => {
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
      setRecording(null);
      return;
    }
    const binding = bindingFromEvent(event.nativeEvent);
    if (!binding) return;
    setRecording(null);
    report(await app.bindings.rebind(action.id, binding), t('keyboard.changed', { action: action.title, key: keyInText(binding, t, style) }));
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    const action = actions.find((a) => a.id === recording);
    if (action) void record(event, action);
  };

  return (
    <section id={KEYBOARD_SETTINGS_ID} className="keyboard-settings" aria-labelledby={`${KEYBOARD_SETTINGS_ID}-title`} tabIndex={-1} onKeyDownCapture={onKeyDown}>
      <h2 id={`${KEYBOARD_SETTINGS_ID}-title`}>{t('keyboard.section')}</h2>
      <fieldset className="settings-choice">
        <legend>{t('keyboard.snap')}</legend>
        {SNAP_MODES.map(([mode, label]) => (
          <label key={mode} className="checkbox">
            <input type="radio" name="snap-mode" value={mode} checked={snapMode === mode} onChange={() => void app.caret.setSnapMode(mode)} />
            {t(label)}
          </label>
        ))}
      </fieldset>
      <details className="shortcut-details" open={shortcutsExpanded} onToggle={(event) => app.ui.update({ shortcutsExpanded: (event.target as HTMLDetailsElement).open })}>
        <summary>{t('keyboard.shortcuts')}</summary>
        <input type="search" className="shortcut-filter" aria-label={t('keyboard.filter')} placeholder={t('keyboard.filter')} value={filter} onChange={(event) => setFilter(event.target.value)} />
        <p className={message?.tone === 'error' ? 'binding-message error-text' : 'binding-message'} role={message?.tone === 'error' ? 'alert' : 'status'}>
          {message?.text ?? ''}
        </p>
        <div className="binding-table-scroll">
          <table className="binding-table">
            <thead>
              <tr>
                <th scope="col">{t('shortcuts.action')}</th>
                <th scope="col">{t('shortcuts.keys')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('keyboard.changeButton')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((action) => (
                <tr key={action.id} className={app.bindings.isChanged(action.id) ? 'changed' : undefined}>
                  <th scope="row">{action.title}</th>
                  <td>{recording === action.id ? <em>{t('keyboard.recording')}</em> : <KeyCaps keys={action.keys} />}</td>
                  <td className="binding-buttons">
                    <button type="button" aria-label={t('keyboard.change', { action: action.title })} aria-pressed={recording === action.id} onClick={() => setRecording(recording === action.id ? null : action.id)}>
                      {t('keyboard.changeButton')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('keyboard.reset', { action: action.title })}
                      disabled={!app.bindings.isChanged(action.id)}
                      onClick={() => void app.bindings.resetAction(action.id).then((result) => report(result, t('keyboard.resetDone', { action: action.title })))}
                    >
                      {t('keyboard.resetButton')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button
          type="button"
          onClick={() => {
            // The user's choices cannot be undone once reset: ask first.
            const changed = app.bindings.changedCount;
            const asked = changed ? app.ask(t('confirm.resetShortcuts', { count: changed }), t('keyboard.resetAll')) : Promise.resolve(true);
            void asked.then(async (yes) => {
              if (!yes) return;
              await app.bindings.resetAll();
              setRecording(null);
              setMessage({ tone: 'info', text: t('keyboard.resetAllDone') });
            });
          }}
        >
          {t('keyboard.resetAll')}
        </button>
      </details>
    </section>
  );
}
