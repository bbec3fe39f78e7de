import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatasetCorpus, FormatNote } from '../../../shared/formats/dataset';
import { conllFormat, exportConll, importConll, rebuildText } from '../../../shared/formats/conll';
import { readConll } from '../../../shared/formats/conll-read';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { TEXT_1, at, sampleCorpus } from '../../fixtures/formats/brat/sample-corpus';

const CORPORA = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));
const EXAMPLES = `${CORPORA}specs/examples/`;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

function contentsOf(outcome: ReturnType<typeof exportConll>): string {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome.files[0]!.contents;
}

function rows(contents: string): string[][] {
  return contents.split('\n').map((l) => l.split(' '));
}

function tagOf(contents: string, token: string): string[] {
  return rows(contents).filter((r) => r[0] === token).map((r) => r[r.length - 1]!);
}

function oneDoc(text: string, spans: Array<[string, string, number?]>): DatasetCorpus {
  return {
    name: 'one',
    schema: DEFAULT_LABEL_SCHEMA,
    sources: [],
    documents: [{ id: 'd', title: 'd', text, meta: {}, attributions: [], spans: spans.map(([label, quote, nth], i) => { const [start, end] = at(text, quote, nth); return { id: `s${i}`, start, end, label }; }) }],
  };
}

describe('CoNLL export', () => {
  it('writes -DOCSTART-, one token per line, a blank line after each sentence, BIO tags by default', () => {
    const outcome = exportConll(sampleCorpus());
    const contents = contentsOf(outcome);
    const lines = contents.split('\n');
    expect(lines[0]).toBe('-DOCSTART- -X- -X- O');
    expect(lines[1]).toBe('');
    expect(lines.filter((l) => l.startsWith('-DOCSTART-'))).toHaveLength(2);
    expect(lines).toContain('قالَ B-CUE');
    expect(lines).toContain('ديمتري B-PER');
    expect(lines).toContain('بيسكوف I-PER');
    expect(lines).toContain('Reuters B-ORG');
    expect(lines).toContain('الهجومَ B-CLAIM');
    expect(lines).toContain('📰 O');
    // the line break of the text ends a sentence
    expect(contents).toContain('. O\n\nوأضاف O');
    expect(outcome.ok && outcome.offsetUnit).toBe('token');
  });

  it('reports spans that do not sit on token edges (روسيا inside وروسيا) and writes them only when clitics are split', () => {
    const plain = exportConll(sampleCorpus());
    expect(plain.ok).toBe(true);
    if (!plain.ok) return;
    const unaligned = plain.notes.filter((n) => n.kind === 'unaligned');
    expect(unaligned.map((n) => n.message).join('\n')).toMatch(/loc2 \(LOC “روسيا”.*would be with Arabic prefixes split/u);
    expect(unaligned.some((n) => n.message.includes('org2 (ORG “وكالة نوفوستي”'))).toBe(true);
    expect(tagOf(contentsOf(plain), 'وروسيا')).toEqual(['O']);

    const split = exportConll(sampleCorpus(), { splitClitics: true });
    expect(split.ok).toBe(true);
    if (!split.ok) return;
    expect(split.notes.filter((n) => n.kind === 'unaligned')).toEqual([]);
    const contents = contentsOf(split);
    expect(contents).toContain('و O\nروسيا B-LOC\n');
    expect(contents).toContain('ل O\nوكالة B-ORG\nنوفوستي I-ORG\n');
  });

  it('gives the offsets of its notes in code points (the 📰 before them is one), as the README and the CLI count', () => {
    const cp = (quote: string): string => {
      const [s, e] = at(TEXT_1, quote);
      return `[${s - 1}, ${e - 1})`;
    };
    const plain = exportConll(sampleCorpus());
    if (!plain.ok) throw new Error('export failed');
    const messages = plain.notes.map((n) => n.message);
    expect(messages).toContain(`Document doc/1 تجربة: span org2 (ORG “وكالة نوفوستي” ${cp('وكالة نوفوستي')}) does not start and end on token boundaries; not written (it would be with Arabic prefixes split into tokens of their own).`);
    expect(messages.some((m) => m.includes(`span src1 (SOURCE ${cp('ديمتري بيسكوف')}) is nested in span per1 (PER)`))).toBe(true);
    expect(messages.some((m) => m.includes(`span claim2 (CLAIM ${cp('أوكرانيا وروسيا تبادلتا القصف يوم 12 آذار')}) contains span loc1 (LOC)`))).toBe(true);
  });

  it('reports nested and overlapping spans, keeping entities over attribution roles', () => {
    const outcome = exportConll(sampleCorpus(), { splitClitics: true });
    if (!outcome.ok) throw new Error('export failed');
    const skipped = outcome.notes.filter((n) => n.kind === 'skipped').map((n) => n.message);
    expect(skipped.some((m) => /span src1 \(SOURCE .*\) is nested in span per1 \(PER\)/u.test(m))).toBe(true);
    expect(skipped.some((m) => /span claim2 \(CLAIM .*\) contains span loc1 \(LOC\)/u.test(m))).toBe(true);
    expect(skipped.some((m) => /span claim3 \(CLAIM .*\) contains span gaza \(LOC\)/u.test(m))).toBe(true);
    expect(skipped.some((m) => m.includes('CoNLL holds no relations; 3 attributions'))).toBe(true);
    expect(tagOf(contentsOf(outcome), 'أوكرانيا')).toEqual(['B-LOC']);
  });

  it('writes IOB1 on request: I- throughout, B- only after a chunk of the same type', () => {
    const corpus = oneDoc('زار أوكرانيا روسيا وبولندا أمس', [['LOC', 'أوكرانيا'], ['LOC', 'روسيا'], ['LOC', 'وبولندا'], ['DATE', 'أمس']]);
    const bio = contentsOf(exportConll(corpus));
    const iob1 = contentsOf(exportConll(corpus, { scheme: 'IOB1' }));
    expect(bio).toContain('أوكرانيا B-LOC\nروسيا B-LOC\nوبولندا B-LOC\nأمس B-DATE');
    expect(iob1).toContain('أوكرانيا I-LOC\nروسيا B-LOC\nوبولندا B-LOC\nأمس I-DATE');
    const multi = oneDoc('قال ديمتري بيسكوف', [['PER', 'ديمتري بيسكوف']]);
    expect(contentsOf(exportConll(multi, { scheme: 'IOB1' }))).toContain('ديمتري I-PER\nبيسكوف I-PER');
    // both read back to the same spans, IOB1 without notes
    for (const contents of [bio, iob1]) {
      const back = importConll([{ path: 'x.conll', contents }]);
      expect(back.ok && back.notes).toEqual([]);
      if (back.ok) expect(back.corpus.documents[0]!.spans.map((s) => `${s.label}:${back.corpus.documents[0]!.text.slice(s.start, s.end)}`)).toEqual(['LOC:أوكرانيا', 'LOC:روسيا', 'LOC:وبولندا', 'DATE:أمس']);
    }
  });

  it('writes four columns or TAB-separated columns on request', () => {
    const four = contentsOf(exportConll(sampleCorpus(), { columns: 4 }));
    expect(four).toContain('قالَ X O B-CUE\n');
    const tab = contentsOf(exportConll(sampleCorpus(), { separator: 'tab' }));
    expect(tab).toContain('قالَ\tB-CUE\n');
    expect(tab.startsWith('-DOCSTART-\t-X-\t-X-\tO\n')).toBe(true);
  });

  it('never breaks a sentence inside a chunk', () => {
    const corpus = oneDoc('قال: انتهت الحرب. وسنعود غداً.', [['CLAIM', 'انتهت الحرب. وسنعود']]);
    const contents = contentsOf(exportConll(corpus));
    expect(contents).toContain('. I-CLAIM\nوسنعود I-CLAIM\n');
  });

  it('round trip: export → import gives the written spans over the rebuilt text', () => {
    for (const splitClitics of [false, true]) {
      const outcome = exportConll(sampleCorpus(), { splitClitics });
      const back = importConll(outcome.ok ? outcome.files : []);
      expect(back.ok).toBe(true);
      if (!back.ok) return;
      const doc = back.corpus.documents[0]!;
      // split clitics come back as tokens of their own ("ال كرملين"): compare without spaces
      const got = doc.spans.map((s) => `${s.label}:${doc.text.slice(s.start, s.end).replace(/ /gu, '')}`);
      expect(got).toEqual(
        ['CUE:قالَ', 'ORG:الكرملين', 'PER:ديمتريبيسكوف', ...(splitClitics ? ['ORG:وكالةنوفوستي'] : []), 'CLAIM:الهجومَبالصواريخلنيمرّ', 'CUE:نقلت', 'ORG:Reuters', 'SOURCE:مصدر', 'LOC:أوكرانيا', ...(splitClitics ? ['LOC:روسيا'] : []), 'DATE:12آذار'],
      );
      expect(doc.text.replace(/[ \n]/gu, '')).toBe(TEXT_1.replace(/\s/gu, ''));
    }
  });

  it('verifies its output: a label that cannot be written in one column stops the export', () => {
    const corpus = oneDoc('قال بيسكوف', [['BAD LABEL', 'بيسكوف']]);
    const outcome = conllFormat.exportCorpus(corpus);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.join('\n')).toMatch(/line|spans/u);
  });

  it('honours the label filter and the attributions switch', () => {
    const outcome = exportConll(sampleCorpus(), { labels: ['LOC'], attributions: false, splitClitics: true });
    if (!outcome.ok) throw new Error('export failed');
    expect(contentsOf(outcome)).not.toMatch(/-(PER|ORG|CLAIM|CUE)\n/u);
    expect(outcome.notes.some((n) => n.message.includes('CoNLL holds no relations'))).toBe(false);
    expect(outcome.notes.some((n) => n.message.includes('label filter'))).toBe(true);
  });
});

describe('CoNLL import', () => {
  it('repairs a BOM, CRLF, bidi marks, merged lines and I- without B-, noting each with its line number', () => {
    const contents = '\uFEFF\u200eفرانكفورت\tB-LOC\r\n(\tO\r\n\u200eد\tI-Media\r\n\t\r\n\u200eقال\tO\r\n';
    const back = importConll([{ path: 'n.conll', contents }]);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.corpus.documents[0]!.text).toBe('فرانكفورت ( د\nقال');
    const byLine = (line: number): string[] => back.notes.filter((n) => n.line === line).map((n) => n.message);
    expect(byLine(1).join(' ')).toMatch(/Byte-order mark.*CR line endings.*Bidi marks removed/su);
    expect(byLine(3).join(' ')).toMatch(/I-Media without B-Media/u);
    expect(back.notes.every((n) => n.kind === 'repaired')).toBe(true);
  });

  it('splits merged lines when unambiguous and skips empty, mark-only and unreadable lines', () => {
    const contents = ['قال O', ' O', '\u200f O', 'روسيا B-LOC أمس O', '. Oالإصابة O', 'كلمة واحدة اثنتان O', 'Reuters OReuters O', 'بيسكوف PERS', 'أمس'].join('\n');
    const notes: FormatNote[] = [];
    const back = importConll([{ path: 'a.txt', contents }]);
    if (!back.ok) throw new Error('import failed');
    notes.push(...back.notes);
    const doc = back.corpus.documents[0]!;
    expect(doc.text).toBe('قال روسيا أمس . الإصابة بيسكوف');
    expect(doc.spans.map((s) => doc.text.slice(s.start, s.end))).toEqual(['روسيا']);
    const kinds = notes.map((n) => `${n.line}:${n.kind}`);
    expect(kinds).toEqual(['2:skipped', '3:skipped', '4:repaired', '5:repaired', '6:skipped', '7:skipped', '8:repaired', '9:skipped']);
  });

  it('gives the notes in line order, by file then line: I- without B- among the reading notes, summaries where the summed-up notes start', () => {
    const messy = [
      '\uFEFFقال O', // 1: BOM
      'روسيا B-LOC', // 2: a B- start, so the file is IOB2
      'موسكو O',
      'الكرملين I-ORG', // 4: I- without B-
      '\u200eأمس O', // 5: bidi mark
      ' O', // 6: empty token, skipped
      'بوتين I-PER', // 7: I- without B-
      'كلمة واحدة اثنتان O', // 8: wrong number of columns, skipped
      'نفى O الخبر I-EVENT', // 9: two lines merged, and I- without B-
      '',
      ...Array.from({ length: 22 }, (_, i) => `\u200eكلمة${i} O`), // 11–32: bidi marks, the last three (beyond 20 with line 5) summed up
      'تاس I-ORG', // 33: I- without B-
    ].join('\n');
    const back = importConll([
      { path: 'b-messy.conll', contents: messy },
      { path: 'a-second.conll', contents: 'أ B-LOC\nب O\n\u200eج I-LOC\n' },
    ]);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    const bidiLines = Array.from({ length: 19 }, (_, i) => [`b-messy.conll:${11 + i}`, 'conllNote.bidi']);
    expect(back.notes.map((n) => [`${n.where}:${n.line}`, n.phrase?.code])).toEqual([
      ['b-messy.conll:1', 'readNote.bom'],
      ['b-messy.conll:4', 'conllNote.iStart'],
      ['b-messy.conll:5', 'conllNote.bidi'],
      ['b-messy.conll:6', 'conllNote.empty'],
      ['b-messy.conll:7', 'conllNote.iStart'],
      ['b-messy.conll:8', 'conllNote.columns'],
      ['b-messy.conll:9', 'conllNote.merged'],
      ['b-messy.conll:9', 'conllNote.iStart'],
      ...bidiLines,
      ['b-messy.conll:30', 'conllNote.more'],
      ['b-messy.conll:33', 'conllNote.iStart'],
      ['a-second.conll:3', 'conllNote.bidi'],
      ['a-second.conll:3', 'conllNote.iStart'],
    ]);
    expect(back.notes.find((n) => n.line === 30)!.message).toMatch(/3 more/u);
  });

  it('reads -DOCSTART- as a document boundary and keeps several files apart', () => {
    const contents = '-DOCSTART- -X- -X- O\n\nأ O\n\n-DOCSTART- -X- -X- O\n\nب B-LOC\n';
    const back = importConll([{ path: 'x.conll', contents }, { path: 'y.conll', contents: 'ج O\n' }]);
    if (!back.ok) throw new Error('import failed');
    expect(back.corpus.documents.map((d) => [d.id, d.text])).toEqual([['x-1', 'أ'], ['x-2', 'ب'], ['y', 'ج']]);
  });

  it('never throws, whatever the input', () => {
    const alphabet = ['O', 'B-LOC', 'I-LOC', 'I-', 'B-', '-DOCSTART-', ' ', '\t', '\n', '\r\n', '\u200e', '\u200f', '\uFEFF', 'روسيا', 'x', 'E-PER', 'S-PER'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
        const outcome = conllFormat.importFiles([{ path: 'f.conll', contents: parts.join('') }]);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        for (const doc of outcome.corpus.documents) {
          expect(BIDI.test(doc.text)).toBe(false);
          for (const s of doc.spans) expect(doc.text.slice(s.start, s.end).trim()).toBe(doc.text.slice(s.start, s.end));
        }
      }),
    );
  });

  const example = `${EXAMPLES}conll2003_example.conll`;
  it.skipIf(!existsSync(example))('reads examples/conll2003_example.conll (4 columns, IOB2) without notes', () => {
    const back = importConll([{ path: 'conll2003_example.conll', contents: readFileSync(example, 'utf8') }]);
    if (!back.ok) throw new Error('import failed');
    expect(back.notes).toEqual([]);
    const doc = back.corpus.documents[0]!;
    expect(doc.spans.map((s) => `${s.label}:${doc.text.slice(s.start, s.end)}`)).toEqual(['ORG:وزارة الصحة', 'PERSON:أحمد سالم', 'AGENCY:نوفوستي', 'CLAIM:٣ مستشفيات أُغلقت ( مؤقتاً )']);
    // …and writes it back in the same four-column layout, line for line
    const again = contentsOf(exportConll(back.corpus, { columns: 4, splitClitics: false }));
    expect(again.trimEnd()).toBe(readFileSync(example, 'utf8').replace(/\r\n/gu, '\n').trimEnd());
  });
});

describe('CoNLL import of the real NER files in ../shared/corpora', () => {
  const files = ['ner_anercorp_first300.txt', 'ner_anercorp_malformed_excerpts.txt', 'ner_newsfane_gold_first300.conll', 'ner_newsfane_gold_media150.conll'];
  for (const name of files) {
    const path = `${CORPORA}${name}`;
    it.skipIf(!existsSync(path))(`${name}: no exception, no bidi marks, spans slice to their tokens, defects noted by line (skipped when the file is absent)`, () => {
      const contents = readFileSync(path, 'utf8');
      const outcome = conllFormat.importFiles([{ path: name, contents }]);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const docs = readConll(name, contents, []);
      expect(outcome.corpus.documents).toHaveLength(docs.length);
      outcome.corpus.documents.forEach((doc, d) => {
        expect(BIDI.test(doc.text)).toBe(false);
        const { offsets } = rebuildText(docs[d]!);
        const tokens = docs[d]!.sentences.flat();
        for (const s of doc.spans) {
          const first = offsets.findIndex(([start]) => start === s.start);
          const last = offsets.findIndex(([, end]) => end === s.end);
          expect(first).toBeGreaterThanOrEqual(0);
          expect(last).toBeGreaterThanOrEqual(first);
          expect(doc.text.slice(s.start, s.end)).toBe(tokens.slice(first, last + 1).map((t) => t.text).join(' '));
        }
      });
      // Defects found independently of the reader: each has a note on its line (or is summed up).
      const lines = contents.replace(/^\uFEFF/u, '').split(/\r?\n/u);
      const defective = lines.map((l, i) => ({ l, line: i + 1 })).filter(({ l }) => l.trim() !== '' && (BIDI.test(l) || /^[ \t]/u.test(l) || l.trim().split(/[ \t]+/u).length !== 2));
      const noted = new Set(outcome.notes.map((n) => n.line));
      const summed = outcome.notes.filter((n) => /more line\(s\) like this/u.test(n.message));
      for (const { line } of defective) {
        const covered = noted.has(line) || summed.some((n) => { const m = /lines (\d+)–(\d+)/u.exec(n.message)!; return line >= Number(m[1]) && line <= Number(m[2]); });
        expect(covered, `line ${line} has a note`).toBe(true);
      }
      if (contents.charCodeAt(0) === 0xfeff) expect(outcome.notes.some((n) => n.line === 1 && n.message.includes('Byte-order mark'))).toBe(true);
      const counts: Record<string, number> = {};
      for (const n of outcome.notes) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
      console.info(`${name}: ${outcome.corpus.documents.length} document(s), ${outcome.corpus.documents.reduce((n, d) => n + d.spans.length, 0)} spans, notes ${JSON.stringify(counts)}, ${defective.length} defective lines`);
    });
  }
});
