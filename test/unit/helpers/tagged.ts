/**
 * Span tests as tagged text (ProseMirror's habit): "قال <a>الرئيس<b> إن" is the text
 * "قال الرئيس إن" with positions a and b. `testTransaction` checks a transaction's result,
 * that its inverse restores the original state, and that it survives a JSON round trip.
 */
import { expect } from 'vitest';
import type { CommandContext, CommandResult } from '../../../shared/model/commands';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { createCorpusState, type CorpusState } from '../../../shared/model/state';
import { applyTransaction, invertTransaction, type Transaction } from '../../../shared/model/transaction';
import { sha256Hex } from '../../../shared/model/hash';
import type { DocumentRecord } from '../../../shared/model/types';

/** Parses tagged text: returns the plain text and the offset of each `<tag>`. */
export function tagged(source: string): { text: string; tags: Record<string, number> } {
  const tags: Record<string, number> = {};
  let text = '';
  let last = 0;
  for (const match of source.matchAll(/<(\w+)>/g)) {
    text += source.slice(last, match.index);
    tags[match[1]!] = text.length;
    last = match.index! + match[0].length;
  }
  text += source.slice(last);
  return { text, tags };
}

/** A deterministic command context: ids id-1, id-2, …; a fixed clock. */
export function testContext(): CommandContext {
  let n = 0;
  return { newId: () => `id-${++n}`, now: () => '2026-01-01T00:00:00.000Z', annotator: 'tester' };
}

/** A one-document corpus state for `text`. */
export function stateWithDocument(text: string, docId = 'doc-1'): CorpusState {
  const doc: DocumentRecord = {
    id: docId,
    corpusId: 'corpus-1',
    title: 'Test',
    text,
    sha256: sha256Hex(text),
    status: 'todo',
    order: 0,
    meta: { origin: 'file', fileName: 'test.txt', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: '2026-01-01T00:00:00.000Z' },
  };
  return createCorpusState({ id: 'corpus-1', name: 'Test corpus', schema: DEFAULT_LABEL_SCHEMA, createdAt: '2026-01-01T00:00:00.000Z' }, [doc]);
}

/** Comparable plain value of a state. */
export function snapshot(state: CorpusState): unknown {
  return {
    corpus: state.corpus,
    documents: [...state.documents.values()].sort((a, b) => a.id.localeCompare(b.id)),
    spans: [...state.spans.values()].sort((a, b) => a.id.localeCompare(b.id)),
    sources: [...state.sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
    attributions: [...state.attributions.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/**
 * Applies a command's transaction and checks: it succeeded, the inverse restores the
 * original, re-applying after the inverse gives the same result, and the transaction
 * survives JSON serialisation unchanged. Returns the new state.
 */
export function testTransaction(state: CorpusState, result: CommandResult): { state: CorpusState; tx: Transaction } {
  expect(result.ok, result.ok ? '' : result.error).toBe(true);
  if (!result.ok) throw new Error(result.error);
  const after = applyTransaction(state, result.tx);
  const restored = applyTransaction(after, invertTransaction(result.tx));
  expect(snapshot(restored)).toEqual(snapshot(state));
  expect(snapshot(applyTransaction(restored, result.tx))).toEqual(snapshot(after));
  const roundTripped = JSON.parse(JSON.stringify(result.tx)) as Transaction;
  expect(snapshot(applyTransaction(state, roundTripped))).toEqual(snapshot(after));
  return { state: after, tx: result.tx };
}
