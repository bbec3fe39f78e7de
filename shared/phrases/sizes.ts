/**
 * File sizes in messages, as phrases: each language writes the number and the unit its own
 * way ("20 bytes", "1.5 KB" in English; «20 بايت», «1.5 كيلوبايت» in Arabic). Binary units
 * (1 KB = 1,024 bytes), as the import's limits are.
 */
import { english, phrase, type Phrase, type PhraseParam } from './phrase';

const KB = 1024;
const MB = 1024 * 1024;

/**
 * How a size is written:
 * - `'tenths'` (the import dialog's sizes): bytes under 1 KB, else KB or MB to the nearest tenth;
 * - `'whole-up'` (a size measured against a limit): never less than the size — KB rounded up
 *   to a whole number, MB rounded up to a tenth — so that nothing over a limit reads as the limit;
 * - `'down'` (a limit): never more than the limit — bytes under 1 KB, else whole KB or tenths
 *   of MB rounded down (a round limit such as 20 MB is written as it is).
 */
export type ByteSizeStyle = 'tenths' | 'whole-up' | 'down';

/** The size of `bytes`, written in `style` (see {@link ByteSizeStyle}). */
export function byteSizePhrase(bytes: number, style: ByteSizeStyle = 'tenths'): Phrase {
  // bytes × 10 is an integer and MB a power of two, so the tenths are exact before rounding.
  if (style === 'whole-up') {
    if (bytes > 1023 * KB) return phrase('size.megabytes', { size: Math.ceil((bytes * 10) / MB) / 10 });
    return phrase('size.kilobytes', { size: Math.ceil(bytes / KB) });
  }
  if (style === 'down') {
    if (bytes >= MB) return phrase('size.megabytes', { size: Math.floor((bytes * 10) / MB) / 10 });
    if (bytes >= KB) return phrase('size.kilobytes', { size: Math.floor(bytes / KB) });
    return phrase('size.bytes', { count: bytes });
  }
  const mb = Math.round((bytes * 10) / MB) / 10;
  if (mb >= 1) return phrase('size.megabytes', { size: mb });
  if (bytes < KB) return phrase('size.bytes', { count: bytes });
  return phrase('size.kilobytes', { size: Math.round((bytes / KB) * 10) / 10 });
}

/**
 * A size next to the limit it breaks: the size rounded up (`'whole-up'`), the limit rounded
 * down (`'down'`), so the size always reads larger than the limit. Should both still read the
 * same (they cannot with these roundings, but a rounding change must not bring the
 * contradiction back), both are given in bytes.
 */
export function sizeOverLimit(size: number, limit: number): { size: Phrase; limit: Phrase } {
  const shown = { size: byteSizePhrase(size, 'whole-up'), limit: byteSizePhrase(limit, 'down') };
  if (size > limit && english(shown.size) === english(shown.limit)) return { size: phrase('size.bytes', { count: size }), limit: phrase('size.bytes', { count: limit }) };
  return shown;
}

/**
 * The parameters of `file.tooLarge` for `file` of `size` bytes against `limit`
 * ({@link sizeOverLimit}), so a file just over the limit never reads as the limit. Every
 * refusal of a file too large (decoding, intake, the browser's picker, Electron's main, the
 * command line) says it this way.
 */
export function tooLargeParams(file: string, size: number, limit: number): Record<string, PhraseParam> {
  return { file, ...sizeOverLimit(size, limit) };
}
