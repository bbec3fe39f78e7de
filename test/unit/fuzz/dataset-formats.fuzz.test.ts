/**
 * Property-based tests of the dataset importers (shared/formats/formats.ts: native, JSON Lines,
 * doccano, Label Studio, brat, CoNLL, spaCy, Web Annotation — what `isnad convert` reads):
 * damaged exports of a corpus with spans and an attribution chain, structurally mutated
 * JSON, random text, missing and extra files. Whatever the input: no exception, either the
 * problems in words or a corpus whose every span lies inside its text with a known label and
 * whose attributions point at what exists; and the result can be written out again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatasetCorpus, FormatName, OutputFile } from '../../../shared/formats/dataset';
import { DATASET_FORMATS, FORMAT_NAMES } from '../../../shared/formats/formats';
import { FUZZ_TIMEOUT, INTERNAL_ERROR, datasetSeeds, fuzzParameters, mutatedJson, mutatedText } from './support';

const seeds = datasetSeeds();

/** Everything wrong with an imported dataset corpus, in words. */
function corpusProblems(corpus: DatasetCorpus): string[] {
  const problems: string[] = [];
  const labels = new Set(corpus.schema.labels.map((l) => l.id));
  const sources = new Set(corpus.sources.map((s) => s.id));
  for (const doc of corpus.documents) {
    if (typeof doc.text !== 'string') problems.push(`${doc.id}: no text`);
    const spans = new Set(doc.spans.map((s) => s.id));
    for (const s of doc.spans) {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= doc.text.length)) problems.push(`${doc.id}: span ${s.id} [${s.start}, ${s.end}) outside a text of ${doc.text.length}`);
      if (!labels.has(s.label)) problems.push(`${doc.id}: span ${s.id} has unknown label ${s.label}`);
    }
    const attributions = new Set(doc.attributions.map((a) => a.id));
    for (const a of doc.attributions) {
      if (!spans.has(a.claimSpanId)) problems.push(`${doc.id}: attribution ${a.id} claims missing span ${a.claimSpanId}`);
      if (!sources.has(a.sourceId)) problems.push(`${doc.id}: attribution ${a.id} has missing source ${a.sourceId}`);
      for (const ref of [a.mentionSpanId, a.cueSpanId]) if (ref && !spans.has(ref)) problems.push(`${doc.id}: attribution ${a.id} points at missing span ${ref}`);
      if (a.viaId && !attributions.has(a.viaId)) problems.push(`${doc.id}: attribution ${a.id} via missing ${a.viaId}`);
    }
    if (doc.publisherId && !sources.has(doc.publisherId)) problems.push(`${doc.id}: missing publisher ${doc.publisherId}`);
  }
  return problems;
}

function checkImport(format: FormatName, files: OutputFile[]): void {
  const outcome = DATASET_FORMATS[format].importFiles(files);
  if (!outcome.ok) {
    expect(outcome.problems.length).toBeGreaterThan(0);
    for (const problem of outcome.problems) expect(problem).not.toMatch(INTERNAL_ERROR);
    return;
  }
  expect(corpusProblems(outcome.corpus)).toEqual([]);
  for (const note of outcome.notes) expect(note.message).not.toMatch(INTERNAL_ERROR);
  // What was read can be written again (or the export says why not, in words).
  const again = DATASET_FORMATS[format].exportCorpus(outcome.corpus);
  if (!again.ok) for (const problem of again.problems) expect(problem).not.toMatch(INTERNAL_ERROR);
}

const isJson = (path: string) => /\.(json|jsonld)$/.test(path);

/** One file of a format's seed export, damaged; sometimes a file is dropped or duplicated under another name. */
function damagedExport(format: FormatName): fc.Arbitrary<OutputFile[]> {
  const files = seeds[format];
  return fc.nat(files.length - 1).chain((index) => {
    const file = files[index]!;
    const contents = fc.oneof(
      mutatedText(file.contents),
      ...(isJson(file.path) ? [mutatedJson(file.contents)] : []),
      ...(file.path.endsWith('.jsonl')
        ? [
            fc.nat().chain((lineIndex) => {
              const lines = file.contents.split('\n').filter(Boolean);
              const i = lineIndex % lines.length;
              return mutatedJson(lines[i]!).map((line) => lines.map((l, j) => (j === i ? line : l)).join('\n'));
            }),
          ]
        : []),
    );
    return fc.tuple(contents, fc.constantFrom('replace', 'replace', 'replace', 'drop-other', 'rename')).map(([text, how]) => {
      const damaged = files.map((f, i) => (i === index ? { path: f.path, contents: text } : f));
      if (how === 'drop-other' && files.length > 1) return damaged.filter((_, i) => i !== (index + 1) % files.length);
      if (how === 'rename') return damaged.map((f, i) => (i === index ? { path: `renamed/${f.path}.bak`, contents: f.contents } : f));
      return damaged;
    });
  });
}

describe('dataset import, fuzzed', () => {
  it('damaged exports of every format', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMAT_NAMES).chain((format) => fc.tuple(fc.constant(format), damagedExport(format))),
        ([format, files]) => checkImport(format, files),
      ),
      fuzzParameters(250),
    );
  }, FUZZ_TIMEOUT);

  it('random text under each format’s file names', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMAT_NAMES), fc.string({ maxLength: 300, unit: 'grapheme' }), (format, text) => {
        checkImport(format, seeds[format].map((f, i) => ({ path: f.path, contents: i === 0 ? text : f.contents })));
      }),
      fuzzParameters(100),
    );
  }, FUZZ_TIMEOUT);

  it('random JSON values for the JSON formats', () => {
    const jsonFormats = FORMAT_NAMES.filter((f) => isJson(seeds[f][0]!.path) || seeds[f][0]!.path.endsWith('.jsonl'));
    fc.assert(
      fc.property(fc.constantFrom(...jsonFormats), fc.jsonValue({ maxDepth: 4 }), (format, value) => {
        const path = seeds[format][0]!.path;
        const contents = path.endsWith('.jsonl') && Array.isArray(value) ? value.map((v) => JSON.stringify(v) ?? 'null').join('\n') : (JSON.stringify(value) ?? 'null');
        checkImport(format, [{ path, contents }]);
      }),
      fuzzParameters(100),
    );
  }, FUZZ_TIMEOUT);
});
