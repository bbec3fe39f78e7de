/** How the focused span's details say its part in attributions. */
import type { Translate } from '../../shared/i18n/i18n';

/**
 * "the claim of 1 attribution", "the source or cue of 2 attributions", both joined, or "none":
 * only the parts the span has are said (a count of 0 read as "claim of 0").
 */
export function usageInWords(usage: { claimOf: number; mentionOrCueOf: number }, t: Translate): string {
  const parts: string[] = [];
  if (usage.claimOf) parts.push(t('spanDetails.usage.claim', { attributions: t('count.attributions.genitive', { count: usage.claimOf }) }));
  if (usage.mentionOrCueOf) parts.push(t('spanDetails.usage.mention', { attributions: t('count.attributions.genitive', { count: usage.mentionOrCueOf }) }));
  return parts.length ? parts.join(t('common.listSeparator')) : t('spanDetails.usage.none');
}
