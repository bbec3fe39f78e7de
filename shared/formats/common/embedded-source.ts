/**
 * A registry source as an export embeds it in a record (JSON Lines attributions and
 * publishers, Label Studio region meta): its id, names and kind, without aliases or times.
 */
import type { SourceKind, SourceRecord } from '../../model/types';

/** A source as embedded in an exported record. */
export interface EmbeddedSource {
  id: string;
  nameAr: string;
  nameLatin: string;
  kind: SourceKind;
}

/** The embedded form of a registry source. */
export function embedSource(source: Pick<SourceRecord, 'id' | 'nameAr' | 'nameLatin' | 'kind'>): EmbeddedSource {
  return { id: source.id, nameAr: source.nameAr, nameLatin: source.nameLatin, kind: source.kind };
}
