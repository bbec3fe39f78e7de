/**
 * The read-back checks of the JSON Lines, doccano, Label Studio, Web Annotation and native
 * exports, and the native file's checks when it is read: each problem keeps its English
 * sentence exactly (the CLI prints it; the format tests pin it), carries a phrase whose
 * English is that sentence, and in the Arabic interface is a whole Arabic sentence with ids,
 * titles and file names isolated (FSI … PDI).
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/i18n';
import { problemsOf, type DatasetCorpus, type Problem } from '../../../shared/formats/dataset';
import { readDataset } from '../../../shared/formats/dataset-read';
import { DATASET_FORMATS } from '../../../shared/formats/formats';
import { verifyJsonl } from '../../../shared/formats/jsonl';
import { verifyDoccano } from '../../../shared/formats/doccano';
import { verifyLabelStudio } from '../../../shared/formats/label-studio';
import { verifyWebAnnotation } from '../../../shared/formats/web-annotation';
import { english } from '../../../shared/phrases/phrase';
import { schemaForLabels } from '../../../shared/formats/common/imported-schema';
import { prepareFile } from '../../../shared/model/import';
import { schemaIssueProblem } from '../../../shared/formats/schema-issues';
import { withoutIsolates } from '../helpers/isolates';

const arabic = createTranslator('ar');
const englishT = createTranslator('en');
const ARABIC_LETTER = /[\u0600-\u06ff]/u;
const PLACEHOLDER = /\{\w+\}/u;
const isolated = (text: string): string => `\u2068${text}\u2069`;

/** A problem said both ways, checked: its phrase's English is its text, the English interface shows that text, the Arabic is whole. */
function sayBoth(problem: Problem): { text: string; arabic: string } {
  expect(problem.phrase).toBeDefined();
  expect(english(problem.phrase!)).toBe(problem.text);
  expect(withoutIsolates(englishT.text(problem.text, problem.phrase))).toBe(problem.text);
  const ar = arabic.text(problem.text, problem.phrase);
  expect(ar).toMatch(ARABIC_LETTER);
  expect(ar).not.toMatch(PLACEHOLDER);
  expect(ar).not.toMatch(/\b(line|task|region|annotation|document|entity|written|expected|reads|quotes)\b/u);
  return { text: problem.text, arabic: ar };
}

const corpus = (): DatasetCorpus => ({
  name: 'news',
  schema: schemaForLabels(['PER', 'ORG']),
  sources: [],
  documents: [{ id: 'd1', title: 'خبر اليوم', text: 'قال المتحدث باسم Reuters أمس', meta: {}, spans: [{ id: 's1', start: 4, end: 11, label: 'PER' }, { id: 's2', start: 17, end: 24, label: 'ORG' }], attributions: [] }],
});

function exportedText(format: keyof typeof DATASET_FORMATS): string[] {
  const outcome = DATASET_FORMATS[format].exportCorpus(corpus());
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome.files.map((f) => f.contents);
}

describe('a native file whose span does not read its quote', () => {
  const tampered = (edit: (doc: { spans: Array<{ start: number; label: string }> }) => void): string => {
    const json = JSON.parse(exportedText('native')[0]!) as { documents: Array<{ spans: Array<{ start: number; label: string }> }> };
    edit(json.documents[0]!);
    return JSON.stringify(json);
  };

  it('is refused in the dataset dialog with the English unchanged and the Arabic whole, values isolated', () => {
    const outcome = readDataset([{ path: 'news.json', contents: tampered((d) => (d.spans[0]!.start += 1)) }], 'native');
    expect(outcome.ok).toBe(false);
    const problems = outcome.ok ? [] : problemsOf(outcome);
    expect(problems).toHaveLength(1);
    const { text, arabic: ar } = sayBoth(problems[0]!);
    expect(text).toBe('news.json: document “خبر اليوم” (d1): span s1 [5, 11) in codepoints reads “لمتحدث” but quotes “المتحدث”.');
    expect(ar).toBe(`${isolated('news.json')}: المستند «${isolated('خبر اليوم')}» (${isolated('d1')}): المقطع ${isolated('s1')} \u200f[5, 11) بحساب نقاط رموز يُقرأ «${isolated('لمتحدث')}» لكنه يقتبس «${isolated('المتحدث')}».`);
  });

  it('dropped among articles, lists every problem in turn: English joined by spaces as before, Arabic sentence by sentence', () => {
    const contents = tampered((d) => {
      d.spans[0]!.start += 1;
      d.spans[1]!.label = 'XYZ';
    });
    const prepared = prepareFile({ name: 'news.json', bytes: new TextEncoder().encode(contents) });
    expect(prepared.kind).toBe('refused');
    if (prepared.kind !== 'refused') return;
    const { text, arabic: ar } = sayBoth({ text: prepared.message, phrase: prepared.phrase! });
    expect(text).toBe(
      '“news.json” is not a valid Isnad export: document “خبر اليوم” (d1): span s1 [5, 11) in codepoints reads “لمتحدث” but quotes “المتحدث”. document “خبر اليوم” (d1): span s2 has label XYZ, which the schema does not define.',
    );
    expect(ar).toContain(`المقطع ${isolated('s2')} وسمه ${isolated('XYZ')}، وهو وسم لا يعرّفه مخطط الوسوم.`);
    expect(ar.startsWith(`الملف «${isolated('news.json')}» ليس ملف تصدير صالحًا من إسناد: المستند «`)).toBe(true);
  });
});

describe('read-back checks of the written files', () => {
  it('JSON Lines: a shifted entity names its line and id in Arabic', () => {
    const [contents] = exportedText('jsonl');
    const line = JSON.parse(contents!.trim()) as { entities: Array<{ start: number }> };
    line.entities[0]!.start += 1;
    const problems = verifyJsonl(JSON.stringify(line));
    expect(problems).toHaveLength(1);
    const { text, arabic: ar } = sayBoth(problems[0]!);
    expect(text).toBe('line 1: entity s1 [5, 11) in codepoints reads “لمتحدث” but quotes “المتحدث”.');
    expect(ar).toBe(`السطر 1: الكيان ${isolated('s1')}: المدى [5, 11) بحساب نقاط رموز يُقرأ «${isolated('لمتحدث')}» لكنه يقتبس «${isolated('المتحدث')}».`);
  });

  it('doccano: a missing line is counted', () => {
    const [problem] = verifyDoccano('', { variant: 'seq', lines: [{ text: 'x', spans: [], relations: 0 }] });
    expect(sayBoth(problem!)).toEqual({ text: '0 line(s) written, 1 expected.', arabic: 'كُتب من الأسطر 0، والمتوقع 1.' });
  });

  it('Label Studio: a label the config does not define names the task, region and label', () => {
    const [tasks, config] = exportedText('label-studio');
    const relabelled = JSON.parse(tasks!) as Array<{ annotations: Array<{ result: Array<{ value: { labels: string[] } }> }> }>;
    relabelled[0]!.annotations[0]!.result[0]!.value.labels = ['MISC'];
    const [problem] = verifyLabelStudio(JSON.stringify(relabelled), config!);
    expect(sayBoth(problem!)).toEqual({
      text: 'task 1: region s1 has label MISC, which the config does not define.',
      arabic: `المهمة 1: المنطقة ${isolated('s1')} وسمها ${isolated('MISC')}، وهو وسم لا يعرّفه ملف الإعداد.`,
    });
  });

  it('Web Annotation: a target document that is missing, for each span annotation', () => {
    const [wa] = exportedText('web-annotation');
    const json = JSON.parse(wa!) as Record<string, unknown>;
    json['isnad:documents'] = [{}];
    const problems = verifyWebAnnotation(JSON.stringify(json));
    expect(problems.map((p) => sayBoth(p))).toEqual([
      { text: 'isnad:documents: an entry lacks its iri or text.', arabic: 'isnad:documents: مدخل ينقصه المعرّف (iri) أو النص.' },
      { text: 'annotation urn:isnad:span:s1: target urn:isnad:doc:d1 is not in isnad:documents.', arabic: `التوصيف ${isolated('urn:isnad:span:s1')}: هدفه ${isolated('urn:isnad:doc:d1')} ليس في isnad:documents.` },
      { text: 'annotation urn:isnad:span:s2: target urn:isnad:doc:d1 is not in isnad:documents.', arabic: `التوصيف ${isolated('urn:isnad:span:s2')}: هدفه ${isolated('urn:isnad:doc:d1')} ليس في isnad:documents.` },
    ]);
  });
});

describe('a native file with fields the schema refuses', () => {
  it('keeps zod’s English per field and says each in Arabic, field paths and values isolated', () => {
    const json = JSON.parse(exportedText('native')[0]!) as { documents: Array<Record<string, unknown>> };
    json.documents[0]!.title = 'x'.repeat(2001);
    json.documents[0]!.status = 'finished';
    delete json.documents[0]!.text;
    const outcome = readDataset([{ path: 'news.json', contents: JSON.stringify(json) }], 'native');
    const said = (outcome.ok ? [] : problemsOf(outcome)).map((p) => sayBoth(p));
    expect(said).toEqual([
      { text: 'news.json: documents.0.title: Too big: expected string to have <=2000 characters', arabic: `${isolated('news.json')}: الحقل ${isolated('documents.0.title')}: النص أطول من المسموح: الحد الأقصى لعدد أحرفه 2000` },
      {
        text: 'news.json: documents.0.status: Invalid option: expected one of "todo"|"in-progress"|"done"',
        arabic: `${isolated('news.json')}: الحقل ${isolated('documents.0.status')}: خيار غير صالح: المتوقع واحد من ${isolated('"todo"|"in-progress"|"done"')}`,
      },
      { text: 'news.json: documents.0.text: Invalid input: expected string, received undefined', arabic: `${isolated('news.json')}: الحقل ${isolated('documents.0.text')}: قيمة غير صالحة: المتوقع نص، والموجود لا شيء (الحقل مفقود)` },
    ]);
  });

  it('a whole file of the wrong shape is "file"; a message with no phrase of its own stays whole inside an Arabic sentence', () => {
    const outcome = readDataset([{ path: 'news.json', contents: '[1]' }], 'native');
    const [problem] = outcome.ok ? [] : problemsOf(outcome);
    expect(sayBoth(problem!)).toEqual({ text: 'news.json: file: Invalid input: expected object, received array', arabic: `${isolated('news.json')}: الملف: قيمة غير صالحة: المتوقع كائن، والموجود قائمة` });
    const other = schemaIssueProblem({ path: ['registry', 0], message: 'Unrecognized key: "extra"' });
    expect(other.text).toBe('registry.0: Unrecognized key: "extra"');
    expect(arabic.text(other.text, other.phrase)).toBe(`الحقل ${isolated('registry.0')}: قيمة غير صالحة (${isolated('Unrecognized key: "extra"')})`);
  });
});
