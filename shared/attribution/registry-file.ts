/**
 * A source registry as a JSON file: `{ "sources": [ … ] }` or a bare array of sources, each
 * with nameAr / nameLatin (at least one), kind, and optional id, aliasesAr, aliasesLatin,
 * ambiguous, note, url. Validated with zod; every problem is reported with its path.
 */
import { z } from '../security/zod';
import { phrase } from '../phrases/phrase';
import { refused, refusedAs, type Refused } from '../formats/dataset';
import { ownIssue, schemaIssueProblem } from '../formats/schema-issues';
import { SOURCE_KINDS, type SourceKind, type SourceRecord } from '../model/types';
import { valueText } from '../formats/common/value-text';
import { matchKey } from './fold';
import { sourcesWithIds, type SourceDraftWithId } from './records';
import { jsonSyntaxPhrase } from '../formats/intake/json-errors';

const name = z.string().max(500);

/** One source of a registry file. */
export const registrySourceSchema = z
  .object({
    id: z.string().min(1).max(200).optional(),
    nameAr: name.default(''),
    nameLatin: name.default(''),
    kind: z.enum(SOURCE_KINDS as unknown as [SourceKind, ...SourceKind[]]),
    aliasesAr: z.array(name).max(500).default([]),
    aliasesLatin: z.array(name).max(500).default([]),
    ambiguous: z.array(name).max(500).optional(),
    note: z.string().max(5000).optional(),
    url: z.string().max(2000).optional(),
  })
  .superRefine((source, ctx) => {
    if (!matchKey(source.nameAr) && !matchKey(source.nameLatin)) ctx.addIssue(ownIssue(phrase('registryFile.needsName'), ['nameAr']));
    const names = new Set([source.nameAr, source.nameLatin, ...source.aliasesAr, ...source.aliasesLatin].map(matchKey));
    for (const [i, entry] of (source.ambiguous ?? []).entries()) {
      if (!names.has(matchKey(entry))) ctx.addIssue(ownIssue(phrase('registryFile.notAName', { name: entry }), ['ambiguous', i]));
    }
  });

/** The `format` tag of a registry file Isnad writes ({ format, version, sources }). */
export const REGISTRY_FORMAT = 'isnad-registry';
/** The newest registry file version this Isnad reads and the one it writes. */
export const REGISTRY_VERSION = 1;

function isTagged(data: unknown): data is { format?: unknown; version?: unknown } {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/**
 * The result of {@link parseRegistryFile}. A refusal's `problems` are English sentences (what
 * the CLI prints); its `phrases`, index for index, say each in the interface's language.
 */
export type RegistryFileResult = { ok: true; sources: SourceRecord[] } | Refused;

/** Options of {@link parseRegistryFile}: the records' corpus, creation time and id prefix. */
export interface RegistryFileOptions {
  corpusId: string;
  createdAt: string;
  /** For generated ids: `${idPrefix}:${slug}`. Default "registry". */
  idPrefix?: string;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), 'sources');
}

/**
 * Parses and validates a registry file's text (a leading byte-order mark is ignored).
 * A file tagged with another `format`, or a newer `version`, is refused as such.
 * Sources without an id get a deterministic one (records.ts); repeated ids are refused.
 */
export function parseRegistryFile(text: string, options: RegistryFileOptions): RegistryFileResult {
  let data: unknown;
  const json = text.replace(/^\uFEFF/u, '');
  try {
    data = JSON.parse(json);
  } catch (error) {
    return refusedAs('registryFile.notJson', { detail: jsonSyntaxPhrase(json, error) });
  }
  if (isTagged(data)) {
    if (data.format !== undefined && data.format !== REGISTRY_FORMAT) return refusedAs('registryFile.otherFormat', { format: valueText(data.format), expected: REGISTRY_FORMAT });
    if (typeof data.version === 'number' && data.version > REGISTRY_VERSION) {
      return refusedAs('registryFile.newer', { version: data.version, supported: REGISTRY_VERSION });
    }
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { sources?: unknown }).sources) ? (data as { sources: unknown[] }).sources : undefined;
  if (!list) return refusedAs('registryFile.shape', { shape: '{ "sources": [ … ] }' });
  const parsed = z.array(registrySourceSchema).safeParse(list);
  if (!parsed.success) return refused(parsed.error.issues.slice(0, 20).map((issue) => schemaIssueProblem(issue, pathOf)));
  const ids = parsed.data.flatMap((s) => (s.id ? [s.id] : []));
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length) return refusedAs('registryFile.repeatedIds', { count: repeated.length, ids: [...new Set(repeated)] });
  const drafts: SourceDraftWithId[] = parsed.data.map((s) => ({
    nameAr: s.nameAr,
    nameLatin: s.nameLatin,
    kind: s.kind,
    aliasesAr: s.aliasesAr,
    aliasesLatin: s.aliasesLatin,
    ...(s.id ? { id: s.id } : {}),
    ...(s.ambiguous ? { ambiguous: s.ambiguous } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
    ...(s.url !== undefined ? { url: s.url } : {}),
  }));
  return { ok: true, sources: sourcesWithIds(drafts, { corpusId: options.corpusId, createdAt: options.createdAt, idPrefix: options.idPrefix ?? 'registry' }) };
}
