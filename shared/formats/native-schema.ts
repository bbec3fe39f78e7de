/**
 * The zod schema of Isnad's native JSON format, version 1. Import validates against it;
 * the exporter's output satisfies it (a unit test checks both).
 */
import { z } from '../security/zod';

/** The current native format version. Older versions are migrated by `native-migrations.ts`. */
export const NATIVE_FORMAT_VERSION = 2;

/** The `format` tag every native file carries. */
export const NATIVE_FORMAT_TAG = 'isnad-corpus';

const hexColour = z.string().regex(/^#[0-9a-fA-F]{3,8}$/);

/** A label of the schema, as exported. */
export const nativeLabelSchema = z.object({
  id: z.string().min(1).max(64).regex(/^[A-Za-z][\w-]*$/),
  name: z.string().max(200),
  kind: z.enum(['entity', 'attribution']),
  colour: hexColour,
  hotkey: z.string().max(1),
});

/** A span as exported: offsets in the file's declared unit, plus its quoted text. */
export const nativeSpanSchema = z.object({
  id: z.string().min(1).max(200),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  label: z.string().min(1).max(64),
  text: z.string(),
  annotator: z.string().max(200),
  createdAt: z.string().max(64),
});

/** A registry source as exported (format version 2). */
export const nativeSourceSchema = z.object({
  id: z.string().min(1).max(200),
  nameAr: z.string().max(500),
  nameLatin: z.string().max(500),
  kind: z.enum(['news-agency', 'media-outlet', 'government', 'international-org', 'armed-group', 'person', 'anonymous', 'social-media']),
  aliasesAr: z.array(z.string().max(500)).max(500),
  aliasesLatin: z.array(z.string().max(500)).max(500),
  ambiguous: z.array(z.string().max(500)).max(500).optional(),
  note: z.string().max(5000).optional(),
  url: z.string().max(4000).optional(),
  createdAt: z.string().max(64),
});

/** An attribution as exported: span and source references by id (format version 2). */
export const nativeAttributionSchema = z.object({
  id: z.string().min(1).max(200),
  claimSpanId: z.string().min(1),
  sourceId: z.string().min(1),
  mentionSpanId: z.string().min(1).optional(),
  cueSpanId: z.string().min(1).optional(),
  quotation: z.string().max(100).optional(),
  stance: z.string().max(100).optional(),
  claimType: z.string().max(100).optional(),
  viaId: z.string().min(1).optional(),
  annotator: z.string().max(200),
  createdAt: z.string().max(64),
});

/** A document as exported. */
export const nativeDocumentSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().max(2000),
  status: z.enum(['todo', 'in-progress', 'done']),
  order: z.number(),
  text: z.string(),
  meta: z.object({
    fileName: z.string().max(1000).optional(),
    origin: z.enum(['sample', 'file', 'native-import']),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'iso-8859-6']),
    format: z.enum(['text', 'markdown', 'html', 'json', 'jsonl', 'csv', 'docx', 'native']).optional(),
    encodingMethod: z.enum(['bom', 'valid-utf8', 'detected', 'declared', 'user']),
    encodingConfidence: z.number().min(0).max(1),
    lineEndings: z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']),
    importedAt: z.string().max(64),
    outlet: z.string().max(500).optional(),
    url: z.string().max(4000).optional(),
    date: z.string().max(200).optional(),
    externalId: z.string().max(500).optional(),
    repeatedParagraphs: z.number().int().nonnegative().optional(),
    collapsedRepeats: z.object({ removedParagraphs: z.number().int().nonnegative() }).optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  publisherId: z.string().min(1).optional(),
  spans: z.array(nativeSpanSchema),
  attributions: z.array(nativeAttributionSchema),
});

/** A whole native file, version 1. */
export const nativeFileSchema = z.object({
  format: z.literal(NATIVE_FORMAT_TAG),
  formatVersion: z.literal(NATIVE_FORMAT_VERSION),
  offsetUnit: z.enum(['codepoint', 'utf16']),
  exportedAt: z.string(),
  generator: z.string(),
  corpus: z.object({ id: z.string().min(1), name: z.string(), createdAt: z.string() }),
  schema: z.object({
    labels: z.array(nativeLabelSchema),
    allowCrossing: z.enum(['never', 'different-kind', 'always']),
    attributes: z.object({ quotation: z.array(z.string().max(100)), stance: z.array(z.string().max(100)), claimType: z.array(z.string().max(100)) }).optional(),
  }),
  registry: z.array(nativeSourceSchema),
  documents: z.array(nativeDocumentSchema),
});

/** The native file as TypeScript sees it. */
export type NativeFile = z.infer<typeof nativeFileSchema>;
/** One document of a native file. */
export type NativeDocument = z.infer<typeof nativeDocumentSchema>;
/** One span of a native file. */
export type NativeSpan = z.infer<typeof nativeSpanSchema>;
/** One registry source of a native file. */
export type NativeSource = z.infer<typeof nativeSourceSchema>;
/** One attribution of a native file. */
export type NativeAttribution = z.infer<typeof nativeAttributionSchema>;
