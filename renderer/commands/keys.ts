/**
 * Key bindings such as "Mod+Shift+Z" and how they match keyboard events. Letters and digits
 * match by physical key (`event.code`), so shortcuts keep working when the keyboard layout
 * is Arabic; "Mod" is Ctrl on Windows/Linux and Cmd on macOS.
 */

/** A parsed binding. */
export interface KeyBinding {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

/** Parses "Mod+Shift+Z", "Delete", "1", "Shift+ArrowLeft". */
export function parseBinding(binding: string): KeyBinding {
  const parts = binding.split('+');
  const key = parts.pop() ?? '';
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

function codesFor(key: string): string[] {
  if (/^[A-Za-z]$/.test(key)) return [`Key${key.toUpperCase()}`];
  if (/^[0-9]$/.test(key)) return [`Digit${key}`, `Numpad${key}`];
  const punctuation: Record<string, string> = { '.': 'Period', ',': 'Comma', '/': 'Slash', ';': 'Semicolon', '[': 'BracketLeft', ']': 'BracketRight' };
  return punctuation[key] ? [punctuation[key]] : [];
}

/** Does the event match the binding? Modifiers must match exactly. */
export function matchesBinding(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, binding: string | KeyBinding): boolean {
  const b = typeof binding === 'string' ? parseBinding(binding) : binding;
  const mod = event.ctrlKey || event.metaKey;
  if (mod !== b.mod || event.shiftKey !== b.shift || event.altKey !== b.alt) return false;
  const codes = codesFor(b.key);
  if (codes.length) return codes.includes(event.code);
  return event.key === b.key;
}

