/**
 * File sizes in messages, as phrases: each language writes the number and the unit its own
 * way ("20 bytes", "1.5 KB" in English; «20 بايت», «1.5 كيلوبايت» in Arabic). Binary units
 * (1 KB = 1,024 bytes), as the import's limits are.
 */
import { phrase, type Phrase, type PhraseParam } from './phrase';

const KB = 1024;
const MB = 1024 * 1024;

/**
 * The size of `bytes`. `'tenths'` (the import dialog's sizes): bytes under 1 KB, else KB or
 * MB to a tenth. `'whole-up'` (refusals against a limit): KB rounded up to a whole number,
 * so that nothing over a limit reads as the limit, and MB to a tenth.
 */
export function byteSizePhrase(bytes: number, style: 'tenths' | 'whole-up' = 'tenths'): Phrase {
  const mb = Math.round((bytes / MB) * 10) / 10;
  if (mb >= 1) return phrase('size.megabytes', { size: mb });
  if (style === 'whole-up') return phrase('size.kilobytes', { size: Math.ceil(bytes / KB) });
  if (bytes < KB) return phrase('size.bytes', { count: bytes });
  return phrase('size.kilobytes', { size: Math.round((bytes / KB) * 10) / 10 });
}

/**
 * The parameters of `file.tooLarge` for `file` of `size` bytes against `limit`: both sizes
 * `'whole-up'`, so a file just over the limit never reads as the limit. Every refusal of a
 * file too large (decoding, intake, the browser's picker, Electron's main) says it this way.
 */
export function tooLargeParams(file: string, size: number, limit: number): Record<string, PhraseParam> {
  return { file, size: byteSizePhrase(size, 'whole-up'), limit: byteSizePhrase(limit, 'whole-up') };
}
