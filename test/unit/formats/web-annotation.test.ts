import { problemTexts } from '../../../shared/formats/dataset';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatasetCorpus, DatasetDocument } from '../../../shared/formats/dataset';
import { collectAnnotations, locateQuote, verifyWebAnnotation, webAnnotationFormat } from '../../../shared/formats/web-annotation';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { EMOJI_TEXT, HARAKAT_TEXT, sampleCorpus, spanOf } from '../../fixtures/formats/web-annotation/corpus';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const specs = fileURLToPath(new URL('../../../../shared/corpora/specs/', import.meta.url));
const examplePath = `${specs}examples/webannotation_example.jsonld`;

function content(corpus: DatasetCorpus) {
  return corpus.documents.map((d: DatasetDocument) => ({
    id: d.id,
    title: d.title,
    text: d.text,
    publisherId: d.publisherId,
    spans: [...d.spans].sort((a, b) => a.id.localeCompare(b.id)),
    attributions: [...d.attributions].sort((a, b) => a.id.localeCompare(b.id)),
  }));
}

function exported(corpus = sampleCorpus(), options: Parameters<typeof webAnnotationFormat.exportCorpus>[1] = {}): { contents: string; json: Json; annotations: Json[] } {
  const out = webAnnotationFormat.exportCorpus(corpus, options);
  if (!out.ok) throw new Error(out.problems.join('\n'));
  expect(out.offsetUnit).toBe('codepoint');
  const contents = out.files[0]!.contents;
  const json = JSON.parse(contents) as Json;
  return { contents, json, annotations: collectAnnotations(json) as Json[] };
}

const byId = (annotations: Json[], id: string): Json => annotations.find((a) => a.id === id)!;
const selector = (a: Json, type: string): Json => (a.target.selector as Json[]).find((s) => s.type === type)!;
const cp = (text: string, utf16: number): number => Array.from(text.slice(0, utf16)).length;

describe('webAnnotationFormat export', () => {
  it('writes an AnnotationCollection with a valid two-part @context, embedded documents and one page', () => {
    const out = webAnnotationFormat.exportCorpus(sampleCorpus());
    if (!out.ok) throw new Error(out.problems.join('\n'));
    expect(out.files.map((f) => f.path)).toEqual(['format-tests.jsonld']);
    const { json } = exported();
    expect(json['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(json['@context'][1]).toMatchObject({ '@version': 1.1, isnad: 'urn:isnad:vocab#', 'isnad:documents': { '@type': '@json' } });
    expect(json.type).toBe('AnnotationCollection');
    expect(json.first.type).toBe('AnnotationPage');
    expect(json.total).toBe(json.first.items.length);
    expect(json.total).toBe(10 + 3);
    expect(json['isnad:documents'].map((d: Json) => d.iri)).toEqual(['urn:isnad:doc:doc-harakat', 'urn:isnad:doc:doc-emoji', 'urn:isnad:doc:doc-empty']);
    expect(json['isnad:documents'][0].text).toBe(HARAKAT_TEXT);
    expect(json['isnad:corpus']).toEqual({ name: 'Format tests', offsetUnit: 'codepoint' });
  });

  it('tags each span with a TextualBody, a quote selector and a position selector', () => {
    const { annotations } = exported();
    const org = byId(annotations, 'urn:isnad:span:s-org');
    expect(org).toMatchObject({ type: 'Annotation', motivation: 'tagging', body: { type: 'TextualBody', value: 'ORG', purpose: 'tagging' } });
    expect(org.target.source).toBe('urn:isnad:doc:doc-harakat');
    expect(org.target.selector.map((s: Json) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(selector(org, 'TextQuoteSelector').exact).toBe('وزارةِ الصحّةِ');
    expect(selector(org, 'TextQuoteSelector').prefix).toBe(Array.from(HARAKAT_TEXT.slice(0, HARAKAT_TEXT.indexOf('وزارةِ'))).slice(-32).join(''));
    // A span at the very start of a text has no prefix.
    expect(selector(byId(annotations, 'urn:isnad:span:s-cue'), 'TextQuoteSelector').prefix).toBeUndefined();
    // A source mention also identifies its registry source.
    expect(byId(annotations, 'urn:isnad:span:s-mention').body).toEqual([
      { type: 'TextualBody', value: 'SOURCE', purpose: 'tagging' },
      { type: 'SpecificResource', source: 'urn:isnad:source:src-novosti', purpose: 'identifying' },
    ]);
  });

  it('counts TextPositionSelector offsets in code points after an emoji, a flag and 𝟑', () => {
    const { annotations } = exported();
    const corpus = sampleCorpus();
    for (const span of corpus.documents[1]!.spans) {
      const position = selector(byId(annotations, `urn:isnad:span:${span.id}`), 'TextPositionSelector');
      expect(position).toEqual({ type: 'TextPositionSelector', start: cp(EMOJI_TEXT, span.start), end: cp(EMOJI_TEXT, span.end) });
      expect(Array.from(EMOJI_TEXT).slice(position.start, position.end).join('')).toBe(EMOJI_TEXT.slice(span.start, span.end));
    }
    const org = selector(byId(annotations, 'urn:isnad:span:e-org'), 'TextPositionSelector');
    expect(org.start).toBe(EMOJI_TEXT.indexOf('وكالةُ') - 1); // 📰 is two UTF-16 units, one code point
    const claim = selector(byId(annotations, 'urn:isnad:span:e-claim'), 'TextPositionSelector');
    expect(claim.end - claim.start).toBe(Array.from('الاجتماعَ تأجّل 𝟑 أيامٍ').length);
    expect(claim.start).toBe(EMOJI_TEXT.indexOf('الاجتماعَ') - 3); // 📰 and two regional indicators
  });

  it('writes attributions as linking annotations: role targets, source and attribute bodies, via, creator', () => {
    const { annotations } = exported();
    const a1 = byId(annotations, 'urn:isnad:attribution:a-1');
    expect(a1.motivation).toBe('linking');
    expect(a1.target).toEqual([
      { type: 'SpecificResource', source: 'urn:isnad:span:s-claim1', 'isnad:role': 'claim' },
      { type: 'SpecificResource', source: 'urn:isnad:span:s-mention', 'isnad:role': 'mention' },
      { type: 'SpecificResource', source: 'urn:isnad:span:s-cue', 'isnad:role': 'cue' },
    ]);
    expect(a1.body).toEqual([
      { type: 'SpecificResource', source: 'urn:isnad:source:src-novosti', purpose: 'identifying' },
      { type: 'TextualBody', value: 'indirect', purpose: 'classifying', 'isnad:attribute': 'quotation' },
      { type: 'TextualBody', value: 'asserted', purpose: 'classifying', 'isnad:attribute': 'stance' },
      { type: 'TextualBody', value: 'casualty-figure', purpose: 'classifying', 'isnad:attribute': 'claimType' },
    ]);
    expect(a1).toMatchObject({ creator: { name: 'tester' }, created: '2026-11-02T09:00:00.000Z' });
    expect(byId(annotations, 'urn:isnad:attribution:a-2')['isnad:via']).toBe('urn:isnad:attribution:a-1');
  });

  it('honours the label filter and attributions: false; ignores a requested UTF-16 unit', () => {
    const { annotations } = exported(sampleCorpus(), { labels: ['CLAIM', 'SOURCE'] });
    expect(new Set(annotations.filter((a) => a.motivation === 'tagging').map((a) => [a.body].flat()[0].value))).toEqual(new Set(['CLAIM', 'SOURCE']));
    expect(byId(annotations, 'urn:isnad:attribution:a-1').target).toHaveLength(2);
    expect(exported(sampleCorpus(), { attributions: false }).annotations.every((a) => a.motivation === 'tagging')).toBe(true);
    const utf16 = exported(sampleCorpus(), { offsetUnit: 'utf16' });
    expect(selector(byId(utf16.annotations, 'urn:isnad:span:e-org'), 'TextPositionSelector').start).toBe(EMOJI_TEXT.indexOf('وكالةُ') - 1);
  });

  it('refuses spans it cannot write and dangling references (nothing written)', () => {
    const split = sampleCorpus();
    split.documents[1]!.spans.push({ id: 'bad', start: 1, end: 4, label: 'ORG' });
    const a = webAnnotationFormat.exportCorpus(split);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.problems[0]).toMatch(/📰 عاجل.*surrogate pair/);
    const outside = sampleCorpus();
    outside.documents[2]!.spans.push({ id: 'far', start: 2, end: 999, label: 'ORG' });
    expect(webAnnotationFormat.exportCorpus(outside).ok).toBe(false);
    const dangling = sampleCorpus();
    dangling.documents[0]!.attributions[1]!.viaId = 'nowhere';
    const b = webAnnotationFormat.exportCorpus(dangling);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.problems.join('\n')).toMatch(/isnad:via urn:isnad:attribution:nowhere/);
    const noSource = sampleCorpus();
    noSource.documents[1]!.attributions[0]!.sourceId = 'ghost';
    const c = webAnnotationFormat.exportCorpus(noSource);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.problems.join('\n')).toMatch(/urn:isnad:source:ghost is not in isnad:sources/);
    const claimless = sampleCorpus();
    claimless.documents[0]!.attributions[0]!.claimSpanId = 'gone';
    expect(webAnnotationFormat.exportCorpus(claimless).ok).toBe(false);
  });

  it('verification catches a tampered output (quote, position, prefix, link target)', () => {
    const { contents } = exported();
    expect(verifyWebAnnotation(contents)).toEqual([]);
    const tamper = (edit: (json: Json) => void): string[] => {
      const json = JSON.parse(contents) as Json;
      edit(json);
      return problemTexts(verifyWebAnnotation(JSON.stringify(json)));
    };
    const find = (json: Json, id: string): Json => json.first.items.find((a: Json) => a.id === id);
    expect(tamper((j) => (selector(find(j, 'urn:isnad:span:e-org'), 'TextPositionSelector').start += 1)).join('\n')).toMatch(/e-org: \[\d+, \d+\) in code points reads/);
    expect(tamper((j) => (selector(find(j, 'urn:isnad:span:s-org'), 'TextQuoteSelector').exact = 'وزارة الصحة')).join('\n')).toMatch(/quotes “وزارة الصحة”/);
    expect(tamper((j) => (selector(find(j, 'urn:isnad:span:s-org'), 'TextQuoteSelector').prefix = 'x')).join('\n')).toMatch(/prefix/);
    expect(tamper((j) => (find(j, 'urn:isnad:attribution:a-1').target[0].source = 'urn:isnad:span:none')).join('\n')).toMatch(/target urn:isnad:span:none is not a span annotation/);
    expect(tamper((j) => (j['isnad:documents'][1].text = j['isnad:documents'][1].text.replace('📰', 'x'))).length).toBeGreaterThan(0);
    expect(verifyWebAnnotation('[not json')).toHaveLength(1);
  });
});

describe('webAnnotationFormat import', () => {
  it('round-trips spans, attributions, sources, schema, texts and metadata', () => {
    const corpus = sampleCorpus();
    const out = webAnnotationFormat.exportCorpus(corpus);
    if (!out.ok) throw new Error(out.problems.join('\n'));
    const back = webAnnotationFormat.importFiles(out.files);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    expect(back.notes).toEqual([]);
    expect(content(back.corpus)).toEqual(content(corpus));
    expect(back.corpus.sources).toEqual(corpus.sources);
    expect(back.corpus.schema).toEqual(corpus.schema);
    expect(back.corpus.name).toBe('Format tests');
    expect(back.corpus.documents[0]!.meta).toEqual(corpus.documents[0]!.meta);
  });

  it('prefers the quote with prefix/suffix when the position selector disagrees (repaired)', () => {
    const { json } = exported();
    const org = json.first.items.find((a: Json) => a.id === 'urn:isnad:span:e-org');
    const position = selector(org, 'TextPositionSelector');
    position.start += 2; // as if a tool had counted UTF-16 units after the emoji
    position.end += 2;
    const back = webAnnotationFormat.importFiles([{ path: 'shifted.jsonld', contents: JSON.stringify(json) }]);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    expect(back.notes).toHaveLength(1);
    expect(back.notes[0]).toMatchObject({ where: 'shifted.jsonld', kind: 'repaired' });
    expect(back.notes[0]!.message).toMatch(/urn:isnad:span:e-org/);
    expect(back.corpus.documents[1]!.spans.find((s) => s.id === 'e-org')).toEqual(spanOf('e-org', 'ORG', EMOJI_TEXT, 'وكالةُ الأنباءِ'));
  });

  it('uses prefix/suffix to pick between repeated quotes, and skips what it cannot locate', () => {
    const text = 'قالَ المصدرُ إنّ المصدرُ الثاني نفى، وقالَ المصدرُ لاحقاً.';
    expect(locateQuote(text, { exact: 'المصدرُ', prefix: 'وقالَ ', suffix: ' لاحقاً' })).toEqual({ start: text.lastIndexOf('المصدرُ'), end: text.lastIndexOf('المصدرُ') + 7 });
    expect(locateQuote(text, { exact: 'المصدرُ', prefix: 'zz', suffix: 'zz' })).toBeUndefined();
    expect(locateQuote(text, { exact: 'غائب', prefix: '', suffix: '' })).toBeUndefined();

    const { json } = exported();
    const org = json.first.items.find((a: Json) => a.id === 'urn:isnad:span:s-org');
    selector(org, 'TextQuoteSelector').exact = 'نصٌّ غائب';
    selector(org, 'TextPositionSelector').end = 10_000;
    const back = webAnnotationFormat.importFiles([{ path: 'lost.jsonld', contents: JSON.stringify(json) }]);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    expect(back.notes).toEqual([expect.objectContaining({ kind: 'skipped', where: 'lost.jsonld', message: expect.stringMatching(/urn:isnad:span:s-org: neither/) })]);
    expect(back.corpus.documents[0]!.spans.map((s) => s.id)).not.toContain('s-org');
  });

  it('says an id is repeated (naming it and where the first one is) and skips the later annotation, whatever else it lacks', () => {
    const text = 'قالَ المتحدثُ إنّ المطرَ غزيرٌ.';
    const at = (exact: string) => ({ start: Array.from(text.slice(0, text.indexOf(exact))).length, end: Array.from(text.slice(0, text.indexOf(exact))).length + Array.from(exact).length });
    const span = (id: string, label: string, exact?: string): Json => ({
      id,
      type: 'Annotation',
      motivation: 'tagging',
      body: { type: 'TextualBody', value: label, purpose: 'tagging' },
      target: { source: 'urn:isnad:doc:d', ...(exact ? { selector: { type: 'TextPositionSelector', ...at(exact) } } : {}) },
    });
    const file = (items: Json[]) => JSON.stringify({ type: 'AnnotationCollection', 'isnad:sources': [{ id: 's' }, { id: 't' }], 'isnad:documents': [{ id: 'd', iri: 'urn:isnad:doc:d', title: 'd', text, meta: {} }], first: { type: 'AnnotationPage', items } });
    const link: Json = { id: 'urn:x:a', type: 'Annotation', motivation: 'linking', body: { type: 'SpecificResource', source: 'urn:isnad:source:s', purpose: 'identifying' }, target: [{ type: 'SpecificResource', source: 'urn:x:claim', 'isnad:role': 'claim' }] };
    const back = webAnnotationFormat.importFiles([
      { path: 'one.jsonld', contents: file([span('urn:x:claim', 'CLAIM', 'المطرَ غزيرٌ'), span('urn:x:lost', 'PER'), link]) },
      // a repeat of a span without a selector, of a span that was kept, and of an attribution
      { path: 'two.jsonld', contents: file([span('urn:x:lost', 'PER'), span('urn:x:claim', 'PER', 'المتحدثُ'), span('urn:x:a', 'ORG')]) },
    ]);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    expect(back.notes.map((n) => [n.where, n.kind, n.message])).toEqual([
      ['one.jsonld', 'skipped', 'urn:x:lost: it has no TextPositionSelector or TextQuoteSelector.'],
      ['two.jsonld', 'skipped', 'urn:x:lost: its id urn:x:lost repeats that of annotation 2 of one.jsonld, which came first; this later annotation was skipped.'],
      ['two.jsonld', 'skipped', 'urn:x:claim: its id urn:x:claim repeats that of annotation 1 of one.jsonld, which came first; this later annotation was skipped.'],
      ['two.jsonld', 'skipped', 'urn:x:a: its id urn:x:a repeats that of annotation 3 of one.jsonld, which came first; this later annotation was skipped.'],
    ]);
    expect(back.notes[1]!.phrase).toEqual({ code: 'waNote.skipped', params: { who: 'urn:x:lost', why: { code: 'waWhy.idRepeated', params: { id: 'urn:x:lost', file: 'one.jsonld', position: 2 } } } });
    const doc = back.corpus.documents[0]!;
    expect(doc.spans.map((s) => [s.id, s.label, text.slice(s.start, s.end)])).toEqual([['urn:x:claim', 'CLAIM', 'المطرَ غزيرٌ']]);
    expect(doc.attributions.map((a) => [a.id, a.claimSpanId])).toEqual([['urn:x:a', 'urn:x:claim']]);

    // a later attribution with the id of an earlier one is skipped too, not written over it
    const twice = webAnnotationFormat.importFiles([{ path: 'l.jsonld', contents: file([span('urn:x:claim', 'CLAIM', 'المطرَ غزيرٌ'), link, { ...link, body: { type: 'SpecificResource', source: 'urn:isnad:source:t', purpose: 'identifying' } }]) }]);
    if (!twice.ok) throw new Error(twice.problems.join('\n'));
    expect(twice.corpus.documents[0]!.attributions.map((a) => a.sourceId)).toEqual(['s']);
    expect(twice.notes.map((n) => n.message)).toContain('urn:x:a: its id urn:x:a repeats that of annotation 2 of l.jsonld, which came first; this later annotation was skipped.');
  });

  it('gives its notes in file order: a file’s own notes first, then each annotation’s, spans and links mixed', () => {
    const text = 'قالَ المتحدثُ إنّ المطرَ غزيرٌ.';
    const untargeted = (id: string): Json => ({ id, type: 'Annotation', motivation: 'tagging', body: { type: 'TextualBody', value: 'PER', purpose: 'tagging' }, target: { source: 'urn:isnad:doc:d' } });
    const link = (id: string): Json => ({ id, type: 'Annotation', motivation: 'linking', body: { type: 'SpecificResource', source: 'urn:isnad:source:s', purpose: 'identifying' }, target: [{ type: 'SpecificResource', source: 'urn:x:nowhere', 'isnad:role': 'claim' }] });
    const file = (items: Json[], sources: Json[] = [{ id: 's' }]) => JSON.stringify({ type: 'AnnotationCollection', 'isnad:sources': sources, 'isnad:documents': [{ id: 'd', iri: 'urn:isnad:doc:d', title: 'd', text, meta: {} }], first: { type: 'AnnotationPage', items } });
    const back = webAnnotationFormat.importFiles([
      { path: 'one.jsonld', contents: file([link('urn:x:link-1'), untargeted('urn:x:span-2'), link('urn:x:link-3')]) },
      { path: 'two.jsonld', contents: file([untargeted('urn:x:span-4')], [{ id: 's' }, { name: 'no id' }]) },
    ]);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    const who = (message: string): string => /^(urn:x:[\w-]+)/.exec(message)?.[1] ?? 'the file';
    expect(back.notes.map((n) => [n.where, who(n.message)])).toEqual([
      ['one.jsonld', 'urn:x:link-1'],
      ['one.jsonld', 'urn:x:span-2'],
      ['one.jsonld', 'urn:x:link-3'],
      ['two.jsonld', 'the file'],
      ['two.jsonld', 'urn:x:span-4'],
    ]);
  });

  it('refuses bad JSON and reports an empty file', () => {
    expect(webAnnotationFormat.importFiles([{ path: 'x.jsonld', contents: '{' }]).ok).toBe(false);
    expect(webAnnotationFormat.importFiles([]).ok).toBe(false);
    const empty = webAnnotationFormat.importFiles([{ path: 'e.jsonld', contents: '[]' }]);
    expect(empty.ok && empty.notes[0]!.kind).toBe('skipped');
  });

  it('round-trips random texts with harakat, emoji and line breaks (property)', () => {
    const pieces = ['ق', 'الَ', 'ّ', 'ِ', ' ', '\n', 'لا', '😀', '🇸🇾', '𝟑', 'a', '١'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('PER', 'CLAIM')), { maxLength: 6 }), (parts, picks) => {
        const text = parts.join('');
        const cuts = [0];
        for (const p of parts) cuts.push(cuts[cuts.length - 1]! + p.length);
        const spans = picks.flatMap(([a, b, label], i) => {
          const x = cuts[a % cuts.length]!;
          const y = cuts[b % cuts.length]!;
          return x === y ? [] : [{ id: `s${i}`, start: Math.min(x, y), end: Math.max(x, y), label }];
        });
        const corpus: DatasetCorpus = { name: 'p', schema: DEFAULT_LABEL_SCHEMA, sources: [], documents: [{ id: 'd', title: 't', text, meta: {}, spans, attributions: [] }] };
        const out = webAnnotationFormat.exportCorpus(corpus);
        if (!out.ok) throw new Error(out.problems.join('\n'));
        const back = webAnnotationFormat.importFiles(out.files);
        if (!back.ok) throw new Error(back.problems.join('\n'));
        expect(content(back.corpus)).toEqual(content(corpus));
      }),
      { numRuns: 60 },
    );
  });
});

describe('conformance with the spec example (webannotation_example.jsonld)', () => {
  const present = existsSync(examplePath);
  const reason = present ? '' : ` — skipped: ${examplePath} is not present`;
  const example = (): Json[] => JSON.parse(readFileSync(examplePath, 'utf8')) as Json[];
  /** The example's sentence, read from FORMAT_SPECS.md at run time (the indented line). */
  const sentence = (): string => readFileSync(`${specs}FORMAT_SPECS.md`, 'utf8').split('\n').find((l) => /^ {4}\S/.test(l))!.trim();

  it.skipIf(!present)(`our span annotations have the example's keys, body and selector shapes${reason}`, () => {
    const tagging = example().filter((a) => a.motivation === 'tagging');
    const { annotations } = exported();
    const ours = annotations.find((a) => a.id === 'urn:isnad:span:s-org')!;
    for (const theirs of tagging) {
      expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).filter((k) => k !== '@context').sort());
      expect(Object.keys(ours.body).sort()).toEqual(Object.keys(theirs.body).sort());
      expect({ ...ours.body, value: '' }).toEqual({ ...theirs.body, value: '' });
      expect(Object.keys(ours.target).sort()).toEqual(Object.keys(theirs.target).sort());
      expect(ours.target.selector.map((s: Json) => s.type).sort()).toEqual(theirs.target.selector.map((s: Json) => s.type).sort());
      for (const s of theirs.target.selector as Json[]) expect(Object.keys(selector(ours, s.type)).sort()).toEqual(Object.keys(s).sort());
    }
    expect(example().some((a) => a.motivation === 'linking')).toBe(true);
    expect(annotations.some((a) => a.motivation === 'linking')).toBe(true);
  });

  it.skipIf(!present)(`imports the example (text as doc1.txt) at its code-point positions, with its link${reason}`, () => {
    const text = sentence();
    const back = webAnnotationFormat.importFiles([
      { path: 'webannotation_example.jsonld', contents: readFileSync(examplePath, 'utf8') },
      { path: 'doc1.txt', contents: text },
    ]);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    const doc = back.corpus.documents[0]!;
    expect(doc.text).toBe(text);
    for (const a of example().filter((x) => x.motivation === 'tagging')) {
      const position = selector(a, 'TextPositionSelector');
      const span = doc.spans.find((s) => s.id === a.id)!;
      expect(span.label).toBe(a.body.value);
      expect([cp(text, span.start), cp(text, span.end)]).toEqual([position.start, position.end]);
      expect(text.slice(span.start, span.end)).toBe(selector(a, 'TextQuoteSelector').exact);
    }
    const link = example().find((x) => x.motivation === 'linking')!;
    expect(doc.attributions).toHaveLength(1);
    expect(doc.attributions[0]).toMatchObject({ id: link.id, claimSpanId: link.target, mentionSpanId: link.body });
    expect(back.corpus.sources).toHaveLength(1);
    expect(back.notes.map((n) => n.kind)).toEqual(['repaired']);
    expect(back.corpus.schema.labels.map((l) => l.id).sort()).toEqual(['AGENCY', 'CLAIM', 'ORG', 'PERSON']);
  });

  it.skipIf(!present)(`exports the example's spans at the example's positions and quotes${reason}`, () => {
    const text = sentence();
    const tagging = example().filter((a) => a.motivation === 'tagging');
    const spans = tagging.map((a, i) => spanOf(`x${i}`, a.body.value, text, selector(a, 'TextQuoteSelector').exact));
    const corpus: DatasetCorpus = { name: 'example', schema: { ...DEFAULT_LABEL_SCHEMA, labels: [...DEFAULT_LABEL_SCHEMA.labels, { id: 'PERSON', name: 'Person', kind: 'entity', colour: '#000', hotkey: '' }, { id: 'AGENCY', name: 'Agency', kind: 'entity', colour: '#000', hotkey: '' }] }, sources: [], documents: [{ id: 'doc1', title: 'doc1', text, meta: {}, spans, attributions: [] }] };
    const { annotations } = exported(corpus);
    tagging.forEach((theirs, i) => {
      const ours = byId(annotations, `urn:isnad:span:x${i}`);
      expect(selector(ours, 'TextPositionSelector')).toEqual(selector(theirs, 'TextPositionSelector'));
      const quote = selector(theirs, 'TextQuoteSelector');
      expect(selector(ours, 'TextQuoteSelector').exact).toBe(quote.exact);
      expect(selector(ours, 'TextQuoteSelector').prefix.endsWith(quote.prefix)).toBe(true);
      expect(selector(ours, 'TextQuoteSelector').suffix.startsWith(quote.suffix)).toBe(true);
    });
  });
});
