/**
 * The command palette (Ctrl/Cmd+K): fuzzy search over every action of the registry (by its
 * title in the interface language or the other one), each shown in the interface language
 * with its current shortcut; ↑ ↓ choose, Enter runs, Escape closes. A modal dialog with a
 * combobox and a listbox, so screen readers follow the active option.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { handleListboxKey, useModalDialog } from './dialog-hooks';
import { searchActions, type Action } from '../commands/actions';
import { KeyCaps } from './KeyCaps';
import { useApp, useT, useUiValue } from '../app/hooks';

/** The command palette; `actions` is the registry with the keys bound now. */
export function CommandPalette({ actions }: { actions: readonly Action[] }): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const overlay = useUiValue('overlay');
  const open = overlay === 'commands';
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => searchActions(actions, query), [actions, query]);
  const current = matches[Math.min(active, matches.length - 1)];

  const dialogRef = useModalDialog(open, () => {
    setQuery('');
    setActive(0);
    inputRef.current?.focus();
  });

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, query]);

  const run = (action: Action | undefined): void => {
    if (!action) return;
    app.navigation.closeOverlay();
    const result = action.run();
    if (result instanceof Promise) result.catch((error: unknown) => app.notify('error', String(error)));
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    event.stopPropagation();
    handleListboxKey(event, matches.length, setActive, () => run(current));
  };

  return (
    <dialog ref={dialogRef} className="command-palette" aria-label={t('commands.name')} onCancel={() => app.navigation.closeOverlay()} onKeyDown={onKeyDown}>
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label={t('commands.search')}
        aria-expanded="true"
        aria-autocomplete="list"
        aria-controls="command-options"
        aria-activedescendant={current ? `command-${current.id}` : undefined}
        placeholder={t('commands.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
      />
      <ul id="command-options" ref={listRef} role="listbox" aria-label={t('commands.list')}>
        {matches.map((action) => (
          <li
            key={action.id}
            id={`command-${action.id}`}
            role="option"
            aria-selected={action === current}
            className={action === current ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(action)}
          >
            <span className="command-title">{action.title}</span>
            <span className="command-group">{action.groupTitle}</span>
            <span className="command-keys">
              <KeyCaps keys={action.keys} none={null} />
            </span>
          </li>
        ))}
      </ul>
      {matches.length === 0 ? <p className="hint">{t('commands.none')}</p> : null}
      <p className="hint">{t('commands.hint')}</p>
    </dialog>
  );
}
