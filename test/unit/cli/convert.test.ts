import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../cli/isnad';
import { detectFormat } from '../../../cli/convert';
import { exportNative } from '../../../shared/formats/native';
import { addAttribution } from '../../../shared/model/attribution-commands';
import { buildSampleCorpus } from '../../../shared/model/sample-corpus';
import { createCorpusState } from '../../../shared/model/state';
import { applyTransaction, type Transaction } from '../../../shared/model/transaction';
import { testContext } from '../helpers/tagged';
import { encodeWindows1256 } from '../helpers/encodings';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The sample corpus with one attribution, exported as native JSON into a temp folder. */
async function nativeFile(): Promise<{ dir: string; path: string; spans: number }> {
  const records = buildSampleCorpus(testContext());
  let state = createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions);
  const claim = records.spans.find((s) => s.label === 'CLAIM')!;
  const mention = records.spans.find((s) => s.label === 'SOURCE')!;
  const novosti = records.sources.find((s) => s.nameLatin === 'RIA Novosti')!;
  state = applyTransaction(state, (addAttribution(state, { claimSpanId: claim.id, sourceId: novosti.id, mentionSpanId: mention.id }, testContext()) as { tx: Transaction }).tx);
  const exported = exportNative(state, { exportedAt: '2026-01-01T00:00:00.000Z' });
  if (!exported.ok) throw new Error(exported.problems.join());
  const dir = await mkdtemp(join(tmpdir(), 'isnad-convert-'));
  const path = join(dir, 'corpus.json');
  await writeFile(path, exported.json);
  return { dir, path, spans: records.spans.length };
}

describe('isnad convert', () => {
  it('native → doccano (UTF-16 offsets) → JSON Lines (code points), every span exact; validate agrees', async () => {
    const { dir, path, spans } = await nativeFile();
    const doccano = join(dir, 'corpus.doccano.jsonl');
    const first = await run(['convert', path, '--to', 'doccano', '--out', doccano]);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain(`converted 3 documents and ${spans} spans from native to doccano`);
    const lines = (await readFile(doccano, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const relation = lines.find((l) => l.relations?.length);
    expect(relation.relations[0].type).toBe('attributed_to');
    for (const line of lines) for (const e of line.entities) expect(typeof line.text.slice(e.start_offset, e.end_offset)).toBe('string');

    const back = await run(['convert', doccano, '--to', 'jsonl']);
    expect(back.code, back.err).toBe(0);
    const jsonl = back.out.split('\n').map((l) => JSON.parse(l));
    let checked = 0;
    for (const line of jsonl) {
      expect(line.offsetUnit).toBe('codepoint');
      const cps = Array.from(line.text as string);
      for (const e of line.entities) {
        expect(cps.slice(e.start, e.end).join('')).toBe(e.text);
        checked += 1;
      }
    }
    expect(checked).toBe(spans);
    const jsonlPath = join(dir, 'corpus.jsonl');
    await writeFile(jsonlPath, `${back.out}\n`);
    const valid = await run(['validate', jsonlPath]);
    expect(valid.code, valid.out + valid.err).toBe(0);
    expect(valid.out).toMatch(/^valid: 3 documents/);
  });

  it('native → brat folder → native: same texts and spans; brat is detected from the folder', async () => {
    const { dir, path } = await nativeFile();
    const brat = join(dir, 'brat');
    const toBrat = await run(['convert', path, '--to', 'brat', '--out', brat]);
    expect(toBrat.code, toBrat.err).toBe(0);
    const names = await readdir(brat);
    expect(names.filter((n) => n.endsWith('.ann'))).toHaveLength(3);
    expect(names.filter((n) => n.endsWith('.txt'))).toHaveLength(3);
    const back = await run(['convert', brat, '--to', 'native', '--offset-unit', 'utf16']);
    expect(back.code, back.err).toBe(0);
    const original = JSON.parse(await readFile(path, 'utf8'));
    const again = JSON.parse(back.out);
    expect(again.offsetUnit).toBe('utf16');
    const summary = (file: { documents: Array<{ text: string; spans: Array<{ label: string; text: string }> }> }) =>
      file.documents.map((d) => ({ text: d.text, spans: d.spans.map((s) => `${s.label}:${s.text}`).sort() })).sort((a, b) => a.text.localeCompare(b.text));
    expect(summary(again)).toEqual(summary(original));
  });

  it.skipIf(process.platform === 'win32')('walks a folder IN by the rule of every folder walk: hidden entries and links skipped, each said as isnad import says it; subfolders read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-convert-'));
    const tree: Record<string, string> = {
      'brat/a.txt': 'خبر أول',
      'brat/a.ann': 'T1\tPER 0 3\tخبر\n',
      'brat/2019/b.txt': 'خبر ثان',
      'brat/2019/b.ann': 'T1\tORG 4 7\tثان\n',
      'brat/.DS_Store': 'mac',
      'brat/.git/secret.txt': 'في مجلد مخفي',
      'brat/.hidden.txt': 'ملف مخفي',
    };
    for (const [path, text] of Object.entries(tree)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await symlink(join(dir, 'brat', 'a.txt'), join(dir, 'brat', 'link.txt'));
    await symlink(join(dir, 'brat', '2019'), join(dir, 'brat', 'linked-folder'));
    const skips = [
      'skipped brat/.DS_Store: hidden file',
      'skipped brat/.git: hidden folder (not opened)',
      'skipped brat/.hidden.txt: hidden file',
      'skipped brat/link.txt: symbolic link (not followed)',
      'skipped brat/linked-folder: symbolic link (not followed)',
    ];
    const { code, out, err } = await run(['convert', join(dir, 'brat'), '--to', 'jsonl']);
    expect(code, err).toBe(0);
    expect(err.split('\n').filter((line) => line.startsWith('skipped '))).toEqual(skips);
    const texts = out.split('\n').map((line) => (JSON.parse(line) as { text: string }).text);
    expect(texts.sort()).toEqual(['خبر أول', 'خبر ثان']);
    // The same lines, word for word, as isnad inspect gives for the same folder.
    const inspected = await run(['inspect', join(dir, 'brat')]);
    expect(inspected.err.split('\n')).toEqual(expect.arrayContaining(skips));
  });

  it('reads a folder IN in the order of every folder walk (compareFolderPaths), whatever the disk lists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-convert-'));
    const ordered = ['set/2.txt', 'set/10.txt', 'set/B.txt', 'set/a.txt', 'set/a/c.txt', 'set/ا.txt', 'set/ب.txt'];
    for (const path of [...ordered].reverse()) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), `نص ${path}`);
    }
    const { code, out, err } = await run(['convert', join(dir, 'set'), '--from', 'brat', '--to', 'jsonl']);
    expect(code, err).toBe(0);
    expect(out.split('\n').map((line) => (JSON.parse(line) as { text: string }).text)).toEqual(ordered.map((path) => `نص ${path}`));
  });

  it('reports bad usage, undetectable input and invalid files clearly', async () => {
    const { dir, path } = await nativeFile();
    expect((await run(['convert', path])).code).toBe(2);
    expect((await run(['convert', path, '--to', 'excel'])).err).toContain('--to takes one of native, jsonl, doccano');
    const junk = join(dir, 'junk.txt');
    await writeFile(junk, 'not a dataset at all\n');
    const undetected = await run(['convert', junk, '--to', 'jsonl']);
    expect(undetected.code).toBe(1);
    expect(undetected.err).toContain('could not be detected');
    const broken = join(dir, 'broken.json');
    const tampered = JSON.parse(await readFile(path, 'utf8'));
    tampered.documents[0].spans[0].start += 1;
    await writeFile(broken, JSON.stringify(tampered));
    const invalid = await run(['validate', broken]);
    expect(invalid.code).toBe(1);
    expect(invalid.out).toContain('invalid');
    const refused = await run(['convert', broken, '--to', 'jsonl']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('is not a valid native file');
  });

  it('decodes its input as the app does: a legacy Arabic file is read and noted, a binary file and broken JSON are refused saying why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-convert-'));
    // CoNLL in Windows-1256: read, with a note naming the encoding; the tokens come out as Arabic.
    const legacy = join(dir, 'legacy.conll');
    await writeFile(legacy, encodeWindows1256('قال O\nالمتحدث B-PER\nباسم O\nالوزارة B-ORG\n\n'));
    const converted = await run(['convert', legacy, '--from', 'conll', '--to', 'jsonl']);
    expect(converted.code, converted.err).toBe(0);
    expect(converted.err).toMatch(/Windows-1256/u);
    const record = JSON.parse(converted.out.split('\n')[0]!);
    expect(record.text).toContain('المتحدث');
    // A binary file: the app's own words, not a guess at its format.
    const binary = join(dir, 'scan.conll');
    await writeFile(binary, Uint8Array.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 0, 0, 0, 1, 2, 3, 4, 0, 0, 9, 0]));
    const refused = await run(['convert', binary, '--to', 'jsonl']);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('isnad: “scan.conll” is not a text file (it contains binary data).');
    // Broken JSON: where and why, since --from would not help.
    const broken = join(dir, 'review.json');
    await writeFile(broken, '{"text": "خبر", "label": [[0, 3, "LOC"]], "x": }');
    const invalid = await run(['convert', broken, '--to', 'jsonl']);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^isnad: “review\.json” is not valid JSON: line 1, column \d+/u);
  });

  it('writes CoNLL with Arabic prefixes split on request (--split-clitics), so spans after و, ب, ال are kept; says how many were not written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-convert-'));
    const text = 'زار الوزير وروسيا وبالقاهرة، ونقلت والـ٣٥ شخصا.';
    const at = (quote: string) => [...text.slice(0, text.indexOf(quote))].length;
    const span = (quote: string, label: string) => [at(quote), at(quote) + [...quote].length, label];
    const doccano = join(dir, 'clitics.jsonl');
    await writeFile(doccano, `${JSON.stringify({ text, label: [span('روسيا', 'LOC'), span('القاهرة', 'LOC'), span('٣٥', 'DATE'), span('الوزير', 'PER')] })}\n`);
    const out = join(dir, 'clitics.conll');

    const whole = await run(['convert', doccano, '--to', 'conll', '--out', out]);
    expect(whole.code, whole.err).toBe(0);
    expect(whole.err).toContain('converted 1 document and 1 span from doccano to conll');
    expect(whole.err).toContain('3 spans were not written (see the notes above)');
    expect(whole.err).toMatch(/روسيا.*not written \(it would be with Arabic prefixes split/u);

    const split = await run(['convert', doccano, '--to', 'conll', '--out', out, '--split-clitics']);
    expect(split.code, split.err).toBe(0);
    expect(split.err).toContain('converted 1 document and 4 spans from doccano to conll');
    const rows = (await readFile(out, 'utf8')).split('\n').filter((line) => line && !line.startsWith('-DOCSTART-'));
    // (the article too is a token of its own: a span that starts with it begins there)
    expect(rows).toEqual(['زار O', 'ال B-PER', 'وزير I-PER', 'و O', 'روسيا B-LOC', 'و O', 'ب O', 'ال B-LOC', 'قاهرة I-LOC', '، O', 'و O', 'نقلت O', 'و O', 'الـ O', '٣٥ B-DATE', 'شخصا O', '. O']);

    const misplaced = await run(['convert', doccano, '--to', 'jsonl', '--split-clitics']);
    expect(misplaced.code).toBe(2);
    expect(misplaced.err).toContain('--split-clitics applies to --to conll only');
  });

  it('refuses a conversion that reads no documents (exit 1) and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-convert-'));
    const input = join(dir, 'empty.jsonld');
    await writeFile(input, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] } }));
    const out = join(dir, 'out.jsonl');
    const written = await run(['convert', input, '--to', 'jsonl', '--out', out]);
    expect(written.code).toBe(1);
    expect(written.err).toContain(`isnad: no documents were read from “${input}” (as web-annotation); nothing was written.`);
    expect(written.err).not.toContain('converted');
    expect(await readdir(dir)).toEqual(['empty.jsonld']);
    const printed = await run(['convert', input, '--to', 'jsonl']);
    expect(printed.code).toBe(1);
    expect(printed.out).toBe('');
  });

  it('detects formats from content', () => {
    expect(detectFormat([{ path: 'a.ann', contents: 'T1\tPER 0 3\tabc' }, { path: 'a.txt', contents: 'abc' }])).toBe('brat');
    expect(detectFormat([{ path: 'x.json', contents: '{"format": "isnad-corpus"}' }])).toBe('native');
    expect(detectFormat([{ path: 'x.jsonl', contents: '{"text": "a", "label": [[0, 1, "PER"]]}' }])).toBe('doccano');
    expect(detectFormat([{ path: 'x.jsonl', contents: '{"text": "a", "offsetUnit": "codepoint", "entities": []}' }])).toBe('jsonl');
    expect(detectFormat([{ path: 'x.json', contents: '[{"data": {"text": "a"}, "annotations": []}]' }])).toBe('label-studio');
    expect(detectFormat([{ path: 'x.conll', contents: '-DOCSTART- -X- -X- O\n\nقال O\n' }])).toBe('conll');
  });

  it('a JSON Lines line that is not JSON: its line once, the column in it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-convert-'));
    const path = join(dir, 'records.jsonl');
    await writeFile(path, `${JSON.stringify({ text: 'نص', entities: [], offsetUnit: 'codepoint' })}\n{not json\n`);
    const { code, err } = await run(['convert', path, '--to', 'doccano', '--out', join(dir, 'out.jsonl')]);
    expect(code, err).toBe(0);
    expect(err).toContain(`isnad: skipped records.jsonl:2: not valid JSON at column 2 (unexpected 'n' where a property name in double quotes should be): {not json`);
  });
});
