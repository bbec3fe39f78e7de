/**
 * The keys bound to an action as key caps, the one rendering the cheat sheet, the keyboard
 * settings, the command palette and the suggestions hint share.
 */
import { formatBinding, platformStyle } from '../commands/keys';

/**
 * `keys` (bindings such as "Mod+Shift+Y") as `<kbd>` caps in the platform's notation, each
 * laid out left to right also in an Arabic sentence ("Shift+." must not read ".+Shift");
 * `none` when there are none ("—" by default).
 */
export function KeyCaps({ keys, none = '—' }: { keys: readonly string[]; none?: React.ReactNode }): React.JSX.Element {
  const style = platformStyle();
  return (
    <>
      {keys.length
        ? keys.map((key) => (
            <kbd key={key} dir="ltr">
              {formatBinding(key, style)}
            </kbd>
          ))
        : none}
    </>
  );
}
