/**
 * Regressions found by the fuzz tests (test/unit/fuzz): messages about values read from a
 * file printed objects as "[object Object]". They now show the value as short JSON.
 */
import { describe, expect, it } from 'vitest';
import { valueText } from '../../../shared/formats/common/value-text';
import { jsonlFormat } from '../../../shared/formats/jsonl';
import { labelStudioFormat } from '../../../shared/formats/label-studio';

describe('valueText', () => {
  it('shows strings and numbers as they are, objects and lists as short JSON, and cuts long ones', () => {
    expect(valueText('utf8')).toBe('utf8');
    expect(valueText(12)).toBe('12');
    expect(valueText(null)).toBe('null');
    expect(valueText(undefined)).toBe('(none)');
    expect(valueText({ unit: 'x' })).toBe('{"unit":"x"}');
    expect(valueText([1, [2]])).toBe('[1,[2]]');
    expect(valueText('ب'.repeat(100))).toBe(`${'ب'.repeat(59)}…`);
  });
});

describe('import notes name the value a file holds', () => {
  it('JSON Lines: an offsetUnit that is an object', () => {
    const line = JSON.stringify({ id: 'd1', text: 'قالت الوكالة', offsetUnit: { unit: 'codepoint' }, spans: [] });
    const outcome = jsonlFormat.importFiles([{ path: 'a.jsonl', contents: line }]);
    expect(outcome.ok).toBe(true);
    const messages = outcome.ok ? outcome.notes.map((n) => n.message) : [];
    expect(messages).toContain('Line 1 declares no known offsetUnit ({"unit":"codepoint"}); its offsets were read as code points.');
    expect(messages.join('\n')).not.toContain('[object Object]');
  });

  it('Label Studio: a task whose id is an object', () => {
    const tasks = [{ id: { nested: 1 }, data: { text: 'قالت الوكالة' }, annotations: [{ result: [{ type: 'choices', value: {} }] }] }];
    const outcome = labelStudioFormat.importFiles([{ path: 'tasks.json', contents: JSON.stringify(tasks) }]);
    const text = outcome.ok ? outcome.notes.map((n) => `${n.where}: ${n.message}`).join('\n') : outcome.problems.join('\n');
    expect(text).not.toContain('[object Object]');
    expect(text).toContain('{"nested":1}');
  });
});
