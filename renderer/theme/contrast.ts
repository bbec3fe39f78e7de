/**
 * WCAG 2 colour contrast for the theme: relative luminance, contrast ratio, and blending a
 * translucent colour over a background (how a highlight looks on the article page).
 */

/** An sRGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

/** Parses #rgb, #rrggbb or #rrggbbaa (the alpha is returned apart, 0–1). */
export function parseHex(hex: string): { rgb: Rgb; alpha: number } {
  const body = hex.replace(/^#/, '');
  const full = body.length === 3 || body.length === 4 ? [...body].map((c) => c + c).join('') : body;
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(full)) throw new Error(`not a hex colour: ${hex}`);
  const n = (i: number): number => parseInt(full.slice(i, i + 2), 16);
  return { rgb: [n(0), n(2), n(4)], alpha: full.length === 8 ? n(6) / 255 : 1 };
}

/** `over` painted at `alpha` on `under`. */
export function blend(over: Rgb, alpha: number, under: Rgb): Rgb {
  return [0, 1, 2].map((i) => Math.round(over[i]! * alpha + under[i]! * (1 - alpha))) as unknown as Rgb;
}

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio, 1–21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** #rrggbb of a colour. */
export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
