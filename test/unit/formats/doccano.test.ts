import { problemTexts } from '../../../shared/formats/dataset';
import { english } from '../../../shared/phrases/phrase';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportOutcome, ImportOutcome } from '../../../shared/formats/dataset';
import { doccanoFormat, doccanoVariantOf, exportDoccano, importDoccano, verifyDoccano, type DoccanoEntity, type DoccanoExpectation } from '../../../shared/formats/doccano';
import { exportJsonl, type JsonlLine } from '../../../shared/formats/jsonl';
import { relationShape, sampleCorpus, spanShape, TEXT_1 } from '../../fixtures/formats/jsonl/sample-corpus';
import { attributeNotes } from './support';

const examples = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/corpora/specs/examples');

function exported(outcome: ExportOutcome): { path: string; contents: string } {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  expect(outcome.files).toHaveLength(1);
  return outcome.files[0]!;
}
function imported(outcome: ImportOutcome): Extract<ImportOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome;
}
function lines(contents: string): Array<Record<string, unknown>> {
  return contents.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('doccano format', () => {
  it('declares UTF-16 code units', () => {
    expect(doccanoFormat.name).toBe('doccano');
    expect(english(doccanoFormat.offsetConvention)).toMatch(/UTF-16/);
  });

  it('round-trips spans and the attributions relations can hold (relation variant)', () => {
    const corpus = sampleCorpus();
    const outcome = doccanoFormat.exportCorpus(corpus);
    const file = exported(outcome);
    expect(outcome.ok && outcome.offsetUnit).toBe('utf16');
    expect(lines(file.contents).every((l) => doccanoVariantOf(l) === 'relation')).toBe(true);
    // The attribution without a mention (d2-a-2) cannot be written: a note says so.
    expect(outcome.ok && outcome.notes.some((n) => /d2-a-2 has no source mention/.test(n.message))).toBe(true);
    const back = imported(doccanoFormat.importFiles([file]));
    expect(back.notes).toEqual([]);
    back.corpus.documents.forEach((doc, i) => {
      const want = corpus.documents[i]!;
      expect(doc.id).toBe(want.id);
      expect(doc.text).toBe(want.text);
      expect(doc.title).toBe(want.title);
      expect(spanShape(doc)).toEqual(spanShape(want));
      expect(relationShape(doc)).toEqual(relationShape(want));
    });
    expect(relationShape(back.corpus.documents[0]!)).toHaveLength(2);
    // Sources are rebuilt from the mention text (Arabic → nameAr).
    expect(back.corpus.sources.map((s) => s.nameAr).sort()).toEqual(['الوزيرُ سامر خليل', 'مصدر في الوزارة', 'وكالة الأنباء الرسمية'].sort());
    expect(back.corpus.sources.every((s) => s.kind === 'media-outlet' && s.nameLatin === '')).toBe(true);
    expect(back.corpus.documents[1]!.meta).toMatchObject({ fileName: 'two.txt', lineEndings: 'crlf' });
  });

  it('writes attributed_to, cue and via relations', () => {
    const [first] = lines(exported(exportDoccano(sampleCorpus())).contents);
    const entities = first!.entities as DoccanoEntity[];
    const quote = (id: number): string => {
      const e = entities.find((x) => x.id === id)!;
      return TEXT_1.slice(e.start_offset, e.end_offset);
    };
    const relations = (first!.relations as Array<{ from_id: number; to_id: number; type: string }>).map((r) => `${quote(r.from_id)} ${r.type} ${quote(r.to_id)}`);
    expect(relations).toEqual([
      'الاتفاق قريب attributed_to مصدر في الوزارة',
      'الاتفاق قريب cue قوله',
      'مصدر في الوزارة via وكالة الأنباء الرسمية',
      'الاتفاق قريب attributed_to وكالة الأنباء الرسمية',
      'الاتفاق قريب cue نقلت',
    ]);
  });

  it('round-trips the sequence variant (spans only), chosen by option or when there are no attributions', () => {
    const corpus = sampleCorpus();
    const outcome = exportDoccano(corpus, { variant: 'seq' });
    const file = exported(outcome);
    expect(lines(file.contents).every((l) => doccanoVariantOf(l) === 'seq')).toBe(true);
    expect(outcome.ok && outcome.notes.some((n) => /sequence-labelling variant holds spans only/.test(n.message))).toBe(true);
    const back = imported(importDoccano([file]));
    back.corpus.documents.forEach((doc, i) => {
      expect(spanShape(doc)).toEqual(spanShape(corpus.documents[i]!));
      expect(doc.attributions).toEqual([]);
    });
    expect(lines(exported(exportDoccano(corpus, { attributions: false })).contents).every((l) => doccanoVariantOf(l) === 'seq')).toBe(true);
  });

  it('after 😀 a doccano offset is one more than the code-point offset', () => {
    const corpus = sampleCorpus();
    const doccano = (lines(exported(exportDoccano(corpus, { variant: 'seq' })).contents)[0]!.label as Array<[number, number, string]>).find((t) => t[2] === 'CLAIM')!;
    const jsonl = (JSON.parse(exported(exportJsonl(corpus)).contents.split('\n')[0]!) as JsonlLine).entities.find((e) => e.label === 'CLAIM')!;
    expect(doccano[0]).toBe(jsonl.start + 1);
    expect(doccano[1]).toBe(jsonl.end + 1);
    expect(TEXT_1.slice(doccano[0], doccano[1])).toBe('الاتفاق قريب');
  });

  it('ignores a request for code points (doccano has one unit) with a note', () => {
    const outcome = exportDoccano(sampleCorpus(), { offsetUnit: 'codepoint' });
    expect(outcome.ok && outcome.offsetUnit).toBe('utf16');
    expect(outcome.ok && outcome.notes.some((n) => /UTF-16/.test(n.message))).toBe(true);
  });

  it('says how many attributions had their attributes left out (relation variant; the sequence variant’s own note says the whole attributions are)', () => {
    const corpus = sampleCorpus();
    corpus.documents[0]!.attributions.forEach((a) => Object.assign(a, { quotation: 'direct', stance: 'asserted' }));
    const notes = attributeNotes(exportDoccano(corpus));
    expect(notes.map((n) => `${n.where}: ${n.english}`)).toEqual([
      'format-test-corpus.doccano.jsonl: Document doc-1: the quotation, stance and claim type of 2 attributions are left out (relations between spans cannot hold them).',
      'format-test-corpus.doccano.jsonl: Document doc-2: the quotation, stance and claim type of 1 attribution are left out (relations between spans cannot hold them).',
    ]);
    expect(notes[0]!.arabic).toBe('المستند \u2068doc-1\u2069: تُركت سمات إسنادين (نوع الاقتباس والموقف ونوع الادعاء)؛ فالعلاقات بين المقاطع لا تحملها.');
    expect(attributeNotes(exportDoccano(corpus, { variant: 'seq' }))).toEqual([]);
  });

  it('leaves out filtered labels and the relations that need them', () => {
    const outcome = exportDoccano(sampleCorpus(), { labels: ['CLAIM', 'SOURCE'] });
    const [first] = lines(exported(outcome).contents);
    expect((first!.entities as DoccanoEntity[]).map((e) => e.label).sort()).toEqual(['CLAIM', 'SOURCE', 'SOURCE']);
    expect((first!.relations as Array<{ type: string }>).map((r) => r.type)).toEqual(['attributed_to', 'via', 'attributed_to']);
    expect(outcome.ok && outcome.notes.filter((n) => /cue span/.test(n.message))).toHaveLength(3);
  });

  it('verification catches a tampered span, a dangling relation and a wrong count', () => {
    const corpus = sampleCorpus();
    const contents = exported(exportDoccano(corpus)).contents;
    const expected: DoccanoExpectation = {
      variant: 'relation',
      lines: corpus.documents.map((d) => ({
        text: d.text,
        spans: [...d.spans].sort((a, b) => a.start - b.start || a.end - b.end).map((s) => ({ label: s.label, quote: d.text.slice(s.start, s.end) })),
        relations: d.id === 'doc-1' ? 5 : d.id === 'doc-2' ? 2 : 0,
      })),
    };
    expect(verifyDoccano(contents, expected)).toEqual([]);
    const shifted = lines(contents);
    (shifted[0]!.entities as DoccanoEntity[])[2]!.start_offset -= 1;
    expect(problemTexts(verifyDoccano(shifted.map((l) => JSON.stringify(l)).join('\n'), expected)).join('\n')).toMatch(/line 1: span 3 .* reads/);
    const dangling = lines(contents);
    (dangling[1]!.relations as Array<{ to_id: number }>)[0]!.to_id = 42;
    expect(problemTexts(verifyDoccano(dangling.map((l) => JSON.stringify(l)).join('\n'), expected)).join('\n')).toMatch(/line 2: relation 1 joins/);
    expect(problemTexts(verifyDoccano(contents.split('\n').slice(0, 2).join('\n'), expected))).toContain('2 line(s) written, 3 expected.');
  });

  it('refuses to export a span that splits a surrogate pair', () => {
    const corpus = sampleCorpus();
    corpus.documents[0]!.spans.push({ id: 'half', start: 1, end: 5, label: 'LOC' });
    expect(exportDoccano(corpus).ok).toBe(false);
  });

  it('reports malformed lines with their numbers and keeps what it can', () => {
    const path = fileURLToPath(new URL('../../fixtures/formats/doccano/malformed.jsonl', import.meta.url));
    const back = imported(importDoccano([{ path: 'malformed.jsonl', contents: `\uFEFF${readFileSync(path, 'utf8')}` }]));
    expect(back.corpus.documents.map((d) => d.id)).toEqual(['7', '8']);
    const [seq, rel] = back.corpus.documents;
    expect(spanShape(seq!)).toEqual(['4-10 SOURCE:الناطق', '14-26 CLAIM:الهدنة صامدة']);
    expect(seq!.meta).toEqual({ Comments: '[]', outlet: 'تجربة' });
    expect(relationShape(rel!)).toEqual(['CLAIM:الطريق مغلق ← SOURCE:المراسل cue - via -']);
    const skipped = [...new Set(back.notes.filter((n) => n.kind === 'skipped').map((n) => n.line!))].sort((a, b) => a - b);
    expect(skipped).toEqual([1, 2, 3, 4]);
    expect(back.notes.some((n) => n.kind === 'repaired' && /byte-order mark/.test(n.message))).toBe(true);
  });

  it('never throws on junk lines (property)', () => {
    const entity = fc.record({ id: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.string()), label: fc.oneof(fc.string(), fc.integer()), start_offset: fc.integer({ min: -3, max: 30 }), end_offset: fc.oneof(fc.integer({ min: -3, max: 30 }), fc.double()) });
    const relation = fc.record({ id: fc.integer(), from_id: fc.integer({ min: 0, max: 5 }), to_id: fc.integer({ min: 0, max: 5 }), type: fc.constantFrom('attributed_to', 'cue', 'via', 'ReportedVia', 'other', '') });
    const line = fc.oneof(
      fc.jsonValue(),
      fc.record({ text: fc.string({ unit: 'grapheme' }), entities: fc.array(entity, { maxLength: 6 }), relations: fc.array(relation, { maxLength: 6 }) }),
      fc.record({ text: fc.string({ unit: 'binary' }), label: fc.array(fc.tuple(fc.integer({ min: -2, max: 30 }), fc.integer({ min: -2, max: 30 }), fc.string())) }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), (values) => {
        const outcome = importDoccano([{ path: 'f.jsonl', contents: values.map((v) => JSON.stringify(v)).join('\n') }]);
        expect(outcome.ok).toBe(true);
        if (outcome.ok) for (const doc of outcome.corpus.documents) for (const s of doc.spans) expect(s.start < s.end && s.end <= doc.text.length).toBe(true);
      }),
    );
  });

  describe('conformance with the spec examples (../shared/corpora/specs/examples)', () => {
    const rel = resolve(examples, 'doccano_relation_extraction.jsonl');
    const seq = resolve(examples, 'doccano_sequence_labeling.jsonl');
    const units = resolve(examples, 'offsets_by_unit.json');
    const present = existsSync(rel) && existsSync(seq) && existsSync(units);
    const why = present ? '' : ` (skipped: ${examples} is absent)`;

    it.skipIf(!present)(`reads both example variants${why}`, () => {
      const back = imported(importDoccano([{ path: 'rel.jsonl', contents: readFileSync(rel, 'utf8') }, { path: 'seq.jsonl', contents: readFileSync(seq, 'utf8') }]));
      const [relDoc, seqDoc] = back.corpus.documents;
      expect(spanShape(relDoc!)).toEqual(spanShape(seqDoc!));
      expect(spanShape(relDoc!).map((s) => s.split(' ')[1]!.split(':')[0])).toEqual(['ORG', 'PERSON', 'AGENCY', 'CLAIM']);
      // CLAIM AttributedTo PERSON and CLAIM ReportedVia AGENCY: the person's attribution comes via the agency's.
      expect(relationShape(relDoc!)).toHaveLength(2);
      expect(relationShape(relDoc!).filter((s) => / via AGENCY:/.test(s))).toHaveLength(1);
      expect(back.notes.some((n) => /AffiliatedWith/.test(n.message))).toBe(true);
    });

    it.skipIf(!present)(`writes the same keys as the examples, with UTF-16 offsets as in offsets_by_unit.json${why}`, () => {
      const exampleRel = JSON.parse(readFileSync(rel, 'utf8').split('\n')[0]!) as Record<string, unknown>;
      const exampleSeq = JSON.parse(readFileSync(seq, 'utf8').split('\n')[0]!) as Record<string, unknown>;
      const table = JSON.parse(readFileSync(units, 'utf8')) as Array<Record<string, number | string>>;
      const sentence = exampleRel.text as string;
      const text = `📰 ${sentence}`;
      const rows = table.filter((r) => r.variant === 'emoji_prefixed');
      const toUtf16 = (cp: number): number => Array.from(text).slice(0, cp).join('').length;
      const spans = rows.map((r, i) => ({ id: `x${i}`, start: toUtf16(r.codepoint_start as number), end: toUtf16(r.codepoint_end as number), label: r.label as string }));
      const corpus = { ...sampleCorpus(), documents: [{ id: 'ex', title: 'ex', text, meta: {}, spans, attributions: [{ id: 'a', claimSpanId: 'x3', sourceId: 'src-anon', mentionSpanId: 'x1' }] }] };
      const relLine = lines(exported(exportDoccano(corpus)).contents)[0]!;
      const seqLine = lines(exported(exportDoccano(corpus, { variant: 'seq' })).contents)[0]!;
      for (const key of Object.keys(exampleRel)) expect(relLine).toHaveProperty(key);
      for (const key of Object.keys(exampleSeq)) expect(seqLine).toHaveProperty(key);
      const exampleEntity = (exampleRel.entities as object[])[0]!;
      const exampleRelation = (exampleRel.relations as object[])[0]!;
      expect(Object.keys((relLine.entities as object[])[0]!).sort()).toEqual(Object.keys(exampleEntity).sort());
      expect(Object.keys((relLine.relations as object[])[0]!).sort()).toEqual(Object.keys(exampleRelation).sort());
      expect((relLine.entities as DoccanoEntity[]).map((e) => [e.start_offset, e.end_offset])).toEqual(rows.map((r) => [r.utf16_start, r.utf16_end]));
      expect(seqLine.label).toEqual(rows.map((r) => [r.utf16_start, r.utf16_end, r.label]));
    });
  });
});
