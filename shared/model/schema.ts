/**
 * The label schema of a corpus: entity types and attribution roles, their colours and
 * hotkeys, and the rules for how spans may overlap. Overlap rules live here, not in the UI
 * (like ProseMirror's `MarkSpec.excludes`).
 */

/** What a label marks: a named entity, or a part of an attribution (claim, source, cue). */
export type LabelKind = 'entity' | 'attribution';

/** One label of the schema. `id` is what exports carry (e.g. "PER"). */
export interface LabelDef {
  id: string;
  /** Human name shown next to the id, e.g. "Person". */
  name: string;
  kind: LabelKind;
  /** CSS colour (hex) used to paint spans of this label. */
  colour: string;
  /** A single key, matched by physical key position so that it also works on an Arabic layout. */
  hotkey: string;
}

/** The label schema stored with each corpus and written into every export. */
export interface LabelSchema {
  labels: LabelDef[];
  /**
   * May two spans cross (overlap without one containing the other)? Nesting (an entity
   * inside a claim) and spans of different labels on the same range are always allowed;
   * a second span with the same label and the same range never is.
   */
  allowCrossing: 'never' | 'different-kind' | 'always';
  /** The values attribution attributes may take; users may extend them. Absent: the defaults. */
  attributes?: AttributeValues;
}

/** Allowed values of each attribution attribute. */
export interface AttributeValues {
  quotation: string[];
  stance: string[];
  claimType: string[];
}

/** The attribution attributes whose values a schema lists, in the order they are shown. */
export const ATTRIBUTE_NAMES = ['quotation', 'stance', 'claimType'] as const satisfies ReadonlyArray<keyof AttributeValues>;

/** The attribute values a new schema starts with. */
export const DEFAULT_ATTRIBUTE_VALUES: AttributeValues = {
  quotation: ['direct', 'indirect', 'mixed'],
  stance: ['asserted', 'hedged', 'denied', 'questioned'],
  claimType: ['statement', 'casualty-figure', 'event-report', 'call-or-demand', 'denial'],
};

/** The attribute values of a schema (defaults when the schema predates attributes). */
export function attributeValues(schema: LabelSchema): AttributeValues {
  return schema.attributes ?? DEFAULT_ATTRIBUTE_VALUES;
}

/** The schema new corpora start with: entities PER, ORG, LOC, DATE; roles CLAIM, SOURCE, CUE. */
export const DEFAULT_LABEL_SCHEMA: LabelSchema = {
  labels: [
    { id: 'PER', name: 'Person', kind: 'entity', colour: '#f4a261', hotkey: '1' },
    { id: 'ORG', name: 'Organisation', kind: 'entity', colour: '#8ecae6', hotkey: '2' },
    { id: 'LOC', name: 'Location', kind: 'entity', colour: '#95d5b2', hotkey: '3' },
    { id: 'DATE', name: 'Date', kind: 'entity', colour: '#cdb4db', hotkey: '4' },
    { id: 'CLAIM', name: 'Claim', kind: 'attribution', colour: '#e9c46a', hotkey: '5' },
    { id: 'SOURCE', name: 'Source', kind: 'attribution', colour: '#e76f51', hotkey: '6' },
    { id: 'CUE', name: 'Cue', kind: 'attribution', colour: '#2a9d8f', hotkey: '7' },
  ],
  allowCrossing: 'different-kind',
  attributes: DEFAULT_ATTRIBUTE_VALUES,
};

/** Finds a label by id. */
export function findLabel(schema: LabelSchema, id: string): LabelDef | undefined {
  return schema.labels.find((label) => label.id === id);
}

/** "PER — Person": the name a label button and a span carry for assistive technology. */
export function labelDisplayName(label: LabelDef): string {
  return `${label.id} — ${label.name}`;
}

