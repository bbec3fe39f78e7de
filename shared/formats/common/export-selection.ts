/**
 * What of a document an export writes, after `ExportOptions.labels` and
 * `ExportOptions.attributions`: spans whose label is filtered out are left out together with
 * whatever needs them (an attribution loses its claim → it is left out; it loses its mention
 * or cue → that part is left out; its `via` attribution is left out → the link is left out).
 * Every such loss is reported as a note, never silent.
 */
import type { DatasetAttribution, DatasetDocument, DatasetSpan, ExportOptions, FormatNote } from '../dataset';
import { formatNote } from '../dataset';

/** The spans (in reading order) and attributions an export writes for one document. */
export interface ExportSelection {
  spans: DatasetSpan[];
  attributions: DatasetAttribution[];
  notes: FormatNote[];
}

/** Reading order: by start, then end, then id. */
function compareSpans(a: DatasetSpan, b: DatasetSpan): number {
  return a.start - b.start || a.end - b.end || a.id.localeCompare(b.id);
}

/** Whether spans are already in reading order (as the app hands them over): no sort needed. */
function inReadingOrder(spans: readonly DatasetSpan[]): boolean {
  for (let i = 1; i < spans.length; i += 1) if (compareSpans(spans[i - 1]!, spans[i]!) > 0) return false;
  return true;
}

/** Applies the label filter and the attributions switch to one document. */
export function selectForExport(doc: DatasetDocument, options: ExportOptions, where: string): ExportSelection {
  const notes: FormatNote[] = [];
  const allowed = options.labels ? new Set(options.labels) : null;
  const kept = allowed ? doc.spans.filter((s) => allowed.has(s.label)) : doc.spans;
  const spans = inReadingOrder(kept) ? kept.slice() : [...kept].sort(compareSpans);
  const dropped = doc.spans.length - spans.length;
  if (dropped) {
    const labels = [...new Set(doc.spans.filter((s) => !allowed?.has(s.label)).map((s) => s.label))];
    notes.push(formatNote(where, 'skipped', 'exportNote.labelFilter', { doc: doc.id, count: dropped, labels }));
  }
  if (options.attributions === false || !doc.attributions.length) return { spans, attributions: [], notes };
  const keptIds = new Set(spans.map((s) => s.id));
  const withClaim = doc.attributions.filter((a) => keptIds.has(a.claimSpanId));
  if (withClaim.length < doc.attributions.length) {
    const ids = doc.attributions.filter((a) => !keptIds.has(a.claimSpanId)).map((a) => a.id);
    notes.push(formatNote(where, 'skipped', 'exportNote.claimNotExported', { doc: doc.id, ids }));
  }
  const keptAttributions = new Set(withClaim.map((a) => a.id));
  const attributions = withClaim.map((a) => {
    const copy: DatasetAttribution = { ...a };
    if (copy.mentionSpanId !== undefined && !keptIds.has(copy.mentionSpanId)) {
      delete copy.mentionSpanId;
      notes.push(formatNote(where, 'skipped', 'exportNote.withoutMention', { doc: doc.id, attribution: a.id, span: a.mentionSpanId! }));
    }
    if (copy.cueSpanId !== undefined && !keptIds.has(copy.cueSpanId)) {
      delete copy.cueSpanId;
      notes.push(formatNote(where, 'skipped', 'exportNote.withoutCue', { doc: doc.id, attribution: a.id, span: a.cueSpanId! }));
    }
    if (copy.viaId !== undefined && !keptAttributions.has(copy.viaId)) {
      delete copy.viaId;
      notes.push(formatNote(where, 'skipped', 'exportNote.withoutVia', { doc: doc.id, attribution: a.id, via: a.viaId! }));
    }
    return copy;
  });
  return { spans, attributions, notes };
}
