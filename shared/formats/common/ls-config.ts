/**
 * The Label Studio labeling config that goes with an Isnad export: one `Labels` control
 * named "label" over the `Text` object "text", and the relation types Isnad writes.
 */
import { RELATION_TYPES } from './attribution-relations';

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The config XML for these labels (colours from the schema where known). */
export function labelStudioConfig(labels: ReadonlyArray<{ id: string; colour?: string }>): string {
  const lines = ['<View>', '  <Labels name="label" toName="text">'];
  for (const l of labels) lines.push(`    <Label value="${escapeXml(l.id)}"${l.colour ? ` background="${escapeXml(l.colour)}"` : ''}/>`);
  lines.push('  </Labels>', '  <Text name="text" value="$text"/>', '  <Relations>');
  for (const type of Object.values(RELATION_TYPES)) lines.push(`    <Relation value="${type}"/>`);
  lines.push('  </Relations>', '</View>');
  return `${lines.join('\n')}\n`;
}

/** The `value`s of the `Label` elements of a config (for checks), unescaped. */
export function configLabelValues(xml: string): string[] {
  return [...xml.matchAll(/<Label\s[^>]*value="([^"]*)"/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&'));
}
