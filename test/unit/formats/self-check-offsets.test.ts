/**
 * The offsets an export's self-check gives when it stops (a span that would be read back
 * elsewhere, that does not read back, that is empty) are code points, in English and Arabic,
 * like every other export note: the text has two emoji before the span, so UTF-16 units
 * would say [9, 15) where code points say [7, 13).
 *
 * The native and Web Annotation checks guard against a conversion that goes wrong, which the
 * real one never does; `fault` makes one of the text module's conversions back to UTF-16 land
 * one unit late, so that the checks have something to catch.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatasetCorpus, Refused } from '../../../shared/formats/dataset';
import { DATASET_FORMATS } from '../../../shared/formats/formats';
import { exportNative } from '../../../shared/formats/native';
import { datasetToCorpusState } from '../../../shared/formats/native-dataset';
import { createTranslator } from '../../../shared/i18n/i18n';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import type * as Offsets from '../../../shared/text/offsets';

/** Which conversion lands late: a text's view for the exporter's own check, or reading a written file back. */
const fault = vi.hoisted(() => ({ view: false, back: false }));

vi.mock('../../../shared/text/offsets', async (importOriginal) => {
  const real = await importOriginal<typeof Offsets>();
  const late = (when: boolean) => (offset: number | null): number | null => (when && offset !== null ? offset + 1 : offset);
  return {
    ...real,
    toUtf16Offsets: (...args: Parameters<typeof real.toUtf16Offsets>) => real.toUtf16Offsets(...args).map(late(fault.back)),
    textInUnit: (...args: Parameters<typeof real.textInUnit>) => {
      const view = real.textInUnit(...args);
      return { ...view, toUtf16: (offset: number) => late(fault.view)(view.toUtf16(offset)) };
    },
  };
});

afterEach(() => {
  fault.view = false;
  fault.back = false;
});

const TEXT = '😀😀 قال الوزير إن المفاوضات مستمرة.';
const START = TEXT.indexOf('الوزير'); // 9 UTF-16 units, 7 code points
const END = START + 'الوزير'.length;

function corpus(end = END): DatasetCorpus {
  return { name: 'c', schema: DEFAULT_LABEL_SCHEMA, sources: [], documents: [{ id: 'd1', title: 'خبر', text: TEXT, meta: {}, spans: [{ id: 's1', start: START, end, label: 'PER' }], attributions: [] }] };
}

const arabic = createTranslator('ar');

/** The refusal's problems in English and in Arabic (without the isolates around parameters). */
function problems(outcome: { ok: true } | Refused): { english: string; arabic: string } {
  if (outcome.ok) throw new Error('the export was not refused');
  return { english: outcome.problems.join('\n'), arabic: (outcome.phrases ?? []).map((p) => (p ? arabic.phrase(p) : '')).join('\n').replace(/[\u2066-\u2069]/g, '') };
}

describe('export self-checks give offsets in code points', () => {
  it('the native exporter: a span that would be read back elsewhere', () => {
    expect(START).toBe(9);
    fault.view = true;
    const said = problems(exportNative(datasetToCorpusState(corpus()), { exportedAt: '2026-12-01T00:00:00.000Z' }));
    expect(said.english).toContain('document “خبر”: span s1 at [7, 13) in code points would be read back elsewhere.');
    expect(said.arabic).toContain('المقطع s1 عند [7, 13) بحساب نقاط الرموز سيُقرأ في موضع آخر.');
  });

  it('native (isnad convert): a span the written file does not read back', () => {
    fault.back = true;
    const said = problems(DATASET_FORMATS.native.exportCorpus(corpus()));
    expect(said.english).toContain('span s1 does not read back at [7, 13) in code points.');
    expect(said.arabic).toContain('المقطع s1 لا يُقرأ من الملف المكتوب عند [7, 13) بحساب نقاط الرموز.');
  });

  it('Web Annotation: a span the written file does not read back', () => {
    fault.back = true;
    const said = problems(DATASET_FORMATS['web-annotation'].exportCorpus(corpus()));
    expect(said.english).toContain('document d1: span s1 [7, 13) in code points does not read back.');
    expect(said.arabic).toContain('المقطع s1 ‏[7, 13) بحساب نقاط الرموز لا يُقرأ من الملف المكتوب.');
  });

  it('every dataset exporter: an empty span', () => {
    for (const format of ['web-annotation', 'label-studio', 'jsonl', 'doccano'] as const) {
      const said = problems(DATASET_FORMATS[format].exportCorpus(corpus(START)));
      expect(said.english, format).toMatch(/span s1 \[7, 7\) in code points is empty\./i);
      expect(said.arabic, format).toContain('المقطع s1 ‏[7, 7) بحساب نقاط الرموز فارغ.');
    }
  });
});
