/**
 * "No partial document": the rules every stored corpus must satisfy after any import, good or
 * bad — each document has its text and that text's SHA-256, every span lies inside its
 * document's text with a label of the schema, and every attribution, chain and publisher
 * points at something that exists (the model's own integrity checker).
 */
import { integrityProblems } from '../../../shared/model/attribution-commands';
import { sha256Hex } from '../../../shared/model/hash';
import { findLabel } from '../../../shared/model/schema';
import type { CorpusState } from '../../../shared/model/state';

/** Every broken rule of `state`, in words (empty when every document is whole). */
export function partialDocumentProblems(state: CorpusState): string[] {
  const problems: string[] = [];
  for (const doc of state.documents.values()) {
    if (typeof doc.text !== 'string' || doc.text.length === 0) problems.push(`document ${doc.id} has no text`);
    else if (doc.sha256 !== sha256Hex(doc.text)) problems.push(`document ${doc.id}: SHA-256 does not match its text`);
    if (doc.corpusId !== state.corpus.id) problems.push(`document ${doc.id} belongs to another corpus`);
  }
  for (const span of state.spans.values()) {
    const doc = state.documents.get(span.docId);
    if (!doc) problems.push(`span ${span.id} of missing document ${span.docId}`);
    else if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= doc.text.length)) {
      problems.push(`span ${span.id} [${span.start}, ${span.end}) is outside its document (length ${doc.text.length})`);
    }
    if (!findLabel(state.corpus.schema, span.label)) problems.push(`span ${span.id} has label ${span.label}, not in the schema`);
  }
  for (const a of state.attributions.values()) if (!state.documents.has(a.docId)) problems.push(`attribution ${a.id} of missing document ${a.docId}`);
  return [...problems, ...integrityProblems(state)];
}
