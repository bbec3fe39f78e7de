import { describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { main } from '../../../cli/isnad';
import { parseNative } from '../../../shared/formats/native';
import { encodeWindows1256 } from '../helpers/encodings';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const REPEATED = 'عنوان الخبر\nأعلنت البلدية عن خطة جديدة لتنظيم حركة المرور في وسط المدينة.\nوقال المسؤول إن الخطة تبدأ الشهر المقبل بعد انتهاء الدراسات.\nأعلنت البلدية عن خطة جديدة لتنظيم حركة المرور في وسط المدينة.\n';

describe('isnad inspect', () => {
  it('prints format, encoding, title, counts, repeated paragraphs and the text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-cli-'));
    await writeFile(join(dir, 'repeated.txt'), REPEATED);
    const { code, out } = await run(['inspect', join(dir, 'repeated.txt')]);
    expect(code).toBe(0);
    expect(out).toContain('format: text');
    expect(out).toContain('encoding: UTF-8');
    expect(out).toContain('title: عنوان الخبر');
    expect(out).toContain('paragraphs: 4');
    expect(out).toContain('repeated paragraphs: 1');
    expect(out).toContain('¶2, ¶4: أعلنت البلدية');
    expect(out).toContain(REPEATED.trimEnd());
  });

  it('--json gives text, encoding, format, title, paragraphs, repeatedParagraphs and sha256', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-cli-'));
    const text = 'قالت الوزارة إن الاجتماع تأجل.\r\nوأضافت أن موعداً جديداً سيحدد لاحقاً.';
    await writeFile(join(dir, 'legacy.txt'), encodeWindows1256(text));
    const { code, out } = await run(['inspect', '--json', '--encoding', 'windows-1256', join(dir, 'legacy.txt')]);
    expect(code).toBe(0);
    const record = JSON.parse(out);
    expect(record).toMatchObject({ format: 'text', encoding: 'windows-1256', title: 'قالت الوزارة إن الاجتماع تأجل.', paragraphCount: 2, repeatedParagraphs: [] });
    expect(record.text).toBe(text.replace('\r\n', '\n'));
    expect(record.paragraphs).toEqual(['قالت الوزارة إن الاجتماع تأجل.', 'وأضافت أن موعداً جديداً سيحدد لاحقاً.']);
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('walks a folder (skipping non-articles), maps record fields, and exits 1 naming a refused file', async () => {
    const { code, out, err } = await run(['inspect', '--map', 'text=body,title=headline,outlet=source', join(fixtures, 'folder-import')]);
    expect(code).toBe(0);
    expect(err).toContain('skipped folder-import/docs/photo.png: not an article file');
    expect(err).toContain('skipped folder-import/.drafts: hidden folder (not opened)');
    expect(err).toContain('skipped folder-import/.hidden-notes.txt: hidden file');
    expect(out).not.toContain('مسودة لم تُنشر');
    expect(err).toContain('folder-import/records/agencies.jsonl, line 3');
    expect(out).toContain('title: وقف لإطلاق النار في ريف إدلب الجنوبي');
    expect(out).toContain('format: docx');
    const refused = await run(['inspect', join(fixtures, 'articles', 'photo.png')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('“photo.png” is not an article');
  });

  it('refuses a file over 20 MB with the app’s sentence, the size reading over the limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-cli-'));
    await mkdir(join(dir, 'big'));
    await writeFile(join(dir, 'big', 'over.txt'), '');
    await truncate(join(dir, 'big', 'over.txt'), 20 * 1024 * 1024 + 1); // sparse: nothing is written
    const { code, err } = await run(['inspect', dir]);
    expect(code).toBe(1);
    expect(err).toContain(`isnad: “${basename(dir)}/big/over.txt” is too large to import (20.1 MB; the limit is 20 MB).`);
  });

  it('titles a Markdown file without front matter by its heading, without the “# ”; the text keeps it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-cli-'));
    await writeFile(join(dir, 'x.md'), '# اجتماع لجنة المياه\n\nاجتمعت اللجنة صباح الأحد.\n');
    const { code, out } = await run(['inspect', join(dir, 'x.md')]);
    expect(code).toBe(0);
    expect(out).toContain('title: اجتماع لجنة المياه\n');
    expect(out).toContain('\n# اجتماع لجنة المياه\n\nاجتمعت اللجنة صباح الأحد.');
  });

  it('explains bad usage with exit code 2', async () => {
    expect((await run([])).code).toBe(2);
    const bad = await run(['inspect', '--encoding', 'latin-9', 'x.txt']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Unknown encoding “latin-9”');
    expect((await run(['import', 'x.txt'])).err).toContain('import needs --out PATH');
    expect((await run(['--help'])).out).toContain('isnad inspect FILE|FOLDER…');
  });
});

describe('isnad import', () => {
  it('writes a native corpus that re-imports, with collapsed repeats recorded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-cli-'));
    await writeFile(join(dir, 'repeated.txt'), REPEATED);
    await writeFile(join(dir, 'copy.txt'), REPEATED);
    const out = join(dir, 'corpus.json');
    const { code, out: stdout, err } = await run(['import', '--collapse-repeats', '--name', 'CLI corpus', join(dir, 'repeated.txt'), join(dir, 'copy.txt'), join(fixtures, 'articles', 'anadolu-meeting-utf16le.txt'), '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote 2 documents');
    expect(err).toContain('copy.txt: same text as repeated.txt in this import (“عنوان الخبر”), skipped');
    const parsed = parseNative(await readFile(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(parsed.value.corpus.name).toBe('CLI corpus');
    const [first, second] = parsed.value.documents;
    expect(first!.meta.collapsedRepeats).toEqual({ removedParagraphs: 1 });
    expect(first!.text.split('\n').filter(Boolean)).toHaveLength(3);
    expect(second!.meta).toMatchObject({ encoding: 'utf-16le', encodingMethod: 'bom' });
  });

  it('writes nothing when every file is refused, leaving a file already at --out as it was, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-cli-'));
    const fresh = join(dir, 'fresh.json');
    const photo = join(fixtures, 'articles', 'photo.png');
    const none = await run(['import', photo, join(dir, 'missing.txt'), '--out', fresh]);
    expect(none.code).toBe(1);
    expect(none.out).toBe('');
    expect(none.err).toContain('“photo.png” is not an article');
    expect(none.err).toContain(`isnad: no documents were imported (2 files refused); nothing was written to “${fresh}”.`);
    expect(existsSync(fresh)).toBe(false);

    const kept = join(dir, 'kept.json');
    await writeFile(kept, 'an earlier corpus');
    const again = await run(['import', photo, '--out', kept]);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`isnad: no documents were imported (1 file refused); nothing was written to “${kept}”.`);
    expect(await readFile(kept, 'utf8')).toBe('an earlier corpus');
  });
});

describe('isnad --out that cannot be written', () => {
  async function setUp(): Promise<{ dir: string; input: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-cli-'));
    await writeFile(join(dir, 'page.txt'), 'نص الخبر.\n');
    await mkdir(join(dir, 'existing'));
    await writeFile(join(dir, 'a-file'), '');
    return { dir, input: join(dir, 'page.txt') };
  }

  it('says why, naming the path given, never the temporary file, and exits 1', async () => {
    const { dir, input } = await setUp();
    const cases: Array<[string, string]> = [
      [join(dir, 'existing'), 'a folder has that name.'],
      [join(dir, 'no-such-folder', 'x.json'), 'its folder does not exist.'],
      [join(dir, 'a-file', 'x.json'), 'part of the path is a file, not a folder.'],
    ];
    if (existsSync('/proc/self')) cases.push(['/proc/x.json', 'no file can be created in that folder.']);
    for (const [out, why] of cases) {
      const { code, err } = await run(['import', input, '--out', out]);
      expect(code, out).toBe(1);
      expect(err).toBe(`isnad: Nothing was written to “${out}”: ${why}`);
    }
  });

  it('isnad convert --out says the same', async () => {
    const { dir, input } = await setUp();
    const corpus = join(dir, 'corpus.json');
    expect((await run(['import', input, '--out', corpus])).code).toBe(0);
    const one = await run(['convert', corpus, '--to', 'jsonl', '--out', join(dir, 'existing')]);
    expect(one).toMatchObject({ code: 1, err: `isnad: Nothing was written to “${join(dir, 'existing')}”: a folder has that name.` });
    const folder = await run(['convert', corpus, '--to', 'brat', '--out', join(dir, 'a-file', 'brat')]);
    expect(folder).toMatchObject({ code: 1, err: `isnad: Nothing was written to “${join(dir, 'a-file', 'brat')}”: part of the path is a file, not a folder.` });
  });
});

describe('the isnad command', () => {
  const bundle = join(root, 'out', 'cli', 'isnad.mjs');
  it.skipIf(!existsSync(bundle))(`runs as a program (skipped when ${bundle} is not built: npm run build:cli)`, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'bin', 'isnad.mjs'), 'inspect', '--json', join(fixtures, 'articles', 'qasioun-shelling-utf8.txt')]);
    expect(JSON.parse(stdout)).toMatchObject({ format: 'text', encoding: 'utf-8', title: 'قاسيون: قصف على ريف حماة الشمالي' });
  });

  it.skipIf(!existsSync(bundle))('stops quietly when its reader closes the pipe early (| head), with the status of SIGPIPE', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-cli-'));
    const long = 'سطر من نص طويل يطبع كاملًا في آخر التقرير.\n'.repeat(20_000); // ~1 MB: more than a pipe holds
    await writeFile(join(dir, 'a.txt'), long);
    await writeFile(join(dir, 'b.txt'), `عنوان آخر\n${long}`);
    const child = spawn(process.execPath, [bundle, 'inspect', join(dir, 'a.txt'), join(dir, 'b.txt')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Like `head -8`: read the first lines, then close the pipe while the CLI is still writing.
    const first = await new Promise<string>((done) => child.stdout.once('data', (chunk: Buffer) => done(chunk.toString('utf8'))));
    child.stdout.destroy();
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (c, s) => done([c, s])));
    expect(first).toContain('== ');
    expect(stderr).toBe('');
    expect(signal).toBeNull();
    expect(code).toBe(141);
  });
});
