import { describe, expect, it } from 'vitest';
import { previewReadings, sampleOf, type FileReading } from '../../../renderer/import/encoding-preview';
import type { WorkerInputFile } from '../../../renderer/import/protocol';
import { encodeSingleByte } from '../text/encoders';

const ARABIC = 'قال المتحدث باسم وزارة الخارجية إن الوفد سيصل إلى القاهرة صباح الغد.';

describe('sampleOf', () => {
  it('keeps a small file whole', () => {
    const bytes = new TextEncoder().encode(ARABIC);
    expect(sampleOf(bytes, 1000)).toBe(bytes);
  });

  it('cuts a big UTF-8 file on a whole sequence', () => {
    const bytes = new TextEncoder().encode(ARABIC.repeat(20));
    for (let max = 40; max < 60; max += 1) {
      const sample = sampleOf(bytes, max);
      expect(sample.length).toBeLessThanOrEqual(max);
      expect(sample.length).toBeGreaterThan(max - 4);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(sample)).not.toThrow();
    }
  });

  it('cuts a big UTF-16 file on a whole unit', () => {
    const units = new Uint16Array([...ARABIC.repeat(20)].map((ch) => ch.charCodeAt(0)));
    const bytes = new Uint8Array(units.buffer);
    for (let max = 40; max < 44; max += 1) expect(sampleOf(bytes, max).length).toBe(max - (max % 2));
  });
});

describe('previewReadings', () => {
  async function readAll(files: WorkerInputFile[]): Promise<Map<string, FileReading>> {
    const found = new Map<string, FileReading>();
    await previewReadings(files, (name, reading) => found.set(name, reading), new AbortController().signal);
    return found;
  }

  it('says, before the import, how each file would be read', async () => {
    const files: WorkerInputFile[] = [
      { name: 'utf8.txt', file: new File([ARABIC], 'utf8.txt') },
      { name: 'legacy.txt', bytes: encodeSingleByte(ARABIC, 'windows-1256') },
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'big.txt', error: 'too large' },
    ];
    const found = await readAll(files);
    expect(found.get('utf8.txt')).toMatchObject({ ok: true, format: 'text', decoding: { encoding: 'utf-8', encodingMethod: 'valid-utf8' }, sampled: false });
    expect(found.get('legacy.txt')).toMatchObject({ ok: true, format: 'text', decoding: { encoding: 'windows-1256', encodingMethod: 'detected' } });
    expect(found.get('empty.txt')).toMatchObject({ ok: false, reason: "“empty.txt” is empty (it contains no text)." });
    // A file refused before the dialog is not read again.
    expect(found.has('big.txt')).toBe(false);
  });

  it('reads only the start of a big file, and says so', async () => {
    const big = ARABIC.repeat(Math.ceil((1.5 * 2 ** 20) / ARABIC.length));
    const found = await readAll([{ name: 'big.txt', file: new File([big], 'big.txt') }]);
    expect(found.get('big.txt')).toMatchObject({ ok: true, decoding: { encoding: 'utf-8' }, sampled: true });
  });

  it('stops when the dialog closes', async () => {
    const stop = new AbortController();
    const found: string[] = [];
    const files: WorkerInputFile[] = ['a.txt', 'b.txt', 'c.txt'].map((name) => ({ name, file: new File([ARABIC], name) }));
    await previewReadings(files, (name) => {
      found.push(name);
      stop.abort();
    }, stop.signal);
    expect(found).toEqual(['a.txt']);
  });
});
