/**
 * Near-duplicate groups of the open corpus's documents, for the document list, kept up to
 * date incrementally: while documents are only added after the ones already grouped (an
 * import, batch by batch) or edited without a new signature (status, details), only the new
 * documents are grouped; anything else (another corpus, a removed or re-signed document)
 * groups the list afresh. Regrouping 10,000 documents on every committed import batch held
 * the UI thread for tens of milliseconds each time.
 */
import { DOCUMENT_GROUPING, NearDuplicateIndex, type MinHashSignature } from '../../shared/model/near-duplicates';
import type { DocumentRecord } from '../../shared/model/types';

/** A document's near-duplicate group: its number in the list (from 1), its size and its members in list order. */
export interface DocumentGroup {
  number: number;
  size: number;
  members: string[];
}

/** Groups of a growing list of documents. */
export class DocumentGroups {
  private index = new NearDuplicateIndex(DOCUMENT_GROUPING);
  /** Ids and signatures of the signed documents in the index, in index order. */
  private ids: string[] = [];
  private signatures: MinHashSignature[] = [];
  private byDoc = new Map<string, DocumentGroup>();
  private grouped = 0;

  /** The group of each grouped document of `documents` (in list order); documents without a signature are never grouped. */
  of(documents: readonly DocumentRecord[]): ReadonlyMap<string, DocumentGroup> {
    const signed = documents.filter((d): d is DocumentRecord & { minhash: MinHashSignature } => d.minhash instanceof Uint32Array);
    if (!this.extends(signed)) this.reset();
    if (signed.length === this.grouped) return this.byDoc;
    for (let i = this.ids.length; i < signed.length; i++) {
      this.index.add(signed[i]!.minhash);
      this.ids.push(signed[i]!.id);
      this.signatures.push(signed[i]!.minhash);
    }
    this.grouped = signed.length;
    const byDoc = new Map<string, DocumentGroup>();
    this.index.groups().forEach((group, k) => {
      const members = group.map((i) => this.ids[i]!);
      for (const id of members) byDoc.set(id, { number: k + 1, size: members.length, members });
    });
    this.byDoc = byDoc;
    return byDoc;
  }

  /** Whether `signed` starts with exactly the documents already indexed (same ids, same signatures). */
  private extends(signed: ReadonlyArray<{ id: string; minhash: MinHashSignature }>): boolean {
    if (signed.length < this.ids.length) return false;
    for (let i = 0; i < this.ids.length; i++) if (signed[i]!.id !== this.ids[i] || signed[i]!.minhash !== this.signatures[i]) return false;
    return true;
  }

  private reset(): void {
    this.index = new NearDuplicateIndex(DOCUMENT_GROUPING);
    this.ids = [];
    this.signatures = [];
    this.byDoc = new Map();
    this.grouped = 0;
  }
}

/**
 * The groups of the open corpus's list, kept across renders (so that a growing corpus is
 * grouped incrementally) and shared by the list and next / previous document, which follow
 * the list's order.
 */
export const listGroups = new DocumentGroups();
