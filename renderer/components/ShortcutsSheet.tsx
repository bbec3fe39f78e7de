/**
 * The cheat sheet (?): every action with the keys bound to it now, by group, including the
 * user's changes. A link to the settings where they are changed.
 */
import type { Action } from '../commands/actions';
import { ACTION_GROUPS } from '../commands/definitions';
import { KeyCaps } from './KeyCaps';
import { useApp, useT, useUiValue } from '../app/hooks';
import { useModalDialog } from './dialog-hooks';

/** The cheat sheet; `actions` is the registry with the keys bound now. */
export function ShortcutsSheet({ actions }: { actions: readonly Action[] }): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const overlay = useUiValue('overlay');
  const open = overlay === 'shortcuts';
  const dialogRef = useModalDialog(open);

  return (
    <dialog ref={dialogRef} className="shortcuts-sheet" aria-labelledby="shortcuts-title" onCancel={() => app.navigation.closeOverlay()} onKeyDown={(event) => event.stopPropagation()}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <p className="hint">{t('shortcuts.intro')}</p>
      <div className="shortcut-groups">
        {open
          ? ACTION_GROUPS.map((group) => {
              const inGroup = actions.filter((a) => a.group === group);
              if (!inGroup.length) return null;
              return (
                <table key={group} className="shortcut-table" aria-label={inGroup[0]!.groupTitle}>
                  <caption>{inGroup[0]!.groupTitle}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('shortcuts.action')}</th>
                      <th scope="col">{t('shortcuts.keys')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {inGroup.map((action) => (
                      <tr key={action.id}>
                        <th scope="row">{action.title}</th>
                        <td>
                          <KeyCaps keys={action.keys} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              );
            })
          : null}
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={() => app.navigation.showKeyboardSettings()}>
          {t('shortcuts.customise')}
        </button>
        <button type="button" className="primary" autoFocus onClick={() => app.navigation.closeOverlay()}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
