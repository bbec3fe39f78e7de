/**
 * Flat span sets for formats that cannot nest or overlap spans (CoNLL tags, spaCy `doc.ents`):
 * spans are chosen greedily — entity labels before attribution roles (a PER inside a CLAIM
 * is kept, the CLAIM is not), then the earlier, then the longer span — and each span left
 * out is reported with the span it collides with.
 */
import type { DatasetDocument, DatasetSpan, FormatNote } from './dataset';
import type { LabelSchema } from '../model/schema';
import { formatNote } from './dataset';
import { phrase } from '../phrases/phrase';
import { codePointRange } from './common/span-units';

/** A span with the range it occupies in the flat layer (tokens or characters), `[lo, hi)`. */
export interface FlatItem {
  span: DatasetSpan;
  lo: number;
  hi: number;
}

/** True for labels of kind "entity" and for labels the schema does not know. */
export function isEntityLabel(schema: LabelSchema, label: string): boolean {
  const def = schema.labels.find((l) => l.id === label);
  return !def || def.kind === 'entity';
}

/**
 * The non-overlapping items kept (in reading order) and a `skipped` note for each one left
 * out, its offsets in code points.
 */
export function chooseFlat<T extends FlatItem>(items: readonly T[], schema: LabelSchema, where: string, doc: Pick<DatasetDocument, 'id' | 'text'>): { kept: T[]; notes: FormatNote[] } {
  const rank = (item: T): number => (isEntityLabel(schema, item.span.label) ? 0 : 1);
  const order = [...items].sort((a, b) => rank(a) - rank(b) || a.lo - b.lo || b.hi - b.lo - (a.hi - a.lo) || a.span.id.localeCompare(b.span.id));
  const kept: T[] = [];
  const notes: FormatNote[] = [];
  for (const item of order) {
    const clash = kept.find((k) => k.lo < item.hi && item.lo < k.hi);
    if (!clash) {
      kept.push(item);
      continue;
    }
    const how = clash.lo <= item.lo && item.hi <= clash.hi ? 'exportNote.how.nested' : item.lo <= clash.lo && clash.hi <= item.hi ? 'exportNote.how.contains' : 'exportNote.how.overlaps';
    const { span } = item;
    const { start, end } = codePointRange(doc.text, span);
    notes.push(formatNote(where, 'skipped', 'exportNote.flat', { doc: doc.id, span: span.id, label: span.label, start, end, how: phrase(how), other: clash.span.id, otherLabel: clash.span.label }));
  }
  kept.sort((a, b) => a.lo - b.lo);
  return { kept, notes };
}
