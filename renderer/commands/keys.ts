/**
 * Key bindings such as "Mod+Shift+Z" and how they match keyboard events. Letters, digits and
 * punctuation match by physical key (`event.code`), so shortcuts keep working when the
 * keyboard layout is Arabic; "Mod" is Ctrl on Windows/Linux and Cmd on macOS. A binding is
 * written modifiers first, in the order Mod, Alt, Shift, then the key ({@link canonicalBinding}).
 */

/** A parsed binding. */
export interface KeyBinding {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

/** The keyboard event fields a binding is matched against. */
export type KeyEventLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Punctuation keys by their US-layout character and their physical key code. */
const PUNCTUATION_CODES: Record<string, string> = {
  '.': 'Period',
  ',': 'Comma',
  '/': 'Slash',
  ';': 'Semicolon',
  "'": 'Quote',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '\\': 'Backslash',
  '-': 'Minus',
  '=': 'Equal',
  '`': 'Backquote',
};
const PUNCTUATION_BY_CODE = Object.fromEntries(Object.entries(PUNCTUATION_CODES).map(([key, code]) => [code, key]));

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS', 'Hyper', 'Super', 'CapsLock', 'Fn']);

const MOD_NAMES = new Set(['mod', 'ctrl', 'control', 'cmd', 'command', 'meta']);
const ALT_NAMES = new Set(['alt', 'option']);

/**
 * Parses "Mod+Shift+Z", "Delete", "1", "Shift+ArrowLeft", "Mod++" (the plus key). Modifier
 * names are case-insensitive, and Ctrl/Cmd/Meta are read as Mod; a one-character key is
 * upper-cased.
 */
export function parseBinding(binding: string): KeyBinding {
  let parsed = PARSED.get(binding);
  if (!parsed) PARSED.set(binding, (parsed = Object.freeze(parseUncached(binding))));
  return parsed;
}

/**
 * Bindings already parsed: every key press is matched against every action's bindings, and
 * the bindings are a few hundred strings at most.
 */
const PARSED = new Map<string, Readonly<KeyBinding>>();

function parseUncached(binding: string): KeyBinding {
  const parts = binding.endsWith('++') ? [...binding.slice(0, -2).split('+').filter(Boolean), '+'] : binding.split('+');
  const key = parts.pop() ?? '';
  const mods = parts.map((p) => p.toLowerCase());
  return {
    mod: mods.some((m) => MOD_NAMES.has(m)),
    shift: mods.includes('shift'),
    alt: mods.some((m) => ALT_NAMES.has(m)),
    key: key.length === 1 ? key.toUpperCase() : key,
  };
}

/**
 * Keys matched by the character they type, whatever Shift does and wherever the layout puts
 * them, with the characters that count as the same key ("?" and the Arabic "؟").
 */
const CHARACTER_KEYS: Readonly<Record<string, readonly string[]>> = { '?': ['?', '\u061F'] };
const TYPED_CHARACTERS = new Set(Object.values(CHARACTER_KEYS).flat());

/**
 * The one spelling of a binding: "shift+ctrl+k" and "Mod+Shift+K" both give "Mod+Shift+K";
 * Shift+/ is written "?" (matched by character).
 */
export function canonicalBinding(binding: string | KeyBinding): string {
  const b = typeof binding === 'string' ? parseBinding(binding) : binding;
  if (!b.mod && !b.alt && ((b.shift && b.key === '/') || CHARACTER_KEYS[b.key])) return b.key === '/' ? '?' : b.key;
  return [b.mod ? 'Mod' : '', b.alt ? 'Alt' : '', b.shift ? 'Shift' : '', b.key].filter(Boolean).join('+');
}

const CODES = new Map<string, readonly string[]>();

/** The physical key codes of a binding's key (none: matched by `event.key`); cached like bindings. */
function codesFor(key: string): readonly string[] {
  let codes = CODES.get(key);
  if (!codes) CODES.set(key, (codes = codesUncached(key)));
  return codes;
}

function codesUncached(key: string): string[] {
  if (/^[A-Za-z]$/.test(key)) return [`Key${key.toUpperCase()}`];
  if (/^[0-9]$/.test(key)) return [`Digit${key}`, `Numpad${key}`];
  if (key === 'Space') return ['Space'];
  return PUNCTUATION_CODES[key] ? [PUNCTUATION_CODES[key]] : [];
}

/** Does the event match the binding? Modifiers must match exactly. */
export function matchesBinding(event: KeyEventLike, binding: string | KeyBinding): boolean {
  const b = typeof binding === 'string' ? parseBinding(binding) : binding;
  const mod = event.ctrlKey || event.metaKey;
  const characters = CHARACTER_KEYS[b.key];
  if (characters) return !mod && !event.altKey && characters.includes(event.key);
  // A key press that types "?" is the "?" key, even where Shift was not reported.
  if (TYPED_CHARACTERS.has(event.key)) return false;
  if (mod !== b.mod || event.shiftKey !== b.shift || event.altKey !== b.alt) return false;
  const codes = codesFor(b.key);
  if (codes.length) return codes.includes(event.code);
  return event.key === b.key;
}

/**
 * The binding a key press would need (for recording a new shortcut), or null while only
 * modifiers are down. Letters, digits and punctuation are named by physical key.
 */
export function bindingFromEvent(event: KeyEventLike): string | null {
  if (MODIFIER_KEYS.has(event.key)) return null;
  let key: string;
  const letter = /^Key([A-Z])$/.exec(event.code);
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(event.code);
  if (letter) key = letter[1]!;
  else if (digit) key = digit[1]!;
  else if (PUNCTUATION_BY_CODE[event.code]) key = PUNCTUATION_BY_CODE[event.code]!;
  else if (event.code === 'Space' || event.key === ' ') key = 'Space';
  else if (event.key.length === 1) key = event.key.toUpperCase();
  else key = event.key;
  return canonicalBinding({ mod: event.ctrlKey || event.metaKey, alt: event.altKey, shift: event.shiftKey, key });
}

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
};

/**
 * A binding as people read it: 'mac' gives ⌘ and ⌥, 'pc' Ctrl and Alt, 'docs' "Ctrl/Cmd" (for
 * the README); arrows are drawn as arrows.
 */
export function formatBinding(binding: string, style: 'mac' | 'pc' | 'docs' = 'pc'): string {
  const b = parseBinding(canonicalBinding(binding));
  const mod = { mac: '⌘', pc: 'Ctrl', docs: 'Ctrl/Cmd' }[style];
  const alt = style === 'mac' ? '⌥' : 'Alt';
  return [b.mod ? mod : '', b.alt ? alt : '', b.shift ? 'Shift' : '', KEY_NAMES[b.key] ?? b.key].filter(Boolean).join('+');
}

/** The formatting style for this machine (⌘ on Apple platforms). */
export function platformStyle(): 'mac' | 'pc' {
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform;
  return /Mac|iPhone|iPad/.test(platform) ? 'mac' : 'pc';
}
