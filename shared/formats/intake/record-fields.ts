/**
 * Turning one record (a JSON object or a CSV row) into an article draft with a field
 * mapping: field lookup by name or dotted path, text and metadata values, and the list of
 * field names a file offers (for the mapping UI).
 */
import type { ArticleDraft, DecodingInfo, FieldMapping, SourceFormat } from '../article-draft';
import { isBlank } from '../../text/chars';
import { normaliseLineEndings } from '../../text/lineEndings';
import { phrase, type Phrase } from '../../phrases/phrase';

/** A record: field names to values (CSV values are strings). */
export type RecordValue = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is RecordValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function member(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return /^\d+$/.test(key) ? value[Number(key)] : undefined;
  if (!isRecord(value)) return undefined;
  if (Object.hasOwn(value, key)) return value[key];
  const lower = key.toLowerCase();
  const match = Object.keys(value).find((k) => k.toLowerCase() === lower);
  return match === undefined ? undefined : value[match];
}

/**
 * The value of `field` in `record`: the field itself when a key has that exact name, else
 * the dotted path ("meta.title", "authors.0.name"). A name differing only in case is
 * accepted when no exact match exists ("Text" for "text").
 */
export function fieldValue(record: RecordValue, field: string): unknown {
  const direct = member(record, field);
  if (direct !== undefined || !field.includes('.')) return direct;
  let value: unknown = record;
  for (const key of field.split('.')) {
    value = member(value, key);
    if (value === undefined) return undefined;
  }
  return value;
}

/** A metadata value as text: strings trimmed, finite numbers written out; anything else (or empty) is undefined. */
export function metadataText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  return undefined;
}

/** What a JSON value is, for messages: "a list", "an object", "a number" … */
export function valueKind(value: unknown): Phrase {
  if (value === null) return phrase('value.null');
  if (Array.isArray(value)) return phrase('value.list');
  if (typeof value === 'object') return phrase('value.object');
  if (typeof value === 'number') return phrase('value.number');
  if (typeof value === 'boolean') return phrase('value.boolean');
  return phrase('value.string');
}

/** Where a record sits in its file, and how the file was read. */
export interface RecordPlace {
  format: SourceFormat;
  decoding: DecodingInfo;
  /** 1-based line (JSON Lines, CSV) or position in the list (JSON). */
  record: number;
}

/** A record turned into a draft, or what is wrong with it (`missing`: the text field is absent). */
export type RecordDraft = { ok: true; draft: ArticleDraft } | { ok: false; problem: Phrase; missing: boolean };

/**
 * Builds the draft of one record. The text (mapping.text) must be a string with something
 * other than whitespace; its CR/CRLF line endings become \n and nothing else changes.
 * Title, url, date, outlet and id are taken when present (numbers written out).
 */
export function draftFromRecord(record: RecordValue, mapping: FieldMapping, place: RecordPlace): RecordDraft {
  const raw = fieldValue(record, mapping.text);
  if (raw === undefined) return { ok: false, problem: phrase('record.noField', { field: mapping.text }), missing: true };
  if (typeof raw !== 'string') return { ok: false, problem: phrase('record.notText', { field: mapping.text, kind: valueKind(raw) }), missing: false };
  if (isBlank(raw)) return { ok: false, problem: phrase('record.emptyField', { field: mapping.text }), missing: false };
  const draft: ArticleDraft = { text: normaliseLineEndings(raw), format: place.format, decoding: place.decoding, record: place.record };
  const roles: Array<[keyof FieldMapping, 'title' | 'url' | 'date' | 'outlet' | 'externalId']> = [
    ['title', 'title'],
    ['url', 'url'],
    ['date', 'date'],
    ['outlet', 'outlet'],
    ['id', 'externalId'],
  ];
  for (const [role, key] of roles) {
    const field = mapping[role];
    if (!field) continue;
    const value = metadataText(fieldValue(record, field));
    if (value !== undefined) draft[key] = value;
  }
  return { ok: true, draft };
}

/** The field names of records, in order of first appearance; nested objects give dotted paths ("meta.title"), up to 4 levels. */
export function fieldNamesOf(records: Iterable<unknown>): string[] {
  const seen = new Set<string>();
  const visit = (value: RecordValue, prefix: string, depth: number): void => {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix + key;
      if (isRecord(child) && depth < 4 && Object.keys(child).length > 0) visit(child, `${path}.`, depth + 1);
      else seen.add(path);
    }
  };
  for (const record of records) if (isRecord(record)) visit(record, '', 1);
  return [...seen];
}
