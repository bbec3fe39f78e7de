import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from '../../../renderer/commands/fuzzy';

const TITLES = ['Open the next document', 'Open the next unfinished document', 'Undo', 'Redo', 'Export corpus as JSON', 'Move the caret a word left (forward in Arabic)', 'Mark as PER — Person'];

describe('fuzzy matching for the command palette', () => {
  it('needs the query’s letters in order, ignoring case and spaces', () => {
    expect(fuzzyScore('nxt doc', 'Open the next document')).not.toBeNull();
    expect(fuzzyScore('cod txen', 'Open the next document')).toBeNull();
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('puts word starts and exact runs first', () => {
    expect(fuzzyFilter(TITLES, 'undo', (t) => t)[0]).toBe('Undo');
    expect(fuzzyFilter(TITLES, 'nxt doc', (t) => t)[0]).toBe('Open the next document');
    expect(fuzzyFilter(TITLES, 'per', (t) => t)[0]).toBe('Mark as PER — Person');
    expect(fuzzyFilter(TITLES, 'json', (t) => t)).toEqual(['Export corpus as JSON']);
  });

  it('keeps the original order for an empty query', () => {
    expect(fuzzyFilter(TITLES, '  ', (t) => t)).toEqual(TITLES);
  });
});
