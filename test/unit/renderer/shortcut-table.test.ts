import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { allActionDefinitions } from '../../../renderer/commands/definitions';
import { replaceShortcutTable, shortcutTableMarkdown } from '../../../renderer/commands/shortcut-table';

const README = new URL('../../../README.md', import.meta.url);

describe('the README shortcut table', () => {
  it('is the one generated from the action registry (UPDATE_README=1 rewrites it)', async () => {
    const readme = await readFile(README, 'utf8');
    const table = shortcutTableMarkdown(allActionDefinitions(DEFAULT_LABEL_SCHEMA));
    const expected = replaceShortcutTable(readme, table);
    expect(expected, 'README.md has no shortcut table markers').not.toBeNull();
    if (process.env.UPDATE_README && expected !== readme) await writeFile(README, expected!);
    else expect(readme).toBe(expected);
  });

  it('lists every action with its keys as people read them', () => {
    const table = shortcutTableMarkdown(allActionDefinitions(DEFAULT_LABEL_SCHEMA));
    expect(table).toContain('| Caret | Move the caret a word left (forward in Arabic) | `←` |');
    expect(table).toContain('| Edit | Redo | `Ctrl/Cmd+Shift+Z` or `Ctrl/Cmd+Y` |');
    expect(table).toContain('| Labels | Mark as PER — Person (or relabel the focused span) | `1` |');
    expect(table).toContain('| View | Keyboard shortcuts (cheat sheet) | `?` |');
    expect(table.split('\n')).toHaveLength(2 + allActionDefinitions(DEFAULT_LABEL_SCHEMA).length);
  });
});
