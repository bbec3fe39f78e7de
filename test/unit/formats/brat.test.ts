import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatasetCorpus, DatasetDocument, OutputFile } from '../../../shared/formats/dataset';
import { bratFileStem, bratFormat, exportBrat, importBrat } from '../../../shared/formats/brat';
import { parseAnn } from '../../../shared/formats/brat-ann';
import type { FormatNote } from '../../../shared/formats/dataset';
import { TEXT_1, at, sampleCorpus } from '../../fixtures/formats/brat/sample-corpus';
import { createTranslator } from '../../../shared/i18n/i18n';
import { decodeDatasetBytes, readDataset } from '../../../shared/formats/dataset-read';

const EXAMPLES = fileURLToPath(new URL('../../../../shared/corpora/specs/examples/', import.meta.url));

function filesOf(outcome: ReturnType<typeof exportBrat>): OutputFile[] {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome.files;
}

function file(files: readonly OutputFile[], path: string): string {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.contents;
}

/** Spans as "LABEL:quote" and attributions as quotes of their parts, comparable across ids. */
function readable(doc: DatasetDocument): { spans: string[]; attributions: string[] } {
  const quote = (id: string | undefined): string => {
    const s = doc.spans.find((x) => x.id === id);
    return s ? doc.text.slice(s.start, s.end) : '';
  };
  const byId = new Map(doc.attributions.map((a) => [a.id, a]));
  return {
    spans: doc.spans.map((s) => `${s.label}:${doc.text.slice(s.start, s.end)}`).sort(),
    attributions: doc.attributions
      .map((a) => [quote(a.claimSpanId), a.sourceId, quote(a.mentionSpanId), quote(a.cueSpanId), a.quotation ?? '', a.stance ?? '', a.claimType ?? '', a.viaId ? byId.get(a.viaId)!.sourceId : ''].join('|'))
      .sort(),
  };
}

describe('brat export', () => {
  it('writes DOC.txt (the exact text), DOC.ann and annotation.conf, with safe file names', () => {
    const files = filesOf(exportBrat(sampleCorpus()));
    expect(files.map((f) => f.path)).toEqual(['doc_1_تجربة.txt', 'doc_1_تجربة.ann', 'doc-2.txt', 'doc-2.ann', 'annotation.conf']);
    expect(file(files, 'doc_1_تجربة.txt')).toBe(TEXT_1);
    expect(bratFileStem('../x/../..')).toBe('x');
    expect(bratFileStem('annotation')).toBe('doc_annotation');
    expect(bratFileStem('')).toBe('doc');
  });

  it('counts T offsets in code points (the 📰 is one) and quotes the text', () => {
    const ann = file(filesOf(exportBrat(sampleCorpus())), 'doc_1_تجربة.ann');
    const [s, e] = at(TEXT_1, 'ديمتري بيسكوف');
    expect(ann).toContain(`T3\tPER ${s - 1} ${e - 1}\tديمتري بيسكوف\n`);
    const utf16 = file(filesOf(exportBrat(sampleCorpus(), { offsetUnit: 'utf16' })), 'doc_1_تجربة.ann');
    expect(utf16).toContain(`T3\tPER ${s} ${e}\tديمتري بيسكوف\n`);
  });

  it('says, in both languages, that UTF-16 offsets cannot be told from the code points brat reads', () => {
    const utf16 = exportBrat(sampleCorpus(), { offsetUnit: 'utf16' });
    if (!utf16.ok) throw new Error('export failed');
    const notes = utf16.notes.filter((n) => n.phrase?.code === 'exportNote.bratUnit');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/^Offsets are in UTF-16 code units, as asked, but a brat file cannot say its unit: brat \(and Isnad\) read code points/u);
    expect(createTranslator('ar').phrase(notes[0]!.phrase!)).toContain('لا يستطيع أن يذكر وحدته');
    const codepoint = exportBrat(sampleCorpus());
    expect(codepoint.ok && codepoint.notes.some((n) => n.phrase?.code === 'exportNote.bratUnit')).toBe(false);
  });

  it('maps attributions to AttributedTo / Cue / Via relations, attributes and Isnad references', () => {
    const ann = file(filesOf(exportBrat(sampleCorpus())), 'doc_1_تجربة.ann');
    const lines = ann.trimEnd().split('\n');
    expect(lines).toContain('R1\tVia Arg1:T9 Arg2:T8'); // مصدر came via Reuters
    expect(lines).toContain('R2\tCue Arg1:T6 Arg2:T1');
    expect(lines).toContain('R3\tAttributedTo Arg1:T6 Arg2:T4');
    expect(lines).toContain('A1\tQuotation T6 direct');
    expect(lines).toContain('A2\tStance T6 asserted');
    expect(lines).toContain('A3\tClaimType T6 statement');
    expect(lines).toContain('N1\tReference T4 Isnad:peskov\tDmitry Peskov');
    const doc2 = file(filesOf(exportBrat(sampleCorpus())), 'doc-2.ann');
    // an attribution without mention: the reference sits on the claim
    expect(doc2).toContain('N1\tReference T3 Isnad:un-src\tUnited Nations');
    // a span across a line break: fragments, as brat writes them
    expect(doc2).toContain('T2\tCLAIM 20 22;23 32\tأن المساعدات');
  });

  it('writes an annotation.conf matching the labels, relations and attributes', () => {
    const conf = file(filesOf(exportBrat(sampleCorpus())), 'annotation.conf');
    expect(conf).toMatch(/^\[entities\]\nPER\nORG\nLOC\nDATE\nCLAIM\nSOURCE\nCUE\n\n\[relations\]\n/u);
    expect(conf).toContain('AttributedTo\tArg1:CLAIM, Arg2:SOURCE|ORG\n');
    expect(conf).toContain('Cue\tArg1:CLAIM, Arg2:CUE\n');
    expect(conf).toContain('Via\tArg1:SOURCE, Arg2:ORG\n');
    expect(conf).toContain('Stance\tArg:CLAIM, Value:asserted|hedged|denied|questioned\n');
  });

  it('notes what brat cannot hold: two attributions of one claim with different attributes', () => {
    const corpus = sampleCorpus();
    corpus.documents[0]!.attributions[2]!.quotation = 'mixed';
    const outcome = exportBrat(corpus);
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    expect(outcome.notes.some((n) => n.kind === 'skipped' && /a3 has another quotation than a2/u.test(n.message))).toBe(true);
  });

  it('verifies what it wrote: a label with a space, or an edge inside a surrogate pair, stops the export', () => {
    const spaced = sampleCorpus();
    spaced.documents[1]!.spans[0]!.label = 'BAD LABEL';
    const a = bratFormat.exportCorpus(spaced);
    expect(a.ok).toBe(false);
    const split = sampleCorpus();
    split.documents[0]!.spans.push({ id: 'x', start: 1, end: 3, label: 'LOC' });
    const b = bratFormat.exportCorpus(split);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.problems.join('\n')).toMatch(/surrogate pair/u);
  });
});

describe('brat round trip', () => {
  for (const unit of ['codepoint', 'utf16'] as const) {
    it(`export → import gives the same spans, attributions and sources (${unit})`, () => {
      const corpus = sampleCorpus();
      const outcome = exportBrat(corpus, { offsetUnit: unit });
      const back = importBrat(filesOf(outcome), { offsetUnit: unit });
      if (!back.ok) throw new Error(back.problems.join('\n'));
      expect(back.notes).toEqual([]);
      expect(back.corpus.documents).toHaveLength(2);
      back.corpus.documents.forEach((doc, i) => {
        expect(doc.text).toBe(corpus.documents[i]!.text);
        expect(readable(doc)).toEqual(readable(corpus.documents[i]!));
      });
      expect(back.corpus.sources.map((s) => s.id).sort()).toEqual(['anon', 'peskov', 'reuters', 'un-src']);
    });
  }

  it('reads back, from its bytes as a folder import does, a document without spans (an empty .ann) without a note', () => {
    const corpus = sampleCorpus();
    corpus.documents.push({ id: 'doc-solo', title: 'بلا مقاطع', text: 'وصل الوفد إلى المدينة مساء أمس.\n', meta: {}, spans: [], attributions: [] });
    const exported = filesOf(exportBrat(corpus));
    expect(file(exported, 'doc-solo.ann')).toBe('');
    const decoded = exported.map((f) => decodeDatasetBytes(f.path, new TextEncoder().encode(f.contents)));
    expect(decoded.filter((d) => !d.ok)).toEqual([]);
    const back = readDataset(decoded.flatMap((d) => (d.ok ? [d.file] : [])));
    if (!back.ok) throw new Error(back.problems.join('\n'));
    expect(back.dataset.notes).toEqual([]);
    expect(back.dataset.state.documents.size).toBe(3);
    // Only line breaks: no annotations either. A binary .ann is still refused.
    expect(decodeDatasetBytes('x.ann', new TextEncoder().encode('\n\n'))).toMatchObject({ ok: true, file: { contents: '\n\n' } });
    expect(decodeDatasetBytes('x.ann', Uint8Array.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 0, 0, 0]))).toMatchObject({ ok: false });
    expect(decodeDatasetBytes('x.conll', new Uint8Array())).toMatchObject({ ok: false });
  });

  it('leaves filtered labels out, with the attributions that need them, and says so', () => {
    const outcome = exportBrat(sampleCorpus(), { labels: ['PER', 'LOC'] });
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    expect(file(outcome.files, 'doc_1_تجربة.ann')).not.toMatch(/^R/mu);
    expect(outcome.notes.some((n) => n.message.includes('left out because their claim span is not exported'))).toBe(true);
    expect(file(outcome.files, 'annotation.conf')).toMatch(/^\[entities\]\nPER\nLOC\n\n/u);
  });
});

describe('brat import', () => {
  const txt = 'قال بيسكوف لوكالة نوفوستي إن الهجوم فشل.';
  const pair = (ann: string, text = txt): OutputFile[] => [{ path: 'd.txt', contents: text }, { path: 'd.ann', contents: ann }];

  it('notes unparseable lines and lines it does not hold, with line numbers', () => {
    const notes: FormatNote[] = [];
    const parsed = parseAnn('d.ann', ['T1\tPER 4 10\tبيسكوف', 'garbage', 'T2 PER 4 10 بيسكوف', '#1\tAnnotatorNotes T1\tملاحظة', 'E1\tAttack:T1', '*\tEquiv T1 T1', 'R1\tAttributedTo Arg1:T1', 'N1\tReference T1 Isnad:x\t\tName'].join('\n'), notes);
    expect(parsed.textBounds).toHaveLength(1);
    expect(parsed.references).toEqual([{ id: 'N1', target: 'T1', rid: 'Isnad', eid: 'x', name: 'Name', line: 8 }]);
    expect(notes.map((n) => `${n.line}:${n.kind}`)).toEqual(['2:skipped', '3:skipped', '4:skipped', '5:skipped', '6:skipped', '7:skipped', '8:repaired']);
  });

  it('skips a T whose text does not match the .txt at its offsets (never shifts it), and what points at it', () => {
    const back = importBrat(pair('T1\tPER 5 11\tبيسكوف\nT2\tCLAIM 29 39\tالهجوم فشل\nR1\tAttributedTo Arg1:T2 Arg2:T1\nT3\tORG 18 25\tنوفوستي\nT4\tORG 18 99\tنوفوستي\nT4\tORG 18 25\tنوفوستي\nT3\tORG 18 25\tنوفوستي\n'));
    if (!back.ok) throw new Error('import failed');
    const doc = back.corpus.documents[0]!;
    expect(doc.spans.map((s) => `${s.id}:${doc.text.slice(s.start, s.end)}`)).toEqual(['d-T2:الهجوم فشل', 'd-T3:نوفوستي', 'd-T4:نوفوستي']);
    expect(back.notes.map((n) => `${n.line}:${n.kind}`)).toEqual(['1:skipped', '5:skipped', '7:skipped', '3:skipped']);
    expect(back.notes[2]!.message).toMatch(/defined twice/u);
    expect(back.notes[0]!.message).toMatch(/does not match/u);
    expect(doc.attributions).toEqual([]);
  });

  it('makes a source from the mention text when there is no Reference line, and notes it', () => {
    const back = importBrat(pair('T1\tPER 4 10\tبيسكوف\nT2\tCLAIM 29 39\tالهجوم فشل\nT3\tCUE 0 3\tقال\nR1\tAttributedTo Arg1:T2 Arg2:T1\nR2\tCue Arg1:T2 Arg2:T3\nA1\tStance T2 hedged\n'));
    if (!back.ok) throw new Error('import failed');
    expect(back.corpus.sources).toMatchObject([{ id: 'src-1', nameAr: 'بيسكوف' }]);
    expect(back.corpus.documents[0]!.attributions).toEqual([{ id: 'd-a1', claimSpanId: 'd-T2', sourceId: 'src-1', mentionSpanId: 'd-T1', cueSpanId: 'd-T3', stance: 'hedged' }]);
    expect(back.notes).toMatchObject([{ line: 4, kind: 'repaired' }]);
  });

  it('reads a .txt with BOM and CRLF (brat counts the CR) onto the stored text', () => {
    const text = 'سطر أول\r\nقال بيسكوف';
    const back = importBrat([{ path: 'c.txt', contents: `\uFEFF${text}` }, { path: 'c.ann', contents: 'T1\tPER 13 19\tبيسكوف\r\nT2\tX 8 10\t\r\n' }]);
    if (!back.ok) throw new Error('import failed');
    const doc = back.corpus.documents[0]!;
    expect(doc.text).toBe('سطر أول\nقال بيسكوف');
    expect(doc.spans.map((s) => doc.text.slice(s.start, s.end))).toEqual(['بيسكوف']);
    expect(back.notes.map((n) => n.kind)).toEqual(['repaired', 'repaired', 'skipped']);
  });

  it('pairs a .txt with the .ann of its own folder: the same name in two folders is two documents', () => {
    const back = importBrat([
      { path: 'ria/doc1.ann', contents: 'T1\tORG 0 7\tنوفوستي\n' },
      { path: 'ria/doc1.txt', contents: 'نوفوستي نقلت عن مصدر' },
      { path: 'sana/doc1.ann', contents: 'T1\tPER 4 10\tبيسكوف\n' },
      { path: 'sana/doc1.txt', contents: 'قال بيسكوف إن المحادثات' },
      { path: 'sana/only.ann', contents: 'T1\tPER 0 3\tقال\n' },
    ]);
    if (!back.ok) throw new Error('import failed');
    const docs = back.corpus.documents.map((doc) => ({ text: doc.text, spans: doc.spans.map((s) => `${s.label} ${doc.text.slice(s.start, s.end)}`) }));
    expect(docs).toEqual([
      { text: 'نوفوستي نقلت عن مصدر', spans: ['ORG نوفوستي'] },
      { text: 'قال بيسكوف إن المحادثات', spans: ['PER بيسكوف'] },
    ]);
    expect(new Set(back.corpus.documents.map((doc) => doc.id)).size).toBe(2);
    // An .ann without its .txt is named by its path.
    expect(back.notes.map((n) => n.where)).toContain('sana/only.ann');
  });

  it('merges fragments split at a line break, and skips truly discontinuous spans', () => {
    const text = 'أعلنت أن\nالمساعدات وصلت';
    const back = importBrat([{ path: 'f.txt', contents: text }, { path: 'f.ann', contents: 'T1\tCLAIM 6 8;9 18\tأن المساعدات\nT2\tCLAIM 0 5;9 18\tأعلنت المساعدات\n' }]);
    if (!back.ok) throw new Error('import failed');
    const doc = back.corpus.documents[0]!;
    expect(doc.spans.map((s) => doc.text.slice(s.start, s.end))).toEqual(['أن\nالمساعدات']);
    expect(back.notes[0]!.message).toMatch(/discontinuous/u);
  });

  it('notes an .ann without its .txt and other files, and fails with no .txt at all', () => {
    const back = importBrat([...pair(''), { path: 'lonely.ann', contents: 'T1\tX 0 1\tق' }, { path: 'readme.md', contents: '' }]);
    if (!back.ok) throw new Error('import failed');
    expect(back.notes.map((n) => n.where)).toEqual(['readme.md', 'lonely.ann']);
    expect(importBrat([{ path: 'x.ann', contents: '' }]).ok).toBe(false);
  });

  it('never throws on arbitrary .ann lines', () => {
    const pieces = ['T1', 'T2', 'R1', 'A1', 'N1', '#1', '\t', ' ', '\n', 'PER', 'CLAIM', '0', '4', '10', ';', 'Arg1:T1', 'Arg2:T2', 'AttributedTo', 'Via', 'Cue', 'Isnad:x', 'بيسكوف', 'قال', 'Reference', 'Stance', 'hedged'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const outcome = bratFormat.importFiles(pair(parts.join('')));
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        const doc = outcome.corpus.documents[0]!;
        const ids = new Set(doc.spans.map((s) => s.id));
        for (const a of doc.attributions) expect(ids.has(a.claimSpanId)).toBe(true);
      }),
    );
  });

  const hasExample = existsSync(`${EXAMPLES}brat_example.ann`);
  it.skipIf(!hasExample)('reads examples/brat_example.{txt,ann} with annotation.conf: every T matches, unknown relations and attributes noted', () => {
    const read = (name: string): OutputFile => ({ path: name.replace('brat_', ''), contents: readFileSync(`${EXAMPLES}${name}`, 'utf8') });
    const back = importBrat([read('brat_example.txt'), read('brat_example.ann'), { path: 'annotation.conf', contents: readFileSync(`${EXAMPLES}brat_annotation.conf`, 'utf8') }]);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    const doc = back.corpus.documents[0]!;
    expect(doc.spans.map((s) => `${s.label}:${doc.text.slice(s.start, s.end)}`)).toEqual(['ORG:وزارة الصحة', 'PERSON:أحمد سالم', 'AGENCY:نوفوستي', 'CLAIM:٣ مستشفيات أُغلقت (مؤقتاً)']);
    expect(doc.spans.map((s) => [s.start, s.end])).toEqual([[17, 28], [29, 38], [46, 53], [57, 83]]);
    expect(doc.attributions).toHaveLength(1);
    expect(doc.attributions[0]).toMatchObject({ claimSpanId: 'example-T4', mentionSpanId: 'example-T2', stance: 'Neutral' });
    expect(back.corpus.sources.map((s) => s.id)).toContain('LocalKB:agency-novosti');
    const messages = back.notes.map((n) => `${n.line}:${n.message}`).join('\n');
    expect(messages).toMatch(/6:Relation type ReportedVia/u);
    expect(messages).toMatch(/7:Relation type AffiliatedWith/u);
    expect(messages).toMatch(/8:Attribute Hedged \(binary\)/u);
    expect(messages).toMatch(/11:Annotator note/u);
    expect(back.corpus.schema.labels.map((l) => l.id)).toEqual(expect.arrayContaining(['PERSON', 'AGENCY']));
  });
});

describe('brat export keeps a corpus built from the example importable', () => {
  it('re-exports an imported corpus and reads it back unchanged', () => {
    const corpus: DatasetCorpus = sampleCorpus();
    const first = importBrat(filesOf(exportBrat(corpus)));
    if (!first.ok) throw new Error('import failed');
    const second = importBrat(filesOf(exportBrat(first.corpus)));
    if (!second.ok) throw new Error('import failed');
    expect(second.corpus.documents.map(readable)).toEqual(first.corpus.documents.map(readable));
  });
});
