/**
 * The README's shortcut table, generated from the action registry so that the two cannot
 * drift apart (a unit test compares them; `UPDATE_README=1 npx vitest run
 * test/unit/renderer/shortcut-table.test.ts` rewrites the README section).
 */
import { createTranslator } from '../../shared/i18n/i18n';
import { ACTION_GROUPS, actionTitle, groupName, type ActionDefinition } from './definitions';
import { formatBinding } from './keys';

/** The markers around the generated table in README.md. */
export const TABLE_BEGIN = '<!-- shortcuts:begin (generated from renderer/commands/definitions.ts) -->';
export const TABLE_END = '<!-- shortcuts:end -->';

/** A Markdown table of every action's default keys, by group (in English, like the README). */
export function shortcutTableMarkdown(definitions: readonly ActionDefinition[]): string {
  const t = createTranslator('en');
  const rows = ['| group | action | default keys |', '| --- | --- | --- |'];
  for (const group of ACTION_GROUPS) {
    for (const def of definitions.filter((d) => d.group === group)) {
      const keys = def.keys.length ? def.keys.map((key) => `\`${formatBinding(key, 'docs')}\``).join(' or ') : '—';
      rows.push(`| ${groupName(group, t)} | ${actionTitle(def, t)} | ${keys} |`);
    }
  }
  return rows.join('\n');
}

/** `readme` with the text between the markers replaced by `table` (null when the markers are missing). */
export function replaceShortcutTable(readme: string, table: string): string | null {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin) return null;
  return `${readme.slice(0, begin + TABLE_BEGIN.length)}\n${table}\n${readme.slice(end)}`;
}
