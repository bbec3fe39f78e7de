import { describe, expect, it } from 'vitest';
import { suggestCommand } from '../../../cli/suggest';

const encoder = new TextEncoder();

/** Runs the command over an in-memory file system. */
async function run(args: string[], files: Record<string, string | Uint8Array>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const read = async (path: string): Promise<Uint8Array> => {
    const file = files[path];
    if (file === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return typeof file === 'string' ? encoder.encode(file) : file;
  };
  const code = await suggestCommand(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, read);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// An astral character before the names makes code-point and UTF-16 offsets differ by one.
const ARTICLE = '😀 وقالت وكالة نوفوستي إن الوفد وصل.\nوصعد الزوار جبل قاسيون.\n';

describe('isnad suggest', () => {
  it('--json: offsets in code points by default, each slicing to its text; source names; candidates', async () => {
    const { code, out, err } = await run(['news.txt', '--json'], { 'news.txt': ARTICLE });
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ offsetUnit: 'codepoint', file: 'news.txt' });
    const points = Array.from(ARTICLE);
    for (const s of report.suggestions) expect(points.slice(s.start, s.end).join('')).toBe(s.text);
    const ria = report.suggestions.find((s: { text: string }) => s.text === 'وكالة نوفوستي');
    expect(ria).toMatchObject({ label: 'SOURCE', start: 8, end: 21, source: { id: 'default:ria-novosti', nameAr: 'وكالة نوفوستي', nameLatin: 'RIA Novosti' } });
    expect(ria.confidence).toBeGreaterThan(0.8);
    expect(ria.reason).toContain('RIA Novosti');
    const mountain = report.suggestions.find((s: { text: string }) => s.text === 'قاسيون');
    expect(mountain.confidence).toBeLessThanOrEqual(0.35);
    expect(report.candidates).toEqual([expect.objectContaining({ cue: expect.objectContaining({ text: 'قالت', start: 3, end: 7 }), source: expect.objectContaining({ text: 'وكالة نوفوستي' }) })]);
  });

  it('--offset-unit utf16 gives UTF-16 offsets', async () => {
    const { code, out } = await run(['--offset-unit', 'utf16', '--json', 'news.txt'], { 'news.txt': ARTICLE });
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.offsetUnit).toBe('utf16');
    for (const s of report.suggestions) expect(ARTICLE.slice(s.start, s.end)).toBe(s.text);
    expect(report.suggestions.find((s: { text: string }) => s.text === 'وكالة نوفوستي')).toMatchObject({ start: 9, end: 22 });
  });

  it('prints human lines without --json', async () => {
    const { code, out } = await run(['news.txt'], { 'news.txt': ARTICLE });
    expect(code).toBe(0);
    expect(out).toContain('== news.txt: ');
    expect(out).toContain('offsets: code points');
    expect(out).toMatch(/SOURCE \[8, 21\) {2}0\.\d\d {2}“وكالة نوفوستي” → RIA Novosti — /u);
    expect(out).toMatch(/CUE {4}\[3, 7\) {2}0\.70 {2}“قالت”/u);
    expect(out).toContain('candidates:');
    expect(out).toContain('“قالت” [3, 7) → “وكالة نوفوستي” [8, 21)');
  });

  it('reads articles through the intake: a Windows-1256 file, and every article of a JSON Lines file', async () => {
    const legacy = new Uint8Array([0xe6, 0xde, 0xc7, 0xe1, 0xca, 0x20, 0xd1, 0xe6, 0xed, 0xca, 0xd1, 0xd2, 0x20, 0xc5, 0xe4, 0x20, 0xc7, 0xe1, 0xe6, 0xdd, 0xcf, 0x20, 0xe6, 0xd5, 0xe1, 0x2e]); // وقالت رويترز إن الوفد وصل.
    const one = JSON.parse((await run(['--json', 'legacy.txt'], { 'legacy.txt': legacy })).out);
    expect(one.suggestions.map((s: { text: string }) => s.text)).toEqual(['قالت', 'رويترز']);
    const lines = ['{"title": "أ", "text": "قالت رويترز إن الوفد وصل."}', '{"title": "ب", "text": "نقلت سانا الخبر."}'].join('\n');
    const { code, out } = await run(['--json', 'news.jsonl'], { 'news.jsonl': lines });
    expect(code).toBe(0);
    const reports = JSON.parse(out);
    expect(reports).toHaveLength(2);
    expect(reports.map((r: { article: number; title: string }) => [r.article, r.title])).toEqual([
      [1, 'أ'],
      [2, 'ب'],
    ]);
    expect(reports[1].suggestions.map((s: { text: string }) => s.text)).toEqual(['نقلت', 'سانا']);
  });

  it('--registry: a file of sources replaces the default registry', async () => {
    const registry = JSON.stringify({ sources: [{ nameAr: 'صحيفة الوطن', nameLatin: 'Al-Watan', kind: 'media-outlet', aliasesAr: ['الوطن'] }] });
    const { code, out } = await run(['--json', '--registry', 'sources.json', 'a.txt'], { 'a.txt': 'وقالت صحيفة الوطن إن رويترز لم تعلق.', 'sources.json': registry });
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.suggestions.filter((s: { label: string }) => s.label === 'SOURCE')).toEqual([expect.objectContaining({ text: 'صحيفة الوطن', source: { id: 'registry:al-watan', nameAr: 'صحيفة الوطن', nameLatin: 'Al-Watan' } })]);
    const bare = await run(['--json', '--registry', 'bare.json', 'a.txt'], { 'a.txt': 'نقلت الوطن الخبر.', 'bare.json': JSON.stringify([{ id: 'w', nameAr: 'الوطن', kind: 'media-outlet' }]) });
    expect(JSON.parse(bare.out).suggestions[1]).toMatchObject({ text: 'الوطن', source: { id: 'w' } });
  });

  it('refuses a bad registry clearly, with exit code 1', async () => {
    const bad = await run(['--registry', 'bad.json', 'a.txt'], { 'a.txt': 'نص', 'bad.json': '[{"nameAr": "س", "kind": "blog"}]' });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('registry “bad.json” refused');
    expect(bad.err).toContain('sources[0].kind');
    const notJson = await run(['--registry', 'bad.json', 'a.txt'], { 'a.txt': 'نص', 'bad.json': 'nope' });
    expect(notJson.code).toBe(1);
    expect(notJson.err).toContain('not valid JSON');
    const binary = await run(['--registry', 'bad.json', 'a.txt'], { 'a.txt': 'نص', 'bad.json': new Uint8Array([0xff, 0xfe, 0x00, 0xd8]) });
    expect(binary.code).toBe(1);
    expect(binary.err).toContain('not UTF-8');
    const missing = await run(['--registry', 'none.json', 'a.txt'], { 'a.txt': 'نص' });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('“none.json” could not be read: no such file');
  });

  it('exit 1 for a refused or missing article file', async () => {
    const png = await run(['photo.png'], { 'photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
    expect(png.code).toBe(1);
    expect(png.err).toMatch(/^isnad: /u);
    const missing = await run(['gone.txt'], {});
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('“gone.txt” could not be read: no such file');
  });

  it.each([
    [[], 'Name the article file.'],
    [['a.txt', 'b.txt'], 'suggest takes one file.'],
    [['a.txt', '--offset-unit', 'bytes'], 'Unknown offset unit “bytes”'],
    [['a.txt', '--offset-unit'], '--offset-unit needs a value.'],
    [['a.txt', '--registry'], '--registry needs a value.'],
    [['a.txt', '--colour'], 'Unknown option --colour.'],
  ])('usage error %j: exit 2 with the usage', async (args, message) => {
    const { code, err } = await run(args, { 'a.txt': 'نص' });
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('isnad suggest FILE');
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, out } = await run(['--help'], {});
    expect(code).toBe(0);
    expect(out).toContain('--offset-unit');
  });
});
