import { describe, expect, it } from 'vitest';
import { bindingFromEvent, canonicalBinding, formatBinding, matchesBinding, parseBinding, type KeyEventLike } from '../../../renderer/commands/keys';

function key(code: string, key: string, mods: Partial<Pick<KeyEventLike, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>> = {}): KeyEventLike {
  return { code, key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('key bindings', () => {
  it('parses modifiers in any order and case, Ctrl/Cmd as Mod, and writes one spelling', () => {
    expect(parseBinding('shift+ctrl+k')).toEqual({ mod: true, shift: true, alt: false, key: 'K' });
    expect(canonicalBinding('Shift+Alt+Cmd+ArrowLeft')).toBe('Mod+Alt+Shift+ArrowLeft');
    expect(canonicalBinding('Mod++')).toBe('Mod++');
    expect(canonicalBinding('Shift+/')).toBe('?');
  });

  it('matches letters, digits and punctuation by physical key, so an Arabic layout works', () => {
    expect(matchesBinding(key('KeyN', 'ى'), 'N')).toBe(true);
    expect(matchesBinding(key('Digit3', '٣'), '3')).toBe(true);
    expect(matchesBinding(key('Numpad3', '3'), '3')).toBe(true);
    expect(matchesBinding(key('BracketRight', 'د', { shiftKey: true }), 'Shift+]')).toBe(true);
    expect(matchesBinding(key('BracketRight', 'د'), 'Shift+]')).toBe(false);
    expect(matchesBinding(key('KeyK', 'k', { metaKey: true }), 'Mod+K')).toBe(true);
    expect(matchesBinding(key('KeyK', 'k', { ctrlKey: true, altKey: true }), 'Mod+K')).toBe(false);
    expect(matchesBinding(key('ArrowLeft', 'ArrowLeft', { altKey: true, shiftKey: true }), 'Alt+Shift+ArrowLeft')).toBe(true);
  });

  it('matches ? by the character it types, Arabic ؟ included, and keeps / for the / key', () => {
    expect(matchesBinding(key('Slash', '?', { shiftKey: true }), '?')).toBe(true);
    expect(matchesBinding(key('Slash', '؟', { shiftKey: true }), '?')).toBe(true);
    expect(matchesBinding(key('Minus', '?', { shiftKey: true }), '?')).toBe(true); // a German layout
    expect(matchesBinding(key('Slash', '?'), '/')).toBe(false);
    expect(matchesBinding(key('Slash', '/'), '/')).toBe(true);
  });

  it('records a key press as a binding, waiting while only modifiers are down', () => {
    expect(bindingFromEvent(key('ControlLeft', 'Control', { ctrlKey: true }))).toBeNull();
    expect(bindingFromEvent(key('KeyK', 'K', { ctrlKey: true, shiftKey: true }))).toBe('Mod+Shift+K');
    expect(bindingFromEvent(key('KeyJ', 'ت'))).toBe('J');
    expect(bindingFromEvent(key('Slash', '؟', { shiftKey: true }))).toBe('?');
    expect(bindingFromEvent(key('BracketLeft', 'ج', { altKey: true }))).toBe('Alt+[');
    expect(bindingFromEvent(key('F2', 'F2'))).toBe('F2');
    expect(bindingFromEvent(key('Space', ' '))).toBe('Space');
  });

  it('formats bindings for this platform and for the README', () => {
    expect(formatBinding('Mod+Shift+ArrowLeft', 'pc')).toBe('Ctrl+Shift+←');
    expect(formatBinding('Mod+Alt+K', 'mac')).toBe('⌘+⌥+K');
    expect(formatBinding('Mod+Enter', 'docs')).toBe('Ctrl/Cmd+Enter');
    expect(formatBinding('?')).toBe('?');
    expect(formatBinding('Escape')).toBe('Esc');
  });
});
