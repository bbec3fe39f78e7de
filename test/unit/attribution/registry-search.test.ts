import { describe, expect, it } from 'vitest';
import { searchRegistry } from '../../../shared/attribution/registry-search';
import { SOURCE_KINDS } from '../../../shared/model/types';
import { SOURCES, record } from './fixtures';

/** The best match's Latin name and the alias it matched by. */
function top(query: string): { name: string | undefined; alias: string | undefined; score: number } {
  const [first] = searchRegistry(SOURCES, query);
  return { name: first?.source.nameLatin, alias: first?.alias, score: first?.score ?? 0 };
}

describe('searchRegistry: names and aliases in both scripts', () => {
  it.each([
    ['وكالة نوفوستي', 'RIA Novosti', 'وكالة نوفوستي', 1],
    ['RIA Novosti', 'RIA Novosti', 'RIA Novosti', 1],
    ['نوفوستي', 'RIA Novosti', 'نوفوستي', 0.95],
    ['ريا نوفوستي', 'RIA Novosti', 'ريا نوفوستي', 0.95],
    ['Novosti', 'RIA Novosti', 'Novosti', 0.95],
    ['وكالة قاسيون للأنباء', 'Qasioun News Agency', 'وكالة قاسيون للأنباء', 1],
    ['Qasioun', 'Qasioun News Agency', 'Qasioun', 0.95],
    ['سانا', 'SANA', 'سانا', 0.95],
    ['Syrian Arab News Agency', 'SANA', 'Syrian Arab News Agency', 0.95],
    ['رويترز', 'Reuters', 'رويترز', 1],
    ['فرانس برس', 'AFP', 'فرانس برس', 0.95],
    ['أ ف ب', 'AFP', 'أ ف ب', 0.95],
    ['Associated Press', 'AP', 'Associated Press', 0.95],
    ['الأناضول', 'Anadolu Agency', 'الأناضول', 0.95],
    ['سبوتنيك', 'Sputnik', 'سبوتنيك', 1],
    ['إنترفاكس', 'Interfax', 'إنترفاكس', 1],
    ['تاس', 'TASS', 'تاس', 0.95],
    ['الأمم المتحدة', 'United Nations', 'الأمم المتحدة', 1],
    ['المرصد السوري لحقوق الإنسان', 'Syrian Observatory for Human Rights', 'المرصد السوري لحقوق الإنسان', 1],
  ])('%s → %s', (query, name, alias, score) => {
    expect(top(query)).toEqual({ name, alias, score });
  });
});

describe('searchRegistry: insensitive to spelling variants', () => {
  it.each([
    ['harakat', 'نُوفُوسْتِي', 'RIA Novosti'],
    ['harakat and shadda', 'وَكَالَةُ الأَنَاضُولِ', 'Anadolu Agency'],
    ['tatweel', 'نوفـــوستي', 'RIA Novosti'],
    ['bare alef for hamza', 'انترفاكس', 'Interfax'],
    ['alef with hamza below', 'إنترفاكس', 'Interfax'],
    ['alef with hamza above', 'أنترفاكس', 'Interfax'],
    ['madda', 'آسوشيتد برس', 'AP'],
    ['bare alef in الاناضول', 'الاناضول', 'Anadolu Agency'],
    ['heh for teh marbuta', 'وكاله نوفوستي', 'RIA Novosti'],
    ['heh for teh marbuta, several words', 'الوكاله العربيه السوريه للانباء', 'SANA'],
    ['Latin lower case', 'reuters', 'Reuters'],
    ['Latin upper case', 'REUTERS', 'Reuters'],
    ['Latin mixed case', 'ria NOVOSTI', 'RIA Novosti'],
    ['Latin diacritics', 'Agence Frânce-Préssé', 'AFP'],
    ['decomposed Latin diacritics', 'Anadolu\u0301', 'Anadolu Agency'],
    ['hyphen or space', 'Agence France Presse', 'AFP'],
    ['extra spaces', '  فرانس    برس ', 'AFP'],
  ])('%s: %s', (_, query, name) => {
    const { name: found, score } = top(query);
    expect(found).toBe(name);
    expect(score).toBeGreaterThanOrEqual(0.9);
  });

  it('alef maqsura and yeh, and hamza on waw and yeh, are the same letters', () => {
    const sources = [record('a', { nameAr: 'مستشفى الرازي', nameLatin: 'Razi Hospital', kind: 'government' }), record('b', { nameAr: 'هيئة المؤتمر', nameLatin: 'Conference Board', kind: 'government' })];
    expect(searchRegistry(sources, 'مستشفي الرازى')[0]).toMatchObject({ score: 1, alias: 'مستشفى الرازي' });
    expect(searchRegistry(sources, 'هيئه الموتمر')[0]).toMatchObject({ score: 1, alias: 'هيئة المؤتمر' });
  });
});

describe('searchRegistry: clitics attached to the query', () => {
  it.each([
    ['لوكالة نوفوستي', 'RIA Novosti'],
    ['بنوفوستي', 'RIA Novosti'],
    ['وبنوفوستي', 'RIA Novosti'],
    ['والأناضول', 'Anadolu Agency'],
    ['للأناضول', 'Anadolu Agency'],
    ['فالأناضول', 'Anadolu Agency'],
    ['ورويترز', 'Reuters'],
    ['فرويترز', 'Reuters'],
    ['برويترز', 'Reuters'],
    ['لرويترز', 'Reuters'],
    ['كرويترز', 'Reuters'],
    ['الرويترز', 'Reuters'],
    ['لـرويترز', 'Reuters'],
    ['لـ رويترز', 'Reuters'],
    ['بـرويترز', 'Reuters'],
    ['بـ رويترز', 'Reuters'],
    ['وسانا', 'SANA'],
    ['لسانا', 'SANA'],
    ['بوكالة الأناضول', 'Anadolu Agency'],
    ['ولـفرانس برس', 'AFP'],
  ])('%s → %s', (query, name) => {
    const { name: found, score } = top(query);
    expect(found).toBe(name);
    expect(score).toBeGreaterThanOrEqual(0.9);
    expect(score).toBeLessThan(1); // a stripped reading counts a little less than the name itself
  });

  it('a reading without clitics never beats the query as typed', () => {
    // "وكالة" starts with و, but the whole query is a name: score 1, not a stripped reading.
    expect(top('وكالة تاس')).toEqual({ name: 'TASS', alias: 'وكالة تاس', score: 1 });
  });
});

describe('searchRegistry: ranking', () => {
  const sources = [
    record('exact-name', { nameAr: 'ألفا', nameLatin: 'Alpha' }),
    record('exact-alias', { nameAr: 'بيتا', nameLatin: 'Beta', aliasesLatin: ['alpha'] }),
    record('prefix', { nameAr: 'غاما', nameLatin: 'Alphabet' }),
    record('word-prefix', { nameAr: 'دلتا', nameLatin: 'Big Alpha House' }),
    record('substring', { nameAr: 'إبسيلون', nameLatin: 'Xalphay' }),
    record('typo', { nameAr: 'زيتا', nameLatin: 'Alpah' }),
    record('none', { nameAr: 'إيتا', nameLatin: 'Omega' }),
  ];

  it('exact name > exact alias > prefix > word prefix > substring > typo; no match left out', () => {
    const found = searchRegistry(sources, 'ALPHA');
    expect(found.map((m) => m.source.id)).toEqual(['exact-name', 'exact-alias', 'prefix', 'word-prefix', 'substring', 'typo']);
    const scores = found.map((m) => m.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
    for (const s of scores) expect(s).toBeGreaterThan(0);
    expect(scores[0]).toBe(1);
  });

  it('ties are ordered by name, and each source appears once with its best name', () => {
    const tied = [record('z', { nameAr: 'زاي', nameLatin: 'Zulu Agency', aliasesAr: ['المصدر الموحد'] }), record('a', { nameAr: 'ألف', nameLatin: 'Alfa Agency', aliasesAr: ['المصدر الموحد'] })];
    const found = searchRegistry(tied, 'المصدر الموحد');
    expect(found.map((m) => [m.source.id, m.alias, m.score])).toEqual([
      ['a', 'المصدر الموحد', 0.95],
      ['z', 'المصدر الموحد', 0.95],
    ]);
    expect(searchRegistry(tied, 'agency').map((m) => m.source.id)).toEqual(['a', 'z']);
  });

  it('limit caps the list', () => {
    expect(searchRegistry(sources, 'alpha', 2).map((m) => m.source.id)).toEqual(['exact-name', 'exact-alias']);
    expect(searchRegistry(sources, 'alpha', 0)).toEqual([]);
  });

  it('a query that matches nothing gives []', () => {
    expect(searchRegistry(SOURCES, 'بلابلابلا')).toEqual([]);
    expect(searchRegistry(SOURCES, 'qwertyuiop')).toEqual([]);
  });
});

describe('searchRegistry: typos', () => {
  it.each([
    ['نوفستي', 'RIA Novosti'],
    ['نوفوستى', 'RIA Novosti'],
    ['رويتز', 'Reuters'],
    ['Reutres', 'Reuters'],
    ['انترفكس', 'Interfax'],
    ['سبوتنك', 'Sputnik'],
    ['Anadolou', 'Anadolu Agency'],
    ['اسوشيدت برس', 'AP'],
  ])('%s → %s', (query, name) => {
    const { name: found, score } = top(query);
    expect(found).toBe(name);
    expect(score).toBeGreaterThan(0);
  });

  it('typo matches rank below every exact, prefix and substring match, and short queries get none', () => {
    expect(top('نوفستي').score).toBeLessThan(0.6);
    expect(top('نوفستي').alias).toBe('نوفوستي'); // the closest whole name, not a word of a longer one
    expect(searchRegistry(SOURCES, 'تاز')).toEqual([]); // 3 letters: no typo tolerance
  });
});

describe('searchRegistry: empty query', () => {
  it('lists every source by kind (SOURCE_KINDS order), then name', () => {
    const all = searchRegistry(SOURCES, '');
    expect(all).toHaveLength(SOURCES.length);
    const kinds = all.map((m) => SOURCE_KINDS.indexOf(m.source.kind));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    const agencies = all.filter((m) => m.source.kind === 'news-agency').map((m) => m.source.nameLatin);
    expect(agencies).toEqual([...agencies].sort((a, b) => a.localeCompare(b, 'en')));
    expect(agencies[0]).toBe('AFP');
    for (const m of all) expect(m).toMatchObject({ score: 1, alias: m.source.nameAr });
  });

  it('blank and harakat-only queries are empty too; limit applies', () => {
    expect(searchRegistry(SOURCES, '   \u0640 ')).toHaveLength(SOURCES.length);
    expect(searchRegistry(SOURCES, '\u064e\u064f')).toHaveLength(SOURCES.length);
    expect(searchRegistry(SOURCES, '', 3).map((m) => m.source.nameLatin)).toEqual(['AFP', 'Anadolu Agency', 'AP']);
  });
});
