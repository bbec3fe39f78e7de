/**
 * Names of labels and other corpus vocabulary in the interface language. A corpus's schema
 * holds its own label names (English for the default schema); a label that still has its
 * default name is shown under the translated default name, a renamed one as the user named it.
 */
import { DEFAULT_LABEL_SCHEMA, type LabelDef } from '../../shared/model/schema';
import type { MessageKey, Translate } from '../../shared/i18n/i18n';

const DEFAULT_NAMES = new Map(DEFAULT_LABEL_SCHEMA.labels.map((l) => [l.id, l.name]));

/** "PER — Person" (English) / "PER — شخص" (Arabic): the name a label button and a span carry. */
export function labelName(label: LabelDef, t: Translate): string {
  const translated = DEFAULT_NAMES.get(label.id) === label.name ? t(`label.${label.id}` as MessageKey) : label.name;
  return `${label.id} — ${translated}`;
}
