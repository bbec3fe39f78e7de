/**
 * The label schema given to an imported corpus whose format carries only label names: the
 * default schema, plus each unknown label appended as an entity label (grey, no hotkey).
 */
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../model/schema';

/** Role labels of Isnad's schema, which imported relations map onto. */
export const ROLE_LABELS = { claim: 'CLAIM', source: 'SOURCE', cue: 'CUE' } as const;

/** The default schema extended with the labels seen in an import (in first-seen order). */
export function schemaForLabels(labels: Iterable<string>): LabelSchema {
  const schema: LabelSchema = {
    ...DEFAULT_LABEL_SCHEMA,
    labels: DEFAULT_LABEL_SCHEMA.labels.map((l) => ({ ...l })),
  };
  const known = new Set(schema.labels.map((l) => l.id));
  for (const label of labels) {
    if (known.has(label)) continue;
    known.add(label);
    schema.labels.push({ id: label, name: label, kind: 'entity', colour: '#bdbdbd', hotkey: '' });
  }
  return schema;
}
