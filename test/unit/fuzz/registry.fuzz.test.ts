/**
 * Property-based tests of the source-registry reader (shared/attribution/registry-file.ts,
 * behind Sources → Import registry… and `isnad suggest --registry`): mutated and random
 * registry files are either read into sources the registry can take, or refused with
 * problems in words — never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGISTRY_FORMAT, REGISTRY_VERSION, parseRegistryFile } from '../../../shared/attribution/registry-file';
import { addSources } from '../../../shared/model/attribution-commands';
import { applyTransaction } from '../../../shared/model/transaction';
import { partialDocumentProblems } from './invariants';
import { FUZZ_TIMEOUT, INTERNAL_ERROR, fuzzParameters, importContext, mutatedJson, mutatedText, seedState } from './support';

const state = seedState();
const seed = JSON.stringify({
  format: REGISTRY_FORMAT,
  version: REGISTRY_VERSION,
  sources: [...state.sources.values()].slice(0, 6).map(({ corpusId: _c, createdAt: _t, id: _i, ...fields }) => fields),
});

function checkRegistry(text: string): void {
  const parsed = parseRegistryFile(text, { corpusId: state.corpus.id, createdAt: '2026-02-01T00:00:00.000Z' });
  if (!parsed.ok) {
    expect(parsed.problems.length).toBeGreaterThan(0);
    for (const problem of parsed.problems) expect(problem).not.toMatch(INTERNAL_ERROR);
    return;
  }
  for (const source of parsed.sources) {
    expect(typeof source.id).toBe('string');
    expect(source.nameAr.trim() || source.nameLatin.trim()).not.toBe('');
  }
  // What was read can join the corpus's registry without breaking it.
  const added = addSources(state, parsed.sources, importContext());
  if (added.ok) expect(partialDocumentProblems(applyTransaction(state, added.tx))).toEqual([]);
}

describe('registry import, fuzzed', () => {
  it('mutated registry files (text and structure)', () => {
    fc.assert(fc.property(fc.oneof(mutatedJson(seed), mutatedText(seed)), checkRegistry), fuzzParameters(120));
  }, FUZZ_TIMEOUT);

  it('random JSON values and text', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'), fc.string({ maxLength: 200 })), checkRegistry), fuzzParameters(100));
  }, FUZZ_TIMEOUT);
});
