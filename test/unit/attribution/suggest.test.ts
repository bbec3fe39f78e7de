import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suggestAnnotations, type Suggestion } from '../../../shared/attribution/suggest';
import { SOURCES, expectWellFormed, record, source } from './fixtures';

function run(text: string, options?: { cues?: readonly string[] }) {
  const result = suggestAnnotations(text, SOURCES, options);
  expectWellFormed(text, result.suggestions);
  return result;
}

function sourcesIn(text: string): Suggestion[] {
  return run(text).suggestions.filter((s) => s.label === 'SOURCE');
}

function cuesIn(text: string): Suggestion[] {
  return run(text).suggestions.filter((s) => s.label === 'CUE');
}

describe('suggestAnnotations: source mentions', () => {
  it('an agency that passes on another source: "ونقلت وكالة نوفوستي عن مصدر في الخارجية قوله …"', () => {
    const text = 'ونقلت وكالة نوفوستي عن مصدر في الخارجية قوله إن الاجتماع سيعقد غدا.';
    const { suggestions, candidates } = run(text);
    const ria = suggestions.find((s) => s.sourceId === source('RIA Novosti').id)!;
    expect(ria).toMatchObject({ label: 'SOURCE', text: 'وكالة نوفوستي', start: 6, end: 19 });
    expect(ria.confidence).toBeGreaterThanOrEqual(0.85);
    expect(ria.reason).toContain('RIA Novosti');
    const cue = suggestions.find((s) => s.label === 'CUE' && s.text === 'نقلت')!;
    expect(cue.start).toBe(1); // the conjunction و is left out
    expect(suggestions.some((s) => s.label === 'CUE' && s.text === 'قوله')).toBe(true);
    expect(candidates.find((c) => c.cue.id === cue.id)?.source?.id).toBe(ria.id);
  });

  it('the longest name wins and nothing overlaps: "وقالت وكالة قاسيون للأنباء إن …"', () => {
    const text = 'وقالت وكالة قاسيون للأنباء إن القصف استمر طوال الليل.';
    const found = sourcesIn(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: 'وكالة قاسيون للأنباء', sourceId: source('Qasioun News Agency').id });
    expect(found[0]!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(cuesIn(text).map((c) => [c.text, c.start])).toEqual([['قالت', 1]]);
  });

  it('a longer alias beats the shorter one inside it: وكالة ريا نوفوستي, الوكالة العربية السورية للأنباء', () => {
    expect(sourcesIn('ذكرت وكالة ريا نوفوستي الخبر.').map((s) => s.text)).toEqual(['وكالة ريا نوفوستي']);
    expect(sourcesIn('نشرت الوكالة العربية السورية للأنباء (سانا) صورا.').map((s) => s.text)).toEqual(['الوكالة العربية السورية للأنباء', 'سانا']);
  });

  it('قاسيون as the mountain gets a low confidence, and says why', () => {
    const [mountain] = sourcesIn('صعد المتسلقون جبل قاسيون صباح السبت.');
    expect(mountain).toMatchObject({ text: 'قاسيون' });
    expect(mountain!.confidence).toBeLessThanOrEqual(0.35);
    expect(mountain!.reason).toContain('ambiguous');
    expect(mountain!.reason).toContain('جبل');
  });

  it('قاسيون as the football nickname gets a low confidence', () => {
    const [team] = sourcesIn('فاز نسور قاسيون بالمباراة.');
    expect(team!.confidence).toBeLessThanOrEqual(0.35);
    expect(team!.reason).toContain('نسور');
  });

  it('قاسيون alone is low; with agency context it is medium', () => {
    const [alone] = sourcesIn('يطل قاسيون على المدينة من الشمال.');
    expect(alone!.confidence).toBe(0.35);
    expect(alone!.reason).toContain('no agency context');
    const [afterCue] = sourcesIn('نقلت قاسيون عن شهود أن الطريق أغلق.');
    expect(afterCue!.confidence).toBe(0.65);
    expect(afterCue!.reason).toContain('نقلت');
    const [afterAgency] = sourcesIn('وأوضح مراسل وكالة الأنباء قاسيون أن الطريق أغلق.');
    expect(afterAgency!.confidence).toBe(0.65);
    const [followed] = sourcesIn('وذكرت قاسيون الإخبارية أن الطريق أغلق.');
    expect(followed!.confidence).toBe(0.65);
    expect(followed!.reason).toContain('الإخبارية');
    const [alias] = sourcesIn('وأوردت قاسيون للأنباء أن الطريق أغلق.');
    expect(alias).toMatchObject({ text: 'قاسيون للأنباء' });
    expect(alias!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('a counter-context word wins over a cue before it', () => {
    const [team] = sourcesIn('وهو الهدف الذي نقل نسور قاسيون إلى النهائي.');
    expect(team!.confidence).toBeLessThanOrEqual(0.35);
  });

  it('"بحسب رويترز": a cue and the agency right after it, paired', () => {
    const text = 'بحسب رويترز، ارتفع عدد الضحايا إلى عشرة.';
    const { suggestions, candidates } = run(text);
    expect(suggestions.map((s) => [s.label, s.text])).toEqual([
      ['CUE', 'بحسب'],
      ['SOURCE', 'رويترز'],
    ]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.source?.sourceId).toBe(source('Reuters').id);
    expect(candidates[0]!.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('"أفادت (AFP) …": a Latin acronym in capitals inside parentheses', () => {
    const text = 'أفادت (AFP) بأن الطائرات حلقت فوق المدينة.';
    const { suggestions, candidates } = run(text);
    const afp = suggestions.find((s) => s.label === 'SOURCE')!;
    expect(afp).toMatchObject({ text: 'AFP', start: 7, end: 10, sourceId: source('AFP').id });
    expect(afp.confidence).toBeGreaterThanOrEqual(0.75);
    expect(candidates[0]).toMatchObject({ cue: { text: 'أفادت' }, source: { text: 'AFP' } });
  });

  it('names are whole words: no AP in APPLE, no تاس in حساسية, no سانا in إنسانا', () => {
    expect(sourcesIn('أعلنت شركة APPLE عن هاتف جديد.')).toEqual([]);
    expect(sourcesIn('تعاني الطفلة من حساسية شديدة تجاه الغبار.')).toEqual([]);
    expect(sourcesIn('كان إنسانا طيبا.')).toEqual([]);
    expect(sourcesIn('The APs and SANAA are not sources.')).toEqual([]);
  });

  it('short Latin acronyms: capitals medium, other case low', () => {
    const [upper] = sourcesIn('نشرت وكالة AP صورا من الموقع.');
    expect(upper!.confidence).toBeGreaterThanOrEqual(0.65);
    const [lower] = sourcesIn('التقت الصحفية Sana بالوزير أمس.');
    expect(lower).toMatchObject({ text: 'Sana', sourceId: source('SANA').id });
    expect(lower!.confidence).toBeLessThanOrEqual(0.3);
    expect(lower!.reason).toContain('not written in capitals');
    const [ria] = sourcesIn('وقالت RIA إن المفاوضات ستستأنف.');
    expect(ria!.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it('letter abbreviations, spaced or dotted: أ ف ب, (أ.ف.ب)', () => {
    expect(sourcesIn('وقال المتحدث لوكالة أ ف ب إن الحدود مغلقة.').map((s) => s.text)).toEqual(['أ ف ب']);
    const [dotted] = sourcesIn('دمشق (أ.ف.ب) - أغلقت المحلات أبوابها.');
    expect(dotted).toMatchObject({ text: 'أ.ف.ب', sourceId: source('AFP').id });
    expect(dotted!.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('a multi-word name does not run across a line break', () => {
    expect(sourcesIn('تابع مراسل فرانس\nبرس الأحداث.')).toEqual([]);
  });
});

describe('suggestAnnotations: clitics, harakat, tatweel', () => {
  it.each([
    ['بنوفوستي', 'ونشر التقرير بنوفوستي أمس.', 'نوفوستي'],
    ['لـرويترز', 'وقال مسؤول لـرويترز إن الطريق مفتوح.', 'رويترز'],
    ['لـ رويترز', 'وقال مسؤول لـ رويترز إن الطريق مفتوح.', 'رويترز'],
    ['والأناضول', 'ونقلت سانا والأناضول الخبر نفسه.', 'الأناضول'],
    ['وسانا', 'ونقلت الأناضول وسانا الخبر نفسه.', 'سانا'],
    ['كوكالة', 'وصفها كوكالة تاس بأنها دقيقة.', 'وكالة تاس'],
    ['فرويترز', 'فرويترز لم تؤكد الخبر.', 'رويترز'],
    ['لوكالة', 'وقال الوزير لوكالة إنترفاكس إن الطريق مفتوح.', 'وكالة إنترفاكس'],
  ])('%s: the clitic is left out of the span', (_, text, expected) => {
    const found = sourcesIn(text);
    expect(found.map((s) => s.text)).toContain(expected);
  });

  it('li + article (للأناضول): the span starts at the article lam and stays on grapheme boundaries', () => {
    const text = 'وقال مسؤول للأناضول إن الطريق مفتوح.';
    const [anadolu] = sourcesIn(text);
    expect(anadolu).toMatchObject({ text: 'لأناضول', sourceId: source('Anadolu Agency').id });
    const [un] = sourcesIn('وقدم التقرير للأمم المتحدة.');
    expect(un).toMatchObject({ text: 'لأمم المتحدة', sourceId: source('United Nations').id });
  });

  it('harakat: spans keep a letter with its marks, and leave the clitic and its mark out', () => {
    const text = 'وَقَالَتْ وَكَالَةُ نُوفُوسْتِي إِنَّ الوَفْدَ وَصَلَ.';
    const { suggestions } = run(text);
    expect(suggestions.map((s) => [s.label, s.text])).toEqual([
      ['CUE', 'قَالَتْ'],
      ['SOURCE', 'وَكَالَةُ نُوفُوسْتِي'],
    ]);
    expect(suggestions[0]!.start).toBe(2);
  });

  it('tatweel and hamza forms in the text: إنتـرفاكس, انترفاكس, وكاله', () => {
    expect(sourcesIn('ونقلت وكاله انتـــرفاكس الخبر.').map((s) => s.text)).toEqual(['وكاله انتـــرفاكس']);
    expect(sourcesIn('وقالت الوكاله العربيه السوريه للانباء إن الوفد وصل.').map((s) => s.sourceId)).toEqual([source('SANA').id]);
  });

  it('Latin case and diacritics in the text', () => {
    expect(sourcesIn('according to AGENCE FRANCE-PRESSE and Agence Frânce Presse').map((s) => s.text)).toEqual(['AGENCE FRANCE-PRESSE', 'Agence Frânce Presse']);
  });

  it('bidi marks and NBSP between the words of a name', () => {
    const text = 'ونقلت\u00a0وكالة\u200f فرانس\u00a0برس الخبر.';
    const [afp] = sourcesIn(text);
    expect(afp!.sourceId).toBe(source('AFP').id);
    expect(afp!.text).toBe('وكالة\u200f فرانس\u00a0برس');
  });
});

describe('suggestAnnotations: cue words', () => {
  it.each([
    ['وقال', 'وقال الوزير إن الطريق مفتوح.', 'قال', 1],
    ['وأعلنت', 'وأعلنت الشركة أرباحها.', 'أعلنت', 1],
    ['فيما قالت', 'فيما قالت المعارضة إن الهجوم فشل.', 'قالت', 5],
    ['وبحسب', 'وبحسب الأرقام، تراجعت المبيعات.', 'بحسب', 1],
    ['فأكدت', 'فأكدت الوزارة الخبر.', 'أكدت', 1],
    ['نقلاً عن', 'نقلاً عن شهود عيان، اشتعلت النيران.', 'نقلاً عن', 0],
    ['وفقاً لـ', 'وفقاً لـ الشرطة، أغلق الطريق.', 'وفقاً لـ', 0],
    ['صرّح', 'وصرّح المتحدث بأن الطريق مفتوح.', 'صرّح', 1],
  ])('%s', (_, text, cue, start) => {
    const found = cuesIn(text);
    expect(found[0]).toMatchObject({ text: cue, start });
    expect(found[0]!.reason).toContain('cue word');
    expect(found[0]!.confidence).toBeGreaterThan(0.5);
  });

  it('"وفقاً لـرويترز": the cue is وفقاً, the source رويترز', () => {
    const { suggestions, candidates } = run('وفقاً لـرويترز، أغلق الطريق.');
    expect(suggestions.map((s) => [s.label, s.text])).toEqual([
      ['CUE', 'وفقاً'],
      ['SOURCE', 'رويترز'],
    ]);
    expect(candidates[0]!.source?.text).toBe('رويترز');
  });

  it('cue words are whole words: no قال in مقال, no نفى in منفى', () => {
    expect(cuesIn('نشر الكاتب مقالا عن المنفى.')).toEqual([]);
  });

  it('a custom cue list replaces the defaults', () => {
    const text = 'وأشارت رويترز إلى الخبر وصرّحت الوزارة بالتفاصيل.';
    expect(run(text, { cues: ['صرّحت'] }).suggestions.filter((s) => s.label === 'CUE').map((s) => s.text)).toEqual(['صرّحت']);
    expect(run(text, { cues: [] }).suggestions.filter((s) => s.label === 'CUE')).toEqual([]);
  });
});

describe('suggestAnnotations: candidates', () => {
  it('pairs each cue with a source in its own sentence only', () => {
    const text = 'قال الوزير إن الوضع مستقر. ونقلت رويترز عن مسؤول أن الطريق مفتوح.';
    const { candidates } = run(text);
    expect(candidates).toHaveLength(2);
    expect(candidates[0]!.cue.text).toBe('قال');
    expect(candidates[0]!.source).toBeUndefined();
    expect(candidates[0]!.confidence).toBeLessThan(0.4);
    expect(candidates[1]).toMatchObject({ cue: { text: 'نقلت' }, source: { text: 'رويترز' } });
  });

  it('prefers a source after the cue (Arabic order) to one before it', () => {
    const text = 'وفي تقرير رويترز قالت وكالة الأناضول إن الوفد وصل.';
    const { candidates } = run(text);
    expect(candidates[0]).toMatchObject({ cue: { text: 'قالت' }, source: { text: 'وكالة الأناضول' } });
  });

  it('falls back to a source before the cue, with less confidence', () => {
    const text = 'رويترز قالت إن الأسعار ارتفعت.';
    const after = run('قالت رويترز إن الأسعار ارتفعت.').candidates[0]!;
    const before = run(text).candidates[0]!;
    expect(before.source?.text).toBe('رويترز');
    expect(before.confidence).toBeLessThan(after.confidence);
  });

  it('does not pair a cue with a mountain', () => {
    const { candidates } = run('وقال سكان إن الثلج غطى جبل قاسيون.');
    expect(candidates[0]!.source).toBeUndefined();
  });

  it('a sentence ends at . ؟ ! ؛ and line breaks, but not inside 6.5 or أ.ف.ب', () => {
    for (const end of ['.', '؟', '!', '؛', '\n']) {
      expect(run(`قال الوزير ذلك${end} رويترز نشرت الخبر.`).candidates[0]!.source, JSON.stringify(end)).toBeUndefined();
    }
    expect(run('قال 6.5 رويترز').candidates[0]!.source?.text).toBe('رويترز');
    expect(run('قالت أ.ف.ب إن الوفد وصل.').candidates[0]!.source?.text).toBe('أ.ف.ب');
  });
});

describe('suggestAnnotations: registry and output', () => {
  it('uses only the given registry; ids are deterministic and sorted by position', () => {
    const sources = [record('local:daily', { nameAr: 'صحيفة الأيام', nameLatin: 'Al-Ayyam', kind: 'media-outlet', aliasesAr: ['الأيام'] })];
    const text = 'وقالت صحيفة الأيام إن رويترز لم تعلق.';
    const first = suggestAnnotations(text, sources);
    expect(first.suggestions.map((s) => s.id)).toEqual(['CUE:1:5:', 'SOURCE:6:18:local:daily']);
    expect(suggestAnnotations(text, sources)).toEqual(first);
    expect(suggestAnnotations(text, []).suggestions.every((s) => s.label === 'CUE')).toBe(true);
  });

  it('empty text and text without names give nothing', () => {
    expect(run('')).toEqual({ suggestions: [], candidates: [] });
    expect(run('   \n\n')).toEqual({ suggestions: [], candidates: [] });
    expect(run('هطلت أمطار غزيرة على المدينة.').suggestions).toEqual([]);
  });

  // Speed is measured in `npm run bench`, never timed here: this checks the long article is handled whole.
  it('handles a long article whole', () => {
    const paragraph = 'ونقلت وكالة نوفوستي عن مصدر في الخارجية قوله إن المحادثات ستستأنف، فيما قالت رويترز إن الوفد وصل إلى جنيف صباح الأحد. ';
    const text = paragraph.repeat(3000); // ≈ 360,000 characters
    const { suggestions, candidates } = suggestAnnotations(text, SOURCES);
    expect(suggestions.filter((s) => s.label === 'SOURCE' && s.text === 'وكالة نوفوستي')).toHaveLength(3000);
    expect(candidates).toHaveLength(9000);
  });
});

describe('suggestAnnotations: properties', () => {
  const pieces = [
    'وكالة نوفوستي', 'نوفوستي', 'بنوفوستي', 'ريا نوفوستي', 'قاسيون', 'جبل قاسيون', 'وكالة قاسيون للأنباء', 'رويترز', 'لـرويترز', 'لـ',
    'فرانس برس', 'أ ف ب', 'أ.ف.ب', 'AFP', 'AP', 'APPLE', 'Sana', 'للأناضول', 'الأمم المتحدة', 'سانا', 'تاس', 'حساسية',
    'قال', 'وقالت', 'نقلت', 'بحسب', 'وفقاً لـ', 'نقلاً عن', 'إن', 'الوزير', 'مصدر',
    ' ', ' ', ' ', '\n', '. ', '، ', '؟', '(', ')', '"', '\u0640', '\u064e', '\u0651', '\u0650', '\u200f', '\u00a0', 'لا', 'ل', 'و', 'ب', '😀', 'e\u0301',
  ];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

  it('suggestions of one label never overlap, slice to their text and sit on grapheme boundaries', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const { suggestions, candidates } = suggestAnnotations(text, SOURCES);
        expectWellFormed(text, suggestions);
        for (const label of ['SOURCE', 'CUE'] as const) {
          const own = suggestions.filter((s) => s.label === label);
          for (let i = 1; i < own.length; i++) expect(own[i]!.start).toBeGreaterThanOrEqual(own[i - 1]!.end);
        }
        for (let i = 1; i < suggestions.length; i++) expect(suggestions[i]!.start).toBeGreaterThanOrEqual(suggestions[i - 1]!.start);
        const ids = new Set(suggestions.map((s) => s.id));
        expect(ids.size).toBe(suggestions.length);
        expect(candidates).toHaveLength(suggestions.filter((s) => s.label === 'CUE').length);
        for (const c of candidates) {
          expect(ids.has(c.cue.id)).toBe(true);
          if (c.source) expect(ids.has(c.source.id)).toBe(true);
          expect(c.confidence).toBeGreaterThanOrEqual(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
