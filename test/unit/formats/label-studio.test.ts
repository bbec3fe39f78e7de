import { problemTexts } from '../../../shared/formats/dataset';
import { english } from '../../../shared/phrases/phrase';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportOutcome, ImportOutcome, OutputFile } from '../../../shared/formats/dataset';
import { exportDoccano } from '../../../shared/formats/doccano';
import { configLabelValues } from '../../../shared/formats/common/ls-config';
import {
  chooseCompletion,
  exportLabelStudio,
  importLabelStudio,
  LABEL_STUDIO_CONFIG_FILE,
  labelStudioFormat,
  verifyLabelStudio,
  type LabelStudioRegion,
  type LabelStudioRelation,
  type LabelStudioTask,
} from '../../../shared/formats/label-studio';
import { relationShape, sampleCorpus, spanShape, TEXT_1 } from '../../fixtures/formats/jsonl/sample-corpus';
import { attributeNotes } from './support';

const examples = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/corpora/specs/examples');

function exported(outcome: ExportOutcome): { tasks: OutputFile; config: OutputFile } {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  expect(outcome.files).toHaveLength(2);
  return { tasks: outcome.files[0]!, config: outcome.files.find((f) => f.path === LABEL_STUDIO_CONFIG_FILE)! };
}
function imported(outcome: ImportOutcome): Extract<ImportOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome;
}
const regionsOf = (task: LabelStudioTask): LabelStudioRegion[] => task.annotations[0]!.result.filter((r): r is LabelStudioRegion => r.type === 'labels');
const relationsOf = (task: LabelStudioTask): LabelStudioRelation[] => task.annotations[0]!.result.filter((r): r is LabelStudioRelation => r.type === 'relation');

describe('Label Studio format', () => {
  it('declares code points', () => {
    expect(labelStudioFormat.name).toBe('label-studio');
    expect(english(labelStudioFormat.offsetConvention)).toMatch(/code points/);
  });

  it('round-trips spans (with their ids) and the attributions', () => {
    const corpus = sampleCorpus();
    const outcome = labelStudioFormat.exportCorpus(corpus);
    const { tasks, config } = exported(outcome);
    expect(outcome.ok && outcome.offsetUnit).toBe('codepoint');
    const back = imported(labelStudioFormat.importFiles([tasks, config]));
    expect(back.notes).toEqual([]);
    back.corpus.documents.forEach((doc, i) => {
      const want = corpus.documents[i]!;
      expect(doc.id).toBe(want.id);
      expect(doc.text).toBe(want.text);
      expect(doc.title).toBe(want.title);
      expect(doc.spans).toEqual([...want.spans].sort((a, b) => a.start - b.start || a.end - b.end));
      expect(spanShape(doc)).toEqual(spanShape(want));
      expect(relationShape(doc)).toEqual(relationShape(want));
    });
    expect(back.corpus.documents[1]!.meta).toEqual({ fileName: 'two.txt', lineEndings: 'crlf' });
  });

  it('writes a labeling config with every label and relation type', () => {
    const { config } = exported(exportLabelStudio(sampleCorpus()));
    expect(config.contents).toMatch(/^<View>\n {2}<Labels name="label" toName="text">/);
    expect(config.contents).toContain('<Text name="text" value="$text"/>');
    expect(configLabelValues(config.contents)).toEqual(['PER', 'ORG', 'LOC', 'DATE', 'CLAIM', 'SOURCE', 'CUE']);
    for (const type of ['attributed_to', 'cue', 'via']) expect(config.contents).toContain(`<Relation value="${type}"/>`);
    const filtered = exported(exportLabelStudio(sampleCorpus(), { labels: ['CLAIM', 'SOURCE'] }));
    expect(configLabelValues(filtered.config.contents)).toEqual(['CLAIM', 'SOURCE']);
  });

  it('counts code points: after 😀 the offset is one less than doccano’s', () => {
    const corpus = sampleCorpus();
    const task = (JSON.parse(exported(exportLabelStudio(corpus)).tasks.contents) as LabelStudioTask[])[0]!;
    const region = regionsOf(task).find((r) => r.value.labels[0] === 'CLAIM')!;
    const doccanoOut = exportDoccano(corpus, { variant: 'seq' });
    if (!doccanoOut.ok) throw new Error('doccano export failed');
    const doccano = (JSON.parse(doccanoOut.files[0]!.contents.split('\n')[0]!) as { label: Array<[number, number, string]> }).label.find((t) => t[2] === 'CLAIM')!;
    expect(region.value.start).toBe(doccano[0] - 1);
    expect(Array.from(TEXT_1).slice(region.value.start, region.value.end).join('')).toBe(region.value.text);
  });

  it('writes relations as claim → mention, claim → cue and mention → mention', () => {
    const task = (JSON.parse(exported(exportLabelStudio(sampleCorpus())).tasks.contents) as LabelStudioTask[])[0]!;
    expect(relationsOf(task).map((r) => `${r.from_id} ${r.labels[0]} ${r.to_id} ${r.direction}`)).toEqual([
      'd1-claim attributed_to d1-src-ministry right',
      'd1-claim cue d1-cue-2 right',
      'd1-src-ministry via d1-src-agency right',
      'd1-claim attributed_to d1-src-agency right',
      'd1-claim cue d1-cue-1 right',
    ]);
  });

  it('carries each claim’s attributions in its region meta, for a Label Studio user to read and Isnad to read back', () => {
    const corpus = sampleCorpus();
    const outcome = exportLabelStudio(corpus);
    expect(attributeNotes(outcome)).toEqual([]);
    expect(outcome.ok && outcome.notes.filter((n) => /exportNote\.(noMention|viaNeedsMentions)/.test(n.phrase?.code ?? ''))).toEqual([]);
    const [first, second] = JSON.parse(exported(outcome).tasks.contents) as LabelStudioTask[];
    const claim = regionsOf(first!).find((r) => r.id === 'd1-claim')!;
    expect(claim.meta!.text.split('\n')).toEqual([
      'source: الوزارة / The Ministry (government); via: وكالة الأنباء الرسمية / Official News Agency; quotation: direct; stance: asserted; claim type: statement',
      'source: وكالة الأنباء الرسمية / Official News Agency (news-agency)',
    ]);
    expect(claim.meta!.isnad.attributions[0]).toEqual({
      id: 'd1-a-ministry',
      source: { id: 'src-ministry', nameAr: 'الوزارة', nameLatin: 'The Ministry', kind: 'government' },
      mention: 'd1-src-ministry',
      cue: 'd1-cue-2',
      quotation: 'direct',
      stance: 'asserted',
      claimType: 'statement',
      via: 'd1-a-agency',
    });
    // Offsets as before: the region's value is untouched, and only claim regions carry meta.
    const at = TEXT_1.indexOf('الاتفاق قريب') - 1; // code points: the emoji before it counts once
    expect(claim.value).toEqual({ start: at, end: at + 'الاتفاق قريب'.length, text: 'الاتفاق قريب', labels: ['CLAIM'] });
    expect(regionsOf(first!).filter((r) => r.meta).map((r) => r.id)).toEqual(['d1-claim']);
    // An attribution without a mention span (no relation can hold it) is in its claim's meta too.
    expect(regionsOf(second!).find((r) => r.id === 'd2-claim-2')!.meta!.isnad.attributions).toEqual([{ id: 'd2-a-2', source: { id: 'src-anon', nameAr: 'مصدر مجهول', nameLatin: 'anonymous', kind: 'anonymous' } }]);
  });

  it('round-trips every attribution whole through the region meta: source, mention, cue, attributes, via', () => {
    const corpus = sampleCorpus();
    const { tasks, config } = exported(exportLabelStudio(corpus));
    const back = imported(importLabelStudio([tasks, config]));
    expect(back.notes).toEqual([]);
    const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.id.localeCompare(b.id));
    back.corpus.documents.forEach((doc, i) => expect(byId(doc.attributions)).toEqual(byId(corpus.documents[i]!.attributions)));
    const used = new Set(corpus.documents.flatMap((d) => d.attributions.map((a) => a.sourceId)));
    expect(byId(back.corpus.sources).map(({ id, nameAr, nameLatin, kind }) => ({ id, nameAr, nameLatin, kind }))).toEqual(
      byId(corpus.sources.filter((s) => used.has(s.id))).map(({ id, nameAr, nameLatin, kind }) => ({ id, nameAr, nameLatin, kind })),
    );
  });

  it('reads a via that would close a chain into a circle without it', () => {
    const { tasks, config } = exported(exportLabelStudio(sampleCorpus()));
    const edited = JSON.parse(tasks.contents) as LabelStudioTask[];
    const entries = regionsOf(edited[0]!).find((r) => r.id === 'd1-claim')!.meta!.isnad.attributions;
    entries.find((e) => e.id === 'd1-a-agency')!.via = 'd1-a-ministry'; // the ministry already came via the agency
    const back = imported(importLabelStudio([{ path: tasks.path, contents: JSON.stringify(edited) }, config]));
    expect(back.corpus.documents[0]!.attributions.map((a) => `${a.id} via ${a.viaId ?? '-'}`)).toEqual(['d1-a-ministry via d1-a-agency', 'd1-a-agency via -']);
    expect(back.notes.map((n) => n.message)).toEqual(['Document doc-1: attribution d1-a-agency comes via d1-a-ministry, which would close its chain into a circle; it was read without it.']);
  });

  it('reads a claim without meta from its relations, and a meta naming what the task lacks without it', () => {
    const { tasks, config } = exported(exportLabelStudio(sampleCorpus()));
    const edited = JSON.parse(tasks.contents) as LabelStudioTask[];
    const [first, second] = edited;
    delete regionsOf(first!).find((r) => r.id === 'd1-claim')!.meta;
    const meta = regionsOf(second!).find((r) => r.id === 'd2-claim-1')!.meta!;
    meta.isnad.attributions[0]!.cue = 'gone';
    meta.isnad.attributions[0]!.via = 'nowhere';
    const back = imported(importLabelStudio([{ path: tasks.path, contents: JSON.stringify(edited) }, config]));
    expect(relationShape(back.corpus.documents[0]!)).toEqual(relationShape(sampleCorpus().documents[0]!));
    expect(back.corpus.documents[0]!.attributions.every((a) => a.quotation === undefined)).toBe(true);
    expect(back.corpus.documents[1]!.attributions.find((a) => a.id === 'd2-a-1')).toEqual({ id: 'd2-a-1', claimSpanId: 'd2-claim-1', sourceId: 'src-minister', mentionSpanId: 'd2-src', quotation: 'indirect' });
    expect(back.notes.map((n) => n.message)).toEqual([
      'Document doc-2: attribution d2-a-1 names region gone, which is not in the task; it was read without it.',
      'Document doc-2: attribution d2-a-1 comes via nowhere, which is not an attribution of the task; it was read without it.',
    ]);
  });

  it('leaves out filtered labels with the relations that need them', () => {
    const outcome = exportLabelStudio(sampleCorpus(), { labels: ['SOURCE', 'CUE', 'PER'] });
    const task = (JSON.parse(exported(outcome).tasks.contents) as LabelStudioTask[])[0]!;
    expect(relationsOf(task)).toEqual([]);
    expect(regionsOf(task).map((r) => r.value.labels[0]).sort()).toEqual(['CUE', 'CUE', 'SOURCE', 'SOURCE']);
    expect(outcome.ok && outcome.notes.some((n) => /claim span is not exported/.test(n.message))).toBe(true);
  });

  it('verification catches a tampered region, an unknown label and a dangling relation', () => {
    const { tasks, config } = exported(exportLabelStudio(sampleCorpus()));
    expect(verifyLabelStudio(tasks.contents, config.contents, { tasks: 3, spans: 13, relations: 7, attributions: 4 })).toEqual([]);
    const shifted = JSON.parse(tasks.contents) as LabelStudioTask[];
    regionsOf(shifted[0]!)[0]!.value.start += 1;
    expect(problemTexts(verifyLabelStudio(JSON.stringify(shifted), config.contents)).join('\n')).toMatch(/task 1: region d1-cue-1 .* reads/);
    const relabelled = JSON.parse(tasks.contents) as LabelStudioTask[];
    regionsOf(relabelled[1]!)[0]!.value.labels = ['MISC'];
    expect(problemTexts(verifyLabelStudio(JSON.stringify(relabelled), config.contents)).join('\n')).toMatch(/MISC, which the config does not define/);
    const dangling = JSON.parse(tasks.contents) as LabelStudioTask[];
    relationsOf(dangling[0]!)[0]!.to_id = 'gone';
    expect(problemTexts(verifyLabelStudio(JSON.stringify(dangling), config.contents)).join('\n')).toMatch(/does not join two regions/);
    expect(problemTexts(verifyLabelStudio(tasks.contents, config.contents, { tasks: 3, spans: 13, relations: 6, attributions: 4 }))).toEqual(['7 relation(s) written, 6 expected.']);
    expect(problemTexts(verifyLabelStudio(tasks.contents, config.contents, { tasks: 3, spans: 13, relations: 7, attributions: 5 }))).toEqual(['4 attribution(s) written in region meta, 5 expected.']);
    const unmoored = JSON.parse(tasks.contents) as LabelStudioTask[];
    const entry = regionsOf(unmoored[0]!).find((r) => r.meta)!.meta!.isnad.attributions[0]!;
    entry.mention = 'gone';
    entry.via = 'nowhere';
    expect(problemTexts(verifyLabelStudio(JSON.stringify(unmoored), config.contents))).toEqual([
      'task 1: region d1-claim: attribution d1-a-ministry names region gone, which is not in the result.',
      'task 1: region d1-claim: attribution d1-a-ministry comes via nowhere, which is not an attribution of the task.',
    ]);
    expect(verifyLabelStudio('{', config.contents)[0]?.text).toMatch(/not valid JSON/);
  });

  it('refuses to export a span inside a surrogate pair', () => {
    const corpus = sampleCorpus();
    corpus.documents[1]!.spans.push({ id: 'flag-half', start: corpus.documents[1]!.text.indexOf('🇸🇾') + 1, end: corpus.documents[1]!.text.indexOf('🇸🇾') + 3, label: 'LOC' });
    expect(exportLabelStudio(corpus).ok).toBe(false);
  });

  it('reads the latest annotation, falls back to predictions, repairs UTF-16-era regions and skips bad items', () => {
    const path = fileURLToPath(new URL('../../fixtures/formats/label-studio/tasks.json', import.meta.url));
    const back = imported(importLabelStudio([{ path: 'tasks.json', contents: readFileSync(path, 'utf8') }]));
    expect(back.corpus.documents.map((d) => d.id)).toEqual(['task-11', 'task-12']);
    const [first, second] = back.corpus.documents;
    expect(spanShape(first!).map((s) => s.split(' ')[1])).toEqual(['CUE:أفاد', 'SOURCE:شاهد', 'CLAIM:السوق']);
    expect(relationShape(first!)).toEqual(['CLAIM:السوق احترق ← SOURCE:شاهد عيان cue CUE:أفاد via -']);
    expect(first!.meta).toEqual({ source: 'fixture' });
    expect(spanShape(second!).map((s) => s.split(' ')[1])).toEqual(['LOC:السوق']);
    const messages = back.notes.map((n) => `${n.kind} ${n.where}: ${n.message}`).join('\n');
    expect(messages).toMatch(/skipped tasks.json task 11: The task has 2 annotations; only the latest was read/);
    expect(messages).toMatch(/repaired tasks.json task 11: Region q matches its text only in UTF-16 units/);
    expect(messages).toMatch(/skipped tasks.json task 12: Region z/);
    expect(messages).toMatch(/skipped tasks.json task 12: Relation p → nowhere/);
    expect(messages).toMatch(/skipped tasks.json task 13: Item 3 is not a task with data.text/);
  });

  it('picks the latest non-cancelled annotation', () => {
    const task = { annotations: [{ id: 1, updated_at: '2026-02-01', result: [] }, { id: 2, updated_at: '2026-01-01', result: [] }, { id: 3, updated_at: '2026-03-01', was_cancelled: true, result: [] }] };
    expect(chooseCompletion(task)).toMatchObject({ from: 'annotation', count: 2, result: task.annotations[0]!.result });
    expect(chooseCompletion({ predictions: [{ result: [] }] })).toMatchObject({ from: 'prediction' });
    expect(chooseCompletion({})).toBeNull();
  });

  it('never throws on a file that is not JSON, and removes a BOM', () => {
    const bad = imported(importLabelStudio([{ path: 'x.json', contents: 'not json' }]));
    expect(bad.corpus.documents).toEqual([]);
    expect(bad.notes[0]).toMatchObject({ where: 'x.json', kind: 'skipped' });
    const { tasks } = exported(exportLabelStudio(sampleCorpus()));
    const bom = imported(importLabelStudio([{ ...tasks, contents: `\uFEFF${tasks.contents}` }]));
    expect(bom.corpus.documents).toHaveLength(3);
    expect(bom.notes.map((n) => n.kind)).toEqual(['repaired']);
  });

  it('never throws on junk tasks (property)', () => {
    const region = fc.record({ id: fc.oneof(fc.string(), fc.integer()), type: fc.constantFrom('labels', 'choices', 'relation'), from_id: fc.string(), to_id: fc.string(), direction: fc.constantFrom('left', 'right', 'bi'), labels: fc.array(fc.oneof(fc.string(), fc.integer())), value: fc.record({ start: fc.integer({ min: -2, max: 20 }), end: fc.oneof(fc.integer({ min: -2, max: 20 }), fc.string()), text: fc.string(), labels: fc.array(fc.oneof(fc.string(), fc.integer())) }, { requiredKeys: [] }) }, { requiredKeys: [] });
    const task = fc.record({ id: fc.integer(), data: fc.record({ text: fc.string({ unit: 'grapheme' }), docId: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] }), annotations: fc.array(fc.record({ result: fc.array(region, { maxLength: 6 }), was_cancelled: fc.boolean() }), { maxLength: 3 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(task, { maxLength: 4 })), (value) => {
        const outcome = importLabelStudio([{ path: 't.json', contents: JSON.stringify(value) ?? '' }]);
        expect(outcome.ok).toBe(true);
        if (outcome.ok) for (const doc of outcome.corpus.documents) for (const s of doc.spans) expect(s.start < s.end && s.end <= doc.text.length).toBe(true);
      }),
    );
  });

  describe('conformance with the spec examples (../shared/corpora/specs/examples)', () => {
    const tasksPath = resolve(examples, 'labelstudio_tasks.json');
    const configPath = resolve(examples, 'labelstudio_config.xml');
    const unitsPath = resolve(examples, 'offsets_by_unit.json');
    const present = existsSync(tasksPath) && existsSync(configPath) && existsSync(unitsPath);
    const why = present ? '' : ` (skipped: ${examples} is absent)`;

    it.skipIf(!present)(`reads the example tasks${why}`, () => {
      const back = imported(importLabelStudio([{ path: 'labelstudio_tasks.json', contents: readFileSync(tasksPath, 'utf8') }, { path: 'labelstudio_config.xml', contents: readFileSync(configPath, 'utf8') }]));
      const [doc] = back.corpus.documents;
      expect(back.notes).toEqual([]);
      expect(spanShape(doc!).map((s) => s.split(' ')[1]!.split(':')[0])).toEqual(['ORG', 'PERSON', 'AGENCY', 'CLAIM']);
      expect(relationShape(doc!)).toHaveLength(2);
      expect(relationShape(doc!).filter((s) => / via AGENCY:/.test(s))).toHaveLength(1);
    });

    it.skipIf(!present)(`writes the example’s keys and config elements, with code points as in offsets_by_unit.json${why}`, () => {
      const example = (JSON.parse(readFileSync(tasksPath, 'utf8')) as Array<Record<string, unknown>>)[0]!;
      const exampleAnnotation = (example.annotations as Array<Record<string, unknown>>)[0]!;
      const exampleResult = exampleAnnotation.result as Array<Record<string, unknown>>;
      const table = JSON.parse(readFileSync(unitsPath, 'utf8')) as Array<Record<string, number | string>>;
      const text = `📰 ${(example.data as { text: string }).text}`;
      const rows = table.filter((r) => r.variant === 'emoji_prefixed');
      const toUtf16 = (cp: number): number => Array.from(text).slice(0, cp).join('').length;
      const spans = rows.map((r, i) => ({ id: `x${i}`, start: toUtf16(r.codepoint_start as number), end: toUtf16(r.codepoint_end as number), label: r.label as string }));
      const corpus = { ...sampleCorpus(), documents: [{ id: 'ex', title: 'ex', text, meta: {}, spans, attributions: [{ id: 'a', claimSpanId: 'x3', sourceId: 'src-anon', mentionSpanId: 'x1' }] }] };
      const { tasks, config } = exported(exportLabelStudio(corpus));
      const task = (JSON.parse(tasks.contents) as LabelStudioTask[])[0]!;
      for (const key of Object.keys(example)) expect(task).toHaveProperty(key);
      for (const key of Object.keys(exampleAnnotation)) expect(task.annotations[0]).toHaveProperty(key);
      const exampleRegion = exampleResult.find((r) => r.type === 'labels')!;
      const exampleRelation = exampleResult.find((r) => r.type === 'relation')!;
      expect(Object.keys(regionsOf(task)[0]!).sort()).toEqual(Object.keys(exampleRegion).sort());
      expect(Object.keys(regionsOf(task)[0]!.value).sort()).toEqual(Object.keys(exampleRegion.value as object).sort());
      expect(Object.keys(relationsOf(task)[0]!).sort()).toEqual(Object.keys(exampleRelation).sort());
      expect(regionsOf(task).map((r) => [r.value.start, r.value.end])).toEqual(rows.map((r) => [r.codepoint_start, r.codepoint_end]));
      const elements = (xml: string): string[] => [...new Set([...xml.matchAll(/<([A-Za-z]+)/g)].map((m) => m[1]!))].sort();
      const exampleXml = readFileSync(configPath, 'utf8');
      expect(elements(config.contents)).toEqual(elements(exampleXml));
      expect(config.contents).toContain(exampleXml.match(/<Labels[^>]*>/)![0]);
      expect(config.contents).toContain(exampleXml.match(/<Text[^>]*>/)![0]);
    });
  });
});
