import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTranslator } from '../../../shared/i18n/i18n';
import { exportSpacy, importSpacy, spacyFormat, type SpacyEntry } from '../../../shared/formats/spacy';
import { TEXT_1, at, sampleCorpus } from '../../fixtures/formats/brat/sample-corpus';

const EXAMPLES = fileURLToPath(new URL('../../../../shared/corpora/specs/examples/', import.meta.url));

function written(outcome: ReturnType<typeof exportSpacy>): SpacyEntry[] {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return JSON.parse(outcome.files[0]!.contents) as SpacyEntry[];
}

describe('spaCy export', () => {
  it('writes [text, {entities: [[start, end, label]]}] with code-point offsets by default', () => {
    const outcome = exportSpacy(sampleCorpus());
    const entries = written(outcome);
    expect(outcome.ok && outcome.offsetUnit).toBe('codepoint');
    expect(entries).toHaveLength(2);
    const [text, { entities }] = entries[0]!;
    expect(text).toBe(TEXT_1);
    const codePoints = Array.from(text);
    const [s, e] = at(TEXT_1, 'ديمتري بيسكوف');
    // the 📰 before it is one code point but two UTF-16 units
    expect(entities).toContainEqual([s - 1, e - 1, 'PER']);
    const utf16 = written(exportSpacy(sampleCorpus(), { offsetUnit: 'utf16' }))[0]![1].entities;
    entities.forEach(([start, end, label], i) => {
      expect(label).toBe(utf16[i]![2]);
      expect(codePoints.slice(start, end).join('')).toBe(text.slice(utf16[i]![0], utf16[i]![1]));
    });
    expect(Object.keys(entries[0]![1])).toEqual(['entities']);
  });

  it('writes UTF-16 offsets on request', () => {
    const entries = written(exportSpacy(sampleCorpus(), { offsetUnit: 'utf16' }));
    expect(entries[0]![1].entities).toContainEqual([...at(TEXT_1, 'ديمتري بيسكوف'), 'PER']);
  });

  it('says, in both languages, that UTF-16 offsets cannot be told from the code points spaCy reads', () => {
    const utf16 = exportSpacy(sampleCorpus(), { offsetUnit: 'utf16' });
    if (!utf16.ok) throw new Error('export failed');
    const note = utf16.notes.find((n) => n.phrase?.code === 'exportNote.spacyUnit');
    expect(note).toMatchObject({ where: utf16.files[0]!.path, kind: 'unaligned' });
    expect(note!.message).toMatch(/^Offsets are in UTF-16 code units, as asked, but a spaCy file cannot say its unit: .* read code points/u);
    expect(createTranslator('ar').phrase(note!.phrase!)).toContain('لا يستطيع أن يذكر وحدته');
    const codepoint = exportSpacy(sampleCorpus());
    expect(codepoint.ok && codepoint.notes.some((n) => n.phrase?.code === 'exportNote.spacyUnit')).toBe(false);
  });

  it('gives the offsets of its notes in code points, whatever unit the file is in', () => {
    const [s, e] = at(TEXT_1, 'ديمتري بيسكوف');
    for (const offsetUnit of ['codepoint', 'utf16'] as const) {
      const outcome = exportSpacy(sampleCorpus(), { offsetUnit });
      if (!outcome.ok) throw new Error('export failed');
      expect(outcome.notes.some((n) => n.message.includes(`span src1 (SOURCE [${s - 1}, ${e - 1})) is nested in span per1 (PER)`))).toBe(true);
    }
  });

  it('reports spans off token boundaries (char_span would give None) but still writes them', () => {
    const outcome = exportSpacy(sampleCorpus());
    if (!outcome.ok) throw new Error('export failed');
    const unaligned = outcome.notes.filter((n) => n.kind === 'unaligned').map((n) => n.message);
    expect(unaligned).toHaveLength(2);
    expect(unaligned.join('\n')).toMatch(/org2 \(ORG “وكالة نوفوستي”\)/u);
    expect(unaligned.join('\n')).toMatch(/loc2 \(LOC “روسيا”\)/u);
    const [s, e] = at(TEXT_1, 'روسيا');
    expect(written(outcome)[0]![1].entities).toContainEqual([s - 1, e - 1, 'LOC']);
  });

  it('keeps one flat layer (entities over roles) and says what it left out', () => {
    const outcome = exportSpacy(sampleCorpus());
    if (!outcome.ok) throw new Error('export failed');
    const skipped = outcome.notes.filter((n) => n.kind === 'skipped').map((n) => n.message);
    expect(skipped.some((m) => /src1 \(SOURCE .*\) is nested in span per1/u.test(m))).toBe(true);
    expect(skipped.some((m) => /claim2 \(CLAIM .*\) contains span loc1/u.test(m))).toBe(true);
    expect(skipped.some((m) => m.includes('spaCy entities hold no relations'))).toBe(true);
    for (const [, { entities }] of written(outcome)) {
      const sorted = [...entities].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0]).toBeGreaterThanOrEqual(sorted[i - 1]![1]);
    }
  });

  it('round trip: export → import gives the same spans (what spaCy holds) in both units', () => {
    for (const unit of ['codepoint', 'utf16'] as const) {
      const outcome = exportSpacy(sampleCorpus(), { offsetUnit: unit });
      if (!outcome.ok) throw new Error('export failed');
      const back = importSpacy(outcome.files, unit);
      if (!back.ok) throw new Error('import failed');
      expect(back.notes).toEqual([]);
      const original = sampleCorpus();
      back.corpus.documents.forEach((doc, i) => {
        expect(doc.text).toBe(original.documents[i]!.text);
        const keys = (d: typeof doc): string[] => d.spans.map((s) => `${s.start}:${s.end}:${s.label}`);
        const kept = written(outcome)[i]![1].entities.length;
        expect(keys(doc)).toHaveLength(kept);
        for (const k of keys(doc)) expect(keys(original.documents[i]!)).toContain(k);
      });
    }
  });

  it('verifies before returning: a span edge inside a surrogate pair stops the export', () => {
    const corpus = sampleCorpus();
    corpus.documents[0]!.spans.push({ id: 'bad', start: 1, end: 4, label: 'LOC' });
    const outcome = spacyFormat.exportCorpus(corpus);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.join('\n')).toMatch(/surrogate pair/u);
  });
});

describe('spaCy import', () => {
  it('reads triples and {start, end, label} objects, tuples and {text, entities} records', () => {
    const contents = JSON.stringify([
      ['📰 روسيا', { entities: [[2, 7, 'LOC']] }],
      { text: 'قال بيسكوف', entities: [{ start: 4, end: 10, label: 'PER' }] },
    ]);
    const back = importSpacy([{ path: 'train.json', contents }]);
    if (!back.ok) throw new Error('import failed');
    expect(back.corpus.documents.map((d) => d.spans.map((s) => d.text.slice(s.start, s.end)))).toEqual([['روسيا'], ['بيسكوف']]);
  });

  it('notes bad entities and entries, and fails only on a file it cannot read at all', () => {
    const contents = JSON.stringify([['نص', { entities: [[0, 9, 'X'], [2, 1, 'X'], ['a', 2, 'X'], [0, 1], ['B-PER']] }], [42, {}]]);
    const back = importSpacy([{ path: 'bad.json', contents }]);
    if (!back.ok) throw new Error('import failed');
    expect(back.notes.map((n) => n.kind)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(back.notes[0]!.message).toMatch(/outside the text/u);
    expect(importSpacy([{ path: 'x.json', contents: '{not json' }]).ok).toBe(false);
    expect(importSpacy([{ path: 'x.json', contents: '"text"' }]).ok).toBe(false);
  });

  it('never throws, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const outcome = spacyFormat.importFiles([{ path: 'f.json', contents: JSON.stringify(value) ?? 'null' }]);
        expect(typeof outcome.ok).toBe('boolean');
      }),
    );
  });

  const example = `${EXAMPLES}spacy_training_examples.json`;
  it.skipIf(!existsSync(example))('reads examples/spacy_training_examples.json and reproduces its offsets; the clitic case is reported unaligned', () => {
    const contents = readFileSync(example, 'utf8');
    const back = importSpacy([{ path: 'spacy_training_examples.json', contents }]);
    if (!back.ok) throw new Error('import failed');
    expect(back.notes).toEqual([]);
    const [aligned, misaligned] = back.corpus.documents;
    expect(aligned!.spans.map((s) => `${s.label}:${aligned!.text.slice(s.start, s.end)}`)).toEqual(['ORG:وزارة الصحة', 'PERSON:أحمد سالم', 'AGENCY:نوفوستي', 'CLAIM:٣ مستشفيات أُغلقت (مؤقتاً)']);
    expect(misaligned!.text.slice(misaligned!.spans[0]!.start, misaligned!.spans[0]!.end)).toBe('وكالة نوفوستي');
    const again = exportSpacy(back.corpus);
    if (!again.ok) throw new Error('export failed');
    const source = JSON.parse(contents) as Record<string, SpacyEntry[]>;
    expect(written(again)).toEqual([...source.aligned!, ...source.misaligned_clitic!]);
    expect(again.notes.filter((n) => n.kind === 'unaligned')).toHaveLength(1);
  });
});
