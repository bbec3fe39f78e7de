import { english } from '../../../shared/phrases/phrase';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { datasetFromState, type DatasetCorpus, type DatasetDocument } from '../../../shared/formats/dataset';
import { exportNative, parseNative } from '../../../shared/formats/native';
import { datasetToCorpusState, nativeFormat, nativeToDataset } from '../../../shared/formats/native-dataset';
import type { NativeFile } from '../../../shared/formats/native-schema';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { EMOJI_TEXT, HARAKAT_TEXT, sampleCorpus } from '../../fixtures/formats/web-annotation/corpus';

/** The annotation content of a corpus, for round-trip comparisons. */
function content(corpus: DatasetCorpus) {
  return corpus.documents.map((d: DatasetDocument) => ({
    id: d.id,
    title: d.title,
    text: d.text,
    publisherId: d.publisherId,
    spans: [...d.spans].sort((a, b) => a.id.localeCompare(b.id)).map(({ annotator: _a, createdAt: _c, ...rest }) => rest),
    attributions: [...d.attributions].sort((a, b) => a.id.localeCompare(b.id)).map(({ annotator: _a, createdAt: _c, ...rest }) => rest),
  }));
}

function exportOk(corpus: DatasetCorpus, options: Parameters<typeof nativeFormat.exportCorpus>[1] = {}) {
  const out = nativeFormat.exportCorpus(corpus, options);
  if (!out.ok) throw new Error(out.problems.join('\n'));
  return out;
}

describe('nativeFormat', () => {
  it('names itself and states its offset convention', () => {
    expect(nativeFormat.name).toBe('native');
    expect(english(nativeFormat.offsetConvention)).toMatch(/code points/);
  });

  for (const offsetUnit of ['codepoint', 'utf16'] as const) {
    it(`round-trips spans, attributions, sources, schema and texts (${offsetUnit})`, () => {
      const corpus = sampleCorpus();
      const out = exportOk(corpus, { offsetUnit });
      expect(out.offsetUnit).toBe(offsetUnit);
      expect(out.files).toHaveLength(1);
      expect(out.files[0]!.path).toMatch(/^isnad-format-tests-\d{4}-\d{2}-\d{2}\.json$/);
      const file = JSON.parse(out.files[0]!.contents) as NativeFile;
      expect(file).toMatchObject({ format: 'isnad-corpus', formatVersion: 2, offsetUnit });
      const back = nativeFormat.importFiles(out.files);
      if (!back.ok) throw new Error(back.problems.join('\n'));
      expect(back.notes).toEqual([]);
      expect(content(back.corpus)).toEqual(content(corpus));
      expect([...back.corpus.sources].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...corpus.sources].sort((a, b) => a.id.localeCompare(b.id)));
      expect(back.corpus.schema).toEqual(corpus.schema);
      expect(back.corpus.name).toBe(corpus.name);
      const attribution = back.corpus.documents[0]!.attributions.find((a) => a.id === 'a-1')!;
      expect(attribution).toMatchObject({ annotator: 'tester', createdAt: '2026-11-02T09:00:00.000Z', quotation: 'indirect', stance: 'asserted', claimType: 'casualty-figure' });
    });
  }

  it('writes code-point offsets after an emoji and UTF-16 ones on request', () => {
    const corpus = sampleCorpus();
    const span = corpus.documents[1]!.spans.find((s) => s.id === 'e-claim')!;
    const cp = (n: number) => Array.from(EMOJI_TEXT.slice(0, n)).length;
    const inFile = (unit: 'codepoint' | 'utf16') => (JSON.parse(exportOk(corpus, { offsetUnit: unit }).files[0]!.contents) as NativeFile).documents[1]!.spans.find((s) => s.id === 'e-claim')!;
    expect(inFile('codepoint')).toMatchObject({ start: cp(span.start), end: cp(span.end), text: 'الاجتماعَ تأجّل 𝟑 أيامٍ' });
    expect(inFile('codepoint').start).toBe(span.start - 3); // 📰 and the flag's two regional indicators
    expect(inFile('utf16')).toMatchObject({ start: span.start, end: span.end });
  });

  it('keeps document metadata (CRLF origin, file name, status, publisher)', () => {
    const out = exportOk(sampleCorpus());
    const file = JSON.parse(out.files[0]!.contents) as NativeFile;
    expect(file.documents[0]!.meta).toMatchObject({ lineEndings: 'crlf', fileName: 'harakat-crlf.txt', outlet: 'وكالة تجريبية' });
    expect(file.documents[0]!.text).toBe(HARAKAT_TEXT);
    expect(file.documents[0]!.status).toBe('done');
    expect(file.documents[0]!.publisherId).toBe('src-novosti');
    const back = nativeFormat.importFiles(out.files);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    expect(back.corpus.documents[0]!.meta).toMatchObject({ lineEndings: 'crlf', fileName: 'harakat-crlf.txt', status: 'done', sha256: file.documents[0]!.meta.sha256 });
    expect(back.corpus.documents.map((d) => d.id)).toEqual(['doc-harakat', 'doc-emoji', 'doc-empty']);
  });

  it('honours the label filter (attributions lose dropped roles) and attributions: false', () => {
    const filtered = exportOk(sampleCorpus(), { labels: ['CLAIM', 'SOURCE'] });
    const file = JSON.parse(filtered.files[0]!.contents) as NativeFile;
    expect(new Set(file.documents.flatMap((d) => d.spans.map((s) => s.label)))).toEqual(new Set(['CLAIM', 'SOURCE']));
    const a1 = file.documents[0]!.attributions.find((a) => a.id === 'a-1')!;
    expect(a1.cueSpanId).toBeUndefined();
    expect(a1.mentionSpanId).toBe('s-mention');
    const none = JSON.parse(exportOk(sampleCorpus(), { attributions: false }).files[0]!.contents) as NativeFile;
    expect(none.documents.every((d) => d.attributions.length === 0)).toBe(true);
    const onlyEntities = JSON.parse(exportOk(sampleCorpus(), { labels: ['ORG'] }).files[0]!.contents) as NativeFile;
    expect(onlyEntities.documents.every((d) => d.attributions.length === 0)).toBe(true);
  });

  it('refuses to export a span inside a surrogate pair, an unknown label or a dangling reference', () => {
    const split = sampleCorpus();
    split.documents[1]!.spans.push({ id: 'bad', start: 1, end: 4, label: 'ORG' });
    const a = nativeFormat.exportCorpus(split);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.problems.join('\n')).toMatch(/surrogate pair/);

    const unknown = sampleCorpus();
    unknown.documents[0]!.spans[0]!.label = 'NOPE';
    const b = nativeFormat.exportCorpus(unknown);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.problems.join('\n')).toMatch(/NOPE/);

    const dangling = sampleCorpus();
    dangling.documents[0]!.attributions[0]!.claimSpanId = 'missing';
    const c = nativeFormat.exportCorpus(dangling);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.problems.join('\n')).toMatch(/missing/);

    const noSource = sampleCorpus();
    noSource.sources = noSource.sources.filter((s) => s.id !== 'src-agency');
    const d = nativeFormat.exportCorpus(noSource);
    expect(d.ok).toBe(false);
  });

  it('refuses a tampered file on import (quote no longer matches)', () => {
    const out = exportOk(sampleCorpus());
    const file = JSON.parse(out.files[0]!.contents) as NativeFile;
    file.documents[1]!.spans[0]!.start += 1;
    const back = nativeFormat.importFiles([{ path: 'tampered.json', contents: JSON.stringify(file) }]);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.problems.join('\n')).toMatch(/tampered\.json: .*reads/);
    const bad = nativeFormat.importFiles([{ path: 'bad.json', contents: '{ not json' }]);
    expect(bad.ok).toBe(false);
    expect(nativeFormat.importFiles([]).ok).toBe(false);
  });

  it('imports a version-1 file (migrated, with a note) and ignores a byte-order mark', () => {
    const v1 = readFileSync(fileURLToPath(new URL('../../fixtures/native/v1.json', import.meta.url)), 'utf8');
    const back = nativeFormat.importFiles([{ path: 'v1.json', contents: `\uFEFF${v1}` }, { path: 'extra.json', contents: '{}' }]);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    expect(back.notes.map((n) => n.kind)).toEqual(['skipped', 'repaired']);
    expect(back.notes[1]!.message).toMatch(/version 1 was migrated to version 2/);
    const parsed = parseNative(v1);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(back.corpus).toEqual(nativeToDataset(parsed.value));
    expect(back.corpus.documents.reduce((n, d) => n + d.spans.length, 0)).toBe(parsed.value.spans.length);
  });

  it('is lossless from the app: the same records as the JSON export, annotators, times and provenance included', () => {
    const corpus = sampleCorpus();
    corpus.id = 'corpus-kept';
    corpus.createdAt = '2026-10-01T08:00:00.000Z';
    corpus.documents.forEach((doc, d) => {
      doc.meta = { ...doc.meta, origin: 'file', format: 'html', encoding: 'windows-1256', encodingMethod: 'detected', encodingConfidence: 0.76, importedAt: `2026-10-0${d + 2}T12:00:00.000Z`, repeatedParagraphs: 2, collapsedRemovedParagraphs: 1 };
      doc.spans.forEach((span, k) => Object.assign(span, { annotator: k % 2 ? 'amina' : 'yusuf', createdAt: `2026-10-1${k % 10}T09:00:00.000Z` }));
    });
    const state = datasetToCorpusState(corpus, { now: '2026-11-30T00:00:00.000Z' });
    const exportedAt = '2026-12-01T00:00:00.000Z';
    const direct = exportNative(state, { exportedAt });
    if (!direct.ok) throw new Error('the JSON export failed');
    const viaDataset = exportOk(datasetFromState(state));
    const records = (json: string) => {
      const parsed = parseNative(json);
      if (!parsed.ok) throw new Error('not read back');
      const { fromVersion: _v, ...rest } = parsed.value;
      return rest;
    };
    const back = records(viaDataset.files[0]!.contents);
    expect(back).toEqual(records(direct.json));
    expect(back.corpus).toEqual({ id: 'corpus-kept', name: corpus.name, createdAt: '2026-10-01T08:00:00.000Z' });
    expect(new Set(back.spans.map((s) => s.annotator))).toEqual(new Set(['amina', 'yusuf']));
    expect(back.documents[0]!.meta).toMatchObject({ format: 'html', encoding: 'windows-1256', importedAt: '2026-10-02T12:00:00.000Z', collapsedRepeats: { removedParagraphs: 1 } });
  });

  it('datasetToCorpusState fills defaults and recomputes SHA-256', () => {
    const state = datasetToCorpusState(sampleCorpus(), { corpusId: 'c1', now: '2026-01-01T00:00:00.000Z' });
    const doc = state.documents.get('doc-emoji')!;
    expect(doc).toMatchObject({ corpusId: 'c1', order: 1, status: 'in-progress' });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.meta).toMatchObject({ origin: 'file', encoding: 'utf-8', importedAt: '2026-01-01T00:00:00.000Z', lineEndings: 'none' });
    expect(state.attributions.get('e-a')).toMatchObject({ annotator: '', createdAt: '2026-01-01T00:00:00.000Z' });
  });

  it('round-trips random texts with harakat, emoji and CRLF-origin lines (property)', () => {
    const pieces = ['ق', 'الَ', 'ّ', 'ِ', 'ٌ', ' ', '\n', 'لا', '😀', '🇸🇾', '𝟑', 'a', '١'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('PER', 'ORG', 'CLAIM')), { maxLength: 6 }),
        fc.constantFrom('codepoint' as const, 'utf16' as const),
        (parts, picks, offsetUnit) => {
          const text = parts.join('');
          const cuts = [0];
          for (const p of parts) cuts.push(cuts[cuts.length - 1]! + p.length);
          const spans = picks.flatMap(([a, b, label], i) => {
            const x = cuts[a % cuts.length]!;
            const y = cuts[b % cuts.length]!;
            return x === y ? [] : [{ id: `s${i}`, start: Math.min(x, y), end: Math.max(x, y), label }];
          });
          const unique = spans.filter((s, i) => spans.findIndex((o) => o.start === s.start && o.end === s.end && o.label === s.label) === i);
          const corpus: DatasetCorpus = { name: 'p', schema: { ...DEFAULT_LABEL_SCHEMA, allowCrossing: 'always' }, sources: [], documents: [{ id: 'd', title: 't', text, meta: {}, spans: unique, attributions: [] }] };
          const out = nativeFormat.exportCorpus(corpus, { offsetUnit });
          if (!out.ok) throw new Error(out.problems.join('\n'));
          const back = nativeFormat.importFiles(out.files);
          if (!back.ok) throw new Error(back.problems.join('\n'));
          expect(content(back.corpus)).toEqual(content(corpus));
        },
      ),
      { numRuns: 60 },
    );
  });
});
