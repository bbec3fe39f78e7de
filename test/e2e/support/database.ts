/**
 * Reads Isnad's IndexedDB directly in the page, as a test oracle after a crash: what is
 * really stored, independent of what the app shows. Plain IndexedDB (no Dexie), read-only.
 */
import type { Page } from '@playwright/test';

/** The rows a durability test compares (document texts are summarised). */
export interface StoredRows {
  documents: Array<{ id: string; title: string; status: string; textLength: number; sha256: string }>;
  spans: Array<{ id: string; docId: string; start: number; end: number; label: string; text: string }>;
  attributions: Array<{ id: string; docId: string; claimSpanId: string; sourceId: string; mentionSpanId?: string; cueSpanId?: string; viaId?: string }>;
  sources: Array<{ id: string; nameLatin: string }>;
  history: Array<{ id: string; stack: string; seq: number; description: string }>;
}

/** Every row of the corpus tables, sorted by id. */
export function readStoredRows(page: Page): Promise<StoredRows> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('isnad');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (table: string): Promise<Array<Record<string, unknown>>> =>
      new Promise((resolve, reject) => {
        const request = db.transaction(table, 'readonly').objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result as Array<Record<string, unknown>>);
        request.onerror = () => reject(request.error);
      });
    const [documents, spans, attributions, sources, history] = await Promise.all(['documents', 'spans', 'attributions', 'sources', 'history'].map(all));
    db.close();
    const texts = new Map(documents!.map((d) => [d.id as string, d.text as string]));
    const byId = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      documents: byId(documents!.map((d) => ({ id: d.id as string, title: d.title as string, status: d.status as string, textLength: (d.text as string).length, sha256: d.sha256 as string }))),
      spans: byId(spans!.map((s) => ({ id: s.id as string, docId: s.docId as string, start: s.start as number, end: s.end as number, label: s.label as string, text: (texts.get(s.docId as string) ?? '').slice(s.start as number, s.end as number) }))),
      attributions: byId(
        attributions!.map((a) => {
          const { id, docId, claimSpanId, sourceId, mentionSpanId, cueSpanId, viaId } = a as Record<string, string>;
          return { id: id!, docId: docId!, claimSpanId: claimSpanId!, sourceId: sourceId!, ...(mentionSpanId ? { mentionSpanId } : {}), ...(cueSpanId ? { cueSpanId } : {}), ...(viaId ? { viaId } : {}) };
        }),
      ),
      sources: byId(sources!.map((s) => ({ id: s.id as string, nameLatin: s.nameLatin as string }))),
      history: byId(history!.map((h) => ({ id: h.id as string, stack: h.stack as string, seq: h.seq as number, description: (h.tx as { description: string }).description }))),
    };
  });
}

/**
 * References that point nowhere: an attribution whose claim, mention, cue, source or "via"
 * is gone, a span of a missing document. Empty when nothing is half-applied.
 */
export function danglingReferences(rows: StoredRows): string[] {
  const spans = new Set(rows.spans.map((s) => s.id));
  const documents = new Set(rows.documents.map((d) => d.id));
  const sources = new Set(rows.sources.map((s) => s.id));
  const attributions = new Set(rows.attributions.map((a) => a.id));
  const problems: string[] = [];
  for (const span of rows.spans) if (!documents.has(span.docId)) problems.push(`span ${span.id}: document ${span.docId} is missing`);
  for (const a of rows.attributions) {
    for (const ref of [a.claimSpanId, a.mentionSpanId, a.cueSpanId]) if (ref && !spans.has(ref)) problems.push(`attribution ${a.id}: span ${ref} is missing`);
    if (!sources.has(a.sourceId)) problems.push(`attribution ${a.id}: source ${a.sourceId} is missing`);
    if (a.viaId && !attributions.has(a.viaId)) problems.push(`attribution ${a.id}: via ${a.viaId} is missing`);
  }
  return problems;
}
