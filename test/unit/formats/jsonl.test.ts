import { problemTexts } from '../../../shared/formats/dataset';
import { english } from '../../../shared/phrases/phrase';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatasetCorpus, DatasetDocument, ExportOutcome, ImportOutcome } from '../../../shared/formats/dataset';
import { exportJsonl, importJsonl, jsonlFormat, verifyJsonl, type JsonlLine } from '../../../shared/formats/jsonl';
import { sampleCorpus, spanOf, TEXT_1 } from '../../fixtures/formats/jsonl/sample-corpus';

function exported(outcome: ExportOutcome): { path: string; contents: string } {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  expect(outcome.files).toHaveLength(1);
  return outcome.files[0]!;
}
function imported(outcome: ImportOutcome): Extract<ImportOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome;
}
function lines(contents: string): JsonlLine[] {
  return contents.trim().split('\n').map((l) => JSON.parse(l) as JsonlLine);
}
const bySpan = (a: { start: number; end: number }, b: { start: number; end: number }): number => a.start - b.start || a.end - b.end;
function sameDocuments(actual: DatasetDocument[], expected: DatasetDocument[]): void {
  expect(actual.map((d) => d.id)).toEqual(expected.map((d) => d.id));
  actual.forEach((doc, i) => {
    const want = expected[i]!;
    expect(doc.text).toBe(want.text);
    expect(doc.title).toBe(want.title);
    expect(doc.spans).toEqual([...want.spans].sort(bySpan));
    expect(doc.attributions).toEqual(want.attributions);
  });
}

describe('jsonl format', () => {
  it('declares its offset convention', () => {
    expect(jsonlFormat.name).toBe('jsonl');
    expect(english(jsonlFormat.offsetConvention)).toMatch(/code points/);
  });

  for (const unit of ['codepoint', 'utf16'] as const) {
    it(`round-trips spans, attributions, attributes, via and sources (${unit})`, () => {
      const corpus = sampleCorpus();
      const outcome = jsonlFormat.exportCorpus(corpus, { offsetUnit: unit });
      const file = exported(outcome);
      expect(outcome.ok && outcome.offsetUnit).toBe(unit);
      for (const line of lines(file.contents)) expect(line.offsetUnit).toBe(unit);
      const back = imported(jsonlFormat.importFiles([file]));
      expect(back.notes).toEqual([]);
      sameDocuments(back.corpus.documents, corpus.documents);
      expect(back.corpus.documents[1]!.meta).toEqual({ fileName: 'two.txt', lineEndings: 'crlf' });
      expect(back.corpus.documents[1]!.text).not.toContain('\r');
      const strip = (s: DatasetCorpus['sources'][number]): unknown => ({ id: s.id, nameAr: s.nameAr, nameLatin: s.nameLatin, kind: s.kind });
      expect(back.corpus.sources.map(strip).sort()).toEqual(expect.arrayContaining(corpus.sources.map(strip)));
      expect(back.corpus.sources).toHaveLength(corpus.sources.length);
    });
  }

  it('puts every span in entities and attributed claims in claims, with quotes', () => {
    const [first] = lines(exported(exportJsonl(sampleCorpus())).contents);
    expect(Object.keys(first!).sort()).toEqual(['claims', 'entities', 'id', 'meta', 'offsetUnit', 'text', 'title']);
    expect(first!.entities).toHaveLength(7);
    expect(first!.claims).toHaveLength(1);
    const claim = first!.claims[0]!;
    expect(claim.span.text).toBe('الاتفاق قريب');
    expect(claim.attributions.map((a) => a.id)).toEqual(['d1-a-ministry', 'd1-a-agency']);
    expect(claim.attributions[0]).toMatchObject({ source: { id: 'src-ministry', kind: 'government' }, mention: { text: 'مصدر في الوزارة' }, cue: { text: 'قوله' }, via: 'd1-a-agency', quotation: 'direct' });
  });

  it('counts code points by default: after 😀 the offset is one less than in UTF-16 units', () => {
    const corpus = sampleCorpus();
    const cp = lines(exported(exportJsonl(corpus)).contents)[0]!.entities.find((e) => e.id === 'd1-claim')!;
    const u16 = lines(exported(exportJsonl(corpus, { offsetUnit: 'utf16' })).contents)[0]!.entities.find((e) => e.id === 'd1-claim')!;
    const memory = spanOf(TEXT_1, 'x', 'CLAIM', 'الاتفاق قريب');
    expect(u16.start).toBe(memory.start);
    expect(cp.start).toBe(u16.start - 1);
    expect(cp.end).toBe(u16.end - 1);
    expect(Array.from(TEXT_1).slice(cp.start, cp.end).join('')).toBe('الاتفاق قريب');
  });

  it('harakat and a flag after the span start are counted per code point', () => {
    const doc2 = lines(exported(exportJsonl(sampleCorpus())).contents)[1]!;
    const claim2 = doc2.entities.find((e) => e.id === 'd2-claim-2')!;
    // 🇸🇾 is two astral code points (four UTF-16 units) before the claim.
    expect(claim2.text).toBe('الوفدَ سيصلُ غداً');
    expect(sampleCorpus().documents[1]!.text.indexOf('الوفدَ') - claim2.start).toBe(2);
  });

  it('leaves out filtered labels with the relations that need them, and says so', () => {
    const outcome = exportJsonl(sampleCorpus(), { labels: ['CLAIM', 'SOURCE'] });
    const file = exported(outcome);
    const [first] = lines(file.contents);
    expect(first!.entities.map((e) => e.label).sort()).toEqual(['CLAIM', 'SOURCE', 'SOURCE']);
    expect(first!.claims[0]!.attributions.every((a) => a.cue === undefined)).toBe(true);
    expect(outcome.ok && outcome.notes.some((n) => /without its cue span/.test(n.message))).toBe(true);
    expect(outcome.ok && outcome.notes.some((n) => /label filter/.test(n.message))).toBe(true);

    const noClaims = exportJsonl(sampleCorpus(), { labels: ['PER', 'ORG'] });
    expect(lines(exported(noClaims).contents).every((l) => l.claims.length === 0)).toBe(true);
    expect(noClaims.ok && noClaims.notes.some((n) => /claim span is not exported/.test(n.message))).toBe(true);
  });

  it('writes no claims when attributions are switched off', () => {
    expect(lines(exported(exportJsonl(sampleCorpus(), { attributions: false })).contents).every((l) => l.claims.length === 0)).toBe(true);
  });

  it('verification catches a tampered span, a tampered quote and a wrong count', () => {
    const contents = exported(exportJsonl(sampleCorpus())).contents;
    expect(verifyJsonl(contents)).toEqual([]);
    const tampered = lines(contents);
    tampered[0]!.entities[0]!.start += 1;
    const shifted = tampered.map((l) => JSON.stringify(l)).join('\n');
    expect(problemTexts(verifyJsonl(shifted)).join('\n')).toMatch(/entity d1-cue-1 .* reads/);
    const requoted = lines(contents);
    requoted[1]!.claims[0]!.attributions[0]!.mention!.text = 'الوزير';
    expect(problemTexts(verifyJsonl(requoted.map((l) => JSON.stringify(l)).join('\n'))).join('\n')).toMatch(/mention of attribution d2-a-1/);
    expect(problemTexts(verifyJsonl(contents, { documents: 3, spans: 12, attributions: 4 }))).toEqual(['13 entities written, 12 expected.']);
  });

  it('refuses to export a span outside the text, inside a surrogate pair, or a missing source', () => {
    const outside = sampleCorpus();
    outside.documents[2]!.spans.push({ id: 'bad', start: 0, end: 999, label: 'LOC' });
    const a = exportJsonl(outside);
    expect(a.ok).toBe(false);
    const split = sampleCorpus();
    split.documents[0]!.spans.push({ id: 'half', start: 1, end: 4, label: 'LOC' });
    expect(exportJsonl(split).ok).toBe(false);
    const orphan = sampleCorpus();
    orphan.sources = orphan.sources.filter((s) => s.id !== 'src-anon');
    const c = exportJsonl(orphan);
    expect(c.ok === false && c.problems.join()).toMatch(/src-anon/);
  });

  it('reads a fixture with a BOM, CRLF line breaks, mixed units, a malformed line and a bad span', () => {
    const path = fileURLToPath(new URL('../../fixtures/formats/jsonl/mixed-units.jsonl', import.meta.url));
    const back = imported(importJsonl([{ path: 'mixed-units.jsonl', contents: readFileSync(path, 'utf8') }]));
    expect(back.corpus.documents.map((d) => d.id)).toEqual(['m-1', 'm-2']);
    const [m1, m2] = back.corpus.documents;
    for (const doc of [m1!, m2!]) for (const s of doc.spans) expect(doc.text.slice(s.start, s.end)).toMatch(/^(المتحدث|الطريق مفتوح)$/);
    expect(m1!.attributions).toEqual([{ id: 'm1-a', claimSpanId: 'm1-claim', sourceId: 's-spokes', mentionSpanId: 'm1-src', stance: 'asserted' }]);
    expect(m1!.meta).toEqual({ outlet: 'test' });
    expect(m2!.spans.map((s) => s.id)).toEqual(['m2-src']);
    expect(back.corpus.sources).toEqual([{ id: 's-spokes', nameAr: 'المتحدث', nameLatin: 'Spokesman', kind: 'person', aliasesAr: [], aliasesLatin: [], createdAt: '' }]);
    const notes = back.notes.map((n) => `${n.kind}:${n.line ?? '-'}`);
    expect(notes).toEqual(expect.arrayContaining(['repaired:-', 'skipped:2', 'skipped:3', 'skipped:5']));
    // The line is the note's; the column counts in the line (no second, contradicting line number).
    expect(back.notes.find((n) => n.line === 2)!.message).toMatch(/^not valid JSON at column \d+ \(the data ends too early\): \{"id": "broken"/);
    expect(back.notes.find((n) => n.line === 3)!.message).toMatch(/m2-bad/);
  });

  it('skips a span whose quote does not match and never throws on junk', () => {
    const line = { id: 'x', text: 'نص قصير', offsetUnit: 'codepoint', entities: [{ id: 'e', start: 0, end: 2, label: 'LOC', text: 'قص' }], claims: [] };
    const back = imported(importJsonl([{ path: 'x.jsonl', contents: `${JSON.stringify(line)}\n[1,2]\nnull\n"text"\n` }]));
    expect(back.corpus.documents[0]!.spans).toEqual([]);
    expect(back.notes.filter((n) => n.kind === 'skipped').map((n) => n.line)).toEqual([1, 2, 3, 4]);
    fc.assert(
      fc.property(fc.string(), (junk) => {
        expect(importJsonl([{ path: 'j.jsonl', contents: junk }]).ok).toBe(true);
      }),
    );
  });

  it('never throws on structured junk (property)', () => {
    const quote = fc.record({ id: fc.oneof(fc.string(), fc.integer({ min: 0, max: 3 })), start: fc.oneof(fc.integer({ min: -2, max: 20 }), fc.string()), end: fc.integer({ min: -2, max: 20 }), label: fc.string(), text: fc.string() }, { requiredKeys: [] });
    const attribution = fc.record({ id: fc.string(), source: fc.oneof(fc.jsonValue(), fc.record({ id: fc.string(), kind: fc.string() })), mention: quote, cue: quote, via: fc.string() }, { requiredKeys: [] });
    const line = fc.record({ id: fc.oneof(fc.string(), fc.integer()), text: fc.string({ unit: 'grapheme' }), offsetUnit: fc.constantFrom('utf16', 'codepoint', 'bytes'), entities: fc.array(quote, { maxLength: 5 }), claims: fc.array(fc.record({ id: fc.string(), span: quote, attributions: fc.array(attribution, { maxLength: 3 }) }, { requiredKeys: [] }), { maxLength: 3 }), meta: fc.jsonValue() }, { requiredKeys: ['text'] });
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.jsonValue()), { maxLength: 4 }), (values) => {
        const outcome = importJsonl([{ path: 'j.jsonl', contents: values.map((v) => JSON.stringify(v)).join('\n') }]);
        expect(outcome.ok).toBe(true);
        if (outcome.ok) for (const doc of outcome.corpus.documents) for (const sp of doc.spans) expect(sp.start < sp.end && sp.end <= doc.text.length).toBe(true);
      }),
    );
  });

  it('round-trips arbitrary spans over astral text in both units (property)', () => {
    const text = '😀 قالَ 🇸🇾 المصدرُ: «الوضعُ هادئ» 👍🏽.';
    const boundaries = [0, ...Array.from(text).map((_, i) => Array.from(text).slice(0, i + 1).join('').length)];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(boundaries.length - 1), fc.nat(boundaries.length - 1)), { maxLength: 8 }), fc.constantFrom('codepoint' as const, 'utf16' as const), (pairs, unit) => {
        const spans = pairs.filter(([a, b]) => a !== b).map(([a, b], i) => ({ id: `s${i}`, start: boundaries[Math.min(a, b)]!, end: boundaries[Math.max(a, b)]!, label: 'LOC' }));
        const corpus: DatasetCorpus = { ...sampleCorpus(), documents: [{ id: 'p', title: 'p', text, meta: {}, spans, attributions: [] }] };
        const back = imported(importJsonl([exported(exportJsonl(corpus, { offsetUnit: unit }))]));
        expect(back.corpus.documents[0]!.spans).toEqual([...spans].sort((x, y) => bySpan(x, y) || x.id.localeCompare(y.id)));
      }),
    );
  });
});
