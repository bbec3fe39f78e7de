/**
 * Ordered migrations of the native format (tldraw's habit): each takes a file of version
 * n and returns version n + 1. A fixture of every past version lives in
 * test/fixtures/native/ and a test migrates it.
 */
import { NATIVE_FORMAT_VERSION } from './native-schema';
import { said, type Phrase } from '../phrases/phrase';

type Json = Record<string, unknown>;

/** Version 1 → 2: the source registry, attributions per document (none yet), publishers. */
function v1ToV2(file: Json): Json {
  const documents = Array.isArray(file.documents) ? file.documents : [];
  return { ...file, formatVersion: 2, registry: [], documents: documents.map((d) => (d && typeof d === 'object' ? { ...(d as Json), attributions: [] } : d)) };
}

const MIGRATIONS: Record<number, (file: Json) => Json> = { 1: v1ToV2 };

/**
 * Brings a parsed native file up to the current version. Returns the migrated value, or a
 * message when the version is unknown or newer than this Isnad reads.
 */
export function migrateNativeFile(raw: unknown): { ok: true; value: unknown; from: number } | { ok: false; problem: string; phrase: Phrase } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: true, value: raw, from: NATIVE_FORMAT_VERSION };
  let file = raw as Json;
  const from = file.formatVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { ok: true, value: raw, from: NATIVE_FORMAT_VERSION };
  if (from > NATIVE_FORMAT_VERSION) {
    const { text, phrase } = said('native.tooNew', { version: from, latest: NATIVE_FORMAT_VERSION });
    return { ok: false, problem: text, phrase };
  }
  for (let version = from; version < NATIVE_FORMAT_VERSION; version += 1) file = MIGRATIONS[version]!(file);
  return { ok: true, value: file, from };
}
