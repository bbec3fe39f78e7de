/** Shared fixtures of the attribution tests: the default registry as records, and span checks. */
import { expect } from 'vitest';
import { DEFAULT_SOURCES } from '../../../shared/attribution/default-registry';
import { sourcesWithIds } from '../../../shared/attribution/records';
import type { Suggestion } from '../../../shared/attribution/suggest';
import type { SourceRecord } from '../../../shared/model/types';
import { isGraphemeBoundary } from '../../../shared/text/graphemes';

/** The default registry with `default:` ids. */
export const SOURCES: SourceRecord[] = sourcesWithIds(DEFAULT_SOURCES, { corpusId: 'corpus-1', createdAt: '2024-01-01T00:00:00.000Z', idPrefix: 'default' });

/** The record of a default source by its Latin name. */
export function source(nameLatin: string): SourceRecord {
  const found = SOURCES.find((s) => s.nameLatin === nameLatin);
  if (!found) throw new Error(`no default source ${nameLatin}`);
  return found;
}

/** A registry entry for tests. */
export function record(id: string, fields: Partial<SourceRecord> & Pick<SourceRecord, 'nameAr' | 'nameLatin'>): SourceRecord {
  return { id, corpusId: 'corpus-1', kind: 'news-agency', aliasesAr: [], aliasesLatin: [], createdAt: '2024-01-01T00:00:00.000Z', ...fields };
}

/** Every suggestion slices the text to its quote, sits on grapheme boundaries and has its deterministic id. */
export function expectWellFormed(text: string, suggestions: readonly Suggestion[]): void {
  for (const s of suggestions) {
    expect(s.start).toBeLessThan(s.end);
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(isGraphemeBoundary(text, s.start), `start of ${s.id}`).toBe(true);
    expect(isGraphemeBoundary(text, s.end), `end of ${s.id}`).toBe(true);
    expect(s.id).toBe(`${s.label}:${s.start}:${s.end}:${s.sourceId ?? ''}`);
    expect(s.confidence).toBeGreaterThanOrEqual(0);
    expect(s.confidence).toBeLessThanOrEqual(1);
    expect(s.reason.length).toBeGreaterThan(0);
  }
}
