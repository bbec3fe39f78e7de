/**
 * Names of labels and other corpus vocabulary in the interface language. A corpus's schema
 * holds its own label names (English for the default schema); a label that still has its
 * default name is shown under the translated default name, a renamed one as the user named it.
 */
import { DEFAULT_ATTRIBUTE_VALUES, DEFAULT_LABEL_SCHEMA, type AttributeValues, type LabelDef } from '../../shared/model/schema';
import type { SourceRecord } from '../../shared/model/types';
import type { MessageKey, Translate } from '../../shared/i18n/i18n';

const DEFAULT_NAMES = new Map(DEFAULT_LABEL_SCHEMA.labels.map((l) => [l.id, l.name]));

/** "PER — Person" (English) / "PER — شخص" (Arabic): the name a label button and a span carry. */
export function labelName(label: LabelDef, t: Translate): string {
  const translated = DEFAULT_NAMES.get(label.id) === label.name ? t(`label.${label.id}` as MessageKey) : label.name;
  return `${label.id} — ${translated}`;
}

/**
 * An attribute value as the interface shows it: a default value ("direct", "asserted") in the
 * interface language; a value the user added, as written. The stored value (what exports
 * carry) is never translated.
 */
export function attributeValueName(attribute: keyof AttributeValues, value: string, t: Translate): string {
  return DEFAULT_ATTRIBUTE_VALUES[attribute].includes(value) ? t(`attributeValue.${attribute}.${value}` as MessageKey) : value;
}

/**
 * A source's name with its other-script name in brackets, the interface's script first:
 * "RIA Novosti (وكالة نوفوستي)" in English, «وكالة نوفوستي (RIA Novosti)» in Arabic.
 */
export function sourceName(source: Pick<SourceRecord, 'nameAr' | 'nameLatin'>, t: Translate): string {
  const [first, second] = t.dir === 'rtl' ? [source.nameAr, source.nameLatin] : [source.nameLatin, source.nameAr];
  if (first && second) return `${first} (${second})`;
  return first || second;
}
