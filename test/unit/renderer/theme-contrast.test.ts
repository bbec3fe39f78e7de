import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE_BACKGROUND, entityColours, FOCUS_COLOURS, roleColours, type ThemeName } from '../../../renderer/editor/highlights';
import { contrastRatio, parseHex } from '../../../renderer/theme/contrast';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';

/** The theme colours of styles.css: `--name: light-dark(#light, #dark)` or one colour for both. */
function themeColours(): Record<ThemeName, Record<string, string>> {
  const css = readFileSync(new URL('../../../renderer/styles.css', import.meta.url), 'utf8');
  const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
  const result: Record<ThemeName, Record<string, string>> = { light: {}, dark: {} };
  for (const [, name, value] of root.matchAll(/--([\w-]+):\s*([^;]+);/g)) {
    const pair = /^light-dark\((#[0-9a-f]+),\s*(#[0-9a-f]+)\)$/i.exec(value!.trim());
    if (pair) [result.light[name!], result.dark[name!]] = [pair[1]!, pair[2]!];
    else if (/^#[0-9a-f]+$/i.test(value!.trim())) result.light[name!] = result.dark[name!] = value!.trim();
  }
  return result;
}

const colours = themeColours();
const ratio = (a: string, b: string): number => contrastRatio(parseHex(a).rgb, parseHex(b).rgb);

/** [text or indicator, background, minimum ratio]: 4.5 for text, 3 for focus rings and control edges. */
const PAIRS: Array<[string, string, number]> = [
  ['ink', 'bg', 4.5],
  ['ink', 'panel', 4.5],
  ['ink', 'field-bg', 4.5],
  ['ink', 'control-bg', 4.5],
  ['ink', 'control-hover', 4.5],
  ['ink', 'current-bg', 4.5],
  ['ink', 'focused-bg', 4.5],
  ['ink', 'pill-bg', 4.5],
  ['ink', 'progress-bg', 4.5],
  ['ink', 'suggestion-focus-bg', 4.5],
  ['muted', 'panel', 4.5],
  ['muted', 'bg', 4.5],
  ['accent', 'panel', 4.5],
  ['primary-ink', 'primary-bg', 4.5],
  ['primary-ink', 'primary-hover', 4.5],
  ['error', 'panel', 4.5],
  ['warning', 'panel', 4.5],
  ['violet', 'panel', 4.5],
  ['success', 'panel', 4.5],
  ['repeat-ink', 'panel', 4.5],
  ['pill-progress-ink', 'pill-progress-bg', 4.5],
  ['pill-done-ink', 'pill-done-bg', 4.5],
  ['mark-ink', 'mark-bg', 4.5],
  ['focus', 'bg', 3],
  ['focus', 'panel', 3],
  ['focus', 'control-bg', 3],
  ['focus', 'focused-bg', 3],
  ['control-border', 'panel', 3],
  ['control-border', 'bg', 3],
];

describe('theme contrast (WCAG 2)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: text reaches 4.5:1 and focus rings and control edges 3:1`, () => {
      const weak: string[] = [];
      for (const [fg, bg, min] of PAIRS) {
        const [a, b] = [colours[theme][fg], colours[theme][bg]];
        expect(a && b, `--${fg} / --${bg} in styles.css`).toBeTruthy();
        const r = ratio(a!, b!);
        if (r < min) weak.push(`--${fg} on --${bg}: ${r.toFixed(2)} < ${min}`);
      }
      expect(weak).toEqual([]);
    });

    it(`${theme}: highlights keep the article text readable and the focused span visible`, () => {
      expect(ARTICLE_BACKGROUND[theme]).toBe(colours[theme].panel);
      for (const label of DEFAULT_LABEL_SCHEMA.labels) {
        const { background, text } = label.kind === 'entity' ? entityColours(label.colour, theme) : roleColours(label.colour, theme);
        expect(ratio(text, background), `${label.id} in ${theme}`).toBeGreaterThanOrEqual(4.5);
      }
      // The focused span is a solid block: readable, and standing out from the page.
      const focus = FOCUS_COLOURS[theme];
      expect(ratio(focus.text, focus.background)).toBeGreaterThanOrEqual(4.5);
      expect(ratio(focus.background, ARTICLE_BACKGROUND[theme])).toBeGreaterThanOrEqual(3);
      // Search matches: black on yellow in both themes.
      expect(ratio('#000000', '#ffe066')).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('picks readable text even on user colours at either end', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const colour of ['#000000', '#ffffff', '#1d3557', '#ffd166']) {
        const { background, text } = entityColours(colour, theme);
        expect(ratio(text, background), `${colour} in ${theme}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
