import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MAX_LISTED_PROBLEMS, VALIDATE_USAGE, validateCommand, validateText } from '../../../cli/validate';
import { nativeFormat } from '../../../shared/formats/native-dataset';
import { sampleCorpus } from '../../fixtures/formats/web-annotation/corpus';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fixture = (name: string): string => `${fixtures}validate/${name}`;

async function run(args: string[], files: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const read = async (path: string): Promise<string> => {
    if (path in files) return files[path]!;
    return readFile(path, 'utf8');
  };
  const code = await validateCommand(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, read);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('isnad validate: native files', () => {
  it('accepts a sound native file and counts documents, spans and attributions', async () => {
    const { code, out, err } = await run([fixture('good-native.json')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe('valid: 3 documents, 10 spans, 3 attributions (Isnad native JSON, format version 2, offsets in code points)');
  });

  it('accepts a fresh export in UTF-16 units and a version-1 file (migrated)', async () => {
    const out = nativeFormat.exportCorpus(sampleCorpus(), { offsetUnit: 'utf16' });
    if (!out.ok) throw new Error(out.problems.join('\n'));
    const fresh = await run(['corpus.json'], { 'corpus.json': out.files[0]!.contents });
    expect(fresh.code).toBe(0);
    expect(fresh.out).toMatch(/^valid: 3 documents, 10 spans, .*UTF-16 code units/);
    const v1 = await run([`${fixtures}native/v1.json`]);
    expect(v1.code).toBe(0);
    expect(v1.out).toMatch(/^valid: \d+ documents?, \d+ spans?, .*format version 1 \(migrated/);
  });

  it('names the document of a wrong offset and a missing reference (exit 1)', async () => {
    const { code, out } = await run([fixture('bad-native.json')]);
    expect(code).toBe(1);
    expect(out).toMatch(/^invalid: .*bad-native\.json: 2 problems:/);
    expect(out).toMatch(/document “📰 عاجل” \(doc-emoji\): span e-mention \[\d+, \d+\) in codepoints reads “.*” but quotes “وكالةُ الأنباءِ 🇸🇾”/);
    expect(out).toMatch(/\(doc-harakat\): attribution a-1 has source mention span no-such-span, which is not in the document/);
  });

  it('reports schema problems (after migration) and a too-new version', async () => {
    const file = JSON.parse(await readFile(fixture('good-native.json'), 'utf8'));
    file.documents[0].status = 'finished';
    const bad = await run(['x.json'], { 'x.json': JSON.stringify(file) });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/documents\.0\.status/);
    file.formatVersion = 99;
    const newer = await run(['x.json'], { 'x.json': JSON.stringify(file) });
    expect(newer.code).toBe(1);
    expect(newer.out).toMatch(/version 99/);
  });

  it('counts every schema problem, listing the first 20 (it said 5 problems for 36)', async () => {
    const file = JSON.parse(await readFile(fixture('good-native.json'), 'utf8'));
    const documents = file.documents as Array<{ id: string; meta: Record<string, unknown> }>;
    const template = documents[0]!;
    // 36 documents, none with its SHA-256: one schema problem each.
    file.documents = Array.from({ length: 36 }, (_, i) => ({ ...template, id: `doc-${i}`, order: i, meta: { ...template.meta, sha256: undefined } }));
    const contents = JSON.stringify(file);
    const { code, out } = await run(['x.json'], { 'x.json': contents });
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toBe(`invalid: x.json: 36 problems (the first ${MAX_LISTED_PROBLEMS} are listed):`);
    expect(out.split('\n').filter((l) => /^ {2}documents\.\d+\.meta\.sha256: /.test(l))).toHaveLength(MAX_LISTED_PROBLEMS);
    const json = await run(['x.json', '--json'], { 'x.json': contents });
    expect(JSON.parse(json.out)).toMatchObject({ valid: false, problemCount: 36 });
    expect(JSON.parse(json.out).problems).toHaveLength(MAX_LISTED_PROBLEMS);
  });

  it('--json prints a machine-readable report', async () => {
    const good = await run(['--json', fixture('good-native.json')]);
    expect(JSON.parse(good.out)).toMatchObject({ kind: 'native', valid: true, documents: 3, spans: 10, attributions: 3, problemCount: 0, problems: [] });
    const bad = await run([fixture('bad-native.json'), '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ kind: 'native', valid: false, problemCount: 2 });
  });
});

describe('isnad validate: JSON Lines files', () => {
  it('accepts sound files (code points; UTF-16 with a BOM and CRLF line breaks)', async () => {
    const a = await run([fixture('good.jsonl')]);
    expect(a.code).toBe(0);
    expect(a.out).toBe('valid: 3 documents, 10 spans, 3 attributions (Isnad JSON Lines, offsets in codepoint)');
    const b = await run([fixture('good-utf16-crlf.jsonl')]);
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/^valid: 3 documents, 10 spans, 3 attributions .*utf16/);
  });

  it('names the line of spans that do not slice to their text in the declared unit', async () => {
    const { code, out } = await run([fixture('wrong-unit.jsonl')]);
    expect(code).toBe(1);
    expect(out).toMatch(/line 2 \(document doc-emoji\): entity e-org \[\d+, \d+\) in UTF-16 units reads “.*” but quotes “وكالةُ الأنباءِ”/);
    expect(out).not.toMatch(/line 1/);
  });

  it('reports missing references: a mention that is not an entity, an unknown via', async () => {
    const { code, out } = await run([fixture('missing-reference.jsonl')]);
    expect(code).toBe(1);
    expect(out).toMatch(/line 1 \(document doc-harakat\): the mention of attribution a-1 is not one of the line's entities/);
    expect(out).toMatch(/line 1 \(document doc-harakat\): attribution a-2 comes via a-404, which is not an attribution of the line/);
  });

  it('reports a line that is not JSON with its number, and still checks the others', async () => {
    const { code, out } = await run([fixture('bad-json.jsonl')]);
    expect(code).toBe(1);
    expect(out).toMatch(/invalid: .*1 problem:/);
    expect(out).toMatch(/line 2: not valid JSON \(column \d+: [^)]/);
    // The position counts in the line itself: no second line number ("line 1 column 3") from the engine.
    expect(out).not.toMatch(/position|line 1 column/);
  });

  it('lists at most the first 20 problems', async () => {
    const line = (i: number) => JSON.stringify({ id: `d${i}`, text: 'نصٌّ قصير', offsetUnit: 'codepoint', entities: [{ id: 'e', start: 50, end: 60, label: 'LOC', text: 'x' }], claims: [] });
    const contents = Array.from({ length: 30 }, (_, i) => line(i)).join('\n');
    const { code, out } = await run(['many.jsonl'], { 'many.jsonl': contents });
    expect(code).toBe(1);
    expect(out).toMatch(/30 problems \(the first 20 are listed\)/);
    expect(out.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(out).toMatch(/line 20 \(document d19\)/);
    expect(out).not.toMatch(/line 21 /);
  });

  it('survives malformed shapes (entities not an array, attribution without source)', () => {
    const report = validateText(
      [
        JSON.stringify({ text: 'أ', entities: 'no', offsetUnit: 'codepoint' }),
        JSON.stringify({ text: 'قال', offsetUnit: 'bytes', entities: [{ id: 'c', start: 0, end: 3, label: 'CLAIM', text: 'قال' }], claims: [{ id: 'c', span: { start: 0, end: 3, text: 'قال' }, attributions: [{ id: 'a' }, 7] }] }),
      ].join('\n'),
    );
    expect(report.kind).toBe('jsonl');
    expect(report.problems).toEqual([
      'line 1: "entities" is not an array.',
      'line 2: offsetUnit is "bytes" (codepoint or utf16); offsets were checked as code points.',
      'line 2: attribution a has no source (an object with an id).',
      'line 2: attribution #2 of claim c is not an object.',
    ]);
  });
});

describe('isnad validate: usage and unreadable files', () => {
  it('exit 2 without a file, with two files or an unknown option; --help prints the usage', async () => {
    for (const args of [[], ['a.json', 'b.json'], ['--strict', 'a.json']]) {
      const { code, err } = await run(args);
      expect(code).toBe(2);
      expect(err).toContain('Usage:');
    }
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toBe(VALIDATE_USAGE);
  });

  it('exit 2 for a file that cannot be read', async () => {
    const { code, err } = await run([fixture('no-such-file.json')]);
    expect(code).toBe(2);
    expect(err).toMatch(/could not be read: no such file/);
  });

  it('exit 1 for bad JSON, an empty file or JSON of another kind', async () => {
    const bad = await run(['bad.json'], { 'bad.json': '{ "format": "isnad-corpus", ' });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/not valid JSON/);
    const garbage = await run(['g.json'], { 'g.json': 'hello' });
    expect(garbage.code).toBe(1);
    expect(garbage.out).toMatch(/not valid JSON/);
    const empty = await run(['e.jsonl'], { 'e.jsonl': '\n\n' });
    expect(empty.code).toBe(1);
    expect(empty.out).toMatch(/empty/);
    const other = await run(['o.json'], { 'o.json': '[{"data": {"text": "x"}}]' });
    expect(other.code).toBe(1);
    expect(other.out).toMatch(/neither an Isnad native corpus/);
  });
});
