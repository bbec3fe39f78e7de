/**
 * Keys named inside sentences: an action's current key (the user's binding, not the default
 * or the schema's hotkey) in the platform's notation, as one left-to-right run. Inside an
 * Arabic sentence a combination such as "Shift+[" or "Alt+]" is otherwise reordered by the
 * bidi algorithm ("[+Shift"), and a lone "[" takes the sentence's direction and is mirrored,
 * so in a right-to-left language the name is isolated (LRI … PDI). This is for plain-text
 * places: the status line, aria-live announcements, titles. Views that can hold elements
 * show keys as {@link KeyCaps} (`renderer/components/KeyCaps.tsx`).
 */
import { formatBinding, platformStyle } from '../commands/keys';
import type { Translate } from '../../shared/i18n/i18n';

const LRI = '\u2066';
const PDI = '\u2069';

/** One binding ("Mod+Shift+[") as a sentence of the interface language holds it. */
export function keyInText(binding: string, t: Translate, style: 'mac' | 'pc' = platformStyle()): string {
  const name = formatBinding(binding, style);
  return t.dir === 'rtl' ? `${LRI}${name}${PDI}` : name;
}

/**
 * The first key an action has now, for a sentence; when the user took every key away, the
 * words saying there is none (`keys.none`), so a hint never names a key that does nothing.
 */
export function actionKeyInText(keys: readonly string[], t: Translate, style: 'mac' | 'pc' = platformStyle()): string {
  const first = keys[0];
  return first ? keyInText(first, t, style) : t('keys.none');
}
