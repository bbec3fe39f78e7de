/**
 * Property-based tests of the article importers (shared/formats/intake through prepareFile and
 * ImportBuilder, the path every imported file takes): random bytes under every supported
 * name, damaged copies of a good file of each format, structurally mutated JSON, random ZIP
 * archives as .docx. Whatever the input: no exception, a refused file gets one message that
 * names it and says what is wrong (not an internal error), and what is imported is whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_EXTENSIONS, extractArticles } from '../../../shared/formats/intake';
import { ImportBuilder, prepareFile } from '../../../shared/model/import';
import { sha256Hex } from '../../../shared/model/hash';
import { applyTransaction } from '../../../shared/model/transaction';
import { partialDocumentProblems } from './invariants';
import { FUZZ_TIMEOUT, INTERNAL_ERROR, articleSeeds, importContext, bytesOf, fuzzParameters, mutatedBytes, mutatedJson, mutatedText, randomBytes, randomZip, seedState } from './support';

const seeds = articleSeeds();
const textSeeds = seeds.filter((s) => !s.name.endsWith('.docx'));
const decoder = new TextDecoder();
const baseState = seedState();

/** Imports one file into the seed corpus and checks everything a user could notice. */
function checkImport(name: string, bytes: Uint8Array): void {
  expect(() => extractArticles(name, bytes)).not.toThrow();
  const prepared = prepareFile({ name, bytes });
  if (prepared.kind === 'refused') {
    expect(prepared.message).toContain(`“${name}”`);
    expect(prepared.message).not.toMatch(INTERNAL_ERROR);
  } else if (prepared.kind === 'articles') {
    expect(prepared.articles.length).toBeGreaterThan(0);
    for (const article of prepared.articles) {
      expect(article.text.trim()).not.toBe('');
      expect(article.sha256).toBe(sha256Hex(article.text));
    }
    for (const problem of prepared.problems) expect(problem.message).not.toMatch(INTERNAL_ERROR);
  }
  const builder = new ImportBuilder(baseState, importContext());
  builder.add(prepared);
  const tx = builder.take();
  const { report } = builder;
  // Every file is accounted for in the report (an export without documents has nothing to list).
  if (prepared.kind !== 'native' || prepared.parsed.documents.length > 0) expect(report.refused.length + report.imported.length + report.duplicates.length).toBeGreaterThan(0);
  if (prepared.kind === 'refused') expect(tx).toBeNull();
  if (tx) expect(partialDocumentProblems(applyTransaction(baseState, tx))).toEqual([]);
}

/** A seed file's name with its bytes damaged by `damage`. */
function damagedCopies(of: typeof seeds, damage: (bytes: Uint8Array) => fc.Arbitrary<Uint8Array>): fc.Arbitrary<[string, Uint8Array]> {
  return fc.constantFrom(...of).chain((seed) => fc.tuple(fc.constant(seed.name), damage(seed.bytes)));
}

const names = [...SUPPORTED_EXTENSIONS.map((ext) => `file.${ext.replace(/^\./, '')}`), 'no-extension', 'خبر عاجل.txt'];

describe('article import, fuzzed', () => {
  it('random bytes under every supported name', () => {
    fc.assert(fc.property(fc.constantFrom(...names), randomBytes, (name, bytes) => checkImport(name, bytes)), fuzzParameters(120));
  }, FUZZ_TIMEOUT);

  it('byte-damaged copies of a good file of each format', () => {
    fc.assert(fc.property(damagedCopies(seeds, mutatedBytes), ([name, bytes]) => checkImport(name, bytes)), fuzzParameters(120));
  }, FUZZ_TIMEOUT);

  it('text-mutated copies (tokens inserted, lines dropped or swapped, numbers changed, cut short)', () => {
    const asText = (bytes: Uint8Array) => mutatedText(decoder.decode(bytes)).map(bytesOf);
    fc.assert(fc.property(damagedCopies(textSeeds, asText), ([name, bytes]) => checkImport(name, bytes)), fuzzParameters(120));
  }, FUZZ_TIMEOUT);

  it('structurally mutated JSON records and native exports (wrong types, missing and repeated fields)', () => {
    const asJson = (bytes: Uint8Array) => mutatedJson(decoder.decode(bytes)).map(bytesOf);
    fc.assert(fc.property(damagedCopies(seeds.filter((s) => s.name.endsWith('.json')), asJson), ([name, bytes]) => checkImport(name, bytes)), fuzzParameters(120));
  }, FUZZ_TIMEOUT);

  it('JSON Lines of random values and mutated records', () => {
    const record = JSON.stringify({ title: 'خبر', text: 'قالت الوكالة إن الوفد وصل.' });
    const line = fc.oneof(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'), mutatedJson(record), mutatedText(record));
    fc.assert(fc.property(fc.array(line, { maxLength: 8 }), (lines) => checkImport('records.jsonl', bytesOf(lines.join('\n')))), fuzzParameters(100));
  }, FUZZ_TIMEOUT);

  it('random JSON values as .json', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => checkImport('records.json', bytesOf(JSON.stringify(value) ?? 'null'))), fuzzParameters(100));
  }, FUZZ_TIMEOUT);

  it('random ZIP archives, as .docx and unnamed', () => {
    fc.assert(fc.property(fc.constantFrom('article.docx', 'attachment'), randomZip, (name, bytes) => checkImport(name, bytes)), fuzzParameters(80));
  }, FUZZ_TIMEOUT);
});
